package dev.scorespec.processor.emit;

import static dev.scorespec.processor.emit.RuntimeNames.BODY_KIND;
import static dev.scorespec.processor.emit.RuntimeNames.DATA_FRAME_WRITER;
import static dev.scorespec.processor.emit.RuntimeNames.GENERATED_BINDER;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_GENERATOR;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_OUTPUT;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_PARAMETERS;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_PARSER;
import static dev.scorespec.processor.emit.RuntimeNames.MODEL_DIR;
import static dev.scorespec.processor.emit.RuntimeNames.ORIENT;
import static dev.scorespec.processor.emit.RuntimeNames.SCORING_REQUEST;
import static dev.scorespec.processor.emit.RuntimeNames.SPARK_FRAME_SPEC;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.scorespec.processor.kinds.spark.SparkFrameBinders;
import dev.scorespec.processor.model.RunParameter;
import dev.scorespec.processor.model.ScoringSpec;
import dev.scorespec.processor.model.ValueType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * The third layer, for code: writes the {@code <Class>_ScoreSpec} binder of a validated scoring class.
 * The binder parses the body with Jackson's streaming parser straight into {@code run}'s parameter
 * types, one method per parameter and one per nested structure, so a reader can follow the schema in
 * the code. It writes the class and the parameters; what depends on a value's kind it asks of that
 * kind's {@link KindEmitter}, through {@link BinderFile}.
 */
public final class BinderEmitter implements BinderFile {

    public static final String PROCESSOR = "dev.scorespec.processor.ScoreSpecProcessor";
    private static final ParameterSpec JSON =
            ParameterSpec.builder(JSON_PARSER, "json").build();
    /** A call of one of the binder's own readers, which a method reference can name instead. */
    private static final Pattern CALL_WITH_PARSER = Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*)\\(json\\)");

    private static final ParameterSpec OUT =
            ParameterSpec.builder(JSON_GENERATOR, "out").build();

    /** Names a record component may not have (JLS 8.10.1), though a parameter of run may. */
    private static final Set<String> NOT_COMPONENT_NAMES =
            Set.of("clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

    private final ScoringSpec spec;
    private final ClassName binder;
    private final ClassName arguments;
    private final TypeSpec.Builder type;
    /** The components of {@code Arguments}, one per parameter of run, in its order. */
    private final List<String> argumentNames;

    private final Set<String> methodNames = new HashSet<>();
    private final Set<String> constants = new HashSet<>();
    private final Map<String, MethodSpec> helpers = new LinkedHashMap<>();
    /** Members imported statically for the constants' initializers, such as {@code DataFrameSpec.column}. */
    private final Map<ClassName, Set<String>> staticImports = new LinkedHashMap<>();
    /** Each kind's binder code for this binder, by class; see {@link #part}. */
    private final Map<Class<?>, Object> parts = new HashMap<>();

    private BinderEmitter(ScoringSpec spec) {
        this.spec = spec;
        this.binder = binderName(spec.scoringClass());
        this.arguments = binder.nestedClass("Arguments");
        this.type = TypeSpec.classBuilder(binder);
        this.argumentNames = FieldLocals.distinct(
                spec.parameters().stream().map(BinderEmitter::argumentName).toList(), NOT_COMPONENT_NAMES);
    }

    /** The binder's name: the scoring class's flat name plus {@code _ScoreSpec}, in the same package. */
    public static ClassName binderName(ClassName scoringClass) {
        return ClassName.get(scoringClass.packageName(), String.join("_", scoringClass.simpleNames()) + "_ScoreSpec");
    }

    public static JavaFile emit(ScoringSpec spec) {
        return new BinderEmitter(spec).build();
    }

    private JavaFile build() {
        ClassName scoring = spec.scoringClass();
        TypeName result = spec.returnType().equals(TypeName.VOID)
                ? ClassName.get(Void.class)
                : spec.returnType().box();
        type.addAnnotation(AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
                        .addMember("value", "$S", PROCESSOR)
                        .addMember("comments", "$S", "from " + scoring.canonicalName())
                        .build())
                .addJavadoc(
                        "Binds requests to {@link $T#$L}: generated by ScoreSpec from its samples; do not edit.\n",
                        scoring,
                        spec.runMethod())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(GENERATED_BINDER, scoring, arguments, result))
                .addType(argumentsRecord())
                .addMethod(constructor())
                .addMethod(create())
                .addMethod(bind())
                .addMethod(run(result));
        writeResult(result).ifPresent(type::addMethod);
        TabularEmitter.of(spec, this, arguments, result).ifPresent(tabular -> tabular.addTo(type));
        spec.batching()
                .ifPresent(plan -> new BatchShapeEmitter(spec, plan, arguments, result, argumentNames).addTo(type));
        // The one capability that is not per value: a Spark dataset in and out can be scored in one call.
        SparkFrameBinders.datasetBinding(spec)
                .ifPresent(batch ->
                        type.addSuperinterface(batch.type()).addMethods(batch.methods(this, spec.runMethod())));
        helpers.values().forEach(type::addMethod);
        JavaFile.Builder file = JavaFile.builder(binder.packageName(), type.build())
                .addFileComment("Generated by ScoreSpec from $L. Do not edit.", scoring.canonicalName())
                .skipJavaLangImports(true)
                .indent("    ");
        staticImports.forEach((owner, members) -> file.addStaticImport(owner, members.toArray(new String[0])));
        return file.build();
    }

    private TypeSpec argumentsRecord() {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        for (int i = 0; i < spec.parameters().size(); i++) {
            constructor.addParameter(spec.parameters().get(i).javaType(), argumentNames.get(i));
        }
        return TypeSpec.recordBuilder(arguments)
                .addJavadoc(
                        "The arguments of one call of {@link $T#$L}, in its parameter order.\n",
                        spec.scoringClass(),
                        spec.runMethod())
                .addModifiers(Modifier.PUBLIC)
                .recordConstructor(constructor.build())
                .build();
    }

    /** The name {@code Arguments} would give a parameter if no other had it. */
    private static String argumentName(RunParameter p) {
        if (p instanceof RunParameter.Body b) {
            return BinderNames.javaName(b.name());
        }
        if (p instanceof RunParameter.RawRequest) {
            return "request";
        }
        return p instanceof RunParameter.Headers ? "requestHeaders" : "body";
    }

    /** Names the scoring class, its body kind and its documents for {@code GeneratedBinder}. */
    private MethodSpec constructor() {
        CodeBlock versions = spec.documentVersions().stream()
                .map(v -> CodeBlock.of("$S", v.label()))
                .collect(CodeBlock.joining(", "));
        return MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Called by {@link java.util.ServiceLoader}.\n")
                // The binary name, as Class.getName() spells it: the documents are stored under it.
                .addStatement(
                        "super($S, $T.$L, $L)",
                        spec.scoringClass().reflectionName(),
                        BODY_KIND,
                        spec.bodyKind().name(),
                        versions)
                .build();
    }

    private MethodSpec create() {
        MethodSpec.Builder create = MethodSpec.methodBuilder("create")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(spec.scoringClass())
                .addParameter(MODEL_DIR, "models")
                .addException(Exception.class);
        if (SparkFrameBinders.usesSpark(spec)) {
            create.addComment(
                            "Spark starts now, not at the first request: readiness waits for it, and @Init may use it.")
                    .addStatement("$T.startSession()", SPARK_FRAME_SPEC);
        }
        if (spec.init().isEmpty()) {
            return create.addStatement("return new $T()", spec.scoringClass()).build();
        }
        ScoringSpec.InitMethod init = spec.init().get();
        return create.addStatement("$T scoring = new $T()", spec.scoringClass(), spec.scoringClass())
                .addStatement(init.takesModelDir() ? "scoring.$L(models)" : "scoring.$L()", init.name())
                .addStatement("return scoring")
                .build();
    }

    // ------------------------------------------------------------------ bind

    private MethodSpec bind() {
        MethodSpec.Builder bind = MethodSpec.methodBuilder("bind")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(arguments)
                .addParameter(SCORING_REQUEST, "request")
                .addException(IOException.class);
        return switch (spec.bodyKind()) {
            case RAW_HTTP ->
                bind.addComment("run takes the request as it came: nothing is parsed or checked.")
                        .addStatement("return new $T(request)", arguments)
                        .build();
            case JSON_TEXT ->
                bind.addComment("run takes the body text as it came: no schema, no checks.")
                        .addStatement(
                                "return new $T($L)", arguments, argumentList(p -> CodeBlock.of("request.bodyText()")))
                        .build();
            case JSON_PARAMETERS -> bindParameters(bind);
        };
    }

    /**
     * Reads the body with {@code JsonParameters}, which walks the object and checks that every required
     * parameter came, calling this binder's reader of each parameter.
     */
    private MethodSpec bindParameters(MethodSpec.Builder bind) {
        List<RunParameter.Body> body = spec.bodyParameters();
        List<CodeBlock> parameters = new ArrayList<>();
        for (RunParameter.Body p : body) {
            parameters.add(
                    CodeBlock.of("$L($S, $L)", p.optional() ? "optional" : "required", p.name(), readerReference(p)));
            addStaticImport(JSON_PARAMETERS, p.optional() ? "optional" : "required");
        }
        addConstant(FieldSpec.builder(JSON_PARAMETERS, "PARAMETERS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The properties of the body, in the order of {@code run}'s parameters.\n")
                .initializer(
                        parameters.size() == 1 ? "$T.of($L)" : "$T.of(\n$>$>$L$<$<)",
                        JSON_PARAMETERS,
                        CodeBlock.join(parameters, parameters.size() == 1 ? "" : ",\n"))
                .build());
        if (body.stream().anyMatch(p -> p.javaType() instanceof ParameterizedTypeName)) {
            // The values come as Object; each is what its parameter's reader returned.
            bind.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "$S", "unchecked")
                    .build());
        }
        return bind.addStatement("Object[] values = PARAMETERS.read(request)")
                .addStatement(
                        "return new $T($L)",
                        arguments,
                        argumentList(p -> CodeBlock.of("($T) values[$L]", p.javaType(), body.indexOf(p))))
                .build();
    }

    /** The reader of one parameter, as a method reference: its own method, or the structure's reader. */
    private CodeBlock readerReference(RunParameter.Body p) {
        CodeBlock call = readParameter(p);
        Matcher method = CALL_WITH_PARSER.matcher(call.toString());
        return method.matches() ? CodeBlock.of("$T::$L", binder, method.group(1)) : CodeBlock.of("json -> $L", call);
    }

    /** The constructor arguments of {@code Arguments}: headers and text from the request, body values from locals. */
    private CodeBlock argumentList(Function<RunParameter, CodeBlock> bodyValue) {
        List<CodeBlock> values = new ArrayList<>();
        for (RunParameter p : spec.parameters()) {
            values.add(p instanceof RunParameter.Headers ? CodeBlock.of("request.headers()") : bodyValue.apply(p));
        }
        return CodeBlock.join(values, ", ");
    }

    /** A method that reads one parameter's value, named after it; a structure's own reader for a record, list or map. */
    private CodeBlock readParameter(RunParameter.Body p) {
        if (KindEmitters.of(p.sample().type()).readsInOwnMethod()) {
            return readValue(p.sample().type(), BinderNames.upper(BinderNames.javaName(p.name())));
        }
        String method = helperName("read" + BinderNames.upper(BinderNames.javaName(p.name())));
        MethodSpec.Builder read = reader(method, p.javaType())
                .addJavadoc(
                        "Reads {@code $L}: $L.\n",
                        p.name(),
                        KindEmitters.of(p.sample().type()).describe());
        read.addStatement("return $L", readValue(p.sample().type(), BinderNames.upper(BinderNames.javaName(p.name()))));
        helpers.put(method, read.build());
        return CodeBlock.of("$L(json)", method);
    }

    @Override
    public MethodSpec.Builder reader(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(returns)
                .addParameter(JSON)
                .addException(IOException.class);
    }

    @Override
    public MethodSpec.Builder writer(String name, TypeName valueType) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(OUT)
                .addParameter(valueType, "value")
                .addException(IOException.class);
    }

    @Override
    public CodeBlock readValue(ValueType value, String context) {
        return KindEmitters.of(value).read(this, context);
    }

    @Override
    public Optional<TabularParts.Input> tabularInput(ValueType value, String name, String context, boolean optional) {
        return KindEmitters.of(value).tabularInput(this, name, context, optional);
    }

    @Override
    public Optional<TabularParts.Output> tabularOutput(ValueType value, String name) {
        return KindEmitters.of(value).tabularOutput(this, name);
    }

    // ------------------------------------------------------------------ run and write

    private MethodSpec run(TypeName result) {
        CodeBlock call = CodeBlock.of(
                "scoring.$L($L)",
                spec.runMethod(),
                argumentNames.stream()
                        .map(name -> CodeBlock.of("arguments.$L()", name))
                        .collect(CodeBlock.joining(", ")));
        MethodSpec.Builder run = MethodSpec.methodBuilder("run")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(result)
                .addParameter(spec.scoringClass(), "scoring")
                .addParameter(arguments, "arguments")
                .addException(Exception.class);
        if (spec.returnType().equals(TypeName.VOID)) {
            return run.addStatement("$L", call).addStatement("return null").build();
        }
        return run.addStatement("return $L", call).build();
    }

    /**
     * The binder's own {@code write}, or none when {@code GeneratedBinder}'s, which writes the result by its
     * Java type, will do.
     */
    private Optional<MethodSpec> writeResult(TypeName result) {
        MethodSpec.Builder write = MethodSpec.methodBuilder("write")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(result, "result")
                .addParameter(OUT)
                .addException(IOException.class);
        if (spec.bodyKind() == ScoringSpec.BodyKind.RAW_HTTP) {
            return Optional.of(
                    write.addComment("The server sends a raw run's ScoringResponse as it is; it never asks for JSON.")
                            .addStatement(
                                    "throw new $T($S)",
                                    UnsupportedOperationException.class,
                                    "A @RawHttp run answers with its own ScoringResponse")
                            .build());
        }
        if (spec.outputOrient().isPresent()) {
            // A table without an output sample: each column by its Tablesaw type.
            return Optional.of(write.addStatement(
                            "$T.write(out, result, $T.$L)",
                            DATA_FRAME_WRITER,
                            ORIENT,
                            spec.outputOrient().get().name())
                    .build());
        }
        ValueType output = spec.output().map(ScoringSpec.Sample::type).orElse(null);
        if (output == null || !needsGeneratedWriter(output)) {
            return Optional.empty();
        }
        return Optional.of(
                write.addStatement("$L", writeValue(output, "result", "Result")).build());
    }

    /** Whether JsonOutput's type-based writing would not do: records, bytes that must be base64, tables. */
    private static boolean needsGeneratedWriter(ValueType value) {
        return KindEmitters.of(value).needsWriter();
    }

    @Override
    public CodeBlock writeValue(ValueType value, String expression, String context) {
        if (!needsGeneratedWriter(value)) {
            return CodeBlock.of("$T.write(out, $L)", JSON_OUTPUT, expression);
        }
        return KindEmitters.of(value).write(this, expression, context);
    }

    @Override
    public <T> T part(Class<T> kind, Function<BinderFile, T> create) {
        Object part = parts.get(kind);
        if (part == null) {
            part = create.apply(this);
            parts.put(kind, part);
        }
        return kind.cast(part);
    }

    // ------------------------------------------------------------------ names and docs

    @Override
    public String helperName(String wanted) {
        String name = wanted;
        for (int i = 2; !methodNames.add(name); i++) {
            name = wanted + i;
        }
        return name;
    }

    @Override
    public void addHelper(String name, MethodSpec method) {
        helpers.put(name, method);
    }

    @Override
    public boolean hasConstant(String name) {
        return constants.contains(name);
    }

    @Override
    public boolean addConstant(FieldSpec constant) {
        if (!constants.add(constant.name())) {
            return false;
        }
        type.addField(constant);
        return true;
    }

    @Override
    public void addStaticImport(ClassName owner, String member) {
        staticImports.computeIfAbsent(owner, o -> new TreeSet<>()).add(member);
    }
}

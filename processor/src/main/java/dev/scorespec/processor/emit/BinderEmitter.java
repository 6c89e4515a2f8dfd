package dev.scorespec.processor.emit;

import static dev.scorespec.processor.emit.RuntimeNames.BINDING_EXCEPTION;
import static dev.scorespec.processor.emit.RuntimeNames.BODY_KIND;
import static dev.scorespec.processor.emit.RuntimeNames.DATA_FRAME_WRITER;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_BODY;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_GENERATOR;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_OUTPUT;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_PARSER;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_PROCESSING_EXCEPTION;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_TOKEN;
import static dev.scorespec.processor.emit.RuntimeNames.MODEL_DIR;
import static dev.scorespec.processor.emit.RuntimeNames.ORIENT;
import static dev.scorespec.processor.emit.RuntimeNames.SCORING_BINDER;
import static dev.scorespec.processor.emit.RuntimeNames.SCORING_REQUEST;

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
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
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
                .addSuperinterface(ParameterizedTypeName.get(SCORING_BINDER, arguments, result))
                .addType(argumentsRecord())
                .addField(FieldSpec.builder(scoring, "scoring", Modifier.PRIVATE, Modifier.VOLATILE)
                        .addJavadoc("Created by {@link #init}; read by every request after it.\n")
                        .build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("Called by {@link java.util.ServiceLoader}.\n")
                        .build())
                .addMethod(MethodSpec.methodBuilder("scoringClass")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        // The binary name, as Class.getName() spells it: the documents are stored under it.
                        .addStatement("return $S", scoring.reflectionName())
                        .build())
                .addMethod(MethodSpec.methodBuilder("documentVersions")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(List.class, String.class))
                        .addStatement(
                                "return $T.of($L)",
                                List.class,
                                spec.documentVersions().stream()
                                        .map(v -> CodeBlock.of("$S", v.label()))
                                        .collect(CodeBlock.joining(", ")))
                        .build())
                .addMethod(MethodSpec.methodBuilder("bodyKind")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(BODY_KIND)
                        .addStatement("return $T.$L", BODY_KIND, spec.bodyKind().name())
                        .build())
                .addMethod(init())
                .addMethod(bind())
                .addMethod(run(result))
                .addMethod(write(result));
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

    private MethodSpec init() {
        MethodSpec.Builder init = MethodSpec.methodBuilder("init")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(MODEL_DIR, "models")
                .addException(Exception.class)
                .addStatement("$T scoring = new $T()", spec.scoringClass(), spec.scoringClass());
        spec.init()
                .ifPresent(i -> init.addStatement(i.takesModelDir() ? "scoring.$L(models)" : "scoring.$L()", i.name()));
        return init.addStatement("this.scoring = scoring").build();
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
                        .addStatement("return new $T($L)", arguments, argumentList(p -> "request.bodyText()"))
                        .build();
            case JSON_PARAMETERS -> bindParameters(bind);
        };
    }

    /** Reads each body parameter by name, in any order, and checks that every required one came. */
    private MethodSpec bindParameters(MethodSpec.Builder bind) {
        List<RunParameter.Body> body = spec.bodyParameters();
        FieldLocals locals =
                new FieldLocals(body.stream().map(RunParameter.Body::name).toList(), Set.of("request", "json", "name"));
        // The parser is declared outside the try so that a parse failure can say where the parser was.
        bind.addStatement("$T json = $T.parser(request)", JSON_PARSER, JSON_BODY)
                .beginControlFlow("try (json)")
                .addStatement("$T.startObject(json)", JSON_BODY);
        for (int i = 0; i < body.size(); i++) {
            bind.addStatement(
                            "$T $L = $L",
                            body.get(i).javaType(),
                            locals.value(i),
                            BinderNames.defaultValue(body.get(i).javaType()))
                    .addStatement("boolean $L = false", locals.flag(i));
        }
        bind.beginControlFlow("while (json.nextToken() == $T.FIELD_NAME)", JSON_TOKEN)
                .addStatement("String name = json.currentName()")
                .addStatement("json.nextToken()")
                .beginControlFlow("switch (name)");
        for (int i = 0; i < body.size(); i++) {
            bind.beginControlFlow("case $S ->", body.get(i).name())
                    .addStatement("$L = $L", locals.value(i), readParameter(body.get(i)))
                    .addStatement("$L = true", locals.flag(i))
                    .endControlFlow();
        }
        bind.addComment("Properties that name no parameter are ignored, as the schema allows them.")
                .addStatement("default -> json.skipChildren()")
                .endControlFlow()
                .endControlFlow()
                .addStatement("$T.end(json)", JSON_BODY);
        for (int i = 0; i < body.size(); i++) {
            if (!body.get(i).optional()) {
                bind.beginControlFlow("if (!$L)", locals.flag(i))
                        .addStatement(
                                "throw $T.missing($S)",
                                BINDING_EXCEPTION,
                                body.get(i).name())
                        .endControlFlow();
            }
        }
        return bind.addStatement("return new $T($L)", arguments, argumentList(p -> locals.value(body.indexOf(p))))
                .nextControlFlow("catch ($T e)", JSON_PROCESSING_EXCEPTION)
                .addStatement("throw $T.malformed(json, e)", JSON_BODY)
                .endControlFlow()
                .build();
    }

    /** The constructor arguments of {@code Arguments}: headers and text from the request, body values from locals. */
    private CodeBlock argumentList(java.util.function.Function<RunParameter, String> bodyValue) {
        List<CodeBlock> values = new ArrayList<>();
        for (RunParameter p : spec.parameters()) {
            values.add(
                    p instanceof RunParameter.Headers
                            ? CodeBlock.of("request.headers()")
                            : CodeBlock.of(bodyValue.apply(p)));
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
                .addModifiers(Modifier.PUBLIC)
                .returns(result)
                .addParameter(arguments, "arguments")
                .addException(Exception.class);
        if (spec.returnType().equals(TypeName.VOID)) {
            return run.addStatement("$L", call).addStatement("return null").build();
        }
        return run.addStatement("return $L", call).build();
    }

    private MethodSpec write(TypeName result) {
        MethodSpec.Builder write = MethodSpec.methodBuilder("write")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(result, "result")
                .addParameter(OUT)
                .addException(IOException.class);
        return switch (spec.bodyKind()) {
            case RAW_HTTP ->
                write.addComment("The server sends a raw run's ScoringResponse as it is; it never asks for JSON.")
                        .addStatement(
                                "throw new $T($S)",
                                UnsupportedOperationException.class,
                                "A @RawHttp run answers with its own ScoringResponse")
                        .build();
            case JSON_TEXT, JSON_PARAMETERS -> writeResult(write);
        };
    }

    /** Writes run's result as JSON: by the output sample, the table orient the spec carries, or its Java type. */
    private MethodSpec writeResult(MethodSpec.Builder write) {
        ValueType output = spec.output().map(ScoringSpec.Sample::type).orElse(null);
        if (spec.outputOrient().isPresent()) {
            // A table without an output sample: each column by its Tablesaw type.
            return write.addStatement(
                            "$T.write(out, result, $T.$L)",
                            DATA_FRAME_WRITER,
                            ORIENT,
                            spec.outputOrient().get().name())
                    .build();
        }
        if (output == null || !needsGeneratedWriter(output)) {
            return write.addStatement("$T.write(out, result)", JSON_OUTPUT).build();
        }
        return write.addStatement("$L", writeValue(output, "result", "Result")).build();
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

package dev.scorespec.processor.emit;

import static dev.scorespec.processor.emit.RuntimeNames.BINDING_EXCEPTION;
import static dev.scorespec.processor.emit.RuntimeNames.BODY_KIND;
import static dev.scorespec.processor.emit.RuntimeNames.COLUMN_KIND;
import static dev.scorespec.processor.emit.RuntimeNames.DATA_FRAME_READER;
import static dev.scorespec.processor.emit.RuntimeNames.DATA_FRAME_SPEC;
import static dev.scorespec.processor.emit.RuntimeNames.DATA_FRAME_WRITER;
import static dev.scorespec.processor.emit.RuntimeNames.DTYPE;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_BODY;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_GENERATOR;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_OUTPUT;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_PARSER;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_PROCESSING_EXCEPTION;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_TOKEN;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_VALUES;
import static dev.scorespec.processor.emit.RuntimeNames.MODEL_DIR;
import static dev.scorespec.processor.emit.RuntimeNames.ND_ARRAY_READER;
import static dev.scorespec.processor.emit.RuntimeNames.ORIENT;
import static dev.scorespec.processor.emit.RuntimeNames.SCORING_BINDER;
import static dev.scorespec.processor.emit.RuntimeNames.SCORING_REQUEST;
import static dev.scorespec.processor.emit.RuntimeNames.TABLE;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.scorespec.annotations.internal.DType;
import dev.scorespec.processor.model.DataFrameType;
import dev.scorespec.processor.model.ListType;
import dev.scorespec.processor.model.NdArrayType;
import dev.scorespec.processor.model.ObjectType;
import dev.scorespec.processor.model.RunParameter;
import dev.scorespec.processor.model.ScalarKind;
import dev.scorespec.processor.model.ScalarType;
import dev.scorespec.processor.model.ScoringSpec;
import dev.scorespec.processor.model.UnionType;
import dev.scorespec.processor.model.ValueType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * The third layer, for code: writes the {@code <Class>_ScoreSpec} binder of a validated scoring class.
 * The binder parses the body with Jackson's streaming parser straight into {@code run}'s parameter
 * types, one method per parameter and one per nested structure, so a reader can follow the schema in
 * the code.
 */
public final class BinderEmitter {

    public static final String PROCESSOR = "dev.scorespec.processor.ScoreSpecProcessor";
    private static final ParameterSpec JSON = ParameterSpec.builder(JSON_PARSER, "json").build();
    private static final ParameterSpec OUT = ParameterSpec.builder(JSON_GENERATOR, "out").build();

    private final ScoringSpec spec;
    private final List<String> documentVersions;
    private final ClassName binder;
    private final ClassName arguments;
    private final TypeSpec.Builder type;
    private final Set<String> methodNames = new HashSet<>();
    private final Set<String> constants = new HashSet<>();
    private final Map<String, MethodSpec> helpers = new LinkedHashMap<>();
    /** One reader and one writer per record type and schema, named after the record, however often it appears. */
    private final Map<ObjectType, String> recordReaders = new HashMap<>();
    private final Map<ObjectType, String> recordWriters = new HashMap<>();
    /** The column factories of {@code DataFrameSpec} that frame constants use, statically imported. */
    private final Set<String> columnFactories = new java.util.TreeSet<>();

    private BinderEmitter(ScoringSpec spec, List<String> documentVersions) {
        this.spec = spec;
        this.documentVersions = documentVersions;
        this.binder = binderName(spec.scoringClass());
        this.arguments = binder.nestedClass("Arguments");
        this.type = TypeSpec.classBuilder(binder);
    }

    /** The binder's name: the scoring class's flat name plus {@code _ScoreSpec}, in the same package. */
    public static ClassName binderName(ClassName scoringClass) {
        return ClassName.get(scoringClass.packageName(), String.join("_", scoringClass.simpleNames()) + "_ScoreSpec");
    }

    public static JavaFile emit(ScoringSpec spec, List<String> documentVersions) {
        return new BinderEmitter(spec, documentVersions).build();
    }

    private JavaFile build() {
        ClassName scoring = spec.scoringClass();
        TypeName result = spec.returnType().equals(TypeName.VOID) ? ClassName.get(Void.class) : spec.returnType().box();
        type.addAnnotation(AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
                        .addMember("value", "$S", PROCESSOR)
                        .addMember("comments", "$S", "from " + scoring.canonicalName())
                        .build())
                .addJavadoc("Binds requests to {@link $T#$L}: generated by ScoreSpec from its samples; do not edit.\n",
                        scoring, spec.runMethod())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(SCORING_BINDER, arguments, result))
                .addType(argumentsRecord())
                .addField(FieldSpec.builder(scoring, "scoring", Modifier.PRIVATE, Modifier.VOLATILE)
                        .addJavadoc("Created by {@link #init}; read by every request after it.\n").build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addJavadoc("Called by {@link java.util.ServiceLoader}.\n").build())
                .addMethod(MethodSpec.methodBuilder("scoringClass").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC).returns(String.class)
                        .addStatement("return $S", scoring.canonicalName()).build())
                .addMethod(MethodSpec.methodBuilder("documentVersions").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(List.class, String.class))
                        .addStatement("return $T.of($L)", List.class, documentVersions.stream()
                                .map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", ")))
                        .build())
                .addMethod(MethodSpec.methodBuilder("bodyKind").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC).returns(BODY_KIND)
                        .addStatement("return $T.$L", BODY_KIND, bodyKind())
                        .build())
                .addMethod(init())
                .addMethod(bind())
                .addMethod(run(result))
                .addMethod(write(result));
        helpers.values().forEach(type::addMethod);
        JavaFile.Builder file = JavaFile.builder(binder.packageName(), type.build())
                .addFileComment("Generated by ScoreSpec from $L. Do not edit.", scoring.canonicalName())
                .skipJavaLangImports(true)
                .indent("    ");
        if (!columnFactories.isEmpty()) {
            file.addStaticImport(DATA_FRAME_SPEC, columnFactories.toArray(new String[0]));
        }
        return file.build();
    }

    private String bodyKind() {
        if (spec.rawHttp()) {
            return "RAW_HTTP";
        }
        return spec.takesJsonText() ? "JSON_TEXT" : "JSON_PARAMETERS";
    }

    private TypeSpec argumentsRecord() {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        for (RunParameter p : spec.parameters()) {
            constructor.addParameter(p.javaType(), argumentName(p));
        }
        return TypeSpec.recordBuilder(arguments)
                .addJavadoc("The arguments of one call of {@link $T#$L}, in its parameter order.\n",
                        spec.scoringClass(), spec.runMethod())
                .addModifiers(Modifier.PUBLIC)
                .recordConstructor(constructor.build())
                .build();
    }

    private static String argumentName(RunParameter p) {
        if (p instanceof RunParameter.Body b) {
            return javaName(b.name());
        }
        if (p instanceof RunParameter.RawRequest) {
            return "request";
        }
        return p instanceof RunParameter.Headers ? "requestHeaders" : "body";
    }

    private MethodSpec init() {
        MethodSpec.Builder init = MethodSpec.methodBuilder("init").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).addParameter(MODEL_DIR, "models").addException(Exception.class)
                .addStatement("$T scoring = new $T()", spec.scoringClass(), spec.scoringClass());
        spec.init().ifPresent(i -> init.addStatement(i.takesModelDir() ? "scoring.$L(models)" : "scoring.$L()", i.name()));
        return init.addStatement("this.scoring = scoring").build();
    }

    // ------------------------------------------------------------------ bind

    private MethodSpec bind() {
        MethodSpec.Builder bind = MethodSpec.methodBuilder("bind").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(arguments)
                .addParameter(SCORING_REQUEST, "request").addException(IOException.class);
        List<RunParameter.Body> body = spec.bodyParameters();
        if (spec.rawHttp()) {
            return bind.addComment("run takes the request as it came: nothing is parsed or checked.")
                    .addStatement("return new $T(request)", arguments)
                    .build();
        }
        if (spec.takesJsonText()) {
            return bind.addComment("run takes the body text as it came: no schema, no checks.")
                    .addStatement("return new $T($L)", arguments, argumentList(p -> "request.bodyText()"))
                    .build();
        }
        // The parser is declared outside the try so that a parse failure can say where the parser was.
        bind.addStatement("$T json = $T.parser(request)", JSON_PARSER, JSON_BODY)
                .beginControlFlow("try (json)")
                .addStatement("$T.startObject(json)", JSON_BODY);
        for (RunParameter.Body p : body) {
            bind.addStatement("$T $L = $L", p.javaType(), javaName(p.name()), defaultValue(p.javaType()))
                    .addStatement("boolean has$L = false", upper(javaName(p.name())));
        }
        bind.beginControlFlow("while (json.nextToken() == $T.FIELD_NAME)", JSON_TOKEN)
                .addStatement("String name = json.currentName()")
                .addStatement("json.nextToken()")
                .beginControlFlow("switch (name)");
        for (RunParameter.Body p : body) {
            String local = javaName(p.name());
            bind.beginControlFlow("case $S ->", p.name())
                    .addStatement("$L = $L", local, readParameter(p))
                    .addStatement("has$L = true", upper(local))
                    .endControlFlow();
        }
        bind.addComment("Properties that name no parameter are ignored, as the schema allows them.")
                .addStatement("default -> json.skipChildren()")
                .endControlFlow()
                .endControlFlow()
                .addStatement("$T.end(json)", JSON_BODY);
        for (RunParameter.Body p : body) {
            if (!p.optional()) {
                bind.beginControlFlow("if (!has$L)", upper(javaName(p.name())))
                        .addStatement("throw $T.missing($S)", BINDING_EXCEPTION, p.name())
                        .endControlFlow();
            }
        }
        return bind.addStatement("return new $T($L)", arguments, argumentList(p -> javaName(((RunParameter.Body) p).name())))
                .nextControlFlow("catch ($T e)", JSON_PROCESSING_EXCEPTION)
                .addStatement("throw $T.malformed(json, e)", JSON_BODY)
                .endControlFlow()
                .build();
    }

    /** The constructor arguments of {@code Arguments}: headers and text from the request, body values from locals. */
    private CodeBlock argumentList(java.util.function.Function<RunParameter, String> bodyValue) {
        List<CodeBlock> values = new ArrayList<>();
        for (RunParameter p : spec.parameters()) {
            values.add(p instanceof RunParameter.Headers ? CodeBlock.of("request.headers()") : CodeBlock.of(bodyValue.apply(p)));
        }
        return CodeBlock.join(values, ", ");
    }

    private static CodeBlock defaultValue(TypeName type) {
        if (type.equals(TypeName.BOOLEAN)) {
            return CodeBlock.of("false");
        }
        return type.isPrimitive() ? CodeBlock.of("0") : CodeBlock.of("null");
    }

    /** A method that reads one parameter's value, named after it; a structure's own reader for a record, list or map. */
    private CodeBlock readParameter(RunParameter.Body p) {
        if (p.sample().type() instanceof ObjectType || p.sample().type() instanceof ListType) {
            return readValue(p.sample().type(), upper(javaName(p.name())));
        }
        String method = helperName("read" + upper(javaName(p.name())));
        MethodSpec.Builder read = reader(method, p.javaType())
                .addJavadoc("Reads {@code $L}: $L.\n", p.name(), describe(p.sample().type()));
        read.addStatement("return $L", readValue(p.sample().type(), upper(javaName(p.name()))));
        helpers.put(method, read.build());
        return CodeBlock.of("$L(json)", method);
    }

    private MethodSpec.Builder reader(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(returns).addParameter(JSON).addException(IOException.class);
    }

    /** An expression that reads the value at the parser's current token. */
    private CodeBlock readValue(ValueType value, String context) {
        if (value instanceof ScalarType s) {
            return readScalar(s);
        } else if (value instanceof UnionType u) {
            return CodeBlock.of("$T.readScalarOf(json, $L)", JSON_BODY,
                    u.kinds().stream().map(k -> CodeBlock.of("$S", k.jsonType())).distinct().collect(CodeBlock.joining(", ")));
        } else if (value instanceof NdArrayType a) {
            return readArray(a, context);
        } else if (value instanceof DataFrameType f) {
            return CodeBlock.of("$T.read(json, $L)", DATA_FRAME_READER, frameConstant(context, f,
                    "the sample of {@code " + tableName(context) + "}", "what requests must have"));
        } else if (value instanceof ListType l) {
            return CodeBlock.of("$L(json)", listReader(l, context));
        }
        ObjectType o = (ObjectType) value;
        return CodeBlock.of("$L(json)", o.record() ? recordReader(o, context) : mapReader(o, context));
    }

    private static CodeBlock readScalar(ScalarType s) {
        String name = safeUnbox(s.javaType()).toString();
        String method = switch (s.kind()) {
            case INT64 -> "readLong";
            case INT32 -> switch (name) {
                case "short" -> "readShort";
                case "byte" -> "readByte";
                default -> "readInt";
            };
            case DOUBLE -> "readDouble";
            case FLOAT -> "readFloat";
            case STRING -> "readString";
            case BOOLEAN -> "readBoolean";
            case BYTES -> "readBase64";
            case DATE -> "readDate";
            case DATE_TIME -> s.naive() ? "readLocalDateTime" : "readOffsetDateTime";
            case TIME -> s.naive() ? "readLocalTime" : "readOffsetTime";
        };
        return CodeBlock.of("$T.$L(json)", JSON_VALUES, method);
    }

    private static TypeName safeUnbox(TypeName t) {
        return t.isBoxedPrimitive() ? t.unbox() : t;
    }

    private CodeBlock readArray(NdArrayType a, String context) {
        if (a.target() == NdArrayType.Target.RECORDS) {
            return CodeBlock.of("$L(json)", recordRowsReader(a, context));
        }
        String shape = shapeConstant(context, a.shape());
        String dtype = a.dtype().orElseThrow().name();
        if (a.target() == NdArrayType.Target.NDARRAY) {
            return CodeBlock.of("$T.read(json, $T.$L, $L, $L)", ND_ARRAY_READER, DTYPE, dtype, shape, a.enforceShape());
        }
        // Straight into nested Java arrays: no flat storage to copy the rows out of.
        return CodeBlock.of("($T) $T.readJavaArray(json, $T.$L, $L, $L)", a.javaType(), ND_ARRAY_READER, DTYPE,
                dtype, shape, a.enforceShape());
    }

    /** A constant holding a sample's shape, which the reader checks every dimension but the first against. */
    private String shapeConstant(String context, List<Integer> shape) {
        String name = constantName(context) + "_SHAPE";
        if (!constants.add(name)) {
            return name;
        }
        type.addField(FieldSpec.builder(int[].class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The sample's shape; every dimension but the first is enforced.\n")
                .initializer("{$L}", shape.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .build());
        return name;
    }

    /**
     * A constant holding a dataframe sample's columns, which the reader checks requests against and the
     * writer writes results by; the tables read are named after the value ({@code data}).
     */
    private String frameConstant(String context, DataFrameType frame, String sample, String use) {
        String name = constantName(context) + "_FRAME";
        if (!constants.add(name)) {
            return name;
        }
        CodeBlock.Builder init = CodeBlock.builder().add("$T.of($S, $T.$L, $L, $L", DATA_FRAME_SPEC, tableName(context),
                ORIENT, frame.orient().name(), frame.enforceColumnType(), frame.enforceShape());
        for (DataFrameType.Column column : frame.columns()) {
            String factory = column.nullable() ? "nullableColumn" : "column";
            columnFactories.add(factory);
            init.add(",\n$>$>$L($S, $T.$L)$<$<", factory, column.name(), COLUMN_KIND, column.kind().name());
        }
        type.addField(FieldSpec.builder(DATA_FRAME_SPEC, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The columns of $L, in orient $L: $L$L$L.\n", sample, frame.orient().pandasName(), use,
                        frame.enforceColumnType() ? "" : "; their types come from each request",
                        frame.enforceShape() ? "" : "; other columns are read too")
                .initializer(init.add(")").build())
                .build());
        return name;
    }

    /** The name of the tables read for a value: its JSON name as a Java name, {@code data}. */
    private static String tableName(String context) {
        return Character.toLowerCase(context.charAt(0)) + context.substring(1);
    }

    /**
     * A structured array: a JSON list of rows, each an object with the fields by name, as its schema
     * says. (numpy would also take a row as a list in field order; the schema forbids it, so does this.)
     */
    private String recordRowsReader(NdArrayType a, String context) {
        TypeName recordType = ((ArrayTypeName) a.javaType()).componentType();
        String rowReader = helperName("read" + context + "Row");
        MethodSpec.Builder row = reader(rowReader, recordType)
                .addJavadoc("""
                            Reads one row of {@code $L}: an object with the fields by name. Fields the dtype does
                            not name are ignored, as numpy does and the schema allows.
                            """, context);
        for (NdArrayType.Field f : a.fields()) {
            row.addStatement("$T $L = $L", f.javaType(), javaName(f.name()), defaultValue(f.javaType()));
        }
        row.addStatement("$T.expectStartObject(json)", JSON_VALUES);
        for (NdArrayType.Field f : a.fields()) {
            row.addStatement("boolean has$L = false", upper(javaName(f.name())));
        }
        row.beginControlFlow("while (json.nextToken() == $T.FIELD_NAME)", JSON_TOKEN)
                .addStatement("String name = json.currentName()")
                .addStatement("json.nextToken()")
                .beginControlFlow("switch (name)");
        for (NdArrayType.Field f : a.fields()) {
            row.beginControlFlow("case $S ->", f.name())
                    .addStatement("$L = $L", javaName(f.name()), readField(f, context))
                    .addStatement("has$L = true", upper(javaName(f.name())))
                    .endControlFlow();
        }
        row.addStatement("default -> json.skipChildren()").endControlFlow().endControlFlow();
        for (NdArrayType.Field f : a.fields()) {
            row.addStatement("$T.requireKey(json, has$L, $S)", JSON_BODY, upper(javaName(f.name())), f.name());
        }
        helpers.put(rowReader, row.addStatement("return new $T($L)", recordType, fieldList(a)).build());

        String rowsReader = helperName("read" + context);
        helpers.put(rowsReader, reader(rowsReader, a.javaType())
                .addJavadoc("Reads the rows of {@code $L}.\n", context)
                .addStatement("$T.expectStartArray(json)", JSON_VALUES)
                .addStatement("$T<$T> rows = new $T<>()", List.class, recordType, ArrayList.class)
                .beginControlFlow("while (json.nextToken() != $T.END_ARRAY)", JSON_TOKEN)
                .addStatement("rows.add($L(json))", rowReader)
                .endControlFlow()
                .addStatement("return rows.toArray(new $T[0])", recordType)
                .build());
        return rowsReader;
    }

    private static CodeBlock fieldList(NdArrayType a) {
        return a.fields().stream().map(f -> CodeBlock.of("$L", javaName(f.name()))).collect(CodeBlock.joining(", "));
    }

    private CodeBlock readField(NdArrayType.Field f, String context) {
        if (f.shape().isEmpty()) {
            return readElement(f.dtype());
        }
        String shape = shapeConstant(context + upper(javaName(f.name())), f.shape());
        // Every dimension of a sub-array field is fixed, the first included.
        return CodeBlock.of("($T) $T.fixedLength(json, $T.read(json, $T.$L, $L, true), $L[0]).toJavaArray()",
                f.javaType(), JSON_BODY, ND_ARRAY_READER, DTYPE, f.dtype().name(), shape, shape);
    }

    /** Reads one scalar of a dtype, as a structured field. */
    private static CodeBlock readElement(DType dtype) {
        return switch (dtype) {
            case FLOAT64 -> CodeBlock.of("$T.readDouble(json)", JSON_VALUES);
            case FLOAT32, FLOAT16 -> CodeBlock.of("$T.readFloat(json)", JSON_VALUES);
            case INT64 -> CodeBlock.of("$T.readLong(json)", JSON_VALUES);
            case INT32 -> CodeBlock.of("$T.readInt(json)", JSON_VALUES);
            case INT16 -> CodeBlock.of("$T.readShort(json)", JSON_VALUES);
            case INT8 -> CodeBlock.of("$T.readByte(json)", JSON_VALUES);
            case UINT8 -> CodeBlock.of("(short) $T.readInteger(json, 0, 255)", JSON_VALUES);
            case UINT16 -> CodeBlock.of("(int) $T.readInteger(json, 0, 65535)", JSON_VALUES);
            case UINT32 -> CodeBlock.of("$T.readInteger(json, 0, 4294967295L)", JSON_VALUES);
            case UINT64 -> CodeBlock.of("$T.readUint64(json)", JSON_VALUES);
            case BOOL -> CodeBlock.of("$T.readBoolean(json)", JSON_VALUES);
            case STR -> CodeBlock.of("$T.readString(json)", JSON_VALUES);
            case BYTES -> CodeBlock.of("$T.readBase64(json)", JSON_VALUES);
            case DATETIME64 -> CodeBlock.of("$T.readLocalDateTime(json)", JSON_VALUES);
            case TIMEDELTA64 -> CodeBlock.of("$T.readTimedelta(json)", JSON_VALUES);
        };
    }

    private String listReader(ListType l, String context) {
        String method = helperName("read" + context);
        String item = context + "Item";
        MethodSpec.Builder read = reader(method, l.javaType())
                .addJavadoc("Reads the list {@code $L}.\n", context)
                .addStatement("$T.expectStartArray(json)", JSON_VALUES);
        TypeName itemType = l.items().javaType();
        if (l.javaArray() && itemType.isPrimitive()) {
            // A growable primitive buffer: no boxing for lists of numbers.
            read.addStatement("$T items = new $T[8]", l.javaType(), itemType)
                    .addStatement("int size = 0")
                    .beginControlFlow("while (json.nextToken() != $T.END_ARRAY)", JSON_TOKEN)
                    .beginControlFlow("if (size == items.length)")
                    .addStatement("items = $T.copyOf(items, size * 2)", Arrays.class)
                    .endControlFlow()
                    .addStatement("items[size++] = $L", readValue(l.items(), item))
                    .endControlFlow()
                    .addStatement("return $T.copyOf(items, size)", Arrays.class);
        } else {
            TypeName boxed = itemType.box();
            read.addStatement("$T<$T> items = new $T<>()", List.class, boxed, ArrayList.class)
                    .beginControlFlow("while (json.nextToken() != $T.END_ARRAY)", JSON_TOKEN)
                    .addStatement("items.add($L)", readValue(l.items(), item))
                    .endControlFlow();
            if (l.javaArray()) {
                read.addStatement("return items.toArray(new $T[0])", boxed);
            } else {
                read.addStatement("return $T.unmodifiableList(items)", Collections.class);
            }
        }
        helpers.put(method, read.build());
        return method;
    }

    private String recordReader(ObjectType o, String context) {
        String existing = recordReaders.get(o);
        if (existing != null) {
            return existing;
        }
        String method = helperName("read" + ((ClassName) o.javaType()).simpleName());
        recordReaders.put(o, method);
        MethodSpec.Builder read = reader(method, o.javaType())
                .addJavadoc("Reads a {@link $T}: an object with $L.\n", o.javaType(),
                        o.properties().stream().map(ObjectType.Property::name).collect(Collectors.joining(", ")))
                .addStatement("$T.expectStartObject(json)", JSON_VALUES);
        for (ObjectType.Property p : o.properties()) {
            read.addStatement("$T $L = $L", p.type().javaType(), javaName(p.name()), defaultValue(p.type().javaType()))
                    .addStatement("boolean has$L = false", upper(javaName(p.name())));
        }
        read.beginControlFlow("while (json.nextToken() == $T.FIELD_NAME)", JSON_TOKEN)
                .addStatement("String name = json.currentName()")
                .addStatement("json.nextToken()")
                .beginControlFlow("switch (name)");
        for (ObjectType.Property p : o.properties()) {
            read.beginControlFlow("case $S ->", p.name())
                    .addStatement("$L = $L", javaName(p.name()), readValue(p.type(), context + upper(javaName(p.name()))))
                    .addStatement("has$L = true", upper(javaName(p.name())))
                    .endControlFlow();
        }
        read.addComment("Properties the record does not have are ignored, as the schema allows them.")
                .addStatement("default -> json.skipChildren()")
                .endControlFlow()
                .endControlFlow();
        for (ObjectType.Property p : o.properties()) {
            if (p.required()) {
                read.addStatement("$T.requireKey(json, has$L, $S)", JSON_BODY, upper(javaName(p.name())), p.name());
            }
        }
        read.addStatement("return new $T($L)", o.javaType(), o.properties().stream()
                .map(p -> CodeBlock.of("$L", javaName(p.name()))).collect(CodeBlock.joining(", ")));
        helpers.put(method, read.build());
        return method;
    }

    private String mapReader(ObjectType o, String context) {
        String method = helperName("read" + context);
        TypeName valueType = ((ParameterizedTypeName) o.javaType()).typeArguments().get(1);
        boolean perKey = valueType.equals(ClassName.OBJECT);
        MethodSpec.Builder read = reader(method, o.javaType())
                .addJavadoc("Reads the object {@code $L}; it must have the sample's keys: $L.\n", context,
                        o.properties().stream().map(ObjectType.Property::name).collect(Collectors.joining(", ")))
                .addStatement("$T.expectStartObject(json)", JSON_VALUES)
                .addStatement("$T<String, $T> map = new $T<>()", Map.class, valueType, LinkedHashMap.class)
                .beginControlFlow("while (json.nextToken() == $T.FIELD_NAME)", JSON_TOKEN)
                .addStatement("String name = json.currentName()")
                .addStatement("json.nextToken()");
        if (perKey) {
            // Values bound to Object take each key's type from the sample; other keys take any JSON.
            read.beginControlFlow("switch (name)");
            for (ObjectType.Property p : o.properties()) {
                read.addStatement("case $S -> map.put(name, $L)", p.name(), readValue(p.type(), context + upper(javaName(p.name()))));
            }
            read.addStatement("default -> map.put(name, $T.readAny(json))", JSON_BODY).endControlFlow();
        } else {
            read.addStatement("map.put(name, $L)", readValue(o.properties().get(0).type(), context + "Value"));
        }
        read.endControlFlow()
                .addStatement("$T.requireKeys(json, map, $T.of($L))", JSON_BODY, List.class,
                        o.properties().stream().filter(ObjectType.Property::required)
                                .map(p -> CodeBlock.of("$S", p.name())).collect(CodeBlock.joining(", ")))
                .addStatement("return $T.unmodifiableMap(map)", Collections.class);
        helpers.put(method, read.build());
        return method;
    }

    // ------------------------------------------------------------------ run and write

    private MethodSpec run(TypeName result) {
        CodeBlock call = CodeBlock.of("scoring.$L($L)", spec.runMethod(), spec.parameters().stream()
                .map(p -> CodeBlock.of("arguments.$L()", argumentName(p))).collect(CodeBlock.joining(", ")));
        MethodSpec.Builder run = MethodSpec.methodBuilder("run").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(result).addParameter(arguments, "arguments")
                .addException(Exception.class);
        if (spec.returnType().equals(TypeName.VOID)) {
            return run.addStatement("$L", call).addStatement("return null").build();
        }
        return run.addStatement("return $L", call).build();
    }

    private MethodSpec write(TypeName result) {
        MethodSpec.Builder write = MethodSpec.methodBuilder("write").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).addParameter(result, "result").addParameter(OUT)
                .addException(IOException.class);
        if (spec.rawHttp()) {
            return write.addComment("The server sends a raw run's ScoringResponse as it is; it never asks for JSON.")
                    .addStatement("throw new $T($S)", UnsupportedOperationException.class,
                            "A @RawHttp run answers with its own ScoringResponse")
                    .build();
        }
        ValueType output = spec.output().map(ScoringSpec.Sample::type).orElse(null);
        if (output == null && spec.returnType().equals(TABLE)) {
            // A table without an output sample: pandas' default orient, columns, an object as the output
            // schema {"type": "object"} says; each column by its Tablesaw type.
            return write.addStatement("$T.write(out, result, $T.COLUMNS)", DATA_FRAME_WRITER, ORIENT).build();
        }
        if (output == null || !needsGeneratedWriter(output)) {
            return write.addStatement("$T.write(out, result)", JSON_OUTPUT).build();
        }
        return write.addStatement("$L", writeValue(output, "result", "Result")).build();
    }

    /** Whether JsonOutput's type-based writing would not do: records, bytes that must be base64, tables. */
    private static boolean needsGeneratedWriter(ValueType value) {
        if (value instanceof DataFrameType) {
            return true;
        }
        if (value instanceof ScalarType s) {
            return s.kind() == ScalarKind.BYTES;
        } else if (value instanceof NdArrayType a) {
            return a.target() == NdArrayType.Target.RECORDS;
        } else if (value instanceof ListType l) {
            return needsGeneratedWriter(l.items());
        } else if (value instanceof ObjectType o) {
            return o.record() || o.properties().stream().anyMatch(p -> needsGeneratedWriter(p.type()));
        }
        return false;
    }

    private CodeBlock writeValue(ValueType value, String expression, String context) {
        if (!needsGeneratedWriter(value)) {
            return CodeBlock.of("$T.write(out, $L)", JSON_OUTPUT, expression);
        }
        if (value instanceof DataFrameType f) {
            return CodeBlock.of("$T.write(out, $L, $L)", DATA_FRAME_WRITER, expression, frameConstant(context, f,
                    context.equals("Result") ? "the output sample" : "the output sample's {@code " + tableName(context) + "}",
                    "how run's tables are written"));
        }
        boolean record = value instanceof ObjectType o && o.record();
        if (record && recordWriters.containsKey(value)) {
            return CodeBlock.of("$L(out, $L)", recordWriters.get(value), expression);
        }
        String method = helperName("write" + (record ? ((ClassName) value.javaType()).simpleName() : context));
        if (record) {
            recordWriters.put((ObjectType) value, method);
        }
        MethodSpec.Builder write = MethodSpec.methodBuilder(method).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(OUT).addParameter(value.javaType(), "value").addException(IOException.class);
        if (value instanceof ScalarType) {
            write.addStatement("$T.writeBase64(out, value)", JSON_OUTPUT);
        } else if (value instanceof NdArrayType a) {
            {
                TypeName recordType = ((ArrayTypeName) a.javaType()).componentType();
                write.addStatement("out.writeStartArray()")
                        .beginControlFlow("for ($T row : value)", recordType)
                        .addStatement("out.writeStartObject()");
                for (NdArrayType.Field f : a.fields()) {
                    write.addStatement("out.writeFieldName($S)", f.name())
                            .addStatement(f.dtype() == DType.BYTES && f.shape().isEmpty()
                                    ? CodeBlock.of("$T.writeBase64(out, row.$L())", JSON_OUTPUT, f.name())
                                    : CodeBlock.of("$T.write(out, row.$L())", JSON_OUTPUT, f.name()));
                }
                write.addStatement("out.writeEndObject()").endControlFlow().addStatement("out.writeEndArray()");
            }
        } else if (value instanceof ListType l) {
            write.addStatement("out.writeStartArray()")
                    .beginControlFlow("for ($T item : value)", l.items().javaType())
                    .addStatement("$L", writeValue(l.items(), "item", context + "Item"))
                    .endControlFlow()
                    .addStatement("out.writeEndArray()");
        } else if (value instanceof ObjectType o && o.record()) {
            {
                write.beginControlFlow("if (value == null)").addStatement("out.writeNull()").addStatement("return")
                        .endControlFlow().addStatement("out.writeStartObject()");
                for (ObjectType.Property p : o.properties()) {
                    write.addStatement("out.writeFieldName($S)", p.name())
                            .addStatement("$L", writeValue(p.type(), "value." + p.name() + "()", context + upper(javaName(p.name()))));
                }
                write.addStatement("out.writeEndObject()");
            }
        } else {
            ObjectType o = (ObjectType) value;
            {
                TypeName valueType = ((ParameterizedTypeName) o.javaType()).typeArguments().get(1);
                write.addStatement("out.writeStartObject()")
                        .beginControlFlow("for ($T.Entry<String, $T> entry : value.entrySet())", Map.class, valueType)
                        .addStatement("out.writeFieldName(entry.getKey())")
                        .addStatement("$L", writeValue(o.properties().get(0).type(), "entry.getValue()", context + "Value"))
                        .endControlFlow()
                        .addStatement("out.writeEndObject()");
            }
        }
        helpers.put(method, write.build());
        return CodeBlock.of("$L(out, $L)", method, expression);
    }

    // ------------------------------------------------------------------ names and docs

    private String helperName(String wanted) {
        String name = wanted;
        for (int i = 2; !methodNames.add(name); i++) {
            name = wanted + i;
        }
        return name;
    }

    /** A Java identifier for a JSON name: letters and digits kept, others dropped, keywords avoided. */
    static String javaName(String name) {
        StringBuilder out = new StringBuilder();
        boolean upperNext = false;
        for (int i = 0; i < name.length(); i++) { char c = name.charAt(i);if (Character.isLetterOrDigit(c)) {
                out.append(upperNext ? Character.toUpperCase(c) : c);
                upperNext = false;
            } else {
                upperNext = out.length() > 0;
            }
        }
        String id = out.length() == 0 ? "value" : out.toString();
        if (!Character.isJavaIdentifierStart(id.charAt(0))) {
            id = "_" + id;
        }
        return javax.lang.model.SourceVersion.isKeyword(id) || Set.of("json", "name", "map", "items", "request", "out")
                .contains(id) ? id + "Value" : id;
    }

    private static String upper(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String constantName(String context) {
        return context.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** A short description of a value's schema, for Javadoc. */
    static String describe(ValueType value) {
        if (value instanceof NdArrayType a) {
            return a.structured()
                    ? "an array of records with fields " + a.fields().stream().map(NdArrayType.Field::name).collect(Collectors.joining(", "))
                    : "a " + a.dtype().orElseThrow().numpyName() + " array of shape (" + shapeText(a) + ")";
        } else if (value instanceof ScalarType s) {
            return "a " + s.kind().jsonType() + s.kind().jsonFormat().map(f -> " (" + f + ")").orElse("");
        } else if (value instanceof UnionType u) {
            return "one of " + u.kinds().stream().map(ScalarKind::jsonType).distinct().collect(Collectors.joining(", "));
        } else if (value instanceof DataFrameType f) {
            return "a dataframe in orient " + f.orient().pandasName() + " with the columns " + f.columns().stream()
                    .map(c -> c.name() + " (" + c.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')
                            + (c.nullable() ? ", nullable" : "") + ")")
                    .collect(Collectors.joining(", "));
        } else if (value instanceof ListType l) {
            return "a list of " + describe(l.items()).replaceFirst("^an? ", "");
        }
        return "an object with " + ((ObjectType) value).properties().stream().map(ObjectType.Property::name)
                .collect(Collectors.joining(", "));
    }

    private static String shapeText(NdArrayType a) {
        List<String> dims = new ArrayList<>();
        for (int i = 0; i < a.shape().size(); i++) {
            dims.add(i == 0 || !a.enforceShape() ? "*" : String.valueOf(a.shape().get(i)));
        }
        return String.join(", ", dims) + (dims.size() == 1 ? "," : "");
    }
}

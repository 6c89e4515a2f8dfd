package dev.scorespec.processor.kinds.ndarray;

import static dev.scorespec.processor.emit.RuntimeNames.DTYPE;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_BODY;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_OUTPUT;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_TOKEN;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_VALUES;
import static dev.scorespec.processor.emit.RuntimeNames.ND_ARRAY_READER;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.scorespec.annotations.internal.DType;
import dev.scorespec.processor.emit.BinderFile;
import dev.scorespec.processor.emit.BinderNames;
import dev.scorespec.processor.emit.FieldLocals;
import dev.scorespec.processor.emit.TabularParts;
import dev.scorespec.processor.model.NdArrayType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.lang.model.element.Modifier;

/**
 * The binder's code for {@code @NdArray} samples: reading arrays into Java arrays, {@code NDArray} or
 * records (a structured dtype), and writing arrays of records.
 */
public final class NdArrayBinders {

    private final BinderFile file;

    public NdArrayBinders(BinderFile file) {
        this.file = file;
    }

    /** An expression that reads an array at the parser's current token. */
    public CodeBlock read(NdArrayType a, String context) {
        if (a.target() == NdArrayType.Target.RECORDS) {
            return CodeBlock.of("$L(json)", recordRowsReader(a, context));
        }
        String shape = shapeConstant(context, a.shape());
        String dtype = a.dtype().orElseThrow().name();
        if (a.target() == NdArrayType.Target.NDARRAY) {
            return CodeBlock.of("$T.read(json, $T.$L, $L, $L)", ND_ARRAY_READER, DTYPE, dtype, shape, a.enforceShape());
        }
        // Straight into nested Java arrays: no flat storage to copy the rows out of.
        return CodeBlock.of(
                "($T) $T.readJavaArray(json, $T.$L, $L, $L)",
                a.javaType(),
                ND_ARRAY_READER,
                DTYPE,
                dtype,
                shape,
                a.enforceShape());
    }

    /** A constant holding a sample's shape, which the reader checks every dimension but the first against. */
    private String shapeConstant(String context, List<Integer> shape) {
        String name = BinderNames.constantName(context) + "_SHAPE";
        file.addConstant(FieldSpec.builder(int[].class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The sample's shape; every dimension but the first is enforced.\n")
                .initializer("{$L}", shape.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .build());
        return name;
    }

    /**
     * A structured array: a JSON list of rows, each an object with the fields by name, as its schema
     * says. (numpy would also take a row as a list in field order; the schema forbids it, so does this.)
     */
    private String recordRowsReader(NdArrayType a, String context) {
        TypeName recordType = recordType(a);
        String rowReader = file.helperName("read" + context + "Row");
        MethodSpec.Builder row = file.reader(rowReader, recordType).addJavadoc("""
                            Reads one row of {@code $L}: an object with the fields by name. Fields the dtype does
                            not name are ignored, as numpy does and the schema allows.
                            """, context);
        List<NdArrayType.Field> fields = a.fields();
        FieldLocals locals =
                new FieldLocals(fields.stream().map(NdArrayType.Field::javaName).toList(), Set.of("json", "name"));
        for (int i = 0; i < fields.size(); i++) {
            row.addStatement(
                    "$T $L = $L",
                    fields.get(i).javaType(),
                    locals.value(i),
                    BinderNames.defaultValue(fields.get(i).javaType()));
        }
        row.addStatement("$T.expectStartObject(json)", JSON_VALUES);
        for (int i = 0; i < fields.size(); i++) {
            row.addStatement("boolean $L = false", locals.flag(i));
        }
        row.beginControlFlow("while (json.nextToken() == $T.FIELD_NAME)", JSON_TOKEN)
                .addStatement("String name = json.currentName()")
                .addStatement("json.nextToken()")
                .beginControlFlow("switch (name)");
        for (int i = 0; i < fields.size(); i++) {
            row.beginControlFlow("case $S ->", fields.get(i).name())
                    .addStatement("$L = $L", locals.value(i), readField(fields.get(i), context))
                    .addStatement("$L = true", locals.flag(i))
                    .endControlFlow();
        }
        row.addStatement("default -> json.skipChildren()").endControlFlow().endControlFlow();
        for (int i = 0; i < fields.size(); i++) {
            row.addStatement(
                    "$T.requireKey(json, $L, $S)",
                    JSON_BODY,
                    locals.flag(i),
                    fields.get(i).name());
        }
        file.addHelper(
                rowReader,
                row.addStatement(
                                "return new $T($L)",
                                recordType,
                                IntStream.range(0, fields.size())
                                        .mapToObj(i -> CodeBlock.of("$L", locals.value(i)))
                                        .collect(CodeBlock.joining(", ")))
                        .build());

        // One reader per level, innermost first: Row[] from rows, then Row[][] from arrays of them, ...
        String itemReader = rowReader;
        TypeName itemType = recordType;
        String shape = a.rank() > 1 && a.enforceShape() ? shapeConstant(context, a.shape()) : null;
        for (int level = a.rank() - 1; level >= 0; level--) {
            String levelReader = file.helperName("read" + context + (level == 0 ? "" : "Level" + level));
            MethodSpec.Builder read = file.reader(levelReader, ArrayTypeName.of(itemType))
                    .addJavadoc(
                            level == 0
                                    ? CodeBlock.of("Reads the rows of {@code $L}.\n", context)
                                    : CodeBlock.of("Reads one array at depth $L of {@code $L}.\n", level, context))
                    .addStatement("$T.expectStartArray(json)", JSON_VALUES)
                    .addStatement("$T<$T> rows = new $T<>()", List.class, itemType, ArrayList.class)
                    .beginControlFlow("while (json.nextToken() != $T.END_ARRAY)", JSON_TOKEN)
                    .addStatement("rows.add($L(json))", itemReader)
                    .endControlFlow();
            if (shape != null && level > 0) {
                // Every dimension but the first is the sample's.
                read.addStatement("$T.fixedLength(json, rows, $L[$L])", JSON_BODY, shape, level);
            }
            file.addHelper(
                    levelReader,
                    read.addStatement("return rows.toArray(new $T[0]$L)", recordType, "[]".repeat(a.rank() - 1 - level))
                            .build());
            itemReader = levelReader;
            itemType = ArrayTypeName.of(itemType);
        }
        return itemReader;
    }

    /** The record of an array of records, of any rank. */
    private static TypeName recordType(NdArrayType a) {
        TypeName type = a.javaType();
        while (type instanceof ArrayTypeName array) {
            type = array.componentType();
        }
        return type;
    }

    private CodeBlock readField(NdArrayType.Field f, String context) {
        if (f.shape().isEmpty()) {
            return readElement(f.dtype());
        }
        String shape = shapeConstant(context + BinderNames.upper(BinderNames.javaName(f.javaName())), f.shape());
        // Every dimension of a sub-array field is fixed, the first included.
        return CodeBlock.of(
                "($T) $T.fixedLength(json, $T.read(json, $T.$L, $L, true), $L[0]).toJavaArray()",
                f.javaType(),
                JSON_BODY,
                ND_ARRAY_READER,
                DTYPE,
                f.dtype().name(),
                shape,
                shape);
    }

    /** Reads one scalar of a dtype, as a structured field. */
    private static CodeBlock readElement(DType dtype) {
        return switch (dtype) {
            case FLOAT64 -> CodeBlock.of("$T.readDouble(json)", JSON_VALUES);
            case FLOAT32 -> CodeBlock.of("$T.readFloat(json)", JSON_VALUES);
            case FLOAT16 -> CodeBlock.of("$T.readHalf(json)", JSON_VALUES);
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
            case DATETIME64_D -> CodeBlock.of("$T.readDate(json)", JSON_VALUES);
            case TIMEDELTA64 -> CodeBlock.of("$T.readTimedelta(json)", JSON_VALUES);
        };
    }

    /** A statement that writes an array of records, each an object with the fields by name. */
    public CodeBlock write(NdArrayType a, String expression, String context) {
        String method = file.helperName("write" + context);
        MethodSpec.Builder write = file.writer(method, a.javaType());
        TypeName recordType = recordType(a);
        // Rows of records (rank 2 and up) are arrays of arrays: one loop per dimension.
        String array = "value";
        for (int level = 0; level < a.rank() - 1; level++) {
            TypeName inner = a.javaType();
            for (int i = 0; i <= level; i++) {
                inner = ((ArrayTypeName) inner).componentType();
            }
            String item = "level" + (level + 1);
            write.addStatement("out.writeStartArray()").beginControlFlow("for ($T $L : $L)", inner, item, array);
            array = item;
        }
        write.addStatement("out.writeStartArray()")
                .beginControlFlow("for ($T row : $L)", recordType, array)
                .addStatement("out.writeStartObject()");
        for (NdArrayType.Field f : a.fields()) {
            write.addStatement("out.writeFieldName($S)", f.name())
                    .addStatement(
                            f.dtype() == DType.BYTES && f.shape().isEmpty()
                                    ? CodeBlock.of("$T.writeBase64(out, row.$L())", JSON_OUTPUT, f.javaName())
                                    : CodeBlock.of("$T.write(out, row.$L())", JSON_OUTPUT, f.javaName()));
        }
        write.addStatement("out.writeEndObject()").endControlFlow().addStatement("out.writeEndArray()");
        for (int level = 0; level < a.rank() - 1; level++) {
            write.endControlFlow().addStatement("out.writeEndArray()");
        }
        file.addHelper(method, write.build());
        return CodeBlock.of("$L(out, $L)", method, expression);
    }

    /** Whether {@code JsonOutput}'s type-based writing would not do: records, which it cannot write. */
    public static boolean needsWriter(NdArrayType a) {
        return a.target() == NdArrayType.Target.RECORDS;
    }

    /** For Javadoc: {@code a float64 array of shape (*, 10)}. */
    public static String describe(NdArrayType a) {
        return a.structured()
                ? "an array of records with fields "
                        + a.fields().stream().map(NdArrayType.Field::name).collect(Collectors.joining(", "))
                : "a " + a.dtype().orElseThrow().numpyName() + " array of shape (" + shapeText(a) + ")";
    }

    private static String shapeText(NdArrayType a) {
        List<String> dims = new ArrayList<>();
        for (int i = 0; i < a.shape().size(); i++) {
            dims.add(
                    i == 0 || !a.enforceShape() ? "*" : String.valueOf(a.shape().get(i)));
        }
        return String.join(", ", dims) + (dims.size() == 1 ? "," : "");
    }

    /** The dtypes whose values a batch's columns carry as they are, with no check the JSON reader makes. */
    private static final Set<DType> TABULAR_DTYPES = Set.of(
            DType.INT8, DType.INT16, DType.INT32, DType.INT64, DType.FLOAT32, DType.FLOAT64, DType.BOOL, DType.STR);

    /**
     * An array as input columns of a table: a 1-D array is one value per row, a 2-D array of numbers of a
     * fixed width one column whose rows hold that many values. Others (records, {@code NDArray}, more
     * dimensions, dtypes the JSON reader checks values of) are not tabular.
     */
    public static Optional<TabularParts.Input> tabularInput(NdArrayType a, String name, boolean optional) {
        return tabularColumn(a, name, optional)
                .map(column ->
                        new TabularParts.Input(List.of(column), offset -> TabularParts.column(offset, a.javaType())));
    }

    /** A 1-D array as an output column of one value per row. */
    public static Optional<TabularParts.Output> tabularOutput(NdArrayType a, String name) {
        if (a.rank() != 1) {
            return Optional.empty();
        }
        return tabularColumn(a, name, false)
                .map(column -> new TabularParts.Output(
                        List.of(column), value -> CodeBlock.of("$L.length", value), value -> List.of(value)));
    }

    private static Optional<TabularParts.Column> tabularColumn(NdArrayType a, String name, boolean optional) {
        if (optional
                || a.target() != NdArrayType.Target.JAVA_ARRAY
                || a.dtype().isEmpty()
                || !TABULAR_DTYPES.contains(a.dtype().get())) {
            return Optional.empty();
        }
        TypeName element = a.javaType();
        while (element instanceof ArrayTypeName array) {
            element = array.componentType();
        }
        if (a.rank() == 1) {
            return TabularParts.perRow(name, element);
        }
        if (a.rank() == 2 && a.enforceShape()) {
            return TabularParts.rows(name, element, a.shape().get(1));
        }
        return Optional.empty();
    }
}

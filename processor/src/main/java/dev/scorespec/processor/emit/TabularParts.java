package dev.scorespec.processor.emit;

import static dev.scorespec.processor.emit.RuntimeNames.TABULAR_COLUMN;
import static dev.scorespec.processor.emit.RuntimeNames.TABULAR_COLUMN_TYPE;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * A value as columns of a table, for the binder's typed path of batch scoring ({@code TabularBinding}): each
 * kind's emitter says whether and how its value is columns, and {@link TabularEmitter} puts them together.
 */
public final class TabularParts {

    /** The runtime's {@code TabularBinding.ColumnType} of each Java type that a column can carry. */
    private static final Map<TypeName, String> COLUMN_TYPES = Map.ofEntries(
            Map.entry(TypeName.BOOLEAN, "BOOLEAN"),
            Map.entry(TypeName.BYTE, "INT8"),
            Map.entry(TypeName.SHORT, "INT16"),
            Map.entry(TypeName.INT, "INT32"),
            Map.entry(TypeName.LONG, "INT64"),
            Map.entry(TypeName.FLOAT, "FLOAT32"),
            Map.entry(TypeName.DOUBLE, "FLOAT64"),
            Map.entry(ClassName.get(String.class), "STRING"),
            Map.entry(ClassName.get("java.time", "LocalDate"), "DATE"),
            Map.entry(ClassName.get("java.time", "LocalDateTime"), "DATE_TIME"),
            Map.entry(ClassName.get("java.time", "Instant"), "TIMESTAMP"));

    private TabularParts() {}

    /**
     * An input value as columns: the columns' declarations ({@code TabularBinding.Column} expressions), and
     * the value as an expression over {@code columns[offset]}, {@code columns[offset + 1]}, ... and
     * {@code rows}.
     */
    public record Input(List<Column> columns, IntFunction<CodeBlock> argument) {
        public Input {
            columns = List.copyOf(columns);
        }
    }

    /**
     * An output value as columns: their declarations, the number of rows of a result (an expression over the
     * value's expression), and each column's values as the array its declaration says.
     */
    public record Output(
            List<Column> columns, UnaryOperator<CodeBlock> rows, Function<CodeBlock, List<CodeBlock>> values) {
        public Output {
            columns = List.copyOf(columns);
        }
    }

    /**
     * One column's name and its {@code TabularBinding.Column} expression.
     *
     * @param shared whether run takes one value of it for all its rows
     */
    public record Column(String name, CodeBlock declaration, boolean shared) {}

    /**
     * The column type of a Java element type, boxed or not; empty for a type no column carries.
     */
    public static Optional<String> columnType(TypeName element) {
        TypeName unboxed = element.isBoxedPrimitive() ? element.unbox() : element;
        return Optional.ofNullable(COLUMN_TYPES.get(unboxed));
    }

    /** A column of one value per row of a Java element type; empty when no column carries it. */
    public static Optional<Column> perRow(String name, TypeName element) {
        return columnType(element)
                .map(type -> new Column(
                        name,
                        CodeBlock.of(
                                "new $T($S, $T.$L, $L)",
                                TABULAR_COLUMN,
                                name,
                                TABULAR_COLUMN_TYPE,
                                type,
                                !element.isPrimitive()),
                        false));
    }

    /** A column of one value per row, of a column type by name, nullable or not. */
    public static Column perRow(String name, String type, boolean nullable) {
        return new Column(
                name,
                CodeBlock.of("new $T($S, $T.$L, $L)", TABULAR_COLUMN, name, TABULAR_COLUMN_TYPE, type, nullable),
                false);
    }

    /** A column whose rows hold {@code width} values of a primitive element type; empty when none carries it. */
    public static Optional<Column> rows(String name, TypeName element, int width) {
        if (!element.isPrimitive()) {
            return Optional.empty();
        }
        return columnType(element)
                .map(type -> new Column(
                        name,
                        CodeBlock.of("$T.rows($S, $T.$L, $L)", TABULAR_COLUMN, name, TABULAR_COLUMN_TYPE, type, width),
                        false));
    }

    /** A column of one value for all rows of a call of run; empty when no column carries the type. */
    public static Optional<Column> shared(String name, TypeName javaType, boolean optional) {
        return columnType(javaType)
                .map(type -> new Column(
                        name,
                        CodeBlock.of(
                                "$T.shared($S, $T.$L, $L, $L)",
                                TABULAR_COLUMN,
                                name,
                                TABULAR_COLUMN_TYPE,
                                type,
                                !javaType.isPrimitive(),
                                optional),
                        true));
    }

    /** The column {@code columns[index]} cast to the array type it travels as. */
    public static CodeBlock column(int index, TypeName arrayType) {
        return CodeBlock.of("($T) columns[$L]", arrayType, index);
    }

    /** The array type of one value per row of {@code element}. */
    public static TypeName arrayOf(TypeName element) {
        return ArrayTypeName.of(element);
    }
}

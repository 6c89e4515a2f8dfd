package dev.scorespec.runtime.binding;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The typed path of a scoring class whose input and output are tables, for batch scoring: a binder hands
 * over whole columns of many rows at once, with no JSON in between. A generated binder implements it when
 * its samples are tabular (a dataframe, an ndarray whose rows are records of numbers, a Spark sample, plain
 * per-row values) and returns it from {@link ScoringBinder#tabular()}; the column names and types come from
 * the samples, decided at compile time, so a batch job can check a dataset before it starts.
 *
 * <p>Columns travel as Java arrays, one per column, all of the same length: the array type of a column is
 * {@link Column#arrayType()}, a primitive array ({@code double[]}) for a non-nullable number or boolean
 * column, a boxed array ({@code Double[]}) for a nullable one, and {@code String[]}, {@code byte[][]},
 * {@code LocalDate[]}, {@code LocalDateTime[]} or {@code Instant[]} for the others.
 *
 * @param <A> the bound arguments of {@code run}, as {@link ScoringBinder#bind} makes them
 * @param <R> what {@code run} returns
 */
public interface TabularBinding<A, R> {

    /** The input columns, in the order {@link #arguments} takes them. */
    List<Column> inputColumns();

    /** The output columns, in the order {@link #columns} returns them. */
    List<Column> outputColumns();

    /**
     * The arguments of {@code run} for {@code rows} rows given as one array per input column.
     *
     * @throws BindingException when a value does not fit the input sample; a caller that scores many rows
     *     at once may score the rows one by one to find which
     */
    A arguments(Object[] columns, int rows) throws BindingException;

    /** The number of rows {@code run} returned. */
    int rows(R result);

    /** What {@code run} returned as one array per output column, each {@link #rows} long. */
    Object[] columns(R result);

    /**
     * One column of a table: its name in the sample, its type, and whether it may hold nulls.
     *
     * @param width 0 for one value per row; otherwise each row holds this many values (a row of an ndarray of
     *     numbers), and the column travels as an array of rows ({@code double[][]}), never nullable
     * @param shared whether {@code run} takes one value for all its rows (a plain value next to a table): the
     *     column still holds one value per row, and a caller scores rows with different values in different
     *     calls
     * @param optional whether a dataset may lack the column, which then holds nulls (an optional input)
     */
    record Column(String name, ColumnType type, boolean nullable, int width, boolean shared, boolean optional) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            if (width < 0 || (width > 0 && nullable)) {
                throw new IllegalArgumentException("A column of rows has a positive width and no nulls");
            }
        }

        /** A column of one value per row. */
        public Column(String name, ColumnType type, boolean nullable) {
            this(name, type, nullable, 0, false, false);
        }

        /** A column whose rows each hold {@code width} values. */
        public static Column rows(String name, ColumnType type, int width) {
            return new Column(name, type, false, width, false, false);
        }

        /** A column of one value for all the rows of a call of {@code run}. */
        public static Column shared(String name, ColumnType type, boolean nullable, boolean optional) {
            return new Column(name, type, nullable, 0, true, optional);
        }

        /** The Java array type that carries this column's values. */
        public Class<?> arrayType() {
            Class<?> value = nullable ? type.boxedType() : type.elementType();
            return width > 0 ? value.arrayType().arrayType() : value.arrayType();
        }
    }

    /** The types of a column's values, with the Java types that hold them. */
    enum ColumnType {
        BOOLEAN(boolean.class, Boolean.class),
        INT8(byte.class, Byte.class),
        INT16(short.class, Short.class),
        INT32(int.class, Integer.class),
        INT64(long.class, Long.class),
        FLOAT32(float.class, Float.class),
        FLOAT64(double.class, Double.class),
        STRING(String.class, String.class),
        /** Bytes; base64 text in JSON. */
        BINARY(byte[].class, byte[].class),
        DATE(LocalDate.class, LocalDate.class),
        /** A date-time without offset (numpy's datetime64, Spark's {@code TIMESTAMP_NTZ}). */
        DATE_TIME(LocalDateTime.class, LocalDateTime.class),
        /** An instant (Spark's {@code TIMESTAMP}, a date-time with offset in JSON). */
        TIMESTAMP(Instant.class, Instant.class);

        private final Class<?> elementType;
        private final Class<?> boxedType;

        ColumnType(Class<?> elementType, Class<?> boxedType) {
            this.elementType = elementType;
            this.boxedType = boxedType;
        }

        /** The type of one value in a non-nullable column: primitive for numbers and booleans. */
        public Class<?> elementType() {
            return elementType;
        }

        /** The type of one value in a nullable column. */
        public Class<?> boxedType() {
            return boxedType;
        }
    }
}

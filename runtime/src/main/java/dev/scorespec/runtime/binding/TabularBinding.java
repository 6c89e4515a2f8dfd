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

    /** One column of a table: its name in the sample, its type, and whether it may hold nulls. */
    record Column(String name, ColumnType type, boolean nullable) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        /** The Java array type that carries this column's values. */
        public Class<?> arrayType() {
            return (nullable ? type.boxedType() : type.elementType()).arrayType();
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

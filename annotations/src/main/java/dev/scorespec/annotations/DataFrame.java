package dev.scorespec.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A dataframe sample, the counterpart of {@code PandasParameterType(pd.DataFrame(...), orient=...)}:
 * the value binds to a Tablesaw {@code tech.tablesaw.api.Table} with the sample's columns, in the
 * sample's order and of the sample's types.
 *
 * <p>The sample is JSON in either of two forms, whatever the {@link #orient()}: a list of rows
 * ({@code [{"name": "Sarah", "age": 25}, {"name": "John", "age": 26}]}) or an object of columns, as
 * {@code pd.DataFrame({...})} takes it ({@code {"name": ["Sarah", "John"], "age": [25, 26]}}). A wide
 * sample can be a resource: a {@code .json} file in either form, or a {@code .csv} file with a header
 * row, read with Tablesaw's CSV reader and its type detection.
 *
 * <p>Column types are inferred from the sample: JSON integers are {@link ColumnKind#LONG}, numbers
 * {@link ColumnKind#DOUBLE}, booleans {@link ColumnKind#BOOLEAN}; strings that Tablesaw's parsers read
 * as date-times, dates or times are {@link ColumnKind#DATE_TIME}, {@link ColumnKind#DATE},
 * {@link ColumnKind#TIME}, with an offset {@link ColumnKind#INSTANT}, ISO-8601 durations
 * ({@code "P1DT2H0M0S"}) {@link ColumnKind#TIMEDELTA}, and other strings {@link ColumnKind#STRING}.
 * {@link #columns()} pins a column's type instead. A column may hold {@code null} in requests only
 * when it does in the sample.
 *
 * <pre>{@code
 * @InputSchema(param = "data", dataframe = @DataFrame(sample = """
 *         {"name": ["Sarah", "John"], "age": [25, 26], "joined": ["2020-01-02", "2021-03-04"]}"""))
 * public Table run(Table data) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface DataFrame {

    /** The sample as JSON text: a list of row objects, or an object of column lists. */
    String sample() default "";

    /**
     * A class-path resource holding the sample, read at compile time: a {@code .json} file in either
     * form of {@link #sample()}, or a {@code .csv} file with a header row.
     */
    String sampleResource() default "";

    /** How the frame travels as JSON, in requests and, for an output, in responses. */
    Orient orient() default Orient.RECORDS;

    /** Columns whose type is pinned rather than inferred from the sample. */
    Column[] columns() default {};

    /**
     * Whether every value must be of its column's type, converted losslessly where JSON allows
     * (an integer into a {@code double} column, {@code 7.0} into a {@code long} column). When false,
     * columns take their types from the request's JSON values (integers {@code LongColumn}, numbers
     * {@code DoubleColumn}, strings {@code StringColumn}, booleans {@code BooleanColumn}), and the
     * schema states no types.
     */
    boolean enforceColumnType() default true;

    /**
     * Whether the request must have exactly the sample's columns. When false, columns the sample does
     * not have are read too, typed from their values; the sample's columns are still required.
     */
    boolean enforceShape() default true;

    /** Pins the type of one column of the sample. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target({})
    @interface Column {

        /** The column's name in the sample. */
        String name();

        /** Its type. */
        ColumnKind type();
    }
}

package dev.scorespec.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes what a scoring {@code run} method returns by a sample, the counterpart of Python's
 * {@code @output_schema(ParameterType(sample))}. Give exactly one of {@link #ndarray()},
 * {@link #standard()}, {@link #dataframe()}, {@link #spark()}; or none when {@code run} returns a nested record, whose
 * components carry their own samples (see {@link InputSchema}). Without this annotation, the output schema
 * is {@code {"type": "object"}}, as in the reference.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OutputSchema {

    /** A numpy-style array sample. */
    NdArray[] ndarray() default {};

    /** A plain-value sample. */
    Standard[] standard() default {};

    /** A dataframe sample: {@code run} returns a Tablesaw {@code Table}, written in the sample's orient. */
    DataFrame[] dataframe() default {};

    /**
     * A Spark DataFrame sample: {@code run} returns a Spark {@code Dataset<Row>} with the sample's columns,
     * written as JSON records.
     */
    SparkFrame[] spark() default {};
}

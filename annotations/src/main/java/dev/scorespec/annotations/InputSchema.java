package dev.scorespec.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one parameter of a scoring {@code run} method by a sample, the counterpart of Python's
 * {@code @input_schema(param, ParameterType(sample))}.
 *
 * <p>Give exactly one of {@link #ndarray()}, {@link #standard()}, {@link #dataframe()}, {@link #spark()}: the sample's kind decides the JSON
 * schema of the parameter and how the request body is converted into the Java parameter.
 *
 * <pre>{@code
 * @InputSchema(param = "data", ndarray = @NdArray(sample = "[[10,9,8,7,6,5,4,3,2,1]]", dtype = "float64"))
 * public double[] run(double[][] data) { ... }
 * }</pre>
 *
 * <p>Or give no sample, for a <em>nested</em> parameter (Python's
 * {@code StandardPythonParameterType({'a': NumpyParameterType(...), ...})}): the parameter's type is a
 * record whose every component carries its own sample annotation, or is itself such a record, or a
 * {@code List} or array of one. The parameter is a JSON object with one required key per component,
 * and each key is converted to its component's type:
 *
 * <pre>{@code
 * record Features(@NdArray(sample = "[[1, 2, 3]]", dtype = "float64") double[][] input1,
 *                 @Standard(sample = "0.0") double input3) {}
 *
 * @InputSchema(param = "Inputs")
 * public Map<String, double[]> run(Features Inputs) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@Repeatable(InputSchemas.class)
public @interface InputSchema {

    /** The name of the parameter in the JSON body; also the name of a {@code run} parameter. */
    String param();

    /** A numpy-style array sample. */
    NdArray[] ndarray() default {};

    /** A plain-value sample: numbers, strings, booleans, dates, lists and objects of these. */
    Standard[] standard() default {};

    /** A dataframe sample, bound to a Tablesaw {@code Table}. */
    DataFrame[] dataframe() default {};

    /** A Spark DataFrame sample, bound to a Spark {@code Dataset<Row>}. */
    SparkFrame[] spark() default {};

    /**
     * Whether the body may leave this parameter out. The Java parameter then receives {@code null}
     * (so it must not be a primitive).
     */
    boolean optional() default false;
}

package dev.scorespec.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A numpy-style array sample: nested JSON arrays, one level per dimension, the counterpart of
 * {@code NumpyParameterType(np.array(sample))}.
 *
 * <p>The request binder checks what the sample implies: the number of dimensions, the size of every
 * dimension but the first (when {@link #enforceShape()}), and the element type of {@link #dtype()}.
 *
 * <p>Java targets: a primitive array of the sample's rank ({@code double[][]}, {@code long[]},
 * {@code boolean[]}, {@code String[]}, ...), {@code dev.scorespec.runtime.NDArray} for any rank, or an
 * array of Java records for a structured dtype (one record component per field).
 *
 * <p>Used inside {@link InputSchema#ndarray()} and {@link OutputSchema#ndarray()}, or on a component of
 * a record that is a nested parameter (see {@link InputSchema}), where it describes that field.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface NdArray {

    /** The sample as JSON text, for example {@code "[[1.0, 2.5], [3.0, 4.5]]"}. */
    String sample() default "";

    /**
     * A class-path resource holding the sample as JSON, for samples too big for an annotation; read at
     * compile time from the source or class output (for example {@code src/main/resources}).
     */
    String sampleResource() default "";

    /**
     * The numpy dtype name: {@code int8..int64}, {@code uint8..uint64}, {@code float16/32/64},
     * {@code bool}, {@code str}, {@code bytes}, {@code datetime64}, {@code timedelta64}. Empty means:
     * inferred from the sample as numpy does ({@code int64} for integers, {@code float64} for numbers,
     * {@code bool}, {@code str}), or from the record components for a structured dtype.
     */
    String dtype() default "";

    /** Whether to check the size of every dimension but the first against the sample. */
    boolean enforceShape() default true;
}

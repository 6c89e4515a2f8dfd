package dev.scorespec.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A plain-value sample, the counterpart of {@code StandardPythonParameterType(sample)}: a number,
 * string, boolean, list or object as JSON text. The Java target gives the finer type: a
 * {@code LocalDate} parameter with the sample {@code "2020-01-02"} is a {@code date}, a {@code byte[]}
 * with a base64 sample is {@code bytes}, a record with an object sample is a nested object.
 *
 * <p>Used inside {@link InputSchema#standard()} and {@link OutputSchema#standard()}, or on a component
 * of a record that is a nested parameter (see {@link InputSchema}), where it describes that field.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Standard {

    /** The sample as JSON text, for example {@code "1.5"}, {@code "\"hello\""} or {@code "[1, 2, 3]"}. */
    String sample() default "";

    /** A class-path resource holding the sample as JSON, read at compile time. */
    String sampleResource() default "";
}

package dev.scorespec.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a scoring class. Optional on a class whose {@code run} carries {@link InputSchema} or
 * {@link OutputSchema}; needed on a class whose {@code run(String)} takes the raw JSON body text and so
 * has no schema annotation for the processor to find.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ScoringService {
}

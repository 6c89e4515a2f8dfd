package dev.scorespec.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a scoring class. Optional on a class whose {@code run} carries {@link InputSchema} or
 * {@link OutputSchema}; needed on a class whose {@code run(String)} takes the raw JSON body text and so
 * has no schema annotation for the processor to find, and to ask for the {@link #powerBi()} check.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ScoringService {

    /**
     * Whether the service must have the shape Power BI consumes, checked at compile time: a first
     * parameter named {@code Inputs} that is nested (a record of dataframes, arrays and plain values,
     * one level deep), optionally a second one named {@code GlobalParameters} with a plain
     * {@link Standard} sample and {@code optional = true}, no other body parameter, and an
     * {@link OutputSchema} describing a JSON object with a {@code Results} key. Each departure is a
     * compile error that says how to fix it.
     */
    boolean powerBi() default false;
}

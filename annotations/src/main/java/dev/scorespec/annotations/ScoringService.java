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

    /**
     * {@code info.title} of the service documents, and the end of their description. Generated clients
     * and Swagger UI show it. A server started with {@code --service-name} (or {@code SERVICE_NAME})
     * serves that name instead. Must not be blank.
     */
    String title() default "ML service";

    /**
     * {@code info.version} of the service documents. A server started with {@code --service-version} (or
     * {@code SERVICE_VERSION}) serves that version instead. Must not be blank.
     */
    String version() default "1.0";

    /**
     * The {@code operationId} of {@code POST /score} in the service documents: the name of
     * the scoring method in generated clients (openapi-generator makes {@code RunMLService} into
     * {@code runMLService()}). Must be a Java identifier, such as {@code "predictChurn"}.
     */
    String operationId() default "RunMLService";
}

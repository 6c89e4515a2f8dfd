package dev.scorespec.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The JSON key of a record component, when it is not the component's name: a payload written in
 * snake_case binds to a record written in camelCase.
 *
 * <pre>{@code
 * record Customer(@JsonName("customer_id") long customerId, @JsonName("signed_up") LocalDate signedUp) {}
 * }</pre>
 *
 * <p>The key is used everywhere the component appears in JSON: the sample's keys, the documents'
 * schemas, the binder that reads requests and writes answers, and the paths of error messages. Two
 * components of one record cannot share a key (a compile error). Applies to records bound by
 * {@link Standard} samples, to nested parameters, and to the records of a structured {@link NdArray}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface JsonName {

    /** The key, for example {@code "customer_id"}. */
    String value();
}

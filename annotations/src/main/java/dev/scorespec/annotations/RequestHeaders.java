package dev.scorespec.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code Map<String, String>} parameter of {@code run} that receives the request headers
 * instead of a body value: the Python server's {@code request_headers} argument. Header names are
 * lower case; a repeated header keeps its first value.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface RequestHeaders {}

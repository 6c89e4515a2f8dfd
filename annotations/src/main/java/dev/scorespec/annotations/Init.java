package dev.scorespec.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method the server calls once, before the first request: Python's {@code init()}. It takes
 * no parameter or one {@code dev.scorespec.runtime.ModelDir}, returns {@code void}, may throw, and must
 * not be private or static. The health probe answers {@code Healthy} only after it has returned.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Init {}

package dev.scorespec.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * A plain value of a {@code @Standard} sample.
 *
 * @param javaType {@code long}, {@code Double}, {@code String}, {@code LocalDate}, ...
 * @param kind the JSON schema type and format
 * @param naive for date-times and times: whether the Java type has no offset ({@code LocalDateTime},
 *     {@code LocalTime}); such a value is documented as naive, never silently labelled UTC
 */
public record ScalarType(TypeName javaType, ScalarKind kind, boolean naive) implements ValueType {
}

package dev.scorespec.processor.model;

import java.util.Optional;

/**
 * The plain values of a {@code @Standard} sample, with inference-schema's JSON Schema type and format
 * for each ({@code handle_standard_types}).
 */
public enum ScalarKind {
    /** A Java {@code long}/{@code Long}: Python's int. */
    INT64("integer", "int64"),
    /** A Java {@code int}/{@code Integer}, {@code short} or {@code byte}: narrower than Python's int, and said so. */
    INT32("integer", "int32"),
    DOUBLE("number", "double"),
    /** A Java {@code float}/{@code Float}. */
    FLOAT("number", "float"),
    STRING("string", null),
    BOOLEAN("boolean", null),
    /** Base64 text on the wire, {@code byte[]} in Java. */
    BYTES("string", "byte"),
    DATE("string", "date"),
    DATE_TIME("string", "date-time"),
    TIME("string", "time");

    private final String jsonType;
    private final String jsonFormat;

    ScalarKind(String jsonType, String jsonFormat) {
        this.jsonType = jsonType;
        this.jsonFormat = jsonFormat;
    }

    public String jsonType() {
        return jsonType;
    }

    public Optional<String> jsonFormat() {
        return Optional.ofNullable(jsonFormat);
    }
}

package dev.scorespec.annotations;

import java.util.Optional;

/**
 * The type of one {@link DataFrame} column: the Tablesaw column it is read into and the JSON it
 * travels as. Inferred from the sample, or pinned with {@link DataFrame.Column}.
 */
public enum ColumnKind {
    /** {@code LongColumn}; a JSON integer ({@code "type": "integer", "format": "int64"}), pandas' int64. */
    LONG("integer", "int64", "integer"),
    /** {@code IntColumn}; a JSON integer within 32 bits ({@code "format": "int32"}). Only when pinned. */
    INTEGER("integer", "int32", "integer"),
    /** {@code DoubleColumn}; a JSON number ({@code "format": "double"}); integers are taken too. */
    DOUBLE("number", "double", "number"),
    /** {@code StringColumn}; a JSON string. */
    STRING("string", null, "string"),
    /** {@code BooleanColumn}; {@code true} or {@code false}. */
    BOOLEAN("boolean", null, "boolean"),
    /** {@code DateColumn}; an RFC 3339 date such as {@code "2020-01-02"} ({@code "format": "date"}). */
    DATE("string", "date", "date"),
    /**
     * {@code DateTimeColumn}; a date-time without offset such as {@code "2020-01-02T03:04:05.000"}
     * ({@code "format": "date-time-local"}), pandas' naive datetime64[ns]. The reference says
     * {@code date-time}, which requires an offset, so its own examples fail it.
     */
    DATE_TIME("string", "date-time-local", "datetime"),
    /**
     * {@code InstantColumn}; a date-time with offset such as {@code "2020-01-02T03:04:05Z"}
     * ({@code "format": "date-time"}), pandas' tz-aware datetime64[ns, UTC]; written back in UTC.
     */
    INSTANT("string", "date-time", "datetime"),
    /** {@code TimeColumn}; a time without offset such as {@code "13:45:30"} ({@code "format": "time-local"}). */
    TIME("string", "time-local", "time"),
    /**
     * {@code LongColumn} of nanoseconds, as pandas' timedelta64[ns] stores it; ISO-8601 duration text
     * on the wire, such as {@code "P1DT2H0M0S"} ({@code "format": "timedelta"}), as pandas writes it; the
     * reference's format name, unknown to validators.
     */
    TIMEDELTA("string", "timedelta", "duration");

    private final String jsonType;
    private final String jsonFormat;
    private final String tableSchemaType;

    ColumnKind(String jsonType, String jsonFormat, String tableSchemaType) {
        this.jsonType = jsonType;
        this.jsonFormat = jsonFormat;
        this.tableSchemaType = tableSchemaType;
    }

    /** The JSON Schema {@code type} of this column's values in the generated documents. */
    public String jsonType() {
        return jsonType;
    }

    /** The JSON Schema {@code format} of this column's values in the generated documents, if any. */
    public Optional<String> jsonFormat() {
        return Optional.ofNullable(jsonFormat);
    }

    /** The Table Schema type of orient {@code table}'s {@code fields}, as pandas names it. */
    public String tableSchemaType() {
        return tableSchemaType;
    }
}

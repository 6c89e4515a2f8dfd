package dev.scorespec.annotations;

/**
 * The type of one {@link DataFrame} column: the Tablesaw column it is read into and the JSON it
 * travels as. Inferred from the sample, or pinned with {@link DataFrame.Column}.
 */
public enum ColumnKind {
    /** {@code LongColumn}; a JSON integer ({@code "type": "integer", "format": "int64"}), pandas' int64. */
    LONG,
    /** {@code IntColumn}; a JSON integer within 32 bits ({@code "format": "int32"}). Only when pinned. */
    INTEGER,
    /** {@code DoubleColumn}; a JSON number ({@code "format": "double"}); integers are taken too. */
    DOUBLE,
    /** {@code StringColumn}; a JSON string. */
    STRING,
    /** {@code BooleanColumn}; {@code true} or {@code false}. */
    BOOLEAN,
    /** {@code DateColumn}; an RFC 3339 date such as {@code "2020-01-02"} ({@code "format": "date"}). */
    DATE,
    /**
     * {@code DateTimeColumn}; a date-time without offset such as {@code "2020-01-02T03:04:05.000"}
     * ({@code "format": "date-time-local"}), pandas' naive datetime64[ns].
     */
    DATE_TIME,
    /**
     * {@code InstantColumn}; a date-time with offset such as {@code "2020-01-02T03:04:05Z"}
     * ({@code "format": "date-time"}), pandas' tz-aware datetime64[ns, UTC]; written back in UTC.
     */
    INSTANT,
    /** {@code TimeColumn}; a time without offset such as {@code "13:45:30"} ({@code "format": "time-local"}). */
    TIME,
    /**
     * {@code LongColumn} of nanoseconds, as pandas' timedelta64[ns] stores it; ISO-8601 duration text
     * on the wire, such as {@code "P1DT2H0M0S"} ({@code "format": "timedelta"}), as pandas writes it.
     */
    TIMEDELTA
}

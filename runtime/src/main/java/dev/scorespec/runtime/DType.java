package dev.scorespec.runtime;

/**
 * The numpy dtypes an {@code @NdArray} sample may name, each with the Java storage an
 * {@link NDArray} of that dtype uses.
 */
public enum DType {
    INT8("int8", byte.class),
    INT16("int16", short.class),
    INT32("int32", int.class),
    INT64("int64", long.class),
    /** Stored widened to {@code short}, so every value is non-negative. */
    UINT8("uint8", short.class),
    /** Stored widened to {@code int}. */
    UINT16("uint16", int.class),
    /** Stored widened to {@code long}. */
    UINT32("uint32", long.class),
    /** Stored in a {@code long} as two's complement; use {@link Long#toUnsignedString(long)} to print. */
    UINT64("uint64", long.class),
    /** Stored as {@code float}; values are rounded to half precision's range only by the model. */
    FLOAT16("float16", float.class),
    FLOAT32("float32", float.class),
    FLOAT64("float64", double.class),
    BOOL("bool", boolean.class),
    STR("str", String.class),
    /** Base64 text on the wire. */
    BYTES("bytes", byte[].class),
    /** ISO-8601 local date-times on the wire. */
    DATETIME64("datetime64", java.time.LocalDateTime.class),
    /** {@code "<n> <unit>"} text on the wire, as numpy prints it ({@code "3600 seconds"}). */
    TIMEDELTA64("timedelta64", java.time.Duration.class);

    private final String numpyName;
    private final Class<?> elementType;

    DType(String numpyName, Class<?> elementType) {
        this.numpyName = numpyName;
        this.elementType = elementType;
    }

    /** The name numpy gives this dtype. */
    public String numpyName() {
        return numpyName;
    }

    /** The Java type of one element in storage and in Java arrays of this dtype. */
    public Class<?> elementType() {
        return elementType;
    }
}

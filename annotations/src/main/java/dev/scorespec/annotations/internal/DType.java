package dev.scorespec.annotations.internal;

import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The numpy dtypes of {@code @NdArray}: numpy's name, the JSON Schema type and format inference-schema
 * gives each (its {@code Dtype2Swagger} table), the Java element type the runtime stores them in, and the
 * range of values requests may carry. The runtime's public {@code dev.scorespec.runtime.DType} takes its
 * facts from here; the processor checks samples with them.
 */
public enum DType {
    INT8("int8", "integer", "int8", byte.class, Byte.MIN_VALUE, Byte.MAX_VALUE),
    INT16("int16", "integer", "int16", short.class, Short.MIN_VALUE, Short.MAX_VALUE),
    INT32("int32", "integer", "int32", int.class, Integer.MIN_VALUE, Integer.MAX_VALUE),
    INT64("int64", "integer", "int64", long.class, Long.MIN_VALUE, Long.MAX_VALUE),
    /** Stored widened to {@code short}, so every value is non-negative. */
    UINT8("uint8", "integer", "uint8", short.class, 0, 0xFF),
    /** Stored widened to {@code int}. */
    UINT16("uint16", "integer", "uint16", int.class, 0, 0xFFFF),
    /** Stored widened to {@code long}. */
    UINT32("uint32", "integer", "uint32", long.class, 0, 0xFFFF_FFFFL),
    /** Stored in a {@code long} as two's complement; its maximum is 2<sup>64</sup>-1. */
    UINT64("uint64", "integer", "uint64", long.class, 0, -1),
    /**
     * Stored as {@code float}, with half precision's range: a request's value beyond 65504, float16's
     * largest, is refused as numpy's {@code astype} would make it an infinity.
     */
    FLOAT16("float16", "number", "float", float.class, 0, 0),
    FLOAT32("float32", "number", "float", float.class, 0, 0),
    FLOAT64("float64", "number", "double", double.class, 0, 0),
    BOOL("bool", "boolean", null, boolean.class, 0, 0),
    STR("str", "string", null, String.class, 0, 0),
    /**
     * Base64 text on the wire ({@link Base64Text}). inference-schema says {@code "format": "binary"},
     * which no JSON body can carry; ScoreSpec sends base64 and says {@code "byte"}.
     */
    BYTES("bytes", "string", "byte", byte[].class, 0, 0),
    /**
     * RFC 3339 date-times without offset on the wire ({@link TemporalText#parseLocalDateTime}).
     * inference-schema says {@code "format": "date-time"}, which JSON Schema defines with a UTC offset;
     * numpy's datetime64 has none, so ScoreSpec says {@code "date-time-local"} (OpenAPI format registry).
     */
    DATETIME64("datetime64", "string", "date-time-local", LocalDateTime.class, 0, 0),
    /**
     * numpy's day-resolution {@code datetime64[D]}: RFC 3339 full-dates on the wire, {@code "2021-05-06"}
     * ({@link TemporalText#parseDate}), {@code "format": "date"}, stored as {@code LocalDate}. A unit-less
     * {@code datetime64} whose sample holds only dates is this dtype when bound to {@code NDArray} or a
     * {@code LocalDate} array, as numpy infers the unit from such text.
     */
    DATETIME64_D("datetime64[D]", "string", "date", LocalDate.class, 0, 0),
    /** numpy's {@code "3600 seconds"} or ISO-8601 text on the wire ({@link TemporalText#parseTimedelta}). */
    TIMEDELTA64("timedelta64", "string", "timedelta", Duration.class, 0, 0);

    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    /** Half precision's largest finite value, (2 - 2<sup>-10</sup>) &times; 2<sup>15</sup>. */
    private static final double FLOAT16_MAX = 65504;
    /** {@code Float.MAX_VALUE}'s shortest decimal text as a double: a little above it, and rounding to it. */
    private static final double FLOAT32_MAX = Double.parseDouble(Float.toString(Float.MAX_VALUE));

    private final String numpyName;
    private final String jsonType;
    private final String jsonFormat;
    private final Class<?> elementType;
    private final long min;
    private final long max;

    DType(String numpyName, String jsonType, String jsonFormat, Class<?> elementType, long min, long max) {
        this.numpyName = numpyName;
        this.jsonType = jsonType;
        this.jsonFormat = jsonFormat;
        this.elementType = elementType;
        this.min = min;
        this.max = max;
    }

    /** The name numpy gives this dtype. */
    public String numpyName() {
        return numpyName;
    }

    /** JSON Schema {@code type}. */
    public String jsonType() {
        return jsonType;
    }

    /** JSON Schema {@code format}, if any. */
    public Optional<String> jsonFormat() {
        return Optional.ofNullable(jsonFormat);
    }

    /** The Java type of one element in storage and in Java arrays of this dtype. */
    public Class<?> elementType() {
        return elementType;
    }

    public boolean isInteger() {
        return jsonType.equals("integer");
    }

    public boolean isFloating() {
        return jsonType.equals("number");
    }

    /** The smallest value of an integer dtype. */
    public BigInteger min() {
        requireInteger();
        return BigInteger.valueOf(min);
    }

    /** The largest value of an integer dtype; {@code uint64}'s is 2<sup>64</sup>-1. */
    public BigInteger max() {
        requireInteger();
        return this == UINT64 ? UINT64_MAX : BigInteger.valueOf(max);
    }

    /** The smallest value of an integer dtype, as a long. */
    public long minLong() {
        requireInteger();
        return min;
    }

    /** The largest value of an integer dtype other than {@code uint64}, whose maximum a long cannot hold. */
    public long maxLong() {
        requireInteger();
        if (this == UINT64) {
            throw new IllegalStateException("uint64's maximum does not fit in a long");
        }
        return max;
    }

    /**
     * The largest magnitude of a floating dtype, as its schema states it ({@code maximum}, and its
     * negation as {@code minimum}) and binders check it: 65504 for float16, {@code 3.4028235e38} (the
     * shortest text of the largest float, which rounds to it) for float32, the largest double for float64.
     */
    public double maxMagnitude() {
        return switch (this) {
            case FLOAT16 -> FLOAT16_MAX;
            case FLOAT32 -> FLOAT32_MAX;
            case FLOAT64 -> Double.MAX_VALUE;
            default -> throw new IllegalStateException(numpyName + " is not a floating dtype");
        };
    }

    /**
     * The range of a floating dtype as messages state it: {@code -65504 to 65504} for float16,
     * {@code -3.4028235e38 to 3.4028235e38} for float32, {@code -1.7976931348623157e308 to
     * 1.7976931348623157e308} for float64.
     */
    public String rangeText() {
        String max = switch (this) {
            case FLOAT16 -> Long.toString((long) FLOAT16_MAX);
            case FLOAT32 -> Float.toString((float) FLOAT32_MAX);
            default -> Double.toString(maxMagnitude());
        };
        max = max.toLowerCase(Locale.ROOT);
        return "-" + max + " to " + max;
    }

    /** Whether a double is within this floating dtype's range, {@link #maxMagnitude()} included. */
    public boolean holds(double value) {
        return Math.abs(value) <= maxMagnitude();
    }

    private void requireInteger() {
        if (!isInteger()) {
            throw new IllegalStateException(numpyName + " is not an integer dtype");
        }
    }

    /**
     * The dtype for a numpy name, accepting numpy's aliases ({@code float}, {@code int}, {@code f8},
     * {@code U10}, {@code datetime64[s]}, ...).
     */
    public static Optional<DType> forName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.matches("(datetime64|<?m8)\\[d]")) {
            return Optional.of(DATETIME64_D);
        }
        if (n.startsWith("datetime64") || n.startsWith("<m8") || n.startsWith("m8")) {
            return Optional.of(DATETIME64);
        }
        if (n.startsWith("timedelta64")) {
            return Optional.of(TIMEDELTA64);
        }
        if (n.matches("<?u\\d*") || n.equals("unicode") || n.equals("str_") || n.equals("object")) {
            return Optional.of(STR);
        }
        if (n.matches("s\\d*") || n.equals("bytes_")) {
            return Optional.of(BYTES);
        }
        return switch (n) {
            case "int", "i8", "long" -> Optional.of(INT64);
            case "i4" -> Optional.of(INT32);
            case "i2" -> Optional.of(INT16);
            case "i1", "byte" -> Optional.of(INT8);
            case "u1", "ubyte" -> Optional.of(UINT8);
            case "u2" -> Optional.of(UINT16);
            case "u4" -> Optional.of(UINT32);
            case "u8" -> Optional.of(UINT64);
            case "float", "double", "f8", "d" -> Optional.of(FLOAT64);
            case "f4", "single" -> Optional.of(FLOAT32);
            case "f2", "half" -> Optional.of(FLOAT16);
            case "bool_", "?", "boolean" -> Optional.of(BOOL);
            case "string", "string_" -> Optional.of(STR);
            default ->
                Arrays.stream(values()).filter(d -> d.numpyName.equals(n)).findFirst();
        };
    }

    /** The numpy names, for error messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(DType::numpyName).toList());
    }
}

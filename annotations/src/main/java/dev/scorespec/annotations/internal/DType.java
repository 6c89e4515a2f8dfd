package dev.scorespec.annotations.internal;

import java.math.BigInteger;
import java.time.Duration;
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
     * Stored as {@code float}, so requests may carry any float; half precision's narrower range is the
     * model's to apply, as numpy's {@code astype} would.
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
    /** numpy's {@code "3600 seconds"} or ISO-8601 text on the wire ({@link TemporalText#parseTimedelta}). */
    TIMEDELTA64("timedelta64", "string", "timedelta", Duration.class, 0, 0);

    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

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

    /** The largest magnitude of a floating dtype: that of its storage, {@code float} or {@code double}. */
    public double maxMagnitude() {
        if (!isFloating()) {
            throw new IllegalStateException(numpyName + " is not a floating dtype");
        }
        return this == FLOAT64 ? Double.MAX_VALUE : Float.MAX_VALUE;
    }

    /**
     * The range of a floating dtype as messages state it, {@code -3.4028235e38 to 3.4028235e38} for float16
     * and float32, {@code -1.7976931348623157e308 to 1.7976931348623157e308} for float64.
     */
    public String rangeText() {
        String max = (this == FLOAT64 ? Double.toString(maxMagnitude()) : Float.toString((float) maxMagnitude()))
                .toLowerCase(Locale.ROOT);
        return "-" + max + " to " + max;
    }

    /** Whether a finite double is within this floating dtype once stored (rounded to a float for float16/32). */
    public boolean holds(double value) {
        return Double.isFinite(value) && (this == FLOAT64 || Float.isFinite((float) value));
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

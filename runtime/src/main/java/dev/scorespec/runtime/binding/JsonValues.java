package dev.scorespec.runtime.binding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.scorespec.annotations.internal.Base64Text;
import dev.scorespec.annotations.internal.DType;
import dev.scorespec.annotations.internal.TemporalText;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;

/**
 * Readers of one JSON scalar, called by generated binders with the parser on the value's token. Each
 * returns the value or throws a {@link BindingException} at the parser's position, worded for the
 * client: {@code expected an integer from -128 to 127, got 300}.
 *
 * <p>The readers are strict as JSON Schema is: no reader accepts {@code null} (binders handle nullable
 * parameters before calling them), booleans are not numbers, numbers are not booleans, and no string
 * is converted to a number. Integer readers accept floating-point numbers with no fraction, such as
 * {@code 7.0} or {@code 1e3}, since JSON does not tell them apart.
 */
public final class JsonValues {

    private static final int MAX_DESCRIBED = 40;
    /** The range of a JSON number read as a double: the processor checks samples against it. */
    static final String FLOAT64_RANGE = DType.FLOAT64.rangeText();

    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigDecimal UINT64_MAX_DECIMAL = new BigDecimal(UINT64_MAX);

    private static final String DATE = "expected a date like 2020-01-02, got ";
    private static final String OFFSET_DATE_TIME = "expected a date-time with offset like 2020-01-02T03:04:05Z, got ";
    private static final String LOCAL_DATE_TIME = "expected a date-time without offset like 2020-01-02T03:04:05, got ";
    private static final String OFFSET_TIME = "expected a time with offset like 13:45:30Z, got ";
    private static final String LOCAL_TIME = "expected a time like 13:45:30, got ";
    private static final String TIMEDELTA = "expected a duration like \"3600 seconds\", got ";

    private JsonValues() {}

    // ---------------------------------------------------------------------------------------------
    // Numbers

    /**
     * A JSON number as a {@code double}. Numbers too large for a double ({@code 1e400}) are rejected
     * rather than read as infinity. When the parser's factory allows non-numeric numbers
     * ({@code NaN}, {@code Infinity}), those are read as they are.
     */
    public static double readDouble(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
            throw BindingException.at(p, "expected a number, got " + describe(p));
        }
        double v = p.getDoubleValue();
        if (!Double.isFinite(v)) {
            checkNonFinite(p, FLOAT64_RANGE);
        }
        return v;
    }

    /**
     * A JSON number as a {@code float}, rounded to the nearest float. Numbers beyond float32's range
     * ({@code 1e39}) are rejected rather than read as infinity.
     */
    public static float readFloat(JsonParser p) throws IOException {
        return readFloat(p, DType.FLOAT32);
    }

    /**
     * A JSON number as a float16 value, stored in a {@code float}: numbers beyond half precision's range
     * ({@code 70000}, float16's largest being 65504) are rejected, as the schema's {@code maximum} says.
     */
    public static float readHalf(JsonParser p) throws IOException {
        return readFloat(p, DType.FLOAT16);
    }

    private static float readFloat(JsonParser p, DType dtype) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
            throw BindingException.at(p, "expected a number, got " + describe(p));
        }
        float v = p.getFloatValue();
        // Only a value at the range's edge or beyond needs a second look, at its text: once read as a
        // float, the parser answers getDoubleValue() from that float.
        if (!(Math.abs(v) < (float) dtype.maxMagnitude())) {
            if (!Float.isFinite(v)) {
                checkNonFinite(p, dtype.rangeText());
            } else if (!dtype.holds(Double.parseDouble(p.getText()))) {
                throw BindingException.at(p, "expected a number from " + dtype.rangeText() + ", got " + describe(p));
            }
        }
        return v;
    }

    /**
     * Called when a number token was read as NaN or an infinity: accepts it only when the token is a
     * non-numeric literal the factory was configured to allow; a real JSON number, which always ends
     * with a digit, has overflowed.
     */
    static void checkNonFinite(JsonParser p, String range) throws IOException {
        String text = p.getText();
        if (text.isEmpty() || Character.isDigit(text.charAt(text.length() - 1))) {
            throw BindingException.at(p, "expected a number from " + range + ", got " + describe(p));
        }
    }

    /** A JSON integer in the range of {@code long}. */
    public static long readLong(JsonParser p) throws IOException {
        return readInteger(p, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** A JSON integer in the range of {@code int}. */
    public static int readInt(JsonParser p) throws IOException {
        return (int) readInteger(p, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** A JSON integer in the range of {@code short}. */
    public static short readShort(JsonParser p) throws IOException {
        return (short) readInteger(p, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    /** A JSON integer in the range of {@code byte}. */
    public static byte readByte(JsonParser p) throws IOException {
        return (byte) readInteger(p, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    /**
     * A JSON integer from {@code min} to {@code max}, both included. A number with a zero fraction
     * ({@code 7.0}, {@code 7e0}) counts as an integer; {@code 7.5} does not.
     */
    public static long readInteger(JsonParser p, long min, long max) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = p.getNumberType();
            if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                long v = p.getLongValue();
                if (v >= min && v <= max) {
                    return v;
                }
            }
            throw outOfRange(p, Long.toString(min), Long.toString(max));
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            BigDecimal v = integralDecimal(p);
            if (v != null && v.compareTo(BigDecimal.valueOf(min)) >= 0 && v.compareTo(BigDecimal.valueOf(max)) <= 0) {
                return v.longValueExact();
            }
            throw outOfRange(p, Long.toString(min), Long.toString(max));
        }
        throw BindingException.at(p, "expected an integer, got " + describe(p));
    }

    /**
     * A JSON integer from 0 to 2<sup>64</sup>-1, returned as the {@code long} with the same 64 bits (two's
     * complement): print it with {@link Long#toUnsignedString(long)}.
     */
    public static long readUint64(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = p.getNumberType();
            if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                long v = p.getLongValue();
                if (v >= 0) {
                    return v;
                }
            } else {
                BigInteger v = p.getBigIntegerValue();
                if (v.signum() >= 0 && v.compareTo(UINT64_MAX) <= 0) {
                    return v.longValue();
                }
            }
            throw outOfRange(p, "0", UINT64_MAX.toString());
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            BigDecimal v = integralDecimal(p);
            if (v != null && v.signum() >= 0 && v.compareTo(UINT64_MAX_DECIMAL) <= 0) {
                return v.toBigIntegerExact().longValue();
            }
            throw outOfRange(p, "0", UINT64_MAX.toString());
        }
        throw BindingException.at(p, "expected an integer, got " + describe(p));
    }

    /**
     * The exact value of a floating-point token, which must have no fraction; null when its exponent is
     * beyond what a {@code BigDecimal} holds ({@code 1e9999999999}), a value outside every integer range.
     */
    private static BigDecimal integralDecimal(JsonParser p) throws IOException {
        String text = p.getText();
        if (!text.isEmpty() && !Character.isDigit(text.charAt(text.length() - 1))) {
            throw BindingException.at(p, "expected an integer, got " + describe(p)); // NaN, Infinity
        }
        BigDecimal v;
        try {
            v = p.getDecimalValue();
        } catch (NumberFormatException e) {
            return null; // Jackson's "value exceeds limits": found by BinderFuzzTest
        }
        if (v.signum() == 0) {
            return BigDecimal.ZERO;
        }
        if (v.scale() > 0) {
            v = v.stripTrailingZeros();
            if (v.scale() > 0) {
                throw BindingException.at(p, "expected an integer, got " + describe(p));
            }
        }
        return v;
    }

    private static BindingException outOfRange(JsonParser p, String min, String max) throws IOException {
        return BindingException.at(p, "expected an integer from " + min + " to " + max + ", got " + describe(p));
    }

    // ---------------------------------------------------------------------------------------------
    // Booleans, strings, bytes

    /** {@code true} or {@code false}; nothing else, not 0/1 or strings. */
    public static boolean readBoolean(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (t == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw BindingException.at(p, "expected true or false, got " + describe(p));
    }

    /** A JSON string; numbers and booleans are not converted. */
    public static String readString(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw BindingException.at(p, "expected a string, got " + describe(p));
        }
        return p.getText();
    }

    /**
     * A string of canonical base64 text ({@link Base64Text}): the standard alphabet, padded to a multiple
     * of four characters, nothing else, and zero bits in the unused bits of the last group.
     */
    public static byte[] readBase64(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw BindingException.at(p, "expected base64 text, got " + describe(p));
        }
        byte[] decoded = Base64Text.decode(p.getText());
        if (decoded == null) {
            throw BindingException.at(p, "expected base64 text, got " + describe(p));
        }
        return decoded;
    }

    // ---------------------------------------------------------------------------------------------
    // Dates and times

    /** An RFC 3339 full-date, {@code 2020-01-02} ({@link TemporalText#parseDate}). */
    public static LocalDate readDate(JsonParser p) throws IOException {
        return parsed(p, DATE, TemporalText.parseDate(readText(p, DATE)));
    }

    /**
     * An RFC 3339 date-time with its offset required, {@code 2020-01-02T03:04:05.678+01:00}
     * ({@link TemporalText#parseOffsetDateTime}).
     */
    public static OffsetDateTime readOffsetDateTime(JsonParser p) throws IOException {
        String s = readText(p, OFFSET_DATE_TIME);
        OffsetDateTime value = TemporalText.parseOffsetDateTime(s);
        if (value == null && TemporalText.lacksOnlyOffset(s)) {
            throw BindingException.at(p, OFFSET_DATE_TIME + describe(p) + ": the offset (Z or +hh:mm) is required");
        }
        return parsed(p, OFFSET_DATE_TIME, value);
    }

    /**
     * An RFC 3339 date-time without offset, the OpenAPI format registry's {@code date-time-local}:
     * {@code 2020-01-02T03:04:05} ({@link TemporalText#parseLocalDateTime}). This is what the schema of a
     * naive date-time (a {@code LocalDateTime} or a datetime64 element) allows, so nothing else is
     * accepted, not an offset either, since dropping it would silently change the instant meant.
     */
    public static LocalDateTime readLocalDateTime(JsonParser p) throws IOException {
        return parsed(p, LOCAL_DATE_TIME, TemporalText.parseLocalDateTime(readText(p, LOCAL_DATE_TIME)));
    }

    /** An RFC 3339 full-time, {@code 13:45:30Z} or {@code 13:45:30.5+01:00}: seconds and offset required. */
    public static OffsetTime readOffsetTime(JsonParser p) throws IOException {
        return parsed(p, OFFSET_TIME, TemporalText.parseOffsetTime(readText(p, OFFSET_TIME)));
    }

    /**
     * An RFC 3339 partial-time, the OpenAPI format registry's {@code time-local}: {@code 13:45:30}, seconds
     * required, a fraction optional, no offset ({@link TemporalText#parseLocalTime}).
     */
    public static LocalTime readLocalTime(JsonParser p) throws IOException {
        return parsed(p, LOCAL_TIME, TemporalText.parseLocalTime(readText(p, LOCAL_TIME)));
    }

    /**
     * A timedelta64 element or any duration: numpy's {@code "3600 seconds"} or {@code "2 weeks"}, or
     * ISO-8601 such as {@code "PT1H"} ({@link TemporalText#parseTimedelta}).
     */
    public static Duration readTimedelta(JsonParser p) throws IOException {
        return parsed(p, TIMEDELTA, TemporalText.parseTimedelta(readText(p, TIMEDELTA)));
    }

    private static String readText(JsonParser p, String expectation) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw BindingException.at(p, expectation + describe(p));
        }
        return p.getText();
    }

    /** The value a codec parsed, or the client's error when it could not. */
    private static <T> T parsed(JsonParser p, String expectation, T value) throws IOException {
        if (value == null) {
            throw BindingException.at(p, expectation + describe(p));
        }
        return value;
    }

    // ---------------------------------------------------------------------------------------------
    // Mixed values, structure, messages

    /**
     * A JSON number bound to {@code Object} or {@code Number}, keeping its kind as Python's {@code json}
     * does: a {@link Long} for an integer that fits in a long, a {@link Double} for any other number.
     * Numbers too large for a double are rejected.
     */
    public static Number readNumber(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = p.getNumberType();
            if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                return p.getLongValue();
            }
        }
        return readDouble(p);
    }

    /**
     * Any JSON scalar, for lists of mixed types: a {@link Long} for an integer that fits in a long, a
     * {@link Double} for any other number (including {@code 7.0}, which JSON writers mean as a float),
     * a {@link String} or a {@link Boolean}. Numbers too large for a double are rejected.
     */
    public static Object readScalar(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return readNumber(p);
        }
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (t == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw BindingException.at(p, "expected a number, string or boolean, got " + describe(p));
    }

    /** Checks that the current token starts an array: {@code expected an array, got 5}. */
    public static void expectStartArray(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw BindingException.at(p, "expected an array, got " + describe(p));
        }
    }

    /** Checks that the current token starts an object: {@code expected an object, got an array}. */
    public static void expectStartObject(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw BindingException.at(p, "expected an object, got " + describe(p));
        }
    }

    /**
     * The current token as a message shows it: a string quoted and escaped as JSON, cut to 40
     * characters with {@code ...} when longer; a number as written (cut the same way); {@code true},
     * {@code false}, {@code null}; {@code an array} or {@code an object} for the start of one.
     */
    public static String describe(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "the end of the input";
        }
        switch (t) {
            case VALUE_STRING:
                return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(truncate(p.getText()))) + '"';
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return truncate(p.getText());
            case VALUE_TRUE:
                return "true";
            case VALUE_FALSE:
                return "false";
            case VALUE_NULL:
                return "null";
            case START_ARRAY:
                return "an array";
            case START_OBJECT:
                return "an object";
            case END_ARRAY:
                return "the end of the array";
            case END_OBJECT:
                return "the end of the object";
            case FIELD_NAME:
                return "a field name";
            default:
                return "an embedded value";
        }
    }

    /**
     * The current token as {@link #describe} shows it, with its kind before a number or a string:
     * {@code the number 10}, {@code the string "x"}. For messages whose expectation is itself a count,
     * such as {@code expected an array of 10 values}, where a bare {@code got 10} would read as one.
     */
    public static String describeKind(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return "the number " + describe(p);
        }
        return t == JsonToken.VALUE_STRING ? "the string " + describe(p) : describe(p);
    }

    private static String truncate(String text) {
        if (text.length() <= MAX_DESCRIBED) {
            return text;
        }
        int end = MAX_DESCRIBED;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // keep surrogate pairs whole
        }
        return text.substring(0, end) + "...";
    }
}

package dev.scorespec.runtime.binding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;

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
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigDecimal UINT64_MAX_DECIMAL = new BigDecimal(UINT64_MAX);

    private static final String DATE = "expected a date like 2020-01-02, got ";
    private static final String OFFSET_DATE_TIME = "expected a date-time with offset like 2020-01-02T03:04:05Z, got ";
    private static final String LOCAL_DATE_TIME = "expected a date-time without offset like 2020-01-02T03:04:05, got ";
    private static final String OFFSET_TIME = "expected a time with offset like 13:45:30Z, got ";
    private static final String LOCAL_TIME = "expected a time like 13:45:30, got ";
    private static final String TIMEDELTA = "expected a duration like \"3600 seconds\", got ";

    private JsonValues() {
    }

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
            checkNonFinite(p, "-1.7976931348623157e308 to 1.7976931348623157e308");
        }
        return v;
    }

    /**
     * A JSON number as a {@code float}, rounded to the nearest float. Numbers beyond the float range
     * ({@code 1e39}) are rejected rather than read as infinity.
     */
    public static float readFloat(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
            throw BindingException.at(p, "expected a number, got " + describe(p));
        }
        float v = p.getFloatValue();
        if (!Float.isFinite(v)) {
            checkNonFinite(p, "-3.4028235e38 to 3.4028235e38");
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
            if (v.compareTo(BigDecimal.valueOf(min)) >= 0 && v.compareTo(BigDecimal.valueOf(max)) <= 0) {
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
            if (v.signum() >= 0 && v.compareTo(UINT64_MAX_DECIMAL) <= 0) {
                return v.toBigIntegerExact().longValue();
            }
            throw outOfRange(p, "0", UINT64_MAX.toString());
        }
        throw BindingException.at(p, "expected an integer, got " + describe(p));
    }

    /** The exact value of a floating-point token, which must have no fraction. */
    private static BigDecimal integralDecimal(JsonParser p) throws IOException {
        String text = p.getText();
        if (!text.isEmpty() && !Character.isDigit(text.charAt(text.length() - 1))) {
            throw BindingException.at(p, "expected an integer, got " + describe(p)); // NaN, Infinity
        }
        BigDecimal v = p.getDecimalValue();
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
     * A string of base64 text as RFC 4648 defines it: the standard alphabet ({@code +} and {@code /}),
     * padding with {@code =} to a multiple of four characters, no line breaks or other characters, and
     * zero bits in the unused bits of the last group (the canonical encoding).
     */
    public static byte[] readBase64(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw BindingException.at(p, "expected base64 text, got " + describe(p));
        }
        String text = p.getText();
        byte[] decoded = decodeBase64(text);
        if (decoded == null) {
            throw BindingException.at(p, "expected base64 text, got " + describe(p));
        }
        return decoded;
    }

    /** Decodes strict RFC 4648 base64, or returns null. */
    static byte[] decodeBase64(String text) {
        int length = text.length();
        if (length % 4 != 0) {
            return null;
        }
        if (length > 0) {
            // Non-canonical encodings (unused bits set, "QR==" for "A") would decode, but lossily.
            int unusedBitsMask;
            int last;
            if (text.charAt(length - 2) == '=') {
                unusedBitsMask = 0x0F;
                last = length - 3;
            } else if (text.charAt(length - 1) == '=') {
                unusedBitsMask = 0x03;
                last = length - 2;
            } else {
                unusedBitsMask = 0;
                last = length - 1;
            }
            if (unusedBitsMask != 0) {
                int sextet = base64Value(text.charAt(last));
                if (sextet < 0 || (sextet & unusedBitsMask) != 0) {
                    return null;
                }
            }
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int base64Value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        } else if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        } else if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        } else if (c == '+') {
            return 62;
        } else if (c == '/') {
            return 63;
        }
        return -1;
    }

    // ---------------------------------------------------------------------------------------------
    // Dates and times

    /** An RFC 3339 full-date, {@code 2020-01-02}: four-digit year, two-digit month and day, a real date. */
    public static LocalDate readDate(JsonParser p) throws IOException {
        String s = readText(p, DATE);
        LocalDate date = s.length() == 10 ? parseDate(s) : null;
        if (date == null) {
            throw BindingException.at(p, DATE + describe(p));
        }
        return date;
    }

    /**
     * An RFC 3339 date-time, {@code 2020-01-02T03:04:05.678+01:00}: seconds required, any number of
     * fraction digits (kept to nanoseconds), {@code T}/{@code t} between date and time, and an offset
     * of {@code Z}/{@code z} or {@code +hh:mm}/{@code -hh:mm} (within ±18:00, what Java supports). The
     * offset is required. A leap second ({@code :60}) is rejected, as {@code java.time} has none.
     */
    public static OffsetDateTime readOffsetDateTime(JsonParser p) throws IOException {
        String s = readText(p, OFFSET_DATE_TIME);
        LocalDate date = s.length() > 11 && isDateTimeSeparator(s.charAt(10)) ? parseDate(s.substring(0, 10)) : null;
        TimeParse time = date == null ? null : parseTime(s, 11);
        if (time == null || time.end != s.length()) {
            throw BindingException.at(p, OFFSET_DATE_TIME + describe(p));
        }
        if (time.offset == null) {
            throw BindingException.at(p, OFFSET_DATE_TIME + describe(p) + ": the offset (Z or +hh:mm) is required");
        }
        return OffsetDateTime.of(date, time.time, time.offset);
    }

    /**
     * An RFC 3339 date-time without offset, the OpenAPI format registry's {@code date-time-local}:
     * {@code 2020-01-02T03:04:05}, with {@code T}/{@code t} between date and time, seconds required and
     * any number of fraction digits (kept to nanoseconds). This is what the schema of a naive date-time
     * (a {@code LocalDateTime} or a datetime64 element) allows, so nothing else is accepted: not a date
     * alone, not a space for the {@code T}, not a time without seconds, and not an offset or {@code Z},
     * since dropping it would silently change the instant meant.
     */
    public static LocalDateTime readLocalDateTime(JsonParser p) throws IOException {
        String s = readText(p, LOCAL_DATE_TIME);
        LocalDate date = s.length() > 11 && isDateTimeSeparator(s.charAt(10)) ? parseDate(s.substring(0, 10)) : null;
        TimeParse time = date == null ? null : parseTime(s, 11);
        if (time == null || time.offset != null || time.end != s.length()) {
            throw BindingException.at(p, LOCAL_DATE_TIME + describe(p));
        }
        return LocalDateTime.of(date, time.time);
    }

    /** An RFC 3339 full-time, {@code 13:45:30Z} or {@code 13:45:30.5+01:00}: seconds and offset required. */
    public static OffsetTime readOffsetTime(JsonParser p) throws IOException {
        String s = readText(p, OFFSET_TIME);
        TimeParse time = parseTime(s, 0);
        if (time == null || time.offset == null || time.end != s.length()) {
            throw BindingException.at(p, OFFSET_TIME + describe(p));
        }
        return OffsetTime.of(time.time, time.offset);
    }

    /**
     * An RFC 3339 partial-time, the OpenAPI format registry's {@code time-local}: {@code 13:45:30},
     * seconds required, a fraction optional ({@code 13:45:30.5}). A time without seconds, or with an
     * offset or {@code Z}, is rejected, as the schema of a naive time says.
     */
    public static LocalTime readLocalTime(JsonParser p) throws IOException {
        String s = readText(p, LOCAL_TIME);
        TimeParse time = parseTime(s, 0);
        if (time == null || time.offset != null || time.end != s.length()) {
            throw BindingException.at(p, LOCAL_TIME + describe(p));
        }
        return time.time;
    }

    /**
     * A timedelta64 element or any duration, in one of two forms:
     * <ul>
     *   <li>numpy's text, {@code "<integer> <unit>"} with one space, such as {@code "3600 seconds"} or
     *       {@code "-5 days"}; the unit is one of weeks, days, hours, minutes, seconds, milliseconds,
     *       microseconds or nanoseconds, plural as numpy prints them, in any case;</li>
     *   <li>ISO-8601 as {@link Duration#parse} reads it, such as {@code "PT1H"} or {@code "P2DT3.5S"}.</li>
     * </ul>
     */
    public static Duration readTimedelta(JsonParser p) throws IOException {
        String s = readText(p, TIMEDELTA);
        Duration d = parseTimedelta(s);
        if (d == null) {
            throw BindingException.at(p, TIMEDELTA + describe(p));
        }
        return d;
    }

    static Duration parseTimedelta(String s) {
        int space = s.indexOf(' ');
        if (space < 0) {
            if (s.isEmpty() || !(s.charAt(0) == 'P' || s.charAt(0) == 'p' || s.charAt(0) == '-' || s.charAt(0) == '+')) {
                return null;
            }
            try {
                return Duration.parse(s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        String number = s.substring(0, space);
        String unit = s.substring(space + 1).toLowerCase(Locale.ROOT);
        int start = number.startsWith("-") || number.startsWith("+") ? 1 : 0;
        if (number.length() == start || number.length() - start > 19) {
            return null;
        }
        for (int i = start; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            long n = Long.parseLong(number);
            switch (unit) {
                case "weeks":
                    return Duration.ofDays(Math.multiplyExact(n, 7));
                case "days":
                    return Duration.ofDays(n);
                case "hours":
                    return Duration.ofHours(n);
                case "minutes":
                    return Duration.ofMinutes(n);
                case "seconds":
                    return Duration.ofSeconds(n);
                case "milliseconds":
                    return Duration.ofMillis(n);
                case "microseconds":
                    return Duration.ofSeconds(Math.floorDiv(n, 1_000_000L), Math.floorMod(n, 1_000_000L) * 1000L);
                case "nanoseconds":
                    return Duration.ofNanos(n);
                default:
                    return null;
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static String readText(JsonParser p, String expectation) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw BindingException.at(p, expectation + describe(p));
        }
        return p.getText();
    }

    private static boolean isDateTimeSeparator(char c) {
        return c == 'T' || c == 't';
    }

    /** {@code yyyy-mm-dd} exactly, as a real date, or null. */
    private static LocalDate parseDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A time and optional offset parsed from {@code s} at {@code start}; {@code end} is where it stopped. */
    private static final class TimeParse {
        final LocalTime time;
        final ZoneOffset offset;
        final int end;

        TimeParse(LocalTime time, ZoneOffset offset, int end) {
            this.time = time;
            this.offset = offset;
            this.end = end;
        }
    }

    /**
     * Parses {@code hh:mm:ss[.f+][Z|±hh:mm]} (RFC 3339: seconds required) from {@code start}, stopping
     * at the first character that does not fit. Returns null when the time or the offset is malformed
     * or out of range.
     */
    private static TimeParse parseTime(String s, int start) {
        int i = start;
        if (s.length() < i + 5 || s.charAt(i + 2) != ':') {
            return null;
        }
        int hour = digits(s, i, 2);
        int minute = digits(s, i + 3, 2);
        i += 5;
        if (i >= s.length() || s.charAt(i) != ':') {
            return null;
        }
        int second = digits(s, i + 1, 2);
        i += 3;
        int nano = 0;
        if (i < s.length() && s.charAt(i) == '.') {
            int digitsStart = ++i;
            int scale = 100_000_000;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                nano += (s.charAt(i) - '0') * scale; // digits past nanoseconds are dropped
                scale /= 10;
                i++;
            }
            if (i == digitsStart) {
                return null;
            }
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        LocalTime time = LocalTime.of(hour, minute, second, nano);
        ZoneOffset offset = null;
        if (i < s.length()) {
            char c = s.charAt(i);
            if (c == 'Z' || c == 'z') {
                offset = ZoneOffset.UTC;
                i++;
            } else if (c == '+' || c == '-') {
                if (s.length() < i + 6 || s.charAt(i + 3) != ':') {
                    return null;
                }
                int oh = digits(s, i + 1, 2);
                int om = digits(s, i + 4, 2);
                if (oh < 0 || om < 0 || om > 59) {
                    return null;
                }
                try {
                    offset = c == '+' ? ZoneOffset.ofHoursMinutes(oh, om) : ZoneOffset.ofHoursMinutes(-oh, -om);
                } catch (DateTimeException e) {
                    return null;
                }
                i += 6;
            }
        }
        return new TimeParse(time, offset, i);
    }

    /** The non-negative number in {@code count} ASCII digits at {@code start}, or -1. */
    private static int digits(String s, int start, int count) {
        if (start + count > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = start; i < start + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    // ---------------------------------------------------------------------------------------------
    // Mixed values, structure, messages

    /**
     * Any JSON scalar, for lists of mixed types: a {@link Long} for an integer that fits in a long, a
     * {@link Double} for any other number (including {@code 7.0}, which JSON writers mean as a float),
     * a {@link String} or a {@link Boolean}. Numbers too large for a double are rejected.
     */
    public static Object readScalar(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = p.getNumberType();
            if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                return p.getLongValue();
            }
            return readDouble(p);
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            return readDouble(p);
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

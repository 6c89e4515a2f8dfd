package dev.scorespec.runtime.binding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    @FunctionalInterface
    interface Reader<T> {
        T read(JsonParser p) throws IOException;
    }

    /** Reads {@code {"v": json}}'s value and checks the parser stays on it. */
    private static <T> T read(String json, Reader<T> reader) throws IOException {
        JsonParser p = Json.value(json);
        JsonToken before = p.currentToken();
        T value = reader.read(p);
        assertEquals(before, p.currentToken());
        return value;
    }

    /** The full message of the failure reading {@code {"v": json}}. */
    private static String fails(String json, Reader<?> reader) {
        return assertThrows(BindingException.class, () -> reader.read(Json.value(json)))
                .getMessage();
    }

    // --- doubles and floats

    @Test
    void readDoubleAcceptsAnyNumber() throws IOException {
        assertEquals(1.5, read("1.5", JsonValues::readDouble));
        assertEquals(7.0, read("7", JsonValues::readDouble));
        assertEquals(-1e-300, read("-1e-300", JsonValues::readDouble));
        assertEquals(1.8446744073709552e19, read("18446744073709551616", JsonValues::readDouble));
        assertEquals(Double.MAX_VALUE, read("1.7976931348623157e308", JsonValues::readDouble));
    }

    @Test
    void readDoubleRejectsNonNumbersAndOverflow() {
        assertEquals("v: expected a number, got \"x\"", fails("\"x\"", JsonValues::readDouble));
        assertEquals("v: expected a number, got \"1.5\"", fails("\"1.5\"", JsonValues::readDouble));
        assertEquals("v: expected a number, got true", fails("true", JsonValues::readDouble));
        assertEquals("v: expected a number, got null", fails("null", JsonValues::readDouble));
        assertEquals("v: expected a number, got an array", fails("[1]", JsonValues::readDouble));
        assertEquals("v: expected a number, got an object", fails("{}", JsonValues::readDouble));
        assertEquals(
                "v: expected a number from -1.7976931348623157e308 to 1.7976931348623157e308, got 1e400",
                fails("1e400", JsonValues::readDouble));
    }

    @Test
    void nonNumericNumbersPassWhenTheFactoryAllowsThem() throws IOException {
        JsonFactory lenient = JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
        JsonParser p = lenient.createParser("[NaN, -Infinity, 1e400]");
        p.nextToken();
        p.nextToken();
        assertEquals(Double.NaN, JsonValues.readDouble(p));
        p.nextToken();
        assertEquals(Double.NEGATIVE_INFINITY, JsonValues.readDouble(p));
        p.nextToken();
        assertThrows(BindingException.class, () -> JsonValues.readDouble(p));
    }

    @Test
    void readFloatChecksTheFloatRange() throws IOException {
        assertEquals(0.1f, read("0.1", JsonValues::readFloat));
        assertEquals(3f, read("3", JsonValues::readFloat));
        assertEquals(Float.MAX_VALUE, read("3.4028235e38", JsonValues::readFloat));
        assertEquals(0f, read("1e-50", JsonValues::readFloat));
        assertEquals(
                "v: expected a number from -3.4028235e38 to 3.4028235e38, got 1e39",
                fails("1e39", JsonValues::readFloat));
        assertEquals(
                "v: expected a number from -3.4028235e38 to 3.4028235e38, got -1e39",
                fails("-1e39", JsonValues::readFloat));
        assertEquals("v: expected a number, got false", fails("false", JsonValues::readFloat));
        // Rounds to the largest float, but is beyond the schema's maximum, 3.4028235e38.
        assertEquals(
                "v: expected a number from -3.4028235e38 to 3.4028235e38, got 3.40282356e38",
                fails("3.40282356e38", JsonValues::readFloat));
    }

    @Test
    void readHalfChecksHalfPrecisionsRange() throws IOException {
        assertEquals(65504f, read("65504", JsonValues::readHalf));
        assertEquals(-65504f, read("-65504.0", JsonValues::readHalf));
        assertEquals(0.5f, read("0.5", JsonValues::readHalf));
        assertEquals("v: expected a number from -65504 to 65504, got 70000.0", fails("70000.0", JsonValues::readHalf));
        // A float holds it as 65504, but it is beyond float16's largest, as the schema's maximum says.
        assertEquals(
                "v: expected a number from -65504 to 65504, got 65504.001", fails("65504.001", JsonValues::readHalf));
        assertEquals("v: expected a number from -65504 to 65504, got -1e39", fails("-1e39", JsonValues::readHalf));
        assertEquals("v: expected a number, got \"1\"", fails("\"1\"", JsonValues::readHalf));
    }

    // --- integers

    @Test
    void integerReadersAcceptTheirRangeLimits() throws IOException {
        assertEquals((byte) -128, read("-128", JsonValues::readByte));
        assertEquals((byte) 127, read("127", JsonValues::readByte));
        assertEquals((short) -32768, read("-32768", JsonValues::readShort));
        assertEquals((short) 32767, read("32767", JsonValues::readShort));
        assertEquals(Integer.MIN_VALUE, read("-2147483648", JsonValues::readInt));
        assertEquals(Integer.MAX_VALUE, read("2147483647", JsonValues::readInt));
        assertEquals(Long.MIN_VALUE, read("-9223372036854775808", JsonValues::readLong));
        assertEquals(Long.MAX_VALUE, read("9223372036854775807", JsonValues::readLong));
        long uint8Max = read("255", p -> JsonValues.readInteger(p, 0, 255));
        long uint8Min = read("0", p -> JsonValues.readInteger(p, 0, 255));
        assertEquals(255L, uint8Max);
        assertEquals(0L, uint8Min);
    }

    @Test
    void integerReadersRejectJustOutsideTheirRange() {
        assertEquals("v: expected an integer from -128 to 127, got 128", fails("128", JsonValues::readByte));
        assertEquals("v: expected an integer from -128 to 127, got 300", fails("300", JsonValues::readByte));
        assertEquals("v: expected an integer from -128 to 127, got -129", fails("-129", JsonValues::readByte));
        assertEquals("v: expected an integer from -32768 to 32767, got 32768", fails("32768", JsonValues::readShort));
        assertEquals(
                "v: expected an integer from -2147483648 to 2147483647, got 2147483648",
                fails("2147483648", JsonValues::readInt));
        assertEquals(
                "v: expected an integer from -2147483648 to 2147483647, got -2147483649",
                fails("-2147483649", JsonValues::readInt));
        assertEquals(
                "v: expected an integer from -9223372036854775808 to 9223372036854775807, got 9223372036854775808",
                fails("9223372036854775808", JsonValues::readLong));
        assertEquals(
                "v: expected an integer from 0 to 255, got 256",
                fails("256", p -> Long.valueOf(JsonValues.readInteger(p, 0, 255))));
        assertEquals(
                "v: expected an integer from 0 to 255, got -1",
                fails("-1", p -> Long.valueOf(JsonValues.readInteger(p, 0, 255))));
    }

    @Test
    void anExponentBeyondWhatADecimalHoldsIsOutOfRange() {
        assertEquals(
                "v: expected an integer from 0 to 255, got 99e9999999999",
                fails("99e9999999999", p -> Long.valueOf(JsonValues.readInteger(p, 0, 255))));
        assertEquals(
                "v: expected an integer from 0 to 18446744073709551615, got 1e-9999999999",
                fails("1e-9999999999", p -> Long.valueOf(JsonValues.readUint64(p))));
    }

    @Test
    void integersWrittenAsFloatsWithoutFraction() throws IOException {
        assertEquals(7, read("7.0", JsonValues::readInt));
        assertEquals(-7L, read("-7.000", JsonValues::readLong));
        assertEquals(1000L, read("1e3", JsonValues::readLong));
        assertEquals(120L, read("1.2E2", JsonValues::readLong));
        assertEquals(0L, read("-0.0", JsonValues::readLong));
        assertEquals(0L, read("0e-5", JsonValues::readLong));
        // exact beyond double precision: 2^53 + 1
        assertEquals(9007199254740993L, read("9007199254740993.0", JsonValues::readLong));
        assertEquals((byte) 127, read("127.0", JsonValues::readByte));
        assertEquals("v: expected an integer, got 7.5", fails("7.5", JsonValues::readInt));
        assertEquals("v: expected an integer, got 1.5", fails("1.5", JsonValues::readLong));
        assertEquals("v: expected an integer, got 1e-3", fails("1e-3", JsonValues::readLong));
        assertEquals("v: expected an integer from -128 to 127, got 300.0", fails("300.0", JsonValues::readByte));
        assertEquals(
                "v: expected an integer from -2147483648 to 2147483647, got 1e999999",
                fails("1e999999", JsonValues::readInt));
    }

    @Test
    void integerReadersRejectNonNumbers() {
        assertEquals("v: expected an integer, got true", fails("true", JsonValues::readLong));
        assertEquals("v: expected an integer, got \"7\"", fails("\"7\"", JsonValues::readInt));
        assertEquals("v: expected an integer, got null", fails("null", JsonValues::readShort));
        assertEquals("v: expected an integer, got an array", fails("[7]", JsonValues::readByte));
    }

    @Test
    void readUint64CoversTheFullUnsignedRange() throws IOException {
        assertEquals(0L, read("0", JsonValues::readUint64));
        assertEquals(Long.MAX_VALUE, read("9223372036854775807", JsonValues::readUint64));
        assertEquals(Long.MIN_VALUE, read("9223372036854775808", JsonValues::readUint64));
        assertEquals(-1L, read("18446744073709551615", JsonValues::readUint64));
        assertEquals(-1L, read("18446744073709551615.0", JsonValues::readUint64));
        assertEquals(5L, read("5.0", JsonValues::readUint64));
        String range = "v: expected an integer from 0 to 18446744073709551615, got ";
        assertEquals(range + "18446744073709551616", fails("18446744073709551616", JsonValues::readUint64));
        assertEquals(range + "-1", fails("-1", JsonValues::readUint64));
        assertEquals(range + "-1.0", fails("-1.0", JsonValues::readUint64));
        assertEquals("v: expected an integer, got 0.5", fails("0.5", JsonValues::readUint64));
        assertEquals("v: expected an integer, got false", fails("false", JsonValues::readUint64));
    }

    // --- booleans and strings

    @Test
    void readBooleanAcceptsOnlyTrueAndFalse() throws IOException {
        assertEquals(true, read("true", JsonValues::readBoolean));
        assertEquals(false, read("false", JsonValues::readBoolean));
        assertEquals("v: expected true or false, got 1", fails("1", JsonValues::readBoolean));
        assertEquals("v: expected true or false, got \"true\"", fails("\"true\"", JsonValues::readBoolean));
        assertEquals("v: expected true or false, got null", fails("null", JsonValues::readBoolean));
    }

    @Test
    void readStringAcceptsOnlyStrings() throws IOException {
        assertEquals("héllo \"q\"", read("\"héllo \\\"q\\\"\"", JsonValues::readString));
        assertEquals("", read("\"\"", JsonValues::readString));
        assertEquals("v: expected a string, got 5", fails("5", JsonValues::readString));
        assertEquals("v: expected a string, got false", fails("false", JsonValues::readString));
        assertEquals("v: expected a string, got null", fails("null", JsonValues::readString));
        assertEquals("v: expected a string, got an object", fails("{\"a\": 1}", JsonValues::readString));
    }

    // --- base64

    @Test
    void readBase64IsStrictRfc4648() throws IOException {
        assertArrayEquals(new byte[0], read("\"\"", JsonValues::readBase64));
        assertArrayEquals("A".getBytes(), read("\"QQ==\"", JsonValues::readBase64));
        assertArrayEquals("AB".getBytes(), read("\"QUI=\"", JsonValues::readBase64));
        assertArrayEquals("ABC".getBytes(), read("\"QUJD\"", JsonValues::readBase64));
        assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, read("\"+/8=\"", JsonValues::readBase64));
        assertEquals("v: expected base64 text, got \"%%\"", fails("\"%%\"", JsonValues::readBase64));
        assertEquals("v: expected base64 text, got \"QQ\"", fails("\"QQ\"", JsonValues::readBase64)); // no padding
        assertEquals("v: expected base64 text, got \"QUI\"", fails("\"QUI\"", JsonValues::readBase64));
        assertEquals("v: expected base64 text, got \"QR==\"", fails("\"QR==\"", JsonValues::readBase64)); // bits set
        assertEquals("v: expected base64 text, got \"QUJ=\"", fails("\"QUJ=\"", JsonValues::readBase64));
        assertEquals(
                "v: expected base64 text, got \"-_8=\"", fails("\"-_8=\"", JsonValues::readBase64)); // url alphabet
        assertEquals("v: expected base64 text, got \"QU\\nJD\"", fails("\"QU\\nJD\"", JsonValues::readBase64));
        assertEquals("v: expected base64 text, got \"Q===\"", fails("\"Q===\"", JsonValues::readBase64));
        assertEquals("v: expected base64 text, got \"QQ==QQ==\"", fails("\"QQ==QQ==\"", JsonValues::readBase64));
        assertEquals("v: expected base64 text, got 5", fails("5", JsonValues::readBase64));
    }

    // --- dates and times

    @Test
    void readDateIsRfc3339FullDate() throws IOException {
        assertEquals(LocalDate.of(2020, 1, 2), read("\"2020-01-02\"", JsonValues::readDate));
        assertEquals(LocalDate.of(2024, 2, 29), read("\"2024-02-29\"", JsonValues::readDate));
        assertEquals(LocalDate.of(1, 1, 1), read("\"0001-01-01\"", JsonValues::readDate));
        String m = "v: expected a date like 2020-01-02, got ";
        assertEquals(m + "\"x\"", fails("\"x\"", JsonValues::readDate));
        assertEquals(m + "\"2023-02-29\"", fails("\"2023-02-29\"", JsonValues::readDate));
        assertEquals(m + "\"2020-13-01\"", fails("\"2020-13-01\"", JsonValues::readDate));
        assertEquals(m + "\"2020-1-02\"", fails("\"2020-1-02\"", JsonValues::readDate));
        assertEquals(m + "\"20200102\"", fails("\"20200102\"", JsonValues::readDate));
        assertEquals(m + "\"+12020-01-02\"", fails("\"+12020-01-02\"", JsonValues::readDate));
        assertEquals(m + "\"2020-01-02T00:00:00Z\"", fails("\"2020-01-02T00:00:00Z\"", JsonValues::readDate));
        assertEquals(m + "20200102", fails("20200102", JsonValues::readDate));
    }

    @Test
    void readOffsetDateTimeIsRfc3339DateTime() throws IOException {
        assertEquals(
                OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC),
                read("\"2020-01-02T03:04:05Z\"", JsonValues::readOffsetDateTime));
        assertEquals(
                OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 678_000_000, ZoneOffset.ofHours(1)),
                read("\"2020-01-02T03:04:05.678+01:00\"", JsonValues::readOffsetDateTime));
        assertEquals(
                OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 123_456_789, ZoneOffset.ofHoursMinutes(-5, -30)),
                read("\"2020-01-02t03:04:05.1234567891-05:30\"", JsonValues::readOffsetDateTime));
        assertEquals(
                OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC),
                read("\"2020-01-02T03:04:05z\"", JsonValues::readOffsetDateTime));
        String m = "v: expected a date-time with offset like 2020-01-02T03:04:05Z, got ";
        assertEquals(
                m + "\"2020-01-02T03:04:05\": the offset (Z or +hh:mm) is required",
                fails("\"2020-01-02T03:04:05\"", JsonValues::readOffsetDateTime));
        assertEquals(m + "\"x\"", fails("\"x\"", JsonValues::readOffsetDateTime));
        assertEquals(m + "\"2020-01-02T03:04Z\"", fails("\"2020-01-02T03:04Z\"", JsonValues::readOffsetDateTime));
        assertEquals(m + "\"2020-01-02 03:04:05Z\"", fails("\"2020-01-02 03:04:05Z\"", JsonValues::readOffsetDateTime));
        assertEquals(m + "\"2020-01-02T24:00:00Z\"", fails("\"2020-01-02T24:00:00Z\"", JsonValues::readOffsetDateTime));
        assertEquals(
                m + "\"2020-01-02T03:04:05.Z\"", fails("\"2020-01-02T03:04:05.Z\"", JsonValues::readOffsetDateTime));
        assertEquals(
                m + "\"2020-01-02T03:04:05+0100\"",
                fails("\"2020-01-02T03:04:05+0100\"", JsonValues::readOffsetDateTime));
        assertEquals(
                m + "\"2020-01-02T03:04:05Zjunk\"",
                fails("\"2020-01-02T03:04:05Zjunk\"", JsonValues::readOffsetDateTime));
        assertEquals(m + "\"2020-02-30T03:04:05Z\"", fails("\"2020-02-30T03:04:05Z\"", JsonValues::readOffsetDateTime));
        assertEquals(m + "\"2016-12-31T23:59:60Z\"", fails("\"2016-12-31T23:59:60Z\"", JsonValues::readOffsetDateTime));
        assertEquals(m + "1577934245", fails("1577934245", JsonValues::readOffsetDateTime));
    }

    @Test
    void readLocalDateTimeReadsDateTimeLocalOnly() throws IOException {
        assertEquals(
                LocalDateTime.of(2020, 1, 2, 3, 4, 5), read("\"2020-01-02T03:04:05\"", JsonValues::readLocalDateTime));
        assertEquals(
                LocalDateTime.of(2020, 1, 2, 3, 4, 5, 500_000_000),
                read("\"2020-01-02T03:04:05.5\"", JsonValues::readLocalDateTime));
        assertEquals(
                LocalDateTime.of(2022, 3, 4, 5, 6, 7, 123_456_000),
                read("\"2022-03-04t05:06:07.123456\"", JsonValues::readLocalDateTime));
        String m = "v: expected a date-time without offset like 2020-01-02T03:04:05, got ";
        assertEquals(m + "\"2020-01-02T03:04:05Z\"", fails("\"2020-01-02T03:04:05Z\"", JsonValues::readLocalDateTime));
        assertEquals(
                m + "\"2020-01-02T03:04:05+01:00\"",
                fails("\"2020-01-02T03:04:05+01:00\"", JsonValues::readLocalDateTime));
        assertEquals(m + "\"2020-01-02\"", fails("\"2020-01-02\"", JsonValues::readLocalDateTime));
        assertEquals(m + "\"2020-01-02T3:04:05\"", fails("\"2020-01-02T3:04:05\"", JsonValues::readLocalDateTime));
        // date-time-local is RFC 3339: seconds are required and the separator is T, as the schema says.
        assertEquals(m + "\"2020-01-02T03:04\"", fails("\"2020-01-02T03:04\"", JsonValues::readLocalDateTime));
        assertEquals(m + "\"2020-01-02 03:04:05\"", fails("\"2020-01-02 03:04:05\"", JsonValues::readLocalDateTime));
        assertEquals(m + "\"2020-01-02T03:04:05.\"", fails("\"2020-01-02T03:04:05.\"", JsonValues::readLocalDateTime));
    }

    @Test
    void readTimesWithAndWithoutOffset() throws IOException {
        assertEquals(OffsetTime.of(13, 45, 30, 0, ZoneOffset.UTC), read("\"13:45:30Z\"", JsonValues::readOffsetTime));
        assertEquals(
                OffsetTime.of(13, 45, 30, 500_000_000, ZoneOffset.ofHours(-2)),
                read("\"13:45:30.5-02:00\"", JsonValues::readOffsetTime));
        assertEquals(
                "v: expected a time with offset like 13:45:30Z, got \"13:45:30\"",
                fails("\"13:45:30\"", JsonValues::readOffsetTime));
        assertEquals(
                "v: expected a time with offset like 13:45:30Z, got \"13:45Z\"",
                fails("\"13:45Z\"", JsonValues::readOffsetTime));

        assertEquals(LocalTime.of(13, 45, 30), read("\"13:45:30\"", JsonValues::readLocalTime));
        assertEquals("v: expected a time like 13:45:30, got \"13:45\"", fails("\"13:45\"", JsonValues::readLocalTime));
        assertEquals(LocalTime.of(13, 45, 30, 500_000_000), read("\"13:45:30.5\"", JsonValues::readLocalTime));
        assertEquals(LocalTime.of(0, 0, 0, 1), read("\"00:00:00.000000001\"", JsonValues::readLocalTime));
        assertEquals("v: expected a time like 13:45:30, got \"x\"", fails("\"x\"", JsonValues::readLocalTime));
        assertEquals(
                "v: expected a time like 13:45:30, got \"13:45:30Z\"",
                fails("\"13:45:30Z\"", JsonValues::readLocalTime));
        assertEquals("v: expected a time like 13:45:30, got \"13:60\"", fails("\"13:60\"", JsonValues::readLocalTime));
        assertEquals("v: expected a time like 13:45:30, got \"1:45\"", fails("\"1:45\"", JsonValues::readLocalTime));
        assertEquals("v: expected a time like 13:45:30, got 1345", fails("1345", JsonValues::readLocalTime));
    }

    @Test
    void readTimedeltaReadsNumpyTextAndIso() throws IOException {
        assertEquals(Duration.ofHours(1), read("\"3600 seconds\"", JsonValues::readTimedelta));
        assertEquals(Duration.ofDays(-5), read("\"-5 days\"", JsonValues::readTimedelta));
        assertEquals(Duration.ofDays(14), read("\"2 weeks\"", JsonValues::readTimedelta));
        assertEquals(Duration.ofHours(3), read("\"3 HOURS\"", JsonValues::readTimedelta));
        assertEquals(Duration.ofMinutes(90), read("\"90 Minutes\"", JsonValues::readTimedelta));
        assertEquals(Duration.ofMillis(1500), read("\"1500 milliseconds\"", JsonValues::readTimedelta));
        assertEquals(Duration.ofNanos(-1500_000), read("\"-1500 microseconds\"", JsonValues::readTimedelta));
        assertEquals(Duration.ofNanos(7), read("\"7 nanoseconds\"", JsonValues::readTimedelta));
        assertEquals(Duration.ofHours(1), read("\"PT1H\"", JsonValues::readTimedelta));
        assertEquals(Duration.ofDays(2).plusMillis(3500), read("\"P2DT3.5S\"", JsonValues::readTimedelta));
        assertEquals(Duration.ofMinutes(-1), read("\"-PT1M\"", JsonValues::readTimedelta));
        String m = "v: expected a duration like \"3600 seconds\", got ";
        assertEquals(m + "\"x\"", fails("\"x\"", JsonValues::readTimedelta));
        assertEquals(m + "\"1 fortnights\"", fails("\"1 fortnights\"", JsonValues::readTimedelta));
        assertEquals(m + "\"1.5 seconds\"", fails("\"1.5 seconds\"", JsonValues::readTimedelta));
        assertEquals(m + "\"3600  seconds\"", fails("\"3600  seconds\"", JsonValues::readTimedelta));
        assertEquals(m + "\"seconds\"", fails("\"seconds\"", JsonValues::readTimedelta));
        assertEquals(m + "\"3600\"", fails("\"3600\"", JsonValues::readTimedelta));
        assertEquals(m + "\"NaT\"", fails("\"NaT\"", JsonValues::readTimedelta));
        assertEquals(m + "\"P1Y\"", fails("\"P1Y\"", JsonValues::readTimedelta));
        assertEquals(
                m + "\"99999999999999999999 days\"", fails("\"99999999999999999999 days\"", JsonValues::readTimedelta));
        assertEquals(
                m + "\"9223372036854775807 weeks\"", fails("\"9223372036854775807 weeks\"", JsonValues::readTimedelta));
        assertEquals(m + "3600", fails("3600", JsonValues::readTimedelta));
    }

    // --- mixed scalars, structure, describe

    @Test
    void readScalarPicksTheJavaType() throws IOException {
        assertEquals(5L, read("5", JsonValues::readScalar));
        assertEquals(Long.MIN_VALUE, read("-9223372036854775808", JsonValues::readScalar));
        assertEquals(9.223372036854776e18, read("9223372036854775808", JsonValues::readScalar));
        assertEquals(7.0, read("7.0", JsonValues::readScalar));
        assertEquals(1.5, read("1.5", JsonValues::readScalar));
        assertEquals("s", read("\"s\"", JsonValues::readScalar));
        assertEquals(Boolean.TRUE, read("true", JsonValues::readScalar));
        assertEquals(Boolean.FALSE, read("false", JsonValues::readScalar));
        assertEquals("v: expected a number, string or boolean, got null", fails("null", JsonValues::readScalar));
        assertEquals("v: expected a number, string or boolean, got an array", fails("[]", JsonValues::readScalar));
    }

    @Test
    void expectStartArrayAndObject() throws IOException {
        JsonValues.expectStartArray(Json.value("[]"));
        JsonValues.expectStartObject(Json.value("{}"));
        assertEquals("v: expected an array, got \"abc\"", fails("\"abc\"", p -> {
            JsonValues.expectStartArray(p);
            return null;
        }));
        assertEquals("v: expected an array, got an object", fails("{}", p -> {
            JsonValues.expectStartArray(p);
            return null;
        }));
        assertEquals("v: expected an object, got an array", fails("[1]", p -> {
            JsonValues.expectStartObject(p);
            return null;
        }));
        assertEquals("v: expected an object, got null", fails("null", p -> {
            JsonValues.expectStartObject(p);
            return null;
        }));
    }

    @Test
    void describeRendersTokensForMessages() throws IOException {
        assertEquals("\"abc\"", read("\"abc\"", JsonValues::describe));
        assertEquals("\"a\\\"b\\\\c\\n\"", read("\"a\\\"b\\\\c\\n\"", JsonValues::describe));
        assertEquals("-1.50e3", read("-1.50e3", JsonValues::describe));
        assertEquals("12", read("12", JsonValues::describe));
        assertEquals("true", read("true", JsonValues::describe));
        assertEquals("false", read("false", JsonValues::describe));
        assertEquals("null", read("null", JsonValues::describe));
        assertEquals("an array", read("[1, 2]", JsonValues::describe));
        assertEquals("an object", read("{\"a\": 1}", JsonValues::describe));
        String forty = "x".repeat(40);
        assertEquals('"' + forty + '"', read('"' + forty + '"', JsonValues::describe));
        assertEquals('"' + forty + "...\"", read('"' + forty + "yz\"", JsonValues::describe));
        String digits = "1".repeat(41);
        assertEquals("1".repeat(40) + "...", read(digits, JsonValues::describe));
    }
}

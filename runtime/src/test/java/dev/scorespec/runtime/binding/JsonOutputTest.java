package dev.scorespec.runtime.binding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.scorespec.runtime.DType;
import dev.scorespec.runtime.NDArray;
import dev.scorespec.runtime.ScoringRequest;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JsonOutputTest {

    private static String json(Object value) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = ScoringRequest.jsonFactory().createGenerator(out)) {
            JsonOutput.write(g, value);
        }
        return out.toString();
    }

    enum Colour {
        RED,
        GREEN {
            @Override
            public String toString() {
                return "green!";
            }
        }
    }

    record Point(int x, int y) {}

    @Test
    void scalars() throws IOException {
        assertEquals("null", json(null));
        assertEquals("true", json(true));
        assertEquals("false", json(Boolean.FALSE));
        assertEquals("-5", json((byte) -5));
        assertEquals("300", json((short) 300));
        assertEquals("-2147483648", json(Integer.MIN_VALUE));
        assertEquals("9223372036854775807", json(Long.MAX_VALUE));
        assertEquals("18446744073709551616", json(BigInteger.ONE.shiftLeft(64)));
        assertEquals("0.1", json(0.1));
        assertEquals("0.1", json(0.1f));
        assertEquals("1.0E300", json(1e300));
        assertEquals("123.4500", json(new BigDecimal("123.4500")));
        assertEquals("\"a\\\"b\\n\"", json("a\"b\n"));
        assertEquals("\"sb\"", json(new StringBuilder("sb")));
        assertEquals("\"x\"", json('x'));
        assertEquals("\"RED\"", json(Colour.RED));
        assertEquals("\"GREEN\"", json(Colour.GREEN));
    }

    /** The message of writing a value that has no JSON form. */
    private static String refused(Object value) {
        return assertThrows(IllegalArgumentException.class, () -> json(value)).getMessage();
    }

    @Test
    void nonFiniteFloatsAreRefusedNotWrittenAsNull() throws IOException {
        String why = ", and JSON has no NaN or infinity; a null in its place would not be the number the output schema"
                + " promises";
        assertEquals("Cannot write the result as JSON: it holds NaN at result" + why, refused(Double.NaN));
        assertEquals(
                "Cannot write the result as JSON: it holds Infinity at result" + why,
                refused(Double.POSITIVE_INFINITY));
        assertEquals(
                "Cannot write the result as JSON: it holds -Infinity at result" + why,
                refused(Float.NEGATIVE_INFINITY));
        assertEquals(
                "Cannot write the result as JSON: it holds -Infinity at result[2]" + why,
                refused(new double[] {1, 2, Double.NEGATIVE_INFINITY}));
        assertEquals(
                "Cannot write the result as JSON: it holds NaN at result[0]" + why,
                refused(new float[] {Float.NaN, 2.5f}));
        assertEquals(
                "Cannot write the result as JSON: it holds NaN at result.scores[1]" + why,
                refused(Map.of("scores", List.of(0.5, Double.NaN))));
        assertEquals(
                "Cannot write the result as JSON: it holds NaN at result[1][0]" + why,
                refused(NDArray.of(DType.FLOAT64, new int[] {2, 2}, new double[] {1, 2, Double.NaN, 4})));
        assertEquals(
                "Cannot write the result as JSON: it holds NaN at result" + why,
                refused(OptionalDouble.of(Double.NaN)));
        // an empty OptionalDouble is run's own null, not a NaN
        assertEquals("null", json(OptionalDouble.empty()));
    }

    @Test
    void primitiveArrays() throws IOException {
        assertEquals("[1.5,2.0]", json(new double[] {1.5, 2}));
        assertEquals("[1,-2]", json(new long[] {1, -2}));
        assertEquals("[3,4]", json(new int[] {3, 4}));
        assertEquals("[5,-6]", json(new short[] {5, -6}));
        assertEquals("[-1,0,127]", json(new byte[] {-1, 0, 127}));
        assertEquals("[true,false]", json(new boolean[] {true, false}));
        assertEquals("\"hi\"", json(new char[] {'h', 'i'}));
        assertEquals("[]", json(new double[0]));
        assertEquals("[[1,2],[3]]", json(new int[][] {{1, 2}, {3}}));
        assertEquals("[[\"a\",null],[]]", json(new String[][] {{"a", null}, {}}));
        assertEquals("[1,\"two\",[3.0],null]", json(new Object[] {1, "two", new double[] {3}, null}));
    }

    @Test
    void iterablesMapsAndOptionals() throws IOException {
        assertEquals("[1,\"a\",[true]]", json(List.of(1, "a", List.of(true))));
        assertEquals("[3,1,2]", json(new LinkedHashSet<>(List.of(3, 1, 2))));
        assertEquals("[\"q\"]", json(new ArrayDeque<>(List.of("q"))));
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put(2, List.of(0.5));
        map.put(null, Map.of("in", "ner"));
        map.put(Colour.RED, Optional.empty());
        assertEquals("{\"z\":1,\"2\":[0.5],\"null\":{\"in\":\"ner\"},\"RED\":null}", json(map));
        assertEquals("{}", json(Map.of()));
        assertEquals("\"x\"", json(Optional.of("x")));
        assertEquals("null", json(Optional.empty()));
        assertEquals("4", json(OptionalInt.of(4)));
        assertEquals("null", json(OptionalInt.empty()));
        assertEquals("5", json(OptionalLong.of(5)));
        assertEquals("6.5", json(OptionalDouble.of(6.5)));
        assertEquals("null", json(OptionalDouble.empty()));
    }

    @Test
    void javaTimeValuesAsIso8601() throws IOException {
        assertEquals("\"2020-01-02\"", json(LocalDate.of(2020, 1, 2)));
        assertEquals("\"2020-01-02T03:04:00\"", json(LocalDateTime.of(2020, 1, 2, 3, 4)));
        assertEquals("\"2020-01-02T03:04:05.5\"", json(LocalDateTime.of(2020, 1, 2, 3, 4, 5, 500_000_000)));
        assertEquals("\"2020-01-02T03:04:00Z\"", json(OffsetDateTime.of(2020, 1, 2, 3, 4, 0, 0, ZoneOffset.UTC)));
        assertEquals(
                "\"2020-01-02T03:04:05+01:00\"",
                json(OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(1))));
        assertEquals(
                "\"2020-07-02T03:04:05+02:00\"",
                json(ZonedDateTime.of(2020, 7, 2, 3, 4, 5, 0, ZoneId.of("Europe/Paris"))));
        assertEquals("\"2020-01-02T03:04:00Z\"", json(Instant.parse("2020-01-02T03:04:00Z")));
        assertEquals("\"13:45:00\"", json(LocalTime.of(13, 45)));
        assertEquals("\"13:45:30.000001\"", json(LocalTime.of(13, 45, 30, 1000)));
        assertEquals("\"13:45:30-02:00\"", json(OffsetTime.of(13, 45, 30, 0, ZoneOffset.ofHours(-2))));
        assertEquals("\"PT1H30M\"", json(Duration.ofMinutes(90)));
    }

    @Test
    void writtenDateTimesReadBack() throws IOException {
        OffsetDateTime odt = OffsetDateTime.of(2020, 1, 2, 3, 4, 0, 0, ZoneOffset.UTC);
        JsonParser p = Json.value(json(odt));
        assertEquals(odt, JsonValues.readOffsetDateTime(p));
        OffsetTime ot = OffsetTime.of(13, 45, 0, 0, ZoneOffset.UTC);
        assertEquals(ot, JsonValues.readOffsetTime(Json.value(json(ot))));
    }

    @Test
    void base64() throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = ScoringRequest.jsonFactory().createGenerator(out)) {
            g.writeStartArray();
            JsonOutput.writeBase64(g, new byte[] {(byte) 0xfb, (byte) 0xff});
            JsonOutput.writeBase64(g, "A".getBytes());
            JsonOutput.writeBase64(g, new byte[0]);
            JsonOutput.writeBase64(g, new byte[100]);
            JsonOutput.writeBase64(g, null);
            g.writeEndArray();
        }
        String text = out.toString();
        String hundredZeros = "A".repeat(132) + "AA==";
        assertEquals("[\"+/8=\",\"QQ==\",\"\",\"" + hundredZeros + "\",null]", text);
        assertEquals(-1, text.indexOf('\n')); // no line breaks in long values
    }

    @Test
    void ndArraysNestByShape() throws IOException {
        assertEquals(
                "[[1.0,2.0,3.0],[4.0,5.0,6.0]]",
                json(NDArray.of(DType.FLOAT64, new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6})));
        assertEquals(
                "[[[1,2],[3,4]],[[5,6],[7,8]]]",
                json(NDArray.of(DType.INT32, new int[] {2, 2, 2}, new int[] {1, 2, 3, 4, 5, 6, 7, 8})));
        assertEquals("[]", json(NDArray.of(DType.FLOAT64, new int[] {0, 3}, new double[0])));
        assertEquals("[[],[]]", json(NDArray.of(DType.FLOAT64, new int[] {2, 0}, new double[0])));
        assertEquals("2.5", json(NDArray.of(DType.FLOAT64, new int[0], new double[] {2.5})));
        assertEquals("[0.5,0.25]", json(NDArray.of(DType.FLOAT32, new int[] {2}, new float[] {0.5f, 0.25f})));
        assertEquals("[-128,127]", json(NDArray.of(DType.INT8, new int[] {2}, new byte[] {-128, 127})));
        assertEquals("[255]", json(NDArray.of(DType.UINT8, new int[] {1}, new short[] {255})));
        assertEquals("[4294967295]", json(NDArray.of(DType.UINT32, new int[] {1}, new long[] {4294967295L})));
        assertEquals("[-1]", json(NDArray.of(DType.INT64, new int[] {1}, new long[] {-1})));
        assertEquals("[[true],[false]]", json(NDArray.of(DType.BOOL, new int[] {2, 1}, new boolean[] {true, false})));
        assertEquals("[\"a\",null]", json(NDArray.of(DType.STR, new int[] {2}, new String[] {"a", null})));
    }

    @Test
    void uint64NdArraysAreUnsigned() throws IOException {
        assertEquals(
                "[0,9223372036854775807,9223372036854775808,18446744073709551615]",
                json(NDArray.of(DType.UINT64, new int[] {4}, new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE, -1})));
    }

    @Test
    void bytesAndDatetimeNdArrays() throws IOException {
        assertEquals("[\"QUJD\",\"\",null]", json(NDArray.of(DType.BYTES, new int[] {3}, new byte[][] {
            "ABC".getBytes(), {}, null
        })));
        assertEquals(
                "[\"2020-01-01T00:00:00\",\"2020-01-02T03:04:05.25\"]",
                json(NDArray.of(DType.DATETIME64, new int[] {2}, new LocalDateTime[] {
                    LocalDateTime.of(2020, 1, 1, 0, 0), LocalDateTime.of(2020, 1, 2, 3, 4, 5, 250_000_000)
                })));
    }

    @Test
    void timedeltaNdArraysUseOneNumpyUnit() throws IOException {
        assertEquals(
                "[\"3600 seconds\",\"-2 seconds\"]", json(timedeltas(Duration.ofHours(1), Duration.ofSeconds(-2))));
        assertEquals(
                "[\"3600000 milliseconds\",\"-500 milliseconds\"]",
                json(timedeltas(Duration.ofHours(1), Duration.ofMillis(-500))));
        assertEquals(
                "[\"1000000 microseconds\",\"1 microseconds\"]",
                json(timedeltas(Duration.ofSeconds(1), Duration.ofNanos(1000))));
        assertEquals(
                "[\"1500000000 nanoseconds\",\"7 nanoseconds\"]",
                json(timedeltas(Duration.ofMillis(1500), Duration.ofNanos(7))));
        assertEquals("[null,\"0 seconds\"]", json(timedeltas(null, Duration.ZERO)));
        // beyond a long of nanoseconds
        assertEquals(
                "[\"9223372036854775807000000001 nanoseconds\"]",
                json(timedeltas(Duration.ofSeconds(Long.MAX_VALUE, 1))));
    }

    @Test
    void writtenTimedeltasReadBack() throws IOException {
        Duration[] values = {Duration.ofHours(1), Duration.ofMillis(-1500), Duration.ofNanos(3)};
        String text = json(NDArray.of(DType.TIMEDELTA64, new int[] {3}, values));
        JsonParser p = Json.value(text);
        NDArray back = NdArrayReader.read(p, DType.TIMEDELTA64, new int[] {1}, true);
        assertArrayEquals(values, back.timedeltas());
    }

    @Test
    void ndArraysRoundTripThroughTheReader() throws IOException {
        NDArray[] arrays = {
            NDArray.of(DType.FLOAT64, new int[] {2, 2}, new double[] {0.1, -2e-300, 1e300, 4}),
            NDArray.of(DType.FLOAT32, new int[] {3}, new float[] {0.1f, 1e-40f, 3.4028235e38f}),
            NDArray.of(DType.UINT64, new int[] {1, 2}, new long[] {-1, 5}),
            NDArray.of(DType.INT16, new int[] {2, 1, 1}, new short[] {-32768, 32767}),
            NDArray.of(DType.BYTES, new int[] {2}, new byte[][] {{1, 2, 3}, {}}),
            NDArray.of(
                    DType.DATETIME64, new int[] {1}, new LocalDateTime[] {LocalDateTime.of(1999, 12, 31, 23, 59, 59, 1)
                    }),
            NDArray.of(DType.STR, new int[] {1, 2}, new String[] {"é\"\\", ""}),
        };
        for (NDArray nd : arrays) {
            NDArray back = NdArrayReader.read(Json.value(json(nd)), nd.dtype(), nd.shape(), true);
            assertEquals(nd, back, nd + " " + json(nd));
        }
    }

    @Test
    void unsupportedTypesNameTheirClass() {
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class, () -> json(new Point(1, 2)));
        assertEquals(
                "Cannot write " + Point.class.getName() + " as JSON: records are written by generated code",
                r.getMessage());
        IllegalArgumentException o = assertThrows(IllegalArgumentException.class, () -> json(new Object()));
        assertEquals(
                "Cannot write java.lang.Object as JSON: not a supported result type (numbers, strings, "
                        + "booleans, arrays, iterables, maps, Optional, NDArray, java.time values)",
                o.getMessage());
        assertThrows(IllegalArgumentException.class, () -> json(new AtomicInteger(1)));
        assertThrows(IllegalArgumentException.class, () -> json(Path.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> json(List.of(Map.of("k", new Object()))));
    }

    private static NDArray timedeltas(Duration... values) {
        return NDArray.of(
                DType.TIMEDELTA64, new int[] {values.length}, Arrays.copyOf(values, values.length, Duration[].class));
    }
}

package dev.scorespec.runtime.binding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scorespec.runtime.DType;
import dev.scorespec.runtime.NDArray;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * When the fast path reads an array itself and when it hands it to the careful reader, and that the
 * parser it leaves behind is the careful reader's. {@link FastArraysFuzzTest} compares the two on random
 * bodies.
 */
class FastArraysTest {

    private static final int[] MATRIX = {1, 3};

    @Test
    void readsPlainNumbersFromTheBytes() throws IOException {
        JsonParser json = Json.at("data", "[[1.5, -2e-3, 7], [0, -0, 1E2]], \"after\": 1");
        NDArray array = FastArrays.read(json, DType.FLOAT64, MATRIX, true);
        assertNotNull(array);
        assertArrayEquals(new int[] {2, 3}, array.shape());
        assertArrayEquals(new double[] {1.5, -0.002, 7, 0, 0, 100}, array.doubles());
        assertEquals(JsonToken.END_ARRAY, json.currentToken());
        assertEquals(JsonToken.FIELD_NAME, json.nextToken());
        assertEquals("after", json.currentName());
    }

    @Test
    void readsJavaArraysOfEveryIntegerWidth() throws IOException {
        Object longs = FastArrays.readJavaArray(Json.at("data", "[[1, -2, 3]]"), DType.INT64, MATRIX, true);
        assertArrayEquals(new long[][] {{1, -2, 3}}, (long[][]) longs);
        Object bytes = FastArrays.readJavaArray(Json.at("data", "[[127, -128, 0]]"), DType.INT8, MATRIX, true);
        assertArrayEquals(new byte[][] {{127, -128, 0}}, (byte[][]) bytes);
        Object floats = FastArrays.readJavaArray(Json.at("data", "[[0.1, 2, 3e3]]"), DType.FLOAT32, MATRIX, true);
        assertArrayEquals(new float[][] {{0.1f, 2f, 3e3f}}, (float[][]) floats);
    }

    /**
     * Numbers whose conversion is hard, read from the bytes (by the single scan's own conversion or by the
     * general parser it falls back to) exactly as {@link Double#parseDouble} reads them.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "-0.061582654269395284, 0.30000000000000004, 1.7976931348623157e308", // 17 digits, the largest
                "2.2250738585072014e-308, 2.225073858507201e-308, 4.9e-324", // the smallest normal, subnormals
                "2.5e-324, 2.4e-324, 1e-400, -1e-400", // half the smallest subnormal: ties to even, to 0
                "9007199254740993.0, 9007199254740995.0, 9007199254740993e0", // halfway: ties to even
                "18014398509481986.0, 1.8014398509481986e16, 9007199254740993.000000000000000000001",
                "-0.0, -0e5, 0.0e-400, 0.000000000000000000000000000000001234567890123456789",
                "1.00000000000000011102230246251565404236316680908203125, 1.0000000000000001110223024625156540423",
                "999999999999999999.5e-10, 123456789012345678.9, 1e22, 1e23, 1E-22, 1e+23",
                "8.98846567431158e307, 4.35679716e-308, 7.1e-10, 2.9802322387695312e-8, 1.0e-7",
                // digits read eight at a time, with digits and other bytes at every offset after them
                "0.12345678901234567, 12345678.87654321, 0.00000000123456789012, 0.1234567e5, 1.23456789",
                "0.99999999999999999999, 123456789012345678.00000000000, 0.100000000000000000000000001"
            })
    void readsHardNumbersAsParseDoubleDoes(String numbers) throws IOException {
        String[] texts = numbers.split(", ");
        double[] expected = new double[texts.length];
        for (int i = 0; i < texts.length; i++) {
            expected[i] = Double.parseDouble(texts[i]);
        }
        NDArray array = FastArrays.read(Json.at("data", "[" + numbers + "]"), DType.FLOAT64, new int[] {1}, false);
        assertNotNull(array);
        double[] actual = array.doubles();
        for (int i = 0; i < texts.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]), texts[i]);
        }
    }

    /** Everything the careful reader reports, converts in its own way, or reads as another type. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "[[1, 2]]", // a row too short: the careful reader's message
                "[[1, 2, 3], 4]",
                "[[1, 2, \"3\"]]",
                "[[1, 2, 3],]",
                "[[1, 2, 1e400]]", // beyond float64: its range error
                "[[1, 2, 01]]",
                "[[1, 2, 1234567890123456789]]", // 19 digits: Jackson's BigInteger path
                "[[1, 2, 3]",
                "[[1, 2, 3] /* */]",
                "[[1, 2, NaN]]"
            })
    void handsOverAnythingUnusual(String data) throws IOException {
        JsonParser json = Json.at("data", data);
        assertNull(FastArrays.read(json, DType.FLOAT64, MATRIX, true));
        assertEquals(JsonToken.START_ARRAY, json.currentToken(), "the parser has not moved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[[1, 2, 3.0]]", "[[1, 2, 3e0]]", "[[1, 2, 2147483648]]", "[[1, -2, 3]]"})
    void handsOverIntegersItDoesNotReadAsTheCarefulReaderDoes(String data) throws IOException {
        // 3.0 is an integer to the careful reader; out of range and negative unsigned are its errors.
        JsonParser json = Json.at("data", data);
        DType dtype = data.contains("-") ? DType.UINT32 : DType.INT32;
        assertNull(FastArrays.readJavaArray(json, dtype, MATRIX, true));
    }

    @Test
    void leavesLinesAndColumnsAsJacksonCountsThem() throws IOException {
        String body = "{\"data\": [\r\n[1, 2, 3],\n\r[4,\t5, 6]\r], \"after\": oops}";
        FastPathDifferential.Target target = new FastPathDifferential.Target(DType.FLOAT64, MATRIX, true, false);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String fast = FastPathDifferential.fast(bytes, target);
        assertTrue(fast.contains("then at END_ARRAY 5:1@34 5:2@35"), fast);
        assertTrue(fast.endsWith("(line 5, column 13)"), fast);
        assertEquals(FastPathDifferential.careful(bytes, target), fast);
    }

    @Test
    void byteOrderMarksAndOtherEncodingsGoToJacksonsOwnParser() throws IOException {
        assertTrue(FastPathDifferential.fastParser("{\"data\": []}".getBytes(StandardCharsets.UTF_8)));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
        assertTrue(!FastPathDifferential.fastParser(bom));
        assertTrue(!FastPathDifferential.fastParser("{}".getBytes(StandardCharsets.UTF_16BE)));
    }
}

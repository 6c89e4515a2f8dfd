package dev.scorespec.runtime.binding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scorespec.runtime.DType;
import dev.scorespec.runtime.NDArray;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class NdArrayReaderTest {

    private static final int[] RANK1 = {3};

    /**
     * Reads {@code {"data": json, "after": 1}}, checking the parser ends on the value's last token, and
     * that {@link NdArrayReader#readJavaArray} reads the same as {@code toJavaArray()} of the result.
     */
    private static NDArray read(String json, DType dtype, int[] sampleShape, boolean enforceShape) throws IOException {
        JsonParser p = Json.at("data", json + ", \"after\": 1");
        NDArray nd = NdArrayReader.read(p, dtype, sampleShape, enforceShape);
        assertAfterValue(p, sampleShape);

        JsonParser q = Json.at("data", json + ", \"after\": 1");
        Object nested = NdArrayReader.readJavaArray(q, dtype, sampleShape, enforceShape);
        assertAfterValue(q, sampleShape);
        Object expected = nd.toJavaArray();
        assertEquals(expected.getClass(), nested.getClass());
        assertTrue(
                Objects.deepEquals(expected, nested),
                () -> "readJavaArray read " + Arrays.deepToString(new Object[] {nested}));
        return nd;
    }

    private static void assertAfterValue(JsonParser p, int[] sampleShape) throws IOException {
        if (sampleShape.length > 0) {
            assertEquals(JsonToken.END_ARRAY, p.currentToken());
        }
        assertEquals(JsonToken.FIELD_NAME, p.nextToken());
        assertEquals("after", p.currentName());
    }

    private static NDArray read(String json, DType dtype, int... sampleShape) throws IOException {
        return read(json, dtype, sampleShape, true);
    }

    /** The message of the failure, which {@link NdArrayReader#readJavaArray} must report word for word. */
    private static String fails(String json, DType dtype, int[] sampleShape, boolean enforceShape) {
        String message = assertThrows(
                        BindingException.class,
                        () -> NdArrayReader.read(Json.at("data", json), dtype, sampleShape, enforceShape))
                .getMessage();
        assertEquals(
                message,
                assertThrows(
                                BindingException.class,
                                () -> NdArrayReader.readJavaArray(
                                        Json.at("data", json), dtype, sampleShape, enforceShape))
                        .getMessage());
        return message;
    }

    private static String fails(String json, DType dtype, int... sampleShape) {
        return fails(json, dtype, sampleShape, true);
    }

    // --- shapes

    @Test
    void rankOneReadsAnyLength() throws IOException {
        NDArray nd = read("[1.5, 2, -3e2, 4]", DType.FLOAT64, RANK1);
        assertArrayEquals(new int[] {4}, nd.shape());
        assertArrayEquals(new double[] {1.5, 2, -300, 4}, nd.doubles());
        assertArrayEquals(new int[] {0}, read("[]", DType.FLOAT64, RANK1).shape());
        assertEquals(0, read("[]", DType.FLOAT64, RANK1).doubles().length);
    }

    @Test
    void rankTwoEnforced() throws IOException {
        NDArray nd = read("[[1, 2, 3], [4, 5, 6]]", DType.FLOAT64, 1, 3);
        assertArrayEquals(new int[] {2, 3}, nd.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, nd.doubles());
        assertArrayEquals(new double[][] {{1, 2, 3}, {4, 5, 6}}, (double[][]) nd.toJavaArray());
    }

    @Test
    void rankThreeEnforced() throws IOException {
        NDArray nd = read("[[[1, 2], [3, 4], [5, 6]], [[7, 8], [9, 10], [11, 12]]]", DType.INT64, 1, 3, 2);
        assertArrayEquals(new int[] {2, 3, 2}, nd.shape());
        assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, nd.longs());
        assertEquals(10L, ((long[][][]) nd.toJavaArray())[1][1][1]);
    }

    @Test
    void emptyTopLevelKeepsTheSampleDimensionsWhenEnforced() throws IOException {
        assertArrayEquals(new int[] {0, 3}, read("[]", DType.FLOAT64, 2, 3).shape());
        assertArrayEquals(new int[] {0, 3, 4}, read("[]", DType.INT32, 1, 3, 4).shape());
        assertArrayEquals(
                new int[] {0, 0},
                read("[]", DType.FLOAT64, new int[] {2, 3}, false).shape());
        assertEquals(0, ((double[][]) read("[]", DType.FLOAT64, 2, 3).toJavaArray()).length);
    }

    @Test
    void emptyRows() throws IOException {
        assertArrayEquals(
                new int[] {2, 0}, read("[[], []]", DType.FLOAT64, 1, 0).shape());
        assertArrayEquals(
                new int[] {2, 0},
                read("[[], []]", DType.FLOAT64, new int[] {1, 5}, false).shape());
        assertArrayEquals(
                new int[] {1, 0, 0},
                read("[[]]", DType.BOOL, new int[] {1, 2, 2}, false).shape());
    }

    @Test
    void freeShapeTakesInnerDimensionsFromTheFirstRow() throws IOException {
        NDArray nd = read("[[1, 2], [3, 4], [5, 6]]", DType.INT32, new int[] {1, 10}, false);
        assertArrayEquals(new int[] {3, 2}, nd.shape());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, nd.ints());
        NDArray cube = read("[[[1], [2], [3]]]", DType.INT32, new int[] {5, 5, 5}, false);
        assertArrayEquals(new int[] {1, 3, 1}, cube.shape());
    }

    @Test
    void growsPastTheInitialCapacity() throws IOException {
        StringBuilder json = new StringBuilder("[");
        int rows = 5000;
        for (int i = 0; i < rows; i++) {
            json.append(i == 0 ? "" : ",")
                    .append('[')
                    .append(i)
                    .append(',')
                    .append(i + 0.5)
                    .append(",-")
                    .append(i)
                    .append(']');
        }
        NDArray nd = read(json.append(']').toString(), DType.FLOAT64, 1, 3);
        assertArrayEquals(new int[] {rows, 3}, nd.shape());
        double[] expected = new double[rows * 3];
        for (int i = 0; i < rows; i++) {
            expected[3 * i] = i;
            expected[3 * i + 1] = i + 0.5;
            expected[3 * i + 2] = -i;
        }
        // every value, in order, across the chunks the storage grew in
        assertArrayEquals(expected, nd.doubles());

        StringBuilder strings = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            strings.append(i == 0 ? "" : ",").append('"').append(i).append('"');
        }
        String[] s = read(strings.append(']').toString(), DType.STR, RANK1).strings();
        assertEquals(1000, s.length);
        for (int i = 0; i < 1000; i++) {
            assertEquals(Integer.toString(i), s[i]);
        }
    }

    @Test
    void nestedJavaArraysGrowAtEveryLevel() throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 3; i++) {
            json.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < 40; j++) {
                json.append(j == 0 ? "" : ", ")
                        .append("[\"")
                        .append(i)
                        .append('.')
                        .append(j)
                        .append("\", \"x\"]");
            }
            json.append(']');
        }
        String cube = json.append(']').toString();
        for (boolean enforce : new boolean[] {true, false}) {
            JsonParser p = Json.at("data", cube);
            String[][][] nested =
                    (String[][][]) NdArrayReader.readJavaArray(p, DType.STR, new int[] {1, 40, 2}, enforce);
            assertEquals(3, nested.length);
            assertEquals(40, nested[2].length);
            assertArrayEquals(new String[] {"2.39", "x"}, nested[2][39]);
        }
        // the same rows, compared with read(...).toJavaArray() by the helper
        assertArrayEquals(
                new int[] {3, 40, 2},
                read(cube, DType.STR, new int[] {1, 7, 7}, false).shape());
    }

    @Test
    void nestedJavaArraysRejectRowsUnlikeTheFirst() {
        assertEquals(
                "data[2]: expected 2 values like the first row, got 3",
                fails("[[1, 2], [3, 4], [5, 6, 7]]", DType.INT64, new int[] {1, 9}, false));
        assertEquals(
                "data[1]: expected 2 values like the first row, got 1",
                fails("[[1, 2], [3]]", DType.FLOAT32, new int[] {1, 9}, false));
    }

    @Test
    void rankZeroReadsOneScalar() throws IOException {
        JsonParser p = Json.at("data", "2.5");
        NDArray nd = NdArrayReader.read(p, DType.FLOAT64, new int[0], true);
        assertArrayEquals(new int[0], nd.shape());
        assertArrayEquals(new double[] {2.5}, nd.doubles());
        assertEquals(JsonToken.VALUE_NUMBER_FLOAT, p.currentToken());
        assertEquals("data: expected an integer, got \"x\"", fails("\"x\"", DType.INT64));
    }

    // --- dtypes

    @Test
    void floatDtypes() throws IOException {
        assertArrayEquals(
                new float[] {0.1f, 2f, -1e30f},
                read("[0.1, 2, -1e30]", DType.FLOAT32, RANK1).floats());
        assertArrayEquals(
                new float[] {0.5f, 1f}, read("[0.5, 1]", DType.FLOAT16, RANK1).floats());
        assertArrayEquals(
                new double[] {1e308, 5e-324},
                read("[1e308, 5e-324]", DType.FLOAT64, RANK1).doubles());
    }

    @Test
    void signedIntegerDtypesAtTheirLimits() throws IOException {
        assertArrayEquals(
                new byte[] {-128, 127, 7},
                read("[-128, 127, 7.0]", DType.INT8, RANK1).bytes());
        assertArrayEquals(
                new short[] {-32768, 32767},
                read("[-32768, 32767]", DType.INT16, RANK1).shorts());
        assertArrayEquals(
                new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
                read("[-2147483648, 2147483647]", DType.INT32, RANK1).ints());
        assertArrayEquals(
                new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 1000},
                read("[-9223372036854775808, 9223372036854775807, 1e3]", DType.INT64, RANK1)
                        .longs());
    }

    @Test
    void unsignedIntegerDtypesAtTheirLimits() throws IOException {
        assertArrayEquals(
                new short[] {0, 255}, read("[0, 255]", DType.UINT8, RANK1).shorts());
        assertArrayEquals(
                new int[] {0, 65535}, read("[0, 65535]", DType.UINT16, RANK1).ints());
        assertArrayEquals(
                new long[] {0, 4294967295L},
                read("[0, 4294967295]", DType.UINT32, RANK1).longs());
        assertArrayEquals(
                new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE, -1},
                read("[0, 9223372036854775807, 9223372036854775808, 18446744073709551615]", DType.UINT64, RANK1)
                        .longs());
    }

    @Test
    void integerDtypesRejectOutOfRangeAndFractions() {
        assertEquals(
                "data[0][1]: expected an integer from -128 to 127, got 128", fails("[[1, 128]]", DType.INT8, 1, 2));
        assertEquals("data[2]: expected an integer from 0 to 255, got 256", fails("[0, 1, 256]", DType.UINT8, RANK1));
        assertEquals("data[0]: expected an integer from 0 to 255, got -1", fails("[-1]", DType.UINT8, RANK1));
        assertEquals(
                "data[0]: expected an integer from -32768 to 32767, got 40000", fails("[40000]", DType.INT16, RANK1));
        assertEquals("data[0]: expected an integer from 0 to 65535, got 65536", fails("[65536]", DType.UINT16, RANK1));
        assertEquals(
                "data[0]: expected an integer from -2147483648 to 2147483647, got 2147483648",
                fails("[2147483648]", DType.INT32, RANK1));
        assertEquals(
                "data[0]: expected an integer from 0 to 4294967295, got 4294967296",
                fails("[4294967296]", DType.UINT32, RANK1));
        assertEquals(
                "data[0]: expected an integer from -9223372036854775808 to 9223372036854775807, got 9223372036854775808",
                fails("[9223372036854775808]", DType.INT64, RANK1));
        assertEquals(
                "data[0]: expected an integer from 0 to 18446744073709551615, got 18446744073709551616",
                fails("[18446744073709551616]", DType.UINT64, RANK1));
        assertEquals("data[1]: expected an integer, got 7.5", fails("[1, 7.5]", DType.INT64, RANK1));
        assertEquals("data[0]: expected an integer, got true", fails("[true]", DType.INT32, RANK1));
    }

    @Test
    void boolDtype() throws IOException {
        assertArrayEquals(
                new boolean[] {true, false, true},
                read("[[true, false, true]]", DType.BOOL, 1, 3).booleans());
        assertEquals("data[0][1]: expected true or false, got 1", fails("[[true, 1]]", DType.BOOL, 1, 2));
        assertEquals("data[0]: expected true or false, got \"true\"", fails("[\"true\"]", DType.BOOL, RANK1));
    }

    @Test
    void strDtype() throws IOException {
        NDArray nd = read("[[\"a\", \"b\"], [\"\", \"d\"]]", DType.STR, 1, 2);
        assertArrayEquals(new String[] {"a", "b", "", "d"}, nd.strings());
        assertArrayEquals(new String[][] {{"a", "b"}, {"", "d"}}, (String[][]) nd.toJavaArray());
        assertEquals("data[1]: expected a string, got 5", fails("[\"a\", 5]", DType.STR, RANK1));
        assertEquals("data[0]: expected a string, got null", fails("[null]", DType.STR, RANK1));
    }

    @Test
    void bytesDtype() throws IOException {
        NDArray nd = read("[\"QUJD\", \"\", \"/w==\"]", DType.BYTES, RANK1);
        assertArrayEquals(new byte[][] {"ABC".getBytes(), {}, {(byte) 0xff}}, nd.byteStrings());
        assertEquals("data[1]: expected base64 text, got \"QQ\"", fails("[\"QUJD\", \"QQ\"]", DType.BYTES, RANK1));
    }

    @Test
    void datetime64Dtype() throws IOException {
        NDArray nd = read("[\"2020-01-01T00:00:00\", \"2020-01-03T04:05:06.5\"]", DType.DATETIME64, RANK1);
        assertArrayEquals(
                new LocalDateTime[] {
                    LocalDateTime.of(2020, 1, 1, 0, 0), LocalDateTime.of(2020, 1, 3, 4, 5, 6, 500_000_000),
                },
                nd.dateTimes());
        String m = "data[0]: expected a date-time without offset like 2020-01-02T03:04:05, got ";
        assertEquals(m + "\"soon\"", fails("[\"soon\"]", DType.DATETIME64, RANK1));
        assertEquals(m + "\"2020-01-01T25:00:00\"", fails("[\"2020-01-01T25:00:00\"]", DType.DATETIME64, RANK1));
        assertEquals(m + "0", fails("[0]", DType.DATETIME64, RANK1));
        // The schema says date-time-local, so numpy's other forms are rejected: a date alone, a space
        // for the T, no seconds, and an offset or Z (which numpy would silently convert to UTC).
        for (String text : new String[] {
            "2020-01-02", "2020-01-01 00:00:00", "2020-01-01T12:30", "2020-01-01T01:00:00+01:00", "2020-01-01T03:00:00Z"
        }) {
            assertEquals(m + "\"" + text + "\"", fails("[\"" + text + "\"]", DType.DATETIME64, RANK1));
        }
    }

    @Test
    void timedelta64Dtype() throws IOException {
        NDArray nd = read("[[\"3600 seconds\", \"PT1H\"], [\"-2 days\", \"5 nanoseconds\"]]", DType.TIMEDELTA64, 1, 2);
        assertArrayEquals(
                new Duration[] {Duration.ofHours(1), Duration.ofHours(1), Duration.ofDays(-2), Duration.ofNanos(5)},
                nd.timedeltas());
        assertEquals(
                "data[0][1]: expected a duration like \"3600 seconds\", got \"x\"",
                fails("[[\"1 seconds\", \"x\"]]", DType.TIMEDELTA64, 1, 2));
        assertEquals(
                "data[0]: expected a duration like \"3600 seconds\", got 3600",
                fails("[3600]", DType.TIMEDELTA64, RANK1));
    }

    @Test
    void floatDtypesRejectNonNumbers() {
        assertEquals("data[1]: expected a number, got \"2\"", fails("[1, \"2\"]", DType.FLOAT64, RANK1));
        assertEquals("data[0]: expected a number, got true", fails("[true]", DType.FLOAT64, RANK1));
        assertEquals("data[0][0]: expected a number, got null", fails("[[null]]", DType.FLOAT64, 1, 1));
        assertEquals("data[0]: expected a number, got false", fails("[false]", DType.FLOAT32, RANK1));
        assertEquals(
                "data[0]: expected a number from -1.7976931348623157e308 to 1.7976931348623157e308, got 1e400",
                fails("[1e400]", DType.FLOAT64, RANK1));
        assertEquals(
                "data[0]: expected a number from -3.4028235e38 to 3.4028235e38, got 1e39",
                fails("[1e39]", DType.FLOAT32, RANK1));
        assertEquals(
                "data[1]: expected a number from -65504 to 65504, got 70000.0",
                fails("[1, 70000.0]", DType.FLOAT16, RANK1));
        assertEquals(
                "data: expected a number from -65504 to 65504, got 65505", fails("65505", DType.FLOAT16, new int[0]));
        // Inside arrays the fast path reads: a value that rounds to the largest float is still beyond it.
        assertEquals(
                "data[1]: expected a number from -3.4028235e38 to 3.4028235e38, got 3.40282356e38",
                fails("[1.5, 3.40282356e38]", DType.FLOAT32, RANK1));
        assertEquals(
                "data[0][1]: expected a number from -65504 to 65504, got -65505",
                fails("[[1.0, -65505]]", DType.FLOAT16, 1, 2));
    }

    // --- structure errors, with their paths

    @Test
    void topLevelMustBeAnArray() {
        assertEquals("data: expected an array, got \"abc\"", fails("\"abc\"", DType.FLOAT64, 1, 2));
        assertEquals("data: expected an array, got null", fails("null", DType.FLOAT64, 1, 2));
        assertEquals("data: expected an array, got an object", fails("{\"a\": [1]}", DType.FLOAT64, 1, 2));
        assertEquals("data: expected an array, got 5", fails("5", DType.FLOAT64, RANK1));
    }

    @Test
    void wrongRowLengthIsReportedAtTheRow() {
        assertEquals("data[1]: expected 2 values, got 1", fails("[[1, 2], [3]]", DType.FLOAT64, 1, 2));
        assertEquals("data[0]: expected 2 values, got 3", fails("[[1, 2, 3], [4, 5]]", DType.FLOAT64, 1, 2));
        assertEquals(
                "data[1]: expected 10 values, got 9",
                fails("[[0,1,2,3,4,5,6,7,8,9], [0,1,2,3,4,5,6,7,8]]", DType.INT32, 1, 10));
        assertEquals("data[0]: expected 2 values, got 0", fails("[[]]", DType.FLOAT64, 1, 2));
        assertEquals("data[0]: expected 1 value, got 2", fails("[[1, 2]]", DType.FLOAT64, 1, 1));
    }

    @Test
    void wrongLengthsInRankThree() {
        assertEquals("data[0][1]: expected 2 values, got 1", fails("[[[1, 2], [3]]]", DType.FLOAT64, 1, 2, 2));
        assertEquals(
                "data[1]: expected 2 values, got 1", fails("[[[1, 2], [3, 4]], [[5, 6]]]", DType.FLOAT64, 1, 2, 2));
        assertEquals(
                "data[1]: expected 2 values, got 3",
                fails("[[[1, 2], [3, 4]], [[5, 6], [7, 8], [9, 10]]]", DType.FLOAT64, 1, 2, 2));
    }

    @Test
    void scalarWhereAnArrayIsExpected() {
        // a 1-D body for a 2-D sample: the message says what arrived, not a bare count
        assertEquals(
                "data[0]: expected an array of 10 values, got the number 10", fails("[10, 20]", DType.FLOAT64, 1, 10));
        assertEquals(
                "data[1]: expected an array of 10 values, got the number 3",
                fails("[[0,1,2,3,4,5,6,7,8,9], 3]", DType.FLOAT64, 1, 10));
        assertEquals("data[0]: expected an array of 2 values, got the number 3", fails("[3]", DType.FLOAT64, 1, 2));
        assertEquals("data[0]: expected an array of 2 values, got an object", fails("[{}]", DType.FLOAT64, 1, 2));
        assertEquals("data[0]: expected an array of 2 values, got null", fails("[null]", DType.FLOAT64, 1, 2));
        assertEquals(
                "data[0][1]: expected an array of 3 values, got the string \"x\"",
                fails("[[[1, 2, 3], \"x\"]]", DType.FLOAT64, 1, 2, 3));
        assertEquals(
                "data[1]: expected an array, got the number 3",
                fails("[[1], 3]", DType.FLOAT64, new int[] {1, 10}, false));
    }

    @Test
    void arrayWhereAnElementIsExpected() {
        assertEquals("data[0][1]: expected a number, got an array", fails("[[1, [2]]]", DType.FLOAT64, 1, 2));
        assertEquals("data[0]: expected a number, got an array", fails("[[1]]", DType.FLOAT64, RANK1));
        assertEquals("data[0][0]: expected an integer, got an array", fails("[[[1]]]", DType.INT64, 1, 1));
        assertEquals("data[0]: expected a string, got an object", fails("[{}]", DType.STR, RANK1));
    }

    @Test
    void freeShapeRowsMustMatchTheFirstRow() {
        assertEquals(
                "data[1]: expected 3 values like the first row, got 2",
                fails("[[1, 2, 3], [4, 5]]", DType.FLOAT64, new int[] {1, 3}, false));
        assertEquals(
                "data[2]: expected 2 values like the first row, got 0",
                fails("[[1, 2], [3, 4], []]", DType.FLOAT64, new int[] {1, 2}, false));
        assertEquals(
                "data[1][0]: expected 1 value like the first row, got 2",
                fails("[[[1], [2]], [[3, 4], [5, 6]]]", DType.FLOAT64, new int[] {1, 2, 1}, false));
        assertEquals(
                "data[1]: expected 0 values like the first row, got 1",
                fails("[[], [[1]]]", DType.FLOAT64, new int[] {1, 1, 1}, false));
    }

    @Test
    void elementErrorsNameTheElement() {
        assertEquals("data[0][3]: expected a number, got \"abc\"", fails("[[1, 2, 3, \"abc\"]]", DType.FLOAT64, 1, 4));
        assertEquals(
                "data[1][0][1]: expected true or false, got null",
                fails("[[[true, true]], [[false, null]]]", DType.BOOL, 1, 1, 2));
    }

    @Test
    void pathsInsideNestedObjects() throws IOException {
        JsonParser p = Json.atBody("{\"input\": {\"rows\": [[1, 2], [3]]}}");
        assertEquals(JsonToken.FIELD_NAME, p.nextToken());
        p.nextToken();
        BindingException e = assertThrows(
                BindingException.class, () -> NdArrayReader.read(p, DType.FLOAT64, new int[] {1, 2}, true));
        assertEquals("input.rows[1]: expected 2 values, got 1", e.getMessage());
        assertEquals("input.rows[1]", e.path());
    }
}

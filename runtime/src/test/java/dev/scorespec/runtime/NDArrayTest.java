package dev.scorespec.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class NDArrayTest {

    @Test
    void ofKeepsStorageAndReportsShape() {
        double[] data = {1, 2, 3, 4, 5, 6};
        NDArray nd = NDArray.of(DType.FLOAT64, new int[] {2, 3}, data);
        assertEquals(DType.FLOAT64, nd.dtype());
        assertArrayEquals(new int[] {2, 3}, nd.shape());
        assertEquals(2, nd.shape(0));
        assertEquals(3, nd.shape(1));
        assertEquals(2, nd.rank());
        assertEquals(6, nd.size());
        assertSame(data, nd.data());
        assertSame(data, nd.doubles());
        assertEquals("NDArray(float64, shape=[2, 3])", nd.toString());
    }

    @Test
    void shapeIsCopiedInAndOut() {
        int[] shape = {2, 3};
        NDArray nd = NDArray.of(DType.INT32, shape, new int[6]);
        shape[0] = 99;
        assertEquals(2, nd.shape(0));
        nd.shape()[1] = 99;
        assertEquals(3, nd.shape(1));
    }

    @Test
    void ofRejectsWrongStorageType() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> NDArray.of(DType.FLOAT32, new int[] {2}, new double[2]));
        assertEquals("A float32 NDArray is stored in float[], not double[]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NDArray.of(DType.UINT8, new int[] {1}, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> NDArray.of(DType.STR, new int[] {1}, new Object[1]));
        assertThrows(IllegalArgumentException.class, () -> NDArray.of(DType.UINT64, new int[] {1}, new int[1]));
    }

    @Test
    void ofRejectsWrongLengthAndNegativeDimensions() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> NDArray.of(DType.FLOAT64, new int[] {2, 3}, new double[5]));
        assertEquals("Shape [2, 3] needs 6 elements, but the storage holds 5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NDArray.of(DType.FLOAT64, new int[] {-1, 0}, new double[0]));
        assertThrows(
                IllegalArgumentException.class, () -> NDArray.of(DType.BOOL, new int[] {65536, 65536}, new boolean[0]));
    }

    @Test
    void storageTypesFollowTheDtype() {
        Object[][] cases = {
            {DType.FLOAT64, new double[1]}, {DType.FLOAT32, new float[1]}, {DType.FLOAT16, new float[1]},
            {DType.INT64, new long[1]}, {DType.UINT32, new long[1]}, {DType.UINT64, new long[1]},
            {DType.INT32, new int[1]}, {DType.UINT16, new int[1]}, {DType.INT16, new short[1]},
            {DType.UINT8, new short[1]}, {DType.INT8, new byte[1]}, {DType.BOOL, new boolean[1]},
            {DType.STR, new String[1]}, {DType.BYTES, new byte[1][]}, {DType.DATETIME64, new LocalDateTime[1]},
            {DType.DATETIME64_D, new LocalDate[1]}, {DType.TIMEDELTA64, new Duration[1]},
        };
        assertEquals(DType.values().length, cases.length);
        for (Object[] c : cases) {
            NDArray nd = NDArray.of((DType) c[0], new int[] {1}, c[1]);
            assertSame(c[1], nd.data());
        }
    }

    @Test
    void typedAccessorsNameTheActualStorage() {
        NDArray longs = NDArray.of(DType.INT64, new int[] {2}, new long[] {1, 2});
        assertArrayEquals(new long[] {1, 2}, longs.longs());
        IllegalStateException e = assertThrows(IllegalStateException.class, longs::doubles);
        assertEquals("NDArray(int64, shape=[2]) is stored in long[], not double[]", e.getMessage());
        assertThrows(IllegalStateException.class, longs::floats);
        assertThrows(IllegalStateException.class, longs::ints);
        assertThrows(IllegalStateException.class, longs::shorts);
        assertThrows(IllegalStateException.class, longs::bytes);
        assertThrows(IllegalStateException.class, longs::booleans);
        assertThrows(IllegalStateException.class, longs::strings);
        IllegalStateException o = assertThrows(IllegalStateException.class, longs::objects);
        assertTrue(o.getMessage().contains("int64"), o.getMessage());

        NDArray strings = NDArray.of(DType.STR, new int[] {1}, new String[] {"a"});
        assertArrayEquals(new String[] {"a"}, strings.strings());
        assertArrayEquals(new Object[] {"a"}, strings.objects());
        byte[][] raw = {{1, 2}};
        assertSame(raw, NDArray.of(DType.BYTES, new int[] {1}, raw).objects());
        assertSame(raw, NDArray.of(DType.BYTES, new int[] {1}, raw).byteStrings());
        assertThrows(
                IllegalStateException.class,
                () -> NDArray.of(DType.BYTES, new int[] {1}, raw).bytes());
        LocalDateTime[] times = {LocalDateTime.of(2020, 1, 1, 0, 0)};
        assertSame(times, NDArray.of(DType.DATETIME64, new int[] {1}, times).dateTimes());
        LocalDate[] dates = {LocalDate.of(2021, 5, 6)};
        assertSame(dates, NDArray.of(DType.DATETIME64_D, new int[] {1}, dates).dates());
        assertThrows(
                IllegalStateException.class,
                () -> NDArray.of(DType.DATETIME64_D, new int[] {1}, dates).dateTimes());
        Duration[] durations = {Duration.ofHours(1)};
        assertSame(
                durations,
                NDArray.of(DType.TIMEDELTA64, new int[] {1}, durations).timedeltas());
        assertArrayEquals(
                new short[] {255},
                NDArray.of(DType.UINT8, new int[] {1}, new short[] {255}).shorts());
        assertArrayEquals(
                new byte[] {-1},
                NDArray.of(DType.INT8, new int[] {1}, new byte[] {-1}).bytes());
        assertArrayEquals(
                new boolean[] {true},
                NDArray.of(DType.BOOL, new int[] {1}, new boolean[] {true}).booleans());
        assertArrayEquals(
                new float[] {1f},
                NDArray.of(DType.FLOAT16, new int[] {1}, new float[] {1f}).floats());
        assertArrayEquals(
                new int[] {7},
                NDArray.of(DType.UINT16, new int[] {1}, new int[] {7}).ints());
    }

    @Test
    void rankOneToJavaArrayIsTheStorageItself() {
        long[] data = {3, 4};
        assertSame(data, NDArray.of(DType.INT64, new int[] {2}, data).toJavaArray());
    }

    @Test
    void rankTwoAndThreeToJavaArrayCopyRows() {
        double[] data = {1, 2, 3, 4, 5, 6};
        double[][] m =
                (double[][]) NDArray.of(DType.FLOAT64, new int[] {2, 3}, data).toJavaArray();
        assertArrayEquals(new double[][] {{1, 2, 3}, {4, 5, 6}}, m);
        m[0][0] = 42;
        assertEquals(1, data[0]);

        int[] flat = new int[24];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = i;
        }
        int[][][] cube =
                (int[][][]) NDArray.of(DType.INT32, new int[] {2, 3, 4}, flat).toJavaArray();
        assertEquals(2, cube.length);
        assertEquals(3, cube[1].length);
        assertEquals(4, cube[1][2].length);
        assertEquals(23, cube[1][2][3]);
        assertEquals(13, cube[1][0][1]);
        assertEquals(6, cube[0][1][2]);

        String[][] s = (String[][])
                NDArray.of(DType.STR, new int[] {2, 1}, new String[] {"a", "b"}).toJavaArray();
        assertArrayEquals(new String[][] {{"a"}, {"b"}}, s);
        byte[][][] b = (byte[][][]) NDArray.of(DType.BYTES, new int[] {1, 2}, new byte[][] {{1}, {2, 3}})
                .toJavaArray();
        assertArrayEquals(new byte[] {2, 3}, b[0][1]);
    }

    @Test
    void emptyShapesToJavaArray() {
        double[][] none = (double[][])
                NDArray.of(DType.FLOAT64, new int[] {0, 3}, new double[0]).toJavaArray();
        assertEquals(0, none.length);
        boolean[][] emptyRows = (boolean[][])
                NDArray.of(DType.BOOL, new int[] {2, 0}, new boolean[0]).toJavaArray();
        assertEquals(2, emptyRows.length);
        assertEquals(0, emptyRows[1].length);
    }

    @Test
    void rankZeroHoldsOneElement() {
        NDArray scalar = NDArray.of(DType.FLOAT64, new int[0], new double[] {2.5});
        assertEquals(0, scalar.rank());
        assertEquals(1, scalar.size());
        assertEquals(2.5, scalar.toJavaArray());
    }

    @Test
    void fromJavaArrayRoundTrips() {
        double[][] m = {{1, 2, 3}, {4, 5, 6}};
        NDArray nd = NDArray.fromJavaArray(DType.FLOAT64, m);
        assertArrayEquals(new int[] {2, 3}, nd.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, nd.doubles());
        assertArrayEquals(m, (double[][]) nd.toJavaArray());

        long[][][] cube = {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}, {{9, 10}, {11, 12}}};
        NDArray c = NDArray.fromJavaArray(DType.UINT64, cube);
        assertArrayEquals(new int[] {3, 2, 2}, c.shape());
        assertArrayEquals(cube, (long[][][]) c.toJavaArray());
        assertEquals(
                c, NDArray.of(DType.UINT64, new int[] {3, 2, 2}, new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));

        short[] v = {1, 2};
        NDArray rank1 = NDArray.fromJavaArray(DType.INT16, v);
        assertArrayEquals(new int[] {2}, rank1.shape());
        assertArrayEquals(v, rank1.shorts());

        byte[][] blobs = {{1}, {2, 3}};
        NDArray b = NDArray.fromJavaArray(DType.BYTES, blobs);
        assertArrayEquals(new int[] {2}, b.shape());
        assertSame(blobs[1], b.byteStrings()[1]);
    }

    @Test
    void fromJavaArrayEmptyLevels() {
        assertArrayEquals(
                new int[] {0, 0},
                NDArray.fromJavaArray(DType.FLOAT64, new double[0][5]).shape());
        assertArrayEquals(
                new int[] {3, 0},
                NDArray.fromJavaArray(DType.FLOAT64, new double[3][0]).shape());
    }

    @Test
    void fromJavaArrayRejectsRaggedNullAndWrongTypes() {
        IllegalArgumentException ragged = assertThrows(
                IllegalArgumentException.class,
                () -> NDArray.fromJavaArray(DType.FLOAT64, new double[][] {{1, 2}, {3}}));
        assertEquals(
                "Not rectangular: row [1] has 1 elements, but the first row at that level has 2", ragged.getMessage());
        IllegalArgumentException deep = assertThrows(
                IllegalArgumentException.class,
                () -> NDArray.fromJavaArray(DType.INT32, new int[][][] {{{1}, {2}}, {{3}, {4, 5}}}));
        assertTrue(deep.getMessage().contains("row [1][1]"), deep.getMessage());
        IllegalArgumentException nullRow = assertThrows(
                IllegalArgumentException.class, () -> NDArray.fromJavaArray(DType.FLOAT64, new double[][] {{1}, null}));
        assertEquals("Row [1] is null", nullRow.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NDArray.fromJavaArray(DType.FLOAT64, new float[] {1}));
        assertThrows(IllegalArgumentException.class, () -> NDArray.fromJavaArray(DType.STR, new Object[] {"a"}));
        assertThrows(IllegalArgumentException.class, () -> NDArray.fromJavaArray(DType.INT64, 5L));
        assertThrows(IllegalArgumentException.class, () -> NDArray.fromJavaArray(DType.BYTES, new byte[] {1}));
    }

    @Test
    void equalsAndHashCodeCompareDtypeShapeAndElements() {
        NDArray a = NDArray.of(DType.FLOAT64, new int[] {2, 2}, new double[] {1, 2, 3, Double.NaN});
        NDArray same = NDArray.of(DType.FLOAT64, new int[] {2, 2}, new double[] {1, 2, 3, Double.NaN});
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, NDArray.of(DType.FLOAT64, new int[] {4}, new double[] {1, 2, 3, Double.NaN}));
        assertNotEquals(a, NDArray.of(DType.FLOAT64, new int[] {2, 2}, new double[] {1, 2, 3, 4}));
        assertNotEquals(
                NDArray.of(DType.INT64, new int[] {1}, new long[] {1}),
                NDArray.of(DType.UINT64, new int[] {1}, new long[] {1}));
        NDArray b1 = NDArray.of(DType.BYTES, new int[] {1}, new byte[][] {{1, 2}});
        NDArray b2 = NDArray.of(DType.BYTES, new int[] {1}, new byte[][] {{1, 2}});
        assertEquals(b1, b2);
        assertEquals(b1.hashCode(), b2.hashCode());
        assertNotEquals(b1, "x");
    }
}

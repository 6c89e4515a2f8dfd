package dev.scorespec.runtime.batching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scorespec.runtime.DType;
import dev.scorespec.runtime.NDArray;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchRowsTest {

    @Test
    void javaArraysOfAnyTypeConcatenateAndSplitByRows() {
        long[][] a = {{1, 2}, {3, 4}};
        long[][] b = {{5, 6}};
        long[][] all = BatchRows.concatArrays(List.of(a, b));
        assertArrayEquals(new long[][] {{1, 2}, {3, 4}, {5, 6}}, all);
        List<long[][]> parts = BatchRows.splitArray(all, new int[] {2, 1});
        assertArrayEquals(a, parts.get(0));
        assertArrayEquals(b, parts.get(1));

        assertArrayEquals(
                new float[][] {{1f}, {2f}},
                BatchRows.concatArrays(List.of(new float[][] {{1f}}, new float[][] {{2f}})));
        assertArrayEquals(
                new double[] {1, 2, 3}, BatchRows.concatArrays(List.of(new double[] {1}, new double[] {2, 3})));
        assertArrayEquals(
                new String[] {"a", "b", "c"},
                BatchRows.concatArrays(List.of(new String[] {"a", "b"}, new String[] {"c"})));
        List<String[]> words = BatchRows.splitArray(new String[] {"a", "b", "c"}, new int[] {0, 3});
        assertArrayEquals(new String[0], words.get(0));
        assertArrayEquals(new String[] {"a", "b", "c"}, words.get(1));
        assertEquals(3, BatchRows.arrayRows(new long[3]));
    }

    @Test
    void aSplitMustAddUpToTheRows() {
        BatchOutputException e =
                assertThrows(BatchOutputException.class, () -> BatchRows.splitArray(new double[3], new int[] {1, 1}));
        assertEquals("Cannot split 3 rows into parts of [1, 1] rows, which add up to 2", e.getMessage());
    }

    @Test
    void ndArraysConcatenateAndSplitAlongTheFirstDimension() {
        NDArray a = NDArray.fromJavaArray(DType.FLOAT64, new double[][] {{1, 2, 3}});
        NDArray b = NDArray.fromJavaArray(DType.FLOAT64, new double[][] {{4, 5, 6}, {7, 8, 9}});
        NDArray all = BatchRows.concatNdArrays(List.of(a, b));
        assertArrayEquals(new int[] {3, 3}, all.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, all.doubles());
        assertEquals(3, BatchRows.ndArrayRows(all));

        List<NDArray> parts = BatchRows.splitNdArray(all, new int[] {1, 2});
        assertArrayEquals(new int[] {1, 3}, parts.get(0).shape());
        assertArrayEquals(a.doubles(), parts.get(0).doubles());
        assertArrayEquals(new int[] {2, 3}, parts.get(1).shape());
        assertArrayEquals(b.doubles(), parts.get(1).doubles());
    }

    @Test
    void ndArraysOfOtherTrailingDimensionsOrDtypesHaveOtherKeysAndDoNotConcatenate() {
        NDArray threeColumns = NDArray.fromJavaArray(DType.INT64, new long[][] {{1, 2, 3}});
        NDArray twoColumns = NDArray.fromJavaArray(DType.INT64, new long[][] {{1, 2}, {3, 4}});
        NDArray threeFloats = NDArray.fromJavaArray(DType.FLOAT64, new double[][] {{1, 2, 3}});
        assertEquals(
                BatchRows.ndArrayKey(threeColumns),
                BatchRows.ndArrayKey(NDArray.fromJavaArray(DType.INT64, new long[][] {{7, 8, 9}, {1, 1, 1}})));
        assertNotEquals(BatchRows.ndArrayKey(threeColumns), BatchRows.ndArrayKey(twoColumns));
        assertNotEquals(BatchRows.ndArrayKey(threeColumns), BatchRows.ndArrayKey(threeFloats));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> BatchRows.concatNdArrays(List.of(threeColumns, twoColumns)));
        assertEquals(
                "Cannot concatenate an NDArray of int64 [2, 2] to one of int64 [1, 3]: their dtypes and"
                        + " dimensions after the first must be equal",
                e.getMessage());
    }

    @Test
    void listsConcatenateAndSplit() {
        List<String> all = BatchRows.concatLists(List.of(List.of("a"), List.of("b", "c")));
        assertEquals(List.of("a", "b", "c"), all);
        assertEquals(List.of(List.of("a", "b"), List.of("c")), BatchRows.splitList(all, new int[] {2, 1}));
    }

    @Test
    void keysCompareArraysByContent() {
        assertEquals(BatchKey.of(new double[] {0.5}, "x"), BatchKey.of(new double[] {0.5}, "x"));
        assertEquals(
                BatchKey.of(new double[] {0.5}, "x").hashCode(),
                BatchKey.of(new double[] {0.5}, "x").hashCode());
        assertNotEquals(BatchKey.of(new double[] {0.5}, "x"), BatchKey.of(new double[] {0.25}, "x"));
        assertEquals(BatchKey.NONE, BatchKey.of());
    }
}

package dev.scorespec.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs each benchmark's trial set-up, which checks that every method decodes the same values as the
 * limit, so that a change of the binders or the payloads cannot leave the benchmarks comparing different
 * work. Measures nothing.
 */
class BenchmarkSetUpTest {

    @Test
    void ndArrayMethodsDecodeTheSameMatrix() throws IOException {
        for (String shape : new String[] {"1x10", "1000x10"}) {
            NdArrayBinding benchmark = new NdArrayBinding();
            benchmark.shape = shape;
            benchmark.setUp();
            assertEquals(NdArrayBinding.rows(shape) * 10, benchmark.binderNdArrayValues().length);
        }
    }

    @Test
    void dataFrameMethodsDecodeTheSameFrame() throws IOException {
        DataFrameBinding benchmark = new DataFrameBinding();
        benchmark.rows = 1000;
        benchmark.setUp();
        assertEquals(1000, benchmark.limit().rows());
    }

    @Test
    void powerBiMethodsDecodeTheSameRequest() throws IOException {
        for (int rows : new int[] {2, 1000}) {
            PowerBiBinding benchmark = new PowerBiBinding();
            benchmark.rows = rows;
            benchmark.setUp();
            assertEquals(rows, benchmark.limit().names().length);
        }
    }

    @Test
    void checksCatchADifferentValue() {
        assertThrows(IllegalStateException.class, () -> Checks.same("m", new double[] {1, 2}, new double[] {1, 2.5}));
    }

    @Test
    void decodedSizesAreTheHeapSizesOfTheResults() {
        // double[1000][10]: 1000 rows of 16 + 80 bytes, and the outer array of 1000 references
        assertEquals(1000 * 96 + 4016, NdArrayBinding.decodedBytes("binder", Map.of("shape", "1000x10")));
        // NDArray: the object (header, dtype, shape, data, size), its int[2] shape and a double[10000]
        assertEquals(32 + 24 + 80_016, NdArrayBinding.decodedBytes("binderNdArray", Map.of("shape", "1000x10")));
        assertTrue(DataFrameBinding.decodedBytes("limit", Map.of("rows", "1000")) > 1000 * (8 + 8 + 1));
    }
}

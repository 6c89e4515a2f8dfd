package dev.scorespec.runtime.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchTimeModelTest {

    @Test
    void learnsAKnownLineByLeastSquares() {
        BatchTimeModel model = new BatchTimeModel();
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            int rows = 1 + random.nextInt(256);
            model.record(rows, 2_000_000 + 5_000L * rows);
        }
        assertTrue(model.fitted());
        assertEquals(2_000_000, model.interceptNanos(), 1e-3);
        assertEquals(5_000, model.slopeNanos(), 1e-6);
        assertEquals(2_000_000 + 5_000 * 100, model.predictNanos(100));
        assertEquals(64, model.batches());
    }

    @Test
    void fitsNoisyTimingsToTheLineThroughThem() {
        BatchTimeModel model = new BatchTimeModel(8);
        // pairs symmetric around the line 1000 + 10 * rows: the errors cancel in the fit
        model.record(10, 1100 + 30);
        model.record(10, 1100 - 30);
        model.record(50, 1500 + 70);
        model.record(50, 1500 - 70);
        assertEquals(1000, model.interceptNanos(), 1e-9);
        assertEquals(10, model.slopeNanos(), 1e-9);
    }

    @Test
    void forgetsBatchesOlderThanItsWindow() {
        BatchTimeModel model = new BatchTimeModel(4);
        model.record(1, 1_000_000);
        model.record(100, 1_000_000);
        for (int rows = 1; rows <= 4; rows++) {
            model.record(rows, 300 + 7L * rows);
        }
        assertEquals(300, model.interceptNanos(), 1e-9);
        assertEquals(7, model.slopeNanos(), 1e-9);
    }

    @Test
    void batchesOfOneSizeOnlyAreTakenAsProportionalToRows() {
        BatchTimeModel model = new BatchTimeModel();
        assertEquals(0, model.predictNanos(10));
        model.record(10, 1_000);
        model.record(10, 3_000);
        assertFalse(model.fitted());
        assertEquals(0, model.interceptNanos());
        assertEquals(200, model.slopeNanos(), 1e-9);
        assertEquals(4_000, model.predictNanos(20));
    }

    @Test
    void neverPredictsLessForMoreRowsNorBelowZero() {
        BatchTimeModel falling = new BatchTimeModel();
        falling.record(1, 5_000);
        falling.record(100, 1_000); // noise: a larger batch that ran faster
        assertEquals(0, falling.slopeNanos());
        assertEquals(3_000, falling.interceptNanos(), 1e-9);

        BatchTimeModel steep = new BatchTimeModel();
        steep.record(10, 100);
        steep.record(20, 1_000); // the line through them crosses zero at 9 rows: refitted through the origin
        assertEquals(0, steep.interceptNanos());
        assertEquals((10 * 100 + 20 * 1_000) / 500.0, steep.slopeNanos(), 1e-9);
    }
}

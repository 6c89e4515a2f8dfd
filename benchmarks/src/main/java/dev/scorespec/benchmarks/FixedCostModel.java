package dev.scorespec.benchmarks;

import dev.scorespec.runtime.batching.BatchRows;
import dev.scorespec.runtime.batching.BatchShape;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A model with the cost profile batching is for: a fixed cost per call (by default 2 ms of waiting, as
 * for a device or a remote runtime; or of computing, {@code spin}) plus a small cost per row (by default
 * 5 us of computing around a ridge model's dot product). Row {@code i} of the result depends on row
 * {@code i} of the input alone, so a batched answer is the unbatched one, bit for bit.
 */
public final class FixedCostModel {

    static final double[] WEIGHTS = {0.31, -0.02, 5.1, 0.9, -1.3, 0.004, 2.2, -0.7, 0.05, 1.1};

    /** The ridge model's batch shape: every parameter batched, {@code double[][]} in, {@code double[]} out. */
    static final BatchShape<double[][], double[]> SHAPE = new BatchShape<>() {
        @Override
        public int rows(double[][] arguments) {
            return BatchRows.arrayRows(arguments);
        }

        @Override
        public double[][] concat(List<double[][]> arguments) {
            return BatchRows.concatArrays(arguments);
        }

        @Override
        public int resultRows(double[] result) {
            return result.length;
        }

        @Override
        public List<double[]> split(double[] result, int[] rowsPerRequest) {
            return BatchRows.splitArray(result, rowsPerRequest);
        }
    };

    private final long perCallNanos;
    private final long perRowNanos;
    private final boolean spin;

    public FixedCostModel(long perCallNanos, long perRowNanos, boolean spin) {
        this.perCallNanos = perCallNanos;
        this.perRowNanos = perRowNanos;
        this.spin = spin;
    }

    public double[] run(double[][] rows) {
        long start = System.nanoTime();
        if (spin) {
            spinUntil(start + perCallNanos);
        } else {
            long end = start + perCallNanos;
            for (long left = perCallNanos; left > 0; left = end - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        }
        double[] scores = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            scores[i] = score(rows[i]);
        }
        spinUntil(System.nanoTime() + perRowNanos * rows.length);
        return scores;
    }

    static double score(double[] row) {
        double sum = 152.1;
        for (int j = 0; j < WEIGHTS.length; j++) {
            sum += WEIGHTS[j] * row[j];
        }
        return sum;
    }

    private static void spinUntil(long deadline) {
        while (System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}

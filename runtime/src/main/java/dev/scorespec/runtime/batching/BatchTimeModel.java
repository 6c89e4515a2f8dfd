package dev.scorespec.runtime.batching;

/**
 * The time a batch takes, learnt from the batches run: {@code a + b * rows}, fitted by least squares
 * over a window of the most recent batches. {@code a} is the cost of a call whatever its size (the
 * per-call overhead batching saves), {@code b} the cost of a row.
 *
 * <p>Until two batches of different sizes have run the slope cannot be fitted: with batches of one size
 * only, the time is taken as proportional to the rows ({@code a = 0}), which overestimates larger
 * batches rather than underestimating them. A fit that comes out with a negative term, from noisy
 * timings, is refitted without it: time never shrinks with rows, nor goes below zero.
 *
 * <p>Thread-safe: batches are recorded from worker threads while the dispatcher predicts.
 */
public final class BatchTimeModel {

    /** The default number of recent batches the fit is made over. */
    public static final int DEFAULT_WINDOW = 64;

    private final int[] rows;
    private final long[] nanos;
    private int count;
    private int next;
    private double intercept;
    private double slope;
    private boolean fitted;

    public BatchTimeModel() {
        this(DEFAULT_WINDOW);
    }

    public BatchTimeModel(int window) {
        if (window < 2) {
            throw new IllegalArgumentException("The window must hold at least 2 batches, not " + window);
        }
        this.rows = new int[window];
        this.nanos = new long[window];
    }

    /** Adds a batch that ran, dropping the oldest when the window is full, and refits. */
    public synchronized void record(int batchRows, long batchNanos) {
        if (batchRows < 0 || batchNanos < 0) {
            throw new IllegalArgumentException("A batch of " + batchRows + " rows in " + batchNanos + " ns");
        }
        rows[next] = batchRows;
        nanos[next] = batchNanos;
        next = (next + 1) % rows.length;
        count = Math.min(count + 1, rows.length);
        fit();
    }

    private void fit() {
        double meanRows = 0;
        double meanNanos = 0;
        for (int i = 0; i < count; i++) {
            meanRows += rows[i];
            meanNanos += nanos[i];
        }
        meanRows /= count;
        meanNanos /= count;
        double covariance = 0;
        double variance = 0;
        double sumRowsSquared = 0;
        double sumRowsNanos = 0;
        for (int i = 0; i < count; i++) {
            double dr = rows[i] - meanRows;
            covariance += dr * (nanos[i] - meanNanos);
            variance += dr * dr;
            sumRowsSquared += (double) rows[i] * rows[i];
            sumRowsNanos += (double) rows[i] * nanos[i];
        }
        fitted = variance > 0;
        if (fitted) {
            slope = covariance / variance;
            intercept = meanNanos - slope * meanRows;
        } else {
            slope = Double.NaN; // one size only: no slope to fit
            intercept = -1;
        }
        if (Double.isNaN(slope) || intercept < 0) {
            // through the origin: time proportional to rows
            intercept = 0;
            slope = sumRowsSquared > 0 ? sumRowsNanos / sumRowsSquared : 0;
        }
        if (slope < 0) {
            // time does not shrink with rows: a constant
            slope = 0;
            intercept = meanNanos;
        }
    }

    /** How many batches the fit is over (at most the window). */
    public synchronized int batches() {
        return count;
    }

    /**
     * Whether the window holds batches of at least two sizes, so that {@code a} and {@code b} are both
     * fitted rather than {@code a} assumed zero.
     */
    public synchronized boolean fitted() {
        return fitted;
    }

    /** {@code a}: the fitted time of a call, whatever its rows, in nanoseconds. */
    public synchronized double interceptNanos() {
        return intercept;
    }

    /** {@code b}: the fitted time of a row, in nanoseconds. */
    public synchronized double slopeNanos() {
        return slope;
    }

    /** The predicted time of a batch of this many rows, in nanoseconds; 0 before any batch has run. */
    public synchronized long predictNanos(int batchRows) {
        return count == 0 ? 0 : Math.round(intercept + slope * batchRows);
    }

    @Override
    public synchronized String toString() {
        return String.format(java.util.Locale.ROOT, "%.0f ns + %.1f ns/row over %d batches", intercept, slope, count);
    }
}

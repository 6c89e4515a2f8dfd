package dev.scorespec.runtime.batching;

/**
 * What a {@link Batcher} reports, for a metrics registry to record. Called from the batcher's threads,
 * concurrently: implementations must be thread-safe and quick. Every method does nothing by default.
 */
public interface BatchMetrics {

    /** Records nothing. */
    BatchMetrics NONE = new BatchMetrics() {};

    /**
     * A batch ran: its rows (the batch-size histogram), its requests, how long {@code run} took (with the
     * concatenation and split), and whether it failed (run threw, or its result had the wrong rows).
     */
    default void batchRan(int rows, int requests, long runNanos, boolean failed) {}

    /** A request left the queue for its batch after waiting this long. */
    default void queueWait(long waitNanos) {}

    /** A request was rejected, with {@link BatchRejectedException}, for this reason. */
    default void rejected(BatchRejectedException.Reason reason) {}
}

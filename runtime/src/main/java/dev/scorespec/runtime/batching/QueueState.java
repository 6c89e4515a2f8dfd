package dev.scorespec.runtime.batching;

/**
 * What the dispatcher shows a {@link BatchPolicy}: the batch that would run now (the oldest queued
 * request with the later ones of its key that fit in {@code maxRows}) and what it has seen of arrivals.
 * Times are on the batcher's clock, in nanoseconds.
 *
 * @param now the current time
 * @param requests the requests of the batch that would run now
 * @param rows their rows
 * @param maxRows the most rows a batch may have
 * @param oldestEnqueuedNanos when the oldest request of that batch was queued
 * @param earliestDeadlineNanos the earliest deadline among that batch's requests
 * @param lastArrivalNanos when the latest request was submitted
 * @param lastQueuedArrivalNanos when the latest request that found others queued was submitted
 * @param arrivalGapNanos the mean time between arrivals of requests that found others queued (a moving
 *     average), or 0 when none has: then nothing suggests another request is coming soon
 */
public record QueueState(
        long now,
        int requests,
        int rows,
        int maxRows,
        long oldestEnqueuedNanos,
        long earliestDeadlineNanos,
        long lastArrivalNanos,
        long lastQueuedArrivalNanos,
        long arrivalGapNanos) {}

package dev.scorespec.runtime.batching;

import java.time.Duration;

/**
 * The default policy: wait for more requests only while one is expected soon, it cannot make a request
 * of the batch miss its deadline, and the oldest has waited less than {@code maxDelay}.
 *
 * <ul>
 *   <li><b>Another request is expected</b> when requests have been arriving while others were queued
 *       ({@link QueueState#arrivalGapNanos()} is known), recently (the last such arrival is no older than
 *       {@code maxDelay} plus the predicted time of a batch of {@code maxRows}: under load, a burst of
 *       requests follows each batch), and the last request came less than twice that gap ago. A lone
 *       client, which sends its next request only after the answer, never finds another request queued:
 *       its requests run at once, and batching costs it nothing, also after a busy period.
 *   <li><b>Waiting must be worth it</b>: once the {@link BatchTimeModel} is {@linkplain BatchTimeModel#fitted() fitted}, a request expected
 *       later than a call's fixed cost ({@code a}) is not waited for, as the call it would save costs less
 *       than the wait.
 *   <li><b>Deadlines</b>: the batch must be able to end before its earliest deadline even if it grows to
 *       {@code maxRows}: waiting ends {@code model.predictNanos(maxRows)} before that deadline.
 *   <li><b>{@code maxDelay}</b> bounds the wait of the oldest request, counted from when it was queued.
 * </ul>
 */
public final class AdaptiveBatchPolicy implements BatchPolicy {

    private final long maxDelayNanos;

    public AdaptiveBatchPolicy(Duration maxDelay) {
        if (maxDelay.isNegative()) {
            throw new IllegalArgumentException("maxDelay must not be negative, not " + maxDelay);
        }
        this.maxDelayNanos = maxDelay.toNanos();
    }

    @Override
    public long runAt(QueueState state, BatchTimeModel model) {
        long now = state.now();
        long gap = state.arrivalGapNanos();
        if (gap == 0
                || maxDelayNanos == 0
                || now - state.lastQueuedArrivalNanos() > maxDelayNanos + model.predictNanos(state.maxRows())) {
            return now;
        }
        if (model.fitted() && 2 * gap > model.interceptNanos()) {
            return now;
        }
        long latest = Math.min(
                state.oldestEnqueuedNanos() + maxDelayNanos,
                state.earliestDeadlineNanos() - model.predictNanos(state.maxRows()));
        long expectedNext = state.lastArrivalNanos() + 2 * gap;
        if (expectedNext <= now || expectedNext > latest) {
            return now;
        }
        return expectedNext;
    }

    @Override
    public String toString() {
        return "adaptive, at most " + Duration.ofNanos(maxDelayNanos).toMillis() + " ms";
    }
}

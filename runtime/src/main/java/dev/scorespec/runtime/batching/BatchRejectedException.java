package dev.scorespec.runtime.batching;

import java.time.Duration;

/**
 * A request the batcher did not score: its queue was full, its deadline could no longer be met, or the
 * batcher was shutting down. Nothing was run for it, so a client may retry: the server answers 503 with
 * {@code Retry-After}.
 */
public final class BatchRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a request was rejected. */
    public enum Reason {
        /** The queue held its most rows already. */
        QUEUE_FULL,
        /** The request could no longer be scored before its deadline. */
        DEADLINE,
        /** The batcher was shut down before the request was submitted. */
        SHUT_DOWN
    }

    private final Reason reason;
    private final Duration retryAfter;

    public BatchRejectedException(Reason reason, String message, Duration retryAfter) {
        super(message);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * About how long the requests queued at the time of the rejection take to run, by the
     * {@link BatchTimeModel}: a hint for {@code Retry-After} (zero when the model has seen no batch yet,
     * or the batcher is shutting down). The server rounds it up to whole seconds.
     */
    public Duration retryAfter() {
        return retryAfter;
    }
}

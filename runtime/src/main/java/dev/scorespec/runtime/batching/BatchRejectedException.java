package dev.scorespec.runtime.batching;

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

    public BatchRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

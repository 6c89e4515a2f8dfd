package dev.scorespec.runtime.batching;

/**
 * A batch whose result cannot be split back: {@code run} returned a number of rows other than the
 * batch's, or the split did not give one result per request. Every request of the batch fails with it.
 */
public final class BatchOutputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BatchOutputException(String message) {
        super(message);
    }
}

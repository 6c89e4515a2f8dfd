package dev.scorespec.runtime.batching;

import java.util.Objects;

/**
 * What {@code @Batching} on a scoring class asks for, as its binder gives it to the server: the shape of
 * {@code run}'s arguments and result, written by the processor from the samples, and the limits of the
 * annotation, which the server's flags may override.
 *
 * @param shape how requests are counted in rows, concatenated and split
 * @param maxRows {@code @Batching(maxRows)}: the most rows of one {@code run} call
 * @param maxDelayMs {@code @Batching(maxDelayMs)}: the longest a request waits for others
 * @param <A> the bound arguments of {@code run}
 * @param <R> what {@code run} returns
 */
public record BatchSpec<A, R>(BatchShape<A, R> shape, int maxRows, int maxDelayMs) {

    public BatchSpec {
        Objects.requireNonNull(shape, "shape");
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, not " + maxRows);
        }
        if (maxDelayMs < 0) {
            throw new IllegalArgumentException("maxDelayMs must not be negative, not " + maxDelayMs);
        }
    }
}

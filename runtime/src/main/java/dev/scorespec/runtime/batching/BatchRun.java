package dev.scorespec.runtime.batching;

/**
 * Scores one batch: the binder's {@code run}.
 *
 * @param <A> the bound arguments
 * @param <R> the result
 */
@FunctionalInterface
public interface BatchRun<A, R> {

    /** Exceptions are the scoring code's own: every request of the batch fails with this one. */
    R run(A arguments) throws Exception;
}

package dev.scorespec.processor.model;

import java.util.List;

/**
 * What {@code @Batching} asks for, checked against {@code run}: its limits, how each parameter takes part
 * in a batch, and how the result is split back to each request.
 *
 * @param maxRows the most rows of one {@code run} call, at least 1
 * @param maxDelayMs the longest a request waits for others, not negative
 * @param parameters one per parameter of {@code run}, in its order; at least one is batched
 * @param result how the result is counted and split: never {@link Rows#NONE}
 */
public record BatchPlan(int maxRows, int maxDelayMs, List<Rows> parameters, Rows result) {

    public BatchPlan {
        parameters = List.copyOf(parameters);
    }

    /** How a value has rows along its first dimension, which says how it is counted, concatenated and split. */
    public enum Rows {
        /** Not batched (a threshold, {@code GlobalParameters}): requests share a batch only when their values are equal. */
        NONE,
        /** A Java array ({@code double[]}, {@code String[]}, an array of records) whose rows always match. */
        ARRAY,
        /**
         * A Java array of two or more dimensions whose sample does not enforce the dimensions after the
         * first: requests share a batch only when those are equal.
         */
        OPEN_ARRAY,
        /** {@code NDArray}: requests share a batch only when their dtypes and other dimensions are equal. */
        NDARRAY,
        /** A {@code List}, one row per item. */
        LIST,
        /** A Tablesaw {@code Table}: requests share a batch only when their columns are equal. */
        TABLE;

        public boolean batched() {
            return this != NONE;
        }
    }
}

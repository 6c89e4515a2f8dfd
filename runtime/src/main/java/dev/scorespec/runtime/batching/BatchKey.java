package dev.scorespec.runtime.batching;

import java.util.Arrays;

/**
 * A {@link BatchShape#key} made of several values, equal to another when every value is, arrays
 * compared by content ({@link Arrays#deepEquals}), so a generated binder can write
 * {@code BatchKey.of(arguments.threshold(), arguments.globalParameters())}.
 */
public final class BatchKey {

    /** The key of arguments that have no non-batched parameter. */
    public static final BatchKey NONE = new BatchKey(new Object[0]);

    private final Object[] values;

    private BatchKey(Object[] values) {
        this.values = values;
    }

    /** The values are kept, not copied: they are bound arguments, which nothing changes while queued. */
    public static BatchKey of(Object... values) {
        return values.length == 0 ? NONE : new BatchKey(values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BatchKey key && Arrays.deepEquals(values, key.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(values);
    }
}

package dev.scorespec.runtime.batching;

import java.util.List;

/**
 * What a binder knows about the arguments and result of its {@code run}, so that several requests can be
 * scored in one call: the processor knows at compile time which parameters have a batch dimension (an
 * ndarray, a dataframe, a list of records), and writes an implementation that calls {@link BatchRows}
 * and {@link TableRows} for each of them.
 *
 * <p>Row {@code i} of the concatenated arguments must be scored into row {@code i} of the result, and
 * a row's result must not depend on the other rows of its batch: that is what makes a batched answer the
 * same, bit for bit, as the unbatched one.
 *
 * @param <A> the bound arguments of {@code run}
 * @param <R> what {@code run} returns
 */
public interface BatchShape<A, R> {

    /** The number of rows of one request's arguments: the length of the first dimension of its batched inputs. */
    int rows(A arguments);

    /**
     * Everything two requests must have in common to be concatenated: the values of the parameters that
     * are not batched (a threshold, {@code GlobalParameters}), and whatever the concatenation needs to be
     * equal (the dimensions after the first of an ndarray whose sample lets them vary, the columns of a
     * dataframe). Compared with {@code equals}; {@link BatchKey#of} compares arrays by content.
     *
     * <p>The default, for a {@code run} whose every parameter is batched and always concatenable, puts
     * all requests under one key.
     */
    default Object key(A arguments) {
        return BatchKey.NONE;
    }

    /**
     * The arguments of several requests (at least two, all of one {@link #key}) as one: each batched
     * input concatenated along its first dimension in the order given, each other parameter taken from
     * the first.
     */
    A concat(List<A> arguments);

    /** The number of rows of a result: the length of its first dimension. */
    int resultRows(R result);

    /**
     * A batch's result cut back into one result per request, in order; {@code rowsPerRequest} sums to
     * {@link #resultRows(Object)}.
     */
    List<R> split(R result, int[] rowsPerRequest);
}

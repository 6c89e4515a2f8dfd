package dev.scorespec.runtime.batching;

/**
 * Decides when the next batch runs. The dispatcher asks whenever the queue changes while a run slot is
 * free and the batch could still grow; it runs the batch at once, without asking, when the batch is full
 * (the next request of its key would pass {@code maxRows}) or the batcher is shutting down.
 *
 * <p>Whatever the policy answers, the dispatcher rejects a request when its deadline can no longer be
 * met, so a policy trades latency against batch size, never correctness. Called from the dispatcher
 * thread only, under its lock: it must be quick and must not block.
 */
@FunctionalInterface
public interface BatchPolicy {

    /**
     * The time, on the batcher's clock ({@link QueueState#now()}), at which to run the batch the queue
     * holds: {@code state.now()} or earlier to run it now, later to wait for more requests. The
     * dispatcher asks again on each new request and when that time comes.
     *
     * @param state the batch that would run now, and what the batcher has seen of arrivals
     * @param model the time of a batch, learnt from the batches run so far
     */
    long runAt(QueueState state, BatchTimeModel model);

    /** A policy that never waits: a batch is whatever queued while the previous one ran. */
    static BatchPolicy greedy() {
        return (state, model) -> state.now();
    }
}

/**
 * Adaptive batching: concurrent requests, already bound, are queued and scored together in one
 * {@code run} call, counted in rows, and never held past their deadline.
 *
 * <ul>
 *   <li>{@link dev.scorespec.runtime.batching.Batcher} queues requests, forms batches on its dispatcher
 *       thread and runs them on a worker executor.
 *   <li>{@link dev.scorespec.runtime.batching.BatchShape} is what a binder knows about its arguments:
 *       their rows, the key of the parameters that are not batched, how to concatenate and split;
 *       {@link dev.scorespec.runtime.batching.BatchRows} and
 *       {@link dev.scorespec.runtime.batching.TableRows} do it for the common types.
 *   <li>{@link dev.scorespec.runtime.batching.BatchPolicy} decides when a batch runs;
 *       {@link dev.scorespec.runtime.batching.AdaptiveBatchPolicy} is the default, using the
 *       {@link dev.scorespec.runtime.batching.BatchTimeModel} learnt from the batches run.
 *   <li>{@link dev.scorespec.runtime.batching.BatchMetrics} reports what happens, to Micrometer or
 *       elsewhere.
 * </ul>
 */
package dev.scorespec.runtime.batching;

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
 *
 * <p>How the rest plugs in: for a class with {@code @Batching}, the processor checks that every batched input
 * and the output have a first dimension that is the batch, and generates a {@code BatchShape} of the
 * binder's arguments record next to the binder, which the binder's
 * {@link dev.scorespec.runtime.binding.ScoringBinder#batching()} gives with the annotation's limits as a
 * {@link dev.scorespec.runtime.batching.BatchSpec}. The server builds one {@code Batcher} from it and
 * {@code binder::run}, with {@code maxRows} and {@code maxDelay} from the annotation or their flags, and a
 * {@code BatchMetrics} bound to Micrometer; {@code /score} binds on the worker pool as without batching,
 * submits the arguments with the request's scoring deadline instead of calling {@code run}, writes the
 * result it gets on the worker pool, and answers a {@code BatchRejectedException} with 503 and
 * {@code Retry-After}. Raw HTTP runs are never batched.
 */
package dev.scorespec.runtime.batching;

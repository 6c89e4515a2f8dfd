/**
 * Scoring classes whose generated binders the benchmarks drive, one per payload and Java target. They
 * are compiled with the ScoreSpec processor like any service; their {@code run} methods are not measured,
 * except {@link dev.scorespec.benchmarks.scoring.FixedCostScore}'s, whose cost is the point of the batching
 * benchmark.
 */
package dev.scorespec.benchmarks.scoring;

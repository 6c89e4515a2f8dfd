/**
 * Scoring classes whose generated binders the benchmarks drive, one per payload and Java target. They
 * are compiled with the ScoreSpec processor like any service; their {@code run} methods are not measured.
 */
package dev.scorespec.benchmarks.scoring;

/**
 * The Open Inference Protocol (KServe V2) around a generated binder: the model metadata the processor
 * wrote from the samples ({@link dev.scorespec.runtime.openinference.ModelMetadata}), inference requests
 * read and turned into the {@code /score} body the binder reads
 * ({@link dev.scorespec.runtime.openinference.InferRequest},
 * {@link dev.scorespec.runtime.openinference.ScoreBodies}), and {@code run}'s answer as output tensors
 * ({@link dev.scorespec.runtime.openinference.InferResponses}). The server's routes are in
 * {@code dev.scorespec.runtime.server.OpenInferenceRoutes}.
 */
package dev.scorespec.runtime.openinference;

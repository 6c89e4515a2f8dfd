/**
 * Not public API: Spark's data types without Spark, for the Spark sample kind. The type model
 * ({@link SparkType}), Spark's DDL subset ({@link SparkDdl}), Spark's JSON schema inference
 * ({@link SparkInference}) and inference-schema's JSON schema of a Spark type ({@link SparkJsonSchema}),
 * written once: the processor checks samples and writes documents with them without Spark on its path, and
 * the {@code scorespec-spark} runtime turns the same model into Spark's {@code StructType}, whose tests
 * compare the parser and the inference with Spark's own.
 */
package dev.scorespec.annotations.internal.spark;

/**
 * The last layer of the processor: documents written from a validated
 * {@link dev.scorespec.processor.model.ScoringSpec}. {@link dev.scorespec.processor.emit.JsonSchemas}
 * gives the JSON schema of each sample in inference-schema's shapes;
 * {@link dev.scorespec.processor.emit.ServiceDocuments} wraps them in Swagger 2.0, OpenAPI 3.0 and
 * OpenAPI 3.1 documents shaped like the Python scoring server's.
 */
package dev.scorespec.processor.emit;

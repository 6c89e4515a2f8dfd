package dev.scorespec.processor.emit;

import static dev.scorespec.processor.emit.ServiceTexts.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.model.ScoringSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.0 and 3.1 documents, in the shape of the Python server's {@code swagger3_template.json}
 * ({@code "openapi": "3.0.3"}, or {@code "3.1.0"} as the server sets it for 3.1), written as Jackson
 * trees.
 *
 * <p>Members are in the order Swagger Core's models write them (the documents were first written
 * through them, and their bytes are kept): an operation's {@code description} before its
 * {@code operationId}, its {@code security} last, and a schema's keywords in the order of
 * {@link #V3_0_SCHEMA_ORDER} for 3.0 and {@code type}, {@code format}, then by name for 3.1. Building the
 * trees directly costs a fraction of a conversion through Swagger Core's model, and keeps Swagger Core
 * off the processor path.
 */
final class OpenApi3Document {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * A 3.0 schema's keywords in Swagger Core's order (its {@code Schema} model's properties), the
     * extensions ({@code x-}) after them. The keywords {@link JsonSchemas} writes in 3.0 are all here.
     */
    private static final List<String> V3_0_SCHEMA_ORDER = List.of(
            "$ref",
            "title",
            "maximum",
            "minimum",
            "maxLength",
            "minLength",
            "pattern",
            "maxItems",
            "minItems",
            "uniqueItems",
            "required",
            "type",
            "not",
            "properties",
            "additionalProperties",
            "description",
            "format",
            "nullable",
            "example",
            "allOf",
            "anyOf",
            "oneOf",
            "items",
            "default",
            "enum");

    /** 3.1 keywords in Swagger Core's order: these first, the rest by name. */
    private static final List<String> V3_1_SCHEMA_FIRST = List.of("$ref", "type", "format");

    private final OpenApiVersion version;

    private OpenApi3Document(OpenApiVersion version) {
        if (version == OpenApiVersion.V2_0) {
            throw new IllegalArgumentException("Swagger 2.0 is written by Swagger2Document");
        }
        this.version = version;
    }

    /** The document, pretty-printed, with the Open Inference Protocol's paths for this metadata. */
    static String write(ScoringSpec spec, OpenApiVersion version, ServiceInfo info, ObjectNode metadata) {
        ObjectNode document = new OpenApi3Document(version).document(spec, info);
        OpenInferencePaths.addTo(document, spec, version, info, metadata);
        return PrettyJson.write(document);
    }

    private ObjectNode document(ScoringSpec spec, ServiceInfo info) {
        boolean v31 = version == OpenApiVersion.V3_1;
        ObjectNode api = NODES.objectNode().put("openapi", v31 ? "3.1.0" : "3.0.3");
        api.putObject("info")
                .put("title", info.title())
                .put("description", info.description())
                .put("version", info.version());
        api.set("security", bearer());

        ObjectNode paths = api.putObject("paths");
        paths.putObject(info.path(HEALTH_PATH)).set("get", healthCheck());
        paths.putObject(info.path(SCORE_PATH))
                .set(
                        "post",
                        spec.rawHttp()
                                ? rawScore(spec.names().operationId())
                                : score(spec.names().operationId(), checksContentType(spec)));
        paths.putObject(info.path(SWAGGER_PATH)).set("get", swaggerSpec());

        ObjectNode error = NODES.objectNode().put("type", "object");
        error.putObject("properties").putObject("message").put("type", "string");
        ObjectNode components = api.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set(SERVICE_INPUT, schema(JsonSchemas.serviceInputSchema(spec, version)));
        schemas.set(SERVICE_OUTPUT, schema(JsonSchemas.outputSchema(spec, version)));
        schemas.set(ERROR_RESPONSE, schema(error));
        components
                .putObject("securitySchemes")
                .putObject(SECURITY_SCHEME)
                .put("type", "apiKey")
                .put("description", SECURITY_DESCRIPTION)
                .put("name", SECURITY_HEADER)
                .put("in", "header");
        return api;
    }

    private ObjectNode healthCheck() {
        ObjectNode operation = operation(HEALTH_DESCRIPTION, HEALTH_OPERATION);
        ObjectNode healthy = NODES.objectNode().put("type", "string").put("example", HEALTHY);
        ObjectNode responses = operation.putObject("responses");
        responses.set("200", response(HEALTH_OK, content(TEXT, schema(healthy))));
        responses.set("503", response(HEALTH_NOT_READY, content(JSON, ref(ERROR_RESPONSE))));
        responses.set("default", errorResponse());
        // open, as the server keeps the probe: an empty list lifts the document's key requirement
        operation.putArray("security");
        return operation;
    }

    private ObjectNode score(String operationId, boolean contentTypeChecked) {
        ObjectNode operation = operation(SCORE_DESCRIPTION, operationId);
        operation.set("requestBody", response(SCORE_BODY_DESCRIPTION, content(JSON, ref(SERVICE_INPUT))));
        ObjectNode responses = operation.putObject("responses");
        responses.set("200", response(SCORE_OK, content(JSON, ref(SERVICE_OUTPUT))));
        addScoreErrors(responses, contentTypeChecked);
        responses.set("default", errorResponse());
        operation.set("security", bearer());
        return operation;
    }

    /** A {@code @RawHttp} run's scoring: any bytes in, any bytes out, as its schemas say. */
    private ObjectNode rawScore(String operationId) {
        ObjectNode operation = operation(SCORE_DESCRIPTION, operationId);
        ObjectNode body = content(OCTET_STREAM, ref(SERVICE_INPUT));
        body.putObject(ANY).set("schema", ref(SERVICE_INPUT));
        operation.set("requestBody", response(SCORE_RAW_BODY_DESCRIPTION, body));
        ObjectNode responses = operation.putObject("responses");
        responses.set("200", response(SCORE_RAW_OK, content(ANY, ref(SERVICE_OUTPUT))));
        addScoreErrors(responses, false);
        responses.set("default", errorResponse());
        operation.set("security", bearer());
        return operation;
    }

    private ObjectNode swaggerSpec() {
        ObjectNode operation = operation(SWAGGER_DESCRIPTION, SWAGGER_OPERATION);
        ObjectNode versions = NODES.objectNode().put("type", "integer");
        versions.putArray("enum").add(2).add(3);
        operation
                .putArray("parameters")
                .addObject()
                .put("name", SWAGGER_VERSION_PARAMETER)
                .put("in", "query")
                .put("required", false)
                .set("schema", schema(versions));
        ObjectNode responses = operation.putObject("responses");
        responses.set(
                "200",
                response(SWAGGER_OK, content(TEXT, schema(NODES.objectNode().put("type", "string")))));
        responses.set("default", errorResponse());
        return operation;
    }

    /**
     * An operation's first members; its caller adds the rest in Swagger Core's order: {@code parameters}
     * or {@code requestBody}, {@code responses}, {@code security}.
     */
    private static ObjectNode operation(String description, String operationId) {
        return NODES.objectNode().put("description", description).put("operationId", operationId);
    }

    private static void addScoreErrors(ObjectNode responses, boolean contentTypeChecked) {
        scoreErrors(contentTypeChecked)
                .forEach((status, description) ->
                        responses.set(status, response(description, content(JSON, ref(ERROR_RESPONSE)))));
    }

    private ObjectNode errorResponse() {
        return response(ERROR_DESCRIPTION, content(JSON, ref(ERROR_RESPONSE)));
    }

    /** A response or request body: its description and its content. */
    private static ObjectNode response(String description, ObjectNode content) {
        ObjectNode response = NODES.objectNode().put("description", description);
        response.set("content", content);
        return response;
    }

    private static ArrayNode bearer() {
        ArrayNode security = NODES.arrayNode();
        security.addObject().putArray(SECURITY_SCHEME);
        return security;
    }

    private static ObjectNode content(String mediaType, ObjectNode schema) {
        ObjectNode content = NODES.objectNode();
        content.putObject(mediaType).set("schema", schema);
        return content;
    }

    private static ObjectNode ref(String component) {
        return NODES.objectNode().put("$ref", "#/components/schemas/" + component);
    }

    /** The schema with its keywords, and those of every schema inside it, in Swagger Core's order. */
    private ObjectNode schema(ObjectNode schema) {
        List<String> names = new ArrayList<>();
        schema.fieldNames().forEachRemaining(names::add);
        names.sort(version == OpenApiVersion.V3_1 ? V3_1_ORDER : V3_0_ORDER);
        ObjectNode ordered = NODES.objectNode();
        for (String name : names) {
            ordered.set(name, subschemas(name, schema.get(name)));
        }
        return ordered;
    }

    /** A keyword's value, its schemas ordered when it holds schemas; examples and enums as they are. */
    private JsonNode subschemas(String keyword, JsonNode value) {
        switch (keyword) {
            case "items", "not", "additionalProperties" -> {
                return value instanceof ObjectNode schema ? schema(schema) : value;
            }
            case "properties" -> {
                ObjectNode properties = NODES.objectNode();
                for (Map.Entry<String, JsonNode> property : value.properties()) {
                    properties.set(property.getKey(), subschemas("items", property.getValue()));
                }
                return properties;
            }
            case "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "multipleOf" -> {
                // Swagger Core holds these as BigDecimal, which writes 3.4028235E38 as 3.4028235E+38
                return value.isNumber() ? DecimalNode.valueOf(value.decimalValue()) : value;
            }
            case "anyOf", "oneOf", "allOf", "prefixItems" -> {
                ArrayNode schemas = NODES.arrayNode();
                value.forEach(schema -> schemas.add(subschemas("items", schema)));
                return schemas;
            }
            default -> {
                return value;
            }
        }
    }

    private static final Comparator<String> V3_0_ORDER = Comparator.comparingInt(OpenApi3Document::v30Rank);
    private static final Comparator<String> V3_1_ORDER =
            Comparator.comparingInt(OpenApi3Document::v31Rank).thenComparing(Comparator.naturalOrder());

    /** Extensions and unknown keywords after the known ones, in the tree's order (the sort is stable). */
    private static int v30Rank(String keyword) {
        int rank = V3_0_SCHEMA_ORDER.indexOf(keyword);
        return rank < 0 ? V3_0_SCHEMA_ORDER.size() : rank;
    }

    private static int v31Rank(String keyword) {
        int rank = V3_1_SCHEMA_FIRST.indexOf(keyword);
        return rank < 0 ? V3_1_SCHEMA_FIRST.size() : rank;
    }
}

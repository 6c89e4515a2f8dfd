package dev.scorespec.processor.emit;

import static dev.scorespec.processor.emit.ServiceTexts.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.model.ScoringSpec;

/**
 * The Swagger 2.0 document, shaped like the Python server's {@code swagger2_template.json}. Swagger
 * Core models OpenAPI 3 only, so this one is a Jackson tree written member by member.
 */
final class Swagger2Document {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Swagger2Document() {}

    static ObjectNode build(ScoringSpec spec, ServiceInfo info) {
        ObjectNode doc = NODES.objectNode().put("swagger", "2.0");
        doc.putObject("info")
                .put("title", info.title())
                .put("description", info.description())
                .put("version", info.version());
        doc.putArray("schemes").add("https");
        doc.putArray("consumes").add(JSON);
        doc.putArray("produces").add(JSON);
        doc.putObject("securityDefinitions")
                .putObject(SECURITY_SCHEME)
                .put("type", "apiKey")
                .put("name", SECURITY_HEADER)
                .put("in", "header")
                .put("description", SECURITY_DESCRIPTION);

        ObjectNode paths = doc.putObject("paths");
        paths.set(info.path(HEALTH_PATH), healthCheck());
        paths.set(
                info.path(SCORE_PATH),
                spec.rawHttp()
                        ? rawScore(spec.names().operationId())
                        : score(spec.names().operationId(), checksContentType(spec)));
        paths.set(info.path(SWAGGER_PATH), swaggerSpec());

        ObjectNode definitions = doc.putObject("definitions");
        definitions.set(SERVICE_INPUT, JsonSchemas.serviceInputSchema(spec, OpenApiVersion.V2_0));
        definitions.set(SERVICE_OUTPUT, JsonSchemas.outputSchema(spec, OpenApiVersion.V2_0));
        definitions
                .putObject(ERROR_RESPONSE)
                .put("type", "object")
                .putObject("properties")
                .putObject("message")
                .put("type", "string");
        return doc;
    }

    private static ObjectNode healthCheck() {
        ObjectNode get = NODES.objectNode().put("operationId", HEALTH_OPERATION).put("description", HEALTH_DESCRIPTION);
        // The answer is text: the reference inherits the document's JSON, and a generated client then
        // fails to parse "Healthy". Its error answers stay JSON, which a 2.0 operation cannot say apart.
        get.putArray("produces").add(TEXT);
        ObjectNode responses = get.putObject("responses");
        ObjectNode ok = responses.putObject("200").put("description", HEALTH_OK);
        ok.putObject("schema").put("type", "string");
        ok.putObject("examples").put(TEXT, HEALTHY);
        responses.putObject("503").put("description", HEALTH_NOT_READY).set("schema", ref(ERROR_RESPONSE));
        responses.set("default", errorResponse());
        return operation("get", get);
    }

    private static ObjectNode score(String operationId, boolean contentTypeChecked) {
        ObjectNode post = NODES.objectNode().put("operationId", operationId).put("description", SCORE_DESCRIPTION);
        post.set("security", bearer());
        post.putArray("parameters")
                .addObject()
                .put("name", SCORE_BODY_NAME)
                .put("in", "body")
                .put("description", SCORE_BODY_DESCRIPTION)
                .set("schema", ref(SERVICE_INPUT));
        ObjectNode responses = post.putObject("responses");
        responses.putObject("200").put("description", SCORE_OK).set("schema", ref(SERVICE_OUTPUT));
        addScoreErrors(responses, contentTypeChecked);
        responses.set("default", errorResponse());
        return operation("post", post);
    }

    /** A {@code @RawHttp} run's scoring: any bytes in, any bytes out, as its schemas say. */
    private static ObjectNode rawScore(String operationId) {
        ObjectNode post = NODES.objectNode().put("operationId", operationId).put("description", SCORE_DESCRIPTION);
        post.putArray("consumes").add(OCTET_STREAM).add(ANY);
        post.putArray("produces").add(ANY);
        post.set("security", bearer());
        post.putArray("parameters")
                .addObject()
                .put("name", SCORE_BODY_NAME)
                .put("in", "body")
                .put("description", SCORE_RAW_BODY_DESCRIPTION)
                .set("schema", ref(SERVICE_INPUT));
        ObjectNode responses = post.putObject("responses");
        responses.putObject("200").put("description", SCORE_RAW_OK).set("schema", ref(SERVICE_OUTPUT));
        addScoreErrors(responses, false);
        responses.set("default", errorResponse());
        return operation("post", post);
    }

    private static ObjectNode swaggerSpec() {
        ObjectNode get =
                NODES.objectNode().put("operationId", SWAGGER_OPERATION).put("description", SWAGGER_DESCRIPTION);
        // The server asks for the key here as on /score (the reference's 2.0 template says nothing).
        get.set("security", bearer());
        ObjectNode version = get.putArray("parameters")
                .addObject()
                .put("name", SWAGGER_VERSION_PARAMETER)
                .put("in", "query")
                .put("required", false)
                .put("type", "integer");
        version.putArray("enum").add(2).add(3);
        ObjectNode responses = get.putObject("responses");
        responses
                .putObject("200")
                .put("description", SWAGGER_OK)
                .putObject("schema")
                .put("type", "string");
        responses.set("default", errorResponse());
        return operation("get", get);
    }

    private static ObjectNode operation(String method, ObjectNode operation) {
        ObjectNode item = NODES.objectNode();
        item.set(method, operation);
        return item;
    }

    private static void addScoreErrors(ObjectNode responses, boolean contentTypeChecked) {
        scoreErrors(contentTypeChecked)
                .forEach((status, description) -> responses
                        .putObject(status)
                        .put("description", description)
                        .set("schema", ref(ERROR_RESPONSE)));
    }

    private static ObjectNode errorResponse() {
        ObjectNode response = NODES.objectNode().put("description", ERROR_DESCRIPTION);
        response.set("schema", ref(ERROR_RESPONSE));
        return response;
    }

    private static ObjectNode ref(String definition) {
        return NODES.objectNode().put("$ref", "#/definitions/" + definition);
    }

    private static ArrayNode bearer() {
        ArrayNode security = NODES.arrayNode();
        security.addObject().putArray(SECURITY_SCHEME);
        return security;
    }
}

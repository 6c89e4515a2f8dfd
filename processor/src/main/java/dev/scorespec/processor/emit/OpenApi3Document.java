package dev.scorespec.processor.emit;

import static dev.scorespec.processor.emit.ServiceTexts.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.model.ScoringSpec;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;

/**
 * The OpenAPI 3.0 and 3.1 documents, built with Swagger Core's models in the shape of the Python
 * server's {@code swagger3_template.json} ({@code "openapi": "3.0.3"}, or {@code "3.1.0"} as the server
 * sets it for 3.1), and serialized with Swagger Core's mapper for that version.
 */
final class OpenApi3Document {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final OpenApiVersion version;
    private final ObjectMapper mapper;

    private OpenApi3Document(OpenApiVersion version) {
        if (version == OpenApiVersion.V2_0) {
            throw new IllegalArgumentException("Swagger 2.0 is written by Swagger2Document");
        }
        this.version = version;
        this.mapper = version == OpenApiVersion.V3_1 ? Json31.mapper() : Json.mapper();
    }

    /** The document as Swagger Core's mapper for {@code version} writes it, pretty-printed. */
    static String write(ScoringSpec spec, OpenApiVersion version, ServiceInfo info) {
        OpenApi3Document builder = new OpenApi3Document(version);
        // a tree of the model as the version's mapper writes it, decimals exact (an example 1.0 stays 1.0)
        ObjectNode document = builder.mapper
                .copy()
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .valueToTree(builder.model(spec, info));
        OpenInferencePaths.addTo(document, spec, version, info);
        return PrettyJson.write(builder.mapper, document);
    }

    /**
     * A JSON schema as a Swagger Core schema of this version, converted by the version's own mapper;
     * tests check that writing it back gives the same JSON.
     */
    static Schema<?> toSwagger(ObjectNode schema, OpenApiVersion version) {
        return new OpenApi3Document(version).schema(schema);
    }

    private OpenAPI model(ScoringSpec spec, ServiceInfo info) {
        boolean v31 = version == OpenApiVersion.V3_1;
        OpenAPI api = new OpenAPI(v31 ? SpecVersion.V31 : SpecVersion.V30)
                .openapi(v31 ? "3.1.0" : "3.0.3")
                .info(new Info()
                        .title(info.title())
                        .description(info.description())
                        .version(info.version()))
                .addSecurityItem(bearer());

        api.paths(new Paths()
                .addPathItem(info.path(HEALTH_PATH), new PathItem().get(healthCheck()))
                .addPathItem(
                        info.path(SCORE_PATH),
                        new PathItem()
                                .post(
                                        spec.rawHttp()
                                                ? rawScore(spec.names().operationId())
                                                : score(spec.names().operationId(), checksContentType(spec))))
                .addPathItem(info.path(SWAGGER_PATH), new PathItem().get(swaggerSpec())));

        ObjectNode error = NODES.objectNode().put("type", "object");
        error.putObject("properties").putObject("message").put("type", "string");
        api.components(new Components()
                .addSchemas(SERVICE_INPUT, schema(JsonSchemas.serviceInputSchema(spec, version)))
                .addSchemas(SERVICE_OUTPUT, schema(JsonSchemas.outputSchema(spec, version)))
                .addSchemas(ERROR_RESPONSE, schema(error))
                .addSecuritySchemes(
                        SECURITY_SCHEME,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .name(SECURITY_HEADER)
                                .in(SecurityScheme.In.HEADER)
                                .description(SECURITY_DESCRIPTION)));
        return api;
    }

    private Operation healthCheck() {
        ObjectNode healthy = NODES.objectNode().put("type", "string").put("example", HEALTHY);
        return new Operation()
                .operationId(HEALTH_OPERATION)
                .description(HEALTH_DESCRIPTION)
                // open, as the server keeps the probe: an empty list lifts the document's key requirement
                .security(List.of())
                .responses(new ApiResponses()
                        .addApiResponse(
                                "200", new ApiResponse().description(HEALTH_OK).content(content(TEXT, schema(healthy))))
                        .addApiResponse(
                                "503",
                                new ApiResponse()
                                        .description(HEALTH_NOT_READY)
                                        .content(content(JSON, ref(ERROR_RESPONSE))))
                        .addApiResponse("default", errorResponse()));
    }

    private Operation score(String operationId, boolean contentTypeChecked) {
        return new Operation()
                .operationId(operationId)
                .description(SCORE_DESCRIPTION)
                .addSecurityItem(bearer())
                .requestBody(new RequestBody()
                        .description(SCORE_BODY_DESCRIPTION)
                        .content(content(JSON, ref(SERVICE_INPUT))))
                .responses(withScoreErrors(
                        contentTypeChecked,
                        new ApiResponses()
                                .addApiResponse(
                                        "200",
                                        new ApiResponse()
                                                .description(SCORE_OK)
                                                .content(content(JSON, ref(SERVICE_OUTPUT))))
                                .addApiResponse("default", errorResponse())));
    }

    /** A {@code @RawHttp} run's scoring: any bytes in, any bytes out, as its schemas say. */
    private Operation rawScore(String operationId) {
        return new Operation()
                .operationId(operationId)
                .description(SCORE_DESCRIPTION)
                .addSecurityItem(bearer())
                .requestBody(new RequestBody()
                        .description(SCORE_RAW_BODY_DESCRIPTION)
                        .content(new Content()
                                .addMediaType(OCTET_STREAM, new MediaType().schema(ref(SERVICE_INPUT)))
                                .addMediaType(ANY, new MediaType().schema(ref(SERVICE_INPUT)))))
                .responses(withScoreErrors(
                        false,
                        new ApiResponses()
                                .addApiResponse(
                                        "200",
                                        new ApiResponse()
                                                .description(SCORE_RAW_OK)
                                                .content(content(ANY, ref(SERVICE_OUTPUT))))
                                .addApiResponse("default", errorResponse())));
    }

    private Operation swaggerSpec() {
        ObjectNode versions = NODES.objectNode().put("type", "integer");
        versions.putArray("enum").add(2).add(3);
        return new Operation()
                .operationId(SWAGGER_OPERATION)
                .description(SWAGGER_DESCRIPTION)
                .addParametersItem(new Parameter()
                        .name(SWAGGER_VERSION_PARAMETER)
                        .in("query")
                        .required(false)
                        .schema(schema(versions)))
                .responses(new ApiResponses()
                        .addApiResponse(
                                "200",
                                new ApiResponse()
                                        .description(SWAGGER_OK)
                                        .content(content(
                                                TEXT, schema(NODES.objectNode().put("type", "string")))))
                        .addApiResponse("default", errorResponse()));
    }

    /** The answers with their error statuses put after 200, before {@code default}. */
    private ApiResponses withScoreErrors(boolean contentTypeChecked, ApiResponses answers) {
        ApiResponses all = new ApiResponses();
        all.addApiResponse("200", answers.get("200"));
        scoreErrors(contentTypeChecked)
                .forEach((status, description) -> all.addApiResponse(
                        status,
                        new ApiResponse().description(description).content(content(JSON, ref(ERROR_RESPONSE)))));
        all.addApiResponse("default", answers.get("default"));
        return all;
    }

    private ApiResponse errorResponse() {
        return new ApiResponse().description(ERROR_DESCRIPTION).content(content(JSON, ref(ERROR_RESPONSE)));
    }

    private static SecurityRequirement bearer() {
        return new SecurityRequirement().addList(SECURITY_SCHEME);
    }

    private static Content content(String mediaType, Schema<?> schema) {
        return new Content().addMediaType(mediaType, new MediaType().schema(schema));
    }

    private Schema<?> ref(String component) {
        return schema(NODES.objectNode().put("$ref", "#/components/schemas/" + component));
    }

    private Schema<?> schema(ObjectNode schema) {
        Schema<?> converted = mapper.convertValue(schema, Schema.class);
        keepTreeFacts(schema, converted);
        return converted;
    }

    /**
     * Puts back, everywhere in the schema, two facts of the tree that Swagger Core's conversion changes:
     * the order of {@code required} names, which it sorts (the reference lists them in the sample's order,
     * a record's components, a frame's columns, and so does every other document), and the absence of a
     * type, since in 3.0 it reads a schema without {@code type} (any value, such as an unenforced frame
     * column's) as an object.
     */
    private static void keepTreeFacts(JsonNode tree, Schema<?> schema) {
        if (tree == null || !tree.isObject() || schema == null) {
            return;
        }
        if (!tree.has("type") && schema.getType() != null) {
            schema.setType(null);
        }
        if (tree.has("required") && schema.getRequired() != null) {
            List<String> required = schema.getRequired();
            required.clear();
            tree.get("required").forEach(name -> required.add(name.asText()));
        }
        if (schema.getProperties() != null) {
            schema.getProperties()
                    .forEach((name, property) ->
                            keepTreeFacts(tree.path("properties").get(name), property));
        }
        keepTreeFacts(tree.get("items"), schema.getItems());
        keepTreeFacts(tree.get("not"), schema.getNot());
        if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
            keepTreeFacts(tree.get("additionalProperties"), additional);
        }
        keepTreeFacts(tree.get("anyOf"), schema.getAnyOf());
        keepTreeFacts(tree.get("oneOf"), schema.getOneOf());
        keepTreeFacts(tree.get("allOf"), schema.getAllOf());
        keepTreeFacts(tree.get("prefixItems"), schema.getPrefixItems());
    }

    @SuppressWarnings("rawtypes") // Swagger Core's getters return raw List<Schema>
    private static void keepTreeFacts(JsonNode trees, List<Schema> schemas) {
        if (trees == null || schemas == null) {
            return;
        }
        for (int i = 0; i < Math.min(trees.size(), schemas.size()); i++) {
            keepTreeFacts(trees.get(i), schemas.get(i));
        }
    }
}

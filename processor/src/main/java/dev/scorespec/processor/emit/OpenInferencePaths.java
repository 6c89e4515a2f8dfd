package dev.scorespec.processor.emit;

import static dev.scorespec.processor.emit.ServiceTexts.ERROR_RESPONSE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.annotations.internal.OpenInferenceResource;
import dev.scorespec.processor.model.ListType;
import dev.scorespec.processor.model.ObjectType;
import dev.scorespec.processor.model.RunParameter;
import dev.scorespec.processor.model.ScoringSpec;
import dev.scorespec.processor.model.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Open Inference Protocol (KServe V2) routes in the OpenAPI 3.0 and 3.1 documents, as JSON trees: the
 * server's and the model's metadata, the probes, the model's readiness and {@code infer}, with schemas
 * specific to this model. Each input tensor of {@link OpenInferenceMetadata} is one alternative of the
 * request's {@code inputs} items, its name, datatype and rank fixed (3.1 also fixes every enforced
 * dimension), and each output tensor one of the response's {@code outputs}. The examples are the samples
 * as tensors: the request's is the {@code /score} example split into the inputs, so that sending it works.
 *
 * <p>The model's name and version are path parameters, with the defaults of the server as examples: the
 * scoring class's simple name and the service version. The tensor schemas are written inline in the
 * request and response schemas, never as components of their own, so no input name can collide with the
 * document's component names.
 */
final class OpenInferencePaths {

    static final String INFER_REQUEST = "InferenceRequest";
    static final String INFER_RESPONSE = "InferenceResponse";
    static final String MODEL_METADATA = "ModelMetadataResponse";
    static final String MODEL_READY = "ModelReadyResponse";
    static final String SERVER_METADATA = "ServerMetadataResponse";
    static final String INFER_ERROR = "InferenceErrorResponse";
    static final String MODEL_NAME = "ModelName";
    static final String MODEL_VERSION = "ModelVersion";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String JSON = "application/json";
    private static final String TEXT = "text/plain";
    private static final String MODEL = "/v2/models/{model_name}";
    private static final String VERSION = "/versions/{model_version}";

    private final ScoringSpec spec;
    private final boolean v31;
    private final ObjectNode metadata;
    private final ObjectNode example;

    private OpenInferencePaths(ScoringSpec spec, OpenApiVersion version, ObjectNode metadata) {
        this.spec = spec;
        this.v31 = version == OpenApiVersion.V3_1;
        this.metadata = metadata;
        this.example = requestExample();
    }

    /**
     * Adds the protocol's paths after the document's own (under the prefix of {@code info}), and their
     * schemas and path parameters to its components. The metadata ({@link OpenInferenceMetadata#document})
     * is only read: its trees become part of the document's examples, shared with the other 3.x document.
     */
    static void addTo(
            ObjectNode document, ScoringSpec spec, OpenApiVersion version, ServiceInfo info, ObjectNode metadata) {
        if (version == OpenApiVersion.V2_0) {
            throw new IllegalArgumentException("The Open Inference Protocol is described in OpenAPI 3.x only");
        }
        OpenInferencePaths paths = new OpenInferencePaths(spec, version, metadata);
        ObjectNode pathItems = document.withObjectProperty("paths");
        paths.pathItems().forEach((path, item) -> pathItems.set(info.path(path), item));
        ObjectNode components = document.withObjectProperty("components");
        ObjectNode schemas = components.withObjectProperty("schemas");
        paths.schemas().forEach(schemas::set);
        // the parameters go before the security schemes, as components are ordered in the specification
        ObjectNode reordered = NODES.objectNode();
        components.properties().forEach(member -> {
            if (member.getKey().equals("securitySchemes")) {
                reordered.set("parameters", paths.parameters());
            }
            reordered.set(member.getKey(), member.getValue());
        });
        if (!reordered.has("parameters")) {
            reordered.set("parameters", paths.parameters());
        }
        document.set("components", reordered);
    }

    /** Whether {@code infer} can bind any request: the body is JSON parameters, each required one a tensor. */
    private boolean inferable() {
        if (spec.bodyKind() != ScoringSpec.BodyKind.JSON_PARAMETERS) {
            return false;
        }
        for (JsonNode input : metadata.get("inputs")) {
            JsonNode parameters = input.path("parameters");
            if (parameters.has(OpenInferenceResource.UNSUPPORTED)
                    && parameters.path(OpenInferenceResource.REQUIRED).asBoolean()) {
                return false;
            }
        }
        return true;
    }

    private Map<String, ObjectNode> pathItems() {
        Map<String, ObjectNode> items = new LinkedHashMap<>();
        items.put(
                "/v2",
                get(operation("V2ServerMetadata", "The server's name, version and protocol extensions.")
                        .set(
                                "responses",
                                responses(ok("The server's metadata.", JSON, ref(SERVER_METADATA)), Map.of()))));
        items.put("/v2/health/live", get(probe("V2ServerLive", "Whether the server is live.", "Live", false)));
        items.put(
                "/v2/health/ready",
                get(probe("V2ServerReady", "Whether the server is ready: @Init has returned.", "Ready", true)));
        for (boolean versioned : List.of(false, true)) {
            String model = MODEL + (versioned ? VERSION : "");
            String suffix = versioned ? "Version" : "";
            items.put(
                    model,
                    get(modelOperation(
                            "V2ModelMetadata" + suffix,
                            "The model's metadata: its inputs and outputs as tensors, from the samples.",
                            versioned,
                            ok("The model's metadata.", JSON, ref(MODEL_METADATA)))));
            items.put(
                    model + "/ready",
                    get(modelOperation(
                            "V2ModelReady" + suffix,
                            "Whether the model is ready: @Init has returned.",
                            versioned,
                            ok("The model is ready.", JSON, ref(MODEL_READY)))));
            if (inferable()) {
                items.put(model + "/infer", post(infer("V2ModelInfer" + suffix, versioned)));
            }
        }
        return items;
    }

    private ObjectNode probe(String operationId, String description, String answer, boolean waitsForInit) {
        ObjectNode schema = NODES.objectNode().put("type", "string").put("example", answer);
        Map<String, ObjectNode> errors = new LinkedHashMap<>();
        if (waitsForInit) {
            errors.put("503", response(ServiceTexts.HEALTH_NOT_READY, JSON, ref(ERROR_RESPONSE)));
        }
        ObjectNode operation = operation(operationId, description);
        operation.set("responses", responses(ok("The server answers '" + answer + "'.", TEXT, schema), errors));
        // open, as the server keeps the probes: an empty list lifts the document's key requirement
        operation.putArray("security");
        return operation;
    }

    private ObjectNode modelOperation(String operationId, String description, boolean versioned, ObjectNode ok) {
        ObjectNode operation = operation(operationId, description);
        operation.set("parameters", modelParameters(versioned));
        Map<String, ObjectNode> errors = new LinkedHashMap<>();
        errors.put("401", response(ServiceTexts.scoreErrors(false).get("401"), JSON, ref(ERROR_RESPONSE)));
        errors.put("404", notServed());
        operation.set("responses", responses(ok, errors));
        return operation;
    }

    private ObjectNode infer(String operationId, boolean versioned) {
        ObjectNode operation = operation(
                operationId,
                "Run the model on tensors, as /score runs it on its JSON body: each input tensor becomes its "
                        + "value in that body, and what run returns becomes the output tensors.");
        operation.set("parameters", modelParameters(versioned));
        operation.putObject("requestBody").put("required", true).set("content", content(JSON, ref(INFER_REQUEST)));
        Map<String, ObjectNode> errors = new LinkedHashMap<>();
        ServiceTexts.scoreErrors(true).forEach((status, description) -> {
            boolean server = status.equals("401") || status.equals("503"); // answered before the protocol's handler
            errors.put(status, response(description, JSON, ref(server ? ERROR_RESPONSE : INFER_ERROR)));
            if (status.equals("401")) {
                errors.put("404", notServed());
            }
        });
        operation.set("responses", responses(ok("The output tensors.", JSON, ref(INFER_RESPONSE)), errors));
        return operation;
    }

    private ObjectNode notServed() {
        return response("This server serves no model of that name, or not that version.", JSON, ref(INFER_ERROR));
    }

    private static ArrayNode modelParameters(boolean versioned) {
        ArrayNode parameters = NODES.arrayNode();
        parameters.addObject().put("$ref", "#/components/parameters/" + MODEL_NAME);
        if (versioned) {
            parameters.addObject().put("$ref", "#/components/parameters/" + MODEL_VERSION);
        }
        return parameters;
    }

    private ObjectNode parameters() {
        ObjectNode parameters = NODES.objectNode();
        parameters.set(
                MODEL_NAME,
                pathParameter(
                        "model_name",
                        "The model's name: the scoring class's simple name, or the server's --model-name.",
                        spec.scoringClass().simpleName()));
        parameters.set(
                MODEL_VERSION,
                pathParameter(
                        "model_version",
                        "The model's version: the service version, or the server's --model-version.",
                        spec.names().version()));
        return parameters;
    }

    private static ObjectNode pathParameter(String name, String description, String example) {
        ObjectNode parameter = NODES.objectNode()
                .put("name", name)
                .put("in", "path")
                .put("description", description)
                .put("required", true);
        parameter.putObject("schema").put("type", "string");
        parameter.put("example", example);
        return parameter;
    }

    // ---- schemas -------------------------------------------------------------------------------

    private Map<String, ObjectNode> schemas() {
        Map<String, ObjectNode> schemas = new LinkedHashMap<>();
        if (inferable()) {
            schemas.put(INFER_REQUEST, inferRequest());
            schemas.put(INFER_RESPONSE, inferResponse());
        }
        schemas.put(MODEL_METADATA, modelMetadata());
        schemas.put(MODEL_READY, modelReady());
        schemas.put(SERVER_METADATA, serverMetadata());
        ObjectNode error = object(List.of("error"));
        error.withObjectProperty("properties").set("error", string());
        error.putObject("example")
                .put(
                        "error",
                        "Model 'other' is not served here; this server serves '"
                                + spec.scoringClass().simpleName() + "'.");
        schemas.put(INFER_ERROR, error);
        return schemas;
    }

    private ObjectNode inferRequest() {
        ObjectNode schema = object(List.of("inputs"));
        ObjectNode properties = schema.withObjectProperty("properties");
        properties.set("id", string().put("description", "Echoed in the response; the request id when absent."));
        properties.set("parameters", NODES.objectNode().put("type", "object"));
        ArrayNode alternatives = NODES.arrayNode();
        Map<String, JsonNode> frames = new LinkedHashMap<>();
        for (JsonNode input : metadata.get("inputs")) {
            JsonNode parameters = input.path("parameters");
            if (parameters.has(OpenInferenceResource.UNSUPPORTED)) {
                continue;
            }
            alternatives.add(inputTensor(input, nullable(input)));
            if (parameters.has(OpenInferenceResource.COLUMN)) {
                frames.putIfAbsent(frameName(input), input);
            }
        }
        // a dataframe may also come as one BYTES tensor of its JSON records
        frames.keySet().forEach(name -> alternatives.add(tensor(name, "BYTES", List.of(1), false, false, null)));
        ObjectNode inputs = properties.putObject("inputs").put("type", "array");
        inputs.put("description", "One tensor per input; a dataframe's columns, or its records as one JSON text.");
        inputs.set("items", oneOf(alternatives));
        ObjectNode outputs = properties.putObject("outputs").put("type", "array");
        outputs.put("description", "The outputs to answer with; all of them when absent.");
        ObjectNode output = outputs.putObject("items");
        output.put("type", "object").putArray("required").add("name");
        ObjectNode outputName = string();
        List<String> names = outputNames();
        if (!names.isEmpty() && !mapInOutput()) {
            names.forEach(outputName.putArray("enum")::add);
        }
        output.putObject("properties").set("name", outputName);
        output.withObjectProperty("properties")
                .set("parameters", NODES.objectNode().put("type", "object"));
        schema.set("example", example);
        return schema;
    }

    private ObjectNode inferResponse() {
        ObjectNode schema = object(List.of("model_name", "outputs"));
        ObjectNode properties = schema.withObjectProperty("properties");
        properties.set("model_name", string());
        properties.set("model_version", string());
        properties.set("id", string());
        properties.set("parameters", NODES.objectNode().put("type", "object"));
        ObjectNode outputs = properties.putObject("outputs").put("type", "array");
        if (outputNames().isEmpty() || mapInOutput()) {
            // the answer's own members name its tensors: a map's keys, or whatever run returns without a sample
            outputs.set("items", tensor(null, null, null, false, true, null));
        } else {
            ArrayNode alternatives = NODES.arrayNode();
            for (JsonNode output : metadata.get("outputs")) {
                alternatives.add(outputTensor(output));
            }
            outputs.set("items", oneOf(alternatives));
        }
        return schema;
    }

    private ObjectNode modelMetadata() {
        ObjectNode schema = object(List.of("name", "platform", "inputs", "outputs"));
        ObjectNode properties = schema.withObjectProperty("properties");
        properties.set("name", string());
        properties.putObject("versions").put("type", "array").set("items", string());
        properties.set("platform", string());
        properties.putObject("inputs").put("type", "array").set("items", metadataTensor());
        properties.putObject("outputs").put("type", "array").set("items", metadataTensor());
        properties.set("parameters", NODES.objectNode().put("type", "object"));
        ObjectNode example = NODES.objectNode();
        example.put("name", spec.scoringClass().simpleName());
        example.putArray("versions").add(spec.names().version());
        example.set("platform", metadata.get("platform"));
        example.set("inputs", metadata.get("inputs"));
        example.set("outputs", metadata.get("outputs"));
        schema.set("example", example);
        return schema;
    }

    private static ObjectNode modelReady() {
        ObjectNode schema = object(List.of("name", "ready"));
        schema.withObjectProperty("properties").set("name", string());
        schema.withObjectProperty("properties").putObject("ready").put("type", "boolean");
        return schema;
    }

    private static ObjectNode serverMetadata() {
        ObjectNode schema = object(List.of("name", "version", "extensions"));
        ObjectNode properties = schema.withObjectProperty("properties");
        properties.set("name", string().put("example", "scorespec"));
        properties.set("version", string());
        properties.putObject("extensions").put("type", "array").set("items", string());
        return schema;
    }

    private static ObjectNode metadataTensor() {
        ObjectNode tensor = object(List.of("name", "datatype", "shape"));
        ObjectNode properties = tensor.withObjectProperty("properties");
        properties.set("name", string());
        properties.set("datatype", datatypes());
        properties.putObject("shape").put("type", "array").putObject("items").put("type", "integer");
        properties.set("parameters", NODES.objectNode().put("type", "object"));
        return tensor;
    }

    private ObjectNode inputTensor(JsonNode input, boolean nullable) {
        List<Integer> shape = new ArrayList<>();
        input.get("shape").forEach(d -> shape.add(d.asInt()));
        return tensor(input.get("name").asText(), input.get("datatype").asText(), shape, nullable, false, null);
    }

    private ObjectNode outputTensor(JsonNode output) {
        List<Integer> shape = new ArrayList<>();
        output.get("shape").forEach(d -> shape.add(d.asInt()));
        boolean json = output.path("parameters").has(OpenInferenceResource.CONTENT_TYPE);
        // an answer's shape is the answer's: only its rank is known, and not even that for JSON text
        List<Integer> free = new ArrayList<>();
        shape.forEach(d -> free.add(-1));
        return tensor(
                output.get("name").asText(), output.get("datatype").asText(), free, false, false, json ? "json" : null);
    }

    /**
     * A tensor: {@code name}, {@code datatype} and {@code shape} fixed when given (a {@code -1} dimension is
     * any size), {@code data} flat, of the datatype's JSON type.
     */
    private ObjectNode tensor(
            String name,
            String datatype,
            List<Integer> shape,
            boolean nullable,
            boolean anyTensor,
            String contentType) {
        ObjectNode tensor = object(List.of("name", "datatype", "shape", "data"));
        ObjectNode properties = tensor.withObjectProperty("properties");
        ObjectNode nameSchema = string();
        if (name != null) {
            nameSchema.putArray("enum").add(name);
        }
        properties.set("name", nameSchema);
        properties.set(
                "datatype",
                datatype == null
                        ? datatypes()
                        : string().set("enum", NODES.arrayNode().add(datatype)));
        ObjectNode shapeSchema = properties.putObject("shape").put("type", "array");
        shapeSchema.putObject("items").put("type", "integer").put("minimum", anyTensor ? -1 : 0);
        if (shape != null) {
            shapeSchema.put("minItems", shape.size()).put("maxItems", shape.size());
            if (v31 && shape.stream().anyMatch(d -> d >= 0)) {
                ArrayNode positions = shapeSchema.putArray("prefixItems");
                shape.forEach(d -> positions.add(d >= 0 ? NODES.objectNode().put("const", d) : NODES.objectNode()));
            }
        }
        ObjectNode parameters = properties.putObject("parameters").put("type", "object");
        if (contentType != null) {
            parameters
                    .putObject("properties")
                    .putObject(OpenInferenceResource.CONTENT_TYPE)
                    .put("type", "string")
                    .putArray("enum")
                    .add(contentType);
        }
        ObjectNode element = datatype == null ? NODES.objectNode() : element(datatype, nullable);
        properties.set("data", data(element));
        return tensor;
    }

    /**
     * Data flat and row-major. The server also takes nested arrays for a tensor of two or more dimensions;
     * the documents say flat only, since generated clients cannot type a value that is either.
     */
    private static ObjectNode data(ObjectNode element) {
        ObjectNode flat = NODES.objectNode().put("type", "array");
        flat.set("items", element);
        return flat;
    }

    /** An element of a tensor's data, as JSON carries it: a boolean, an integer, a number, or a string. */
    private ObjectNode element(String datatype, boolean nullable) {
        String type = switch (datatype) {
            case "BOOL" -> "boolean";
            case "FP16", "FP32", "FP64" -> "number";
            case "BYTES" -> "string";
            default -> "integer";
        };
        ObjectNode element = NODES.objectNode();
        if (!nullable) {
            return element.put("type", type);
        }
        if (v31) {
            element.putArray("type").add(type).add("null");
            return element;
        }
        return element.put("type", type).put("nullable", true);
    }

    private static ObjectNode datatypes() {
        ObjectNode schema = string();
        ArrayNode names = schema.putArray("enum");
        for (String name : List.of(
                "BOOL", "UINT8", "UINT16", "UINT32", "UINT64", "INT8", "INT16", "INT32", "INT64", "FP16", "FP32",
                "FP64", "BYTES")) {
            names.add(name);
        }
        return schema;
    }

    private List<String> outputNames() {
        List<String> names = new ArrayList<>();
        metadata.get("outputs").forEach(output -> names.add(output.get("name").asText()));
        return names;
    }

    /** Whether the answer holds a map, whose keys (and so its tensors' names) are run's to choose. */
    private boolean mapInOutput() {
        return spec.output().map(output -> holdsMap(output.type())).orElse(false);
    }

    private static boolean holdsMap(ValueType type) {
        if (type instanceof ObjectType object) {
            return !object.record() || object.properties().stream().anyMatch(p -> holdsMap(p.type()));
        }
        return type instanceof ListType list && holdsMap(list.items());
    }

    // ---- the request's example -----------------------------------------------------------------

    /** The {@code /score} example as tensors: each input's value found at its place in that body. */
    private ObjectNode requestExample() {
        ObjectNode body = NODES.objectNode();
        for (RunParameter.Body parameter : spec.bodyParameters()) {
            body.set(parameter.name(), parameter.sample().example());
        }
        ObjectNode example = NODES.objectNode();
        ArrayNode inputs = example.putArray("inputs");
        for (JsonNode input : metadata.get("inputs")) {
            JsonNode parameters = input.path("parameters");
            JsonNode value = body.at(parameters.path(OpenInferenceResource.PATH).asText());
            if (parameters.has(OpenInferenceResource.UNSUPPORTED) || value.isMissingNode()) {
                continue;
            }
            List<JsonNode> data = new ArrayList<>();
            List<Integer> shape = new ArrayList<>();
            if (parameters.has(OpenInferenceResource.COLUMN)) {
                data = column(
                        value,
                        parameters.get(OpenInferenceResource.ORIENT).asText(),
                        parameters.get(OpenInferenceResource.COLUMN).asText(),
                        columnIndex(input));
                shape.add(data.size());
            } else if (input.get("shape").size() == 1
                    && input.get("shape").get(0).asInt() == 1) {
                data.add(value);
                shape.add(1);
            } else {
                flatten(value, 0, shape, data);
            }
            ObjectNode tensor = inputs.addObject();
            tensor.set("name", input.get("name"));
            tensor.set("datatype", input.get("datatype"));
            shape.forEach(tensor.putArray("shape")::add);
            data.forEach(tensor.putArray("data")::add);
        }
        return example;
    }

    /** The values of one column of a frame written in {@code orient}, in row order. */
    private static List<JsonNode> column(JsonNode frame, String orient, String column, int index) {
        List<JsonNode> values = new ArrayList<>();
        switch (orient) {
            case "records" -> frame.forEach(row -> values.add(row.get(column)));
            case "index" -> frame.forEach(row -> values.add(row.get(column)));
            case "columns" -> frame.path(column).forEach(values::add);
            case "values" -> frame.forEach(row -> values.add(row.get(index)));
            case "table" -> frame.path("data").forEach(row -> values.add(row.get(column)));
            case "split" -> {
                int at = 0;
                for (JsonNode name : frame.path("columns")) {
                    if (name.asText().equals(column)) {
                        break;
                    }
                    at++;
                }
                int position = at;
                frame.path("data").forEach(row -> values.add(row.get(position)));
            }
            default -> throw new IllegalArgumentException("No orient " + orient);
        }
        return values;
    }

    /** The position of a column among its frame's columns, which orient values goes by. */
    private int columnIndex(JsonNode column) {
        String frame =
                column.path("parameters").path(OpenInferenceResource.PATH).asText();
        int index = 0;
        for (JsonNode input : metadata.get("inputs")) {
            if (input.path("parameters")
                    .path(OpenInferenceResource.PATH)
                    .asText()
                    .equals(frame)) {
                if (input.get("name").equals(column.get("name"))) {
                    return index;
                }
                index++;
            }
        }
        throw new IllegalStateException("Not a column of its frame: " + column);
    }

    /** Row-major values of nested arrays, and their shape (taken from the first element at each depth). */
    private static void flatten(JsonNode value, int depth, List<Integer> shape, List<JsonNode> data) {
        if (!value.isArray()) {
            data.add(value);
            return;
        }
        if (shape.size() == depth) {
            shape.add(value.size());
        }
        value.forEach(item -> flatten(item, depth + 1, shape, data));
    }

    /** Whether the sample holds a null where this input's values are, so requests may too. */
    private boolean nullable(JsonNode input) {
        for (JsonNode tensor : example.get("inputs")) {
            if (tensor.get("name").equals(input.get("name"))) {
                for (JsonNode value : tensor.get("data")) {
                    if (value.isNull()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The dotted name of the frame a column input belongs to: the one BYTES tensor of its records. */
    private static String frameName(JsonNode column) {
        String pointer =
                column.path("parameters").path(OpenInferenceResource.PATH).asText();
        List<String> segments = new ArrayList<>();
        for (String segment : pointer.substring(1).split("/", -1)) {
            segments.add(segment.replace("~1", "/").replace("~0", "~"));
        }
        return String.join(".", segments);
    }

    // ---- small builders ------------------------------------------------------------------------

    private static ObjectNode object(List<String> required) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        required.forEach(schema.putArray("required")::add);
        schema.putObject("properties");
        return schema;
    }

    private static ObjectNode string() {
        return NODES.objectNode().put("type", "string");
    }

    private static ObjectNode oneOf(ArrayNode alternatives) {
        if (alternatives.size() == 1) {
            return (ObjectNode) alternatives.get(0);
        }
        return NODES.objectNode().set("oneOf", alternatives);
    }

    private static ObjectNode ref(String component) {
        return NODES.objectNode().put("$ref", "#/components/schemas/" + component);
    }

    private static ObjectNode content(String mediaType, ObjectNode schema) {
        ObjectNode content = NODES.objectNode();
        content.putObject(mediaType).set("schema", schema);
        return content;
    }

    private static ObjectNode response(String description, String mediaType, ObjectNode schema) {
        ObjectNode response = NODES.objectNode().put("description", description);
        response.set("content", content(mediaType, schema));
        return response;
    }

    private static ObjectNode ok(String description, String mediaType, ObjectNode schema) {
        return response(description, mediaType, schema);
    }

    /** 200, the errors in order, and {@code default}. */
    private static ObjectNode responses(ObjectNode ok, Map<String, ObjectNode> errors) {
        ObjectNode responses = NODES.objectNode();
        responses.set("200", ok);
        errors.forEach(responses::set);
        responses.set("default", response(ServiceTexts.ERROR_DESCRIPTION, JSON, ref(ERROR_RESPONSE)));
        return responses;
    }

    private static ObjectNode operation(String operationId, String description) {
        return NODES.objectNode().put("description", description).put("operationId", operationId);
    }

    private static ObjectNode get(ObjectNode operation) {
        return NODES.objectNode().set("get", operation);
    }

    private static ObjectNode post(ObjectNode operation) {
        return NODES.objectNode().set("post", operation);
    }
}

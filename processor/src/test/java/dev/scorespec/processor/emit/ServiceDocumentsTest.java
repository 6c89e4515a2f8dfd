package dev.scorespec.processor.emit;

import static dev.scorespec.processor.emit.JsonSchemasGoldenTest.assertSameJson;
import static dev.scorespec.processor.emit.TestSpecs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorespec.annotations.ColumnKind;
import dev.scorespec.annotations.Orient;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.model.DataFrameType;
import dev.scorespec.processor.model.ScalarKind;
import dev.scorespec.processor.model.ScoringSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The complete documents: valid, shaped like the Python server's, carrying JsonSchemas' schemas. */
class ServiceDocumentsTest {

    static Stream<Arguments> documents() {
        List<Arguments> documents = new ArrayList<>();
        GoldenCases.all()
                .forEach((name, spec) -> ServiceDocuments.render(spec)
                        .forEach((label, text) -> documents.add(Arguments.of(name, label, text))));
        return documents.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("documents")
    void swaggerParserFindsNothing(String name, String label, String text) {
        OpenApiVersion version = OpenApiVersion.forLabel(label).orElseThrow();
        assertEquals(List.of(), DocumentParsers.messages(text, version), name + " " + label);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("documents")
    void schemasUseOnlyTheVersionsKeywords(String name, String label, String text) {
        OpenApiVersion version = OpenApiVersion.forLabel(label).orElseThrow();
        assertEquals(List.of(), SchemaSubset.problems(json(text), version), name + " " + label);
    }

    /** What Swagger Core writes for 3.x is exactly the JsonSchemas tree, examples included. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("documents")
    void documentSchemasAreJsonSchemas(String name, String label, String text) {
        OpenApiVersion version = OpenApiVersion.forLabel(label).orElseThrow();
        ScoringSpec spec = GoldenCases.all().get(name);
        JsonNode schemas = version == OpenApiVersion.V2_0
                ? json(text).path("definitions")
                : json(text).path("components").path("schemas");
        JsonNode input = JsonSchemas.serviceInputSchema(spec, version);
        JsonNode output = JsonSchemas.outputSchema(spec, version);
        assertEquals(input, schemas.path("ServiceInput"), name + " " + label);
        assertEquals(output, schemas.path("ServiceOutput"), name + " " + label);
        if (version == OpenApiVersion.V2_0) {
            // Written as they are, so key order is kept too.
            assertSameJson(input, schemas.path("ServiceInput"), name);
            assertSameJson(output, schemas.path("ServiceOutput"), name);
        }
        assertEquals(
                json("{\"type\":\"object\",\"properties\":{\"message\":{\"type\":\"string\"}}}"),
                schemas.path("ErrorResponse"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("documents")
    void documentExamplesValidate(String name, String label, String text) {
        OpenApiVersion version = OpenApiVersion.forLabel(label).orElseThrow();
        if (version == OpenApiVersion.V2_0) {
            return; // same schemas as 3.0, checked there
        }
        JsonNode schemas = json(text).path("components").path("schemas");
        for (String schema : List.of("ServiceInput", "ServiceOutput")) {
            if (schemas.path(schema).has("example")) {
                assertEquals(
                        List.of(),
                        ExampleValidator.validateExample(schemas.path(schema), version),
                        name + " " + label + " " + schema);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("documents")
    void shapedLikeThePythonServersTemplate(String name, String label, String text) {
        OpenApiVersion version = OpenApiVersion.forLabel(label).orElseThrow();
        JsonNode doc = json(text);
        assertEquals(
                json(
                        "{\"title\":\"ML service\",\"description\":"
                                + "\"API specification for the Azure Machine Learning service ML service\",\"version\":\"1.0\"}"),
                doc.path("info"));
        // the template's paths, then in 3.x the Open Inference Protocol's (OpenInferencePaths)
        List<String> paths = names(doc.path("paths"));
        assertEquals(List.of("/", "/score", "/swagger.json"), paths.subList(0, 3));
        // infer only where the protocol can call run (OpenInferencePaths.inferable)
        boolean infers = doc.at("/components/schemas").has("InferenceRequest");
        assertEquals(
                version == OpenApiVersion.V2_0
                        ? List.of()
                        : V2_PATHS.stream()
                                .filter(path -> infers || !path.endsWith("/infer"))
                                .toList(),
                paths.subList(3, paths.size()));
        assertEquals("ServiceHealthCheck", doc.at("/paths/~1/get/operationId").asText());
        assertEquals("RunMLService", doc.at("/paths/~1score/post/operationId").asText());
        assertEquals(
                "GetSwaggerSpec",
                doc.at("/paths/~1swagger.json/get/operationId").asText());
        assertEquals(List.of("post"), names(doc.at("/paths/~1score")));
        assertEquals(json("[{\"Bearer\":[]}]"), doc.at("/paths/~1score/post/security"));
        // every status the server answers /score with, 415 where it checks the Content-Type
        List<String> statuses = GoldenCases.all().get(name).bodyKind() == ScoringSpec.BodyKind.JSON_PARAMETERS
                ? List.of("200", "400", "401", "413", "415", "500", "503", "default")
                : List.of("200", "400", "401", "413", "500", "503", "default");
        assertEquals(statuses, names(doc.at("/paths/~1score/post/responses")));
        assertEquals(List.of("200", "503", "default"), names(doc.at("/paths/~1/get/responses")), "503 before @Init");
        String errorRef = version == OpenApiVersion.V2_0 ? "/schema/$ref" : "/content/application~1json/schema/$ref";
        String errorSchema =
                version == OpenApiVersion.V2_0 ? "#/definitions/ErrorResponse" : "#/components/schemas/ErrorResponse";
        for (String status : statuses.subList(1, statuses.size())) {
            assertEquals(
                    errorSchema,
                    doc.at("/paths/~1score/post/responses/" + status + errorRef).asText(),
                    status);
        }
        JsonNode bearer = json("{\"type\":\"apiKey\",\"name\":\"Authorization\",\"in\":\"header\","
                + "\"description\":\"For example: Bearer abc123\"}");
        if (version == OpenApiVersion.V2_0) {
            assertEquals("2.0", doc.path("swagger").asText());
            assertEquals(json("[\"https\"]"), doc.path("schemes"));
            assertEquals(json("[\"application/json\"]"), doc.path("consumes"));
            assertEquals(json("[\"application/json\"]"), doc.path("produces"));
            assertEquals(bearer, doc.at("/securityDefinitions/Bearer"));
            assertEquals(
                    "#/definitions/ServiceInput",
                    doc.at("/paths/~1score/post/parameters/0/schema/$ref").asText());
            assertEquals("body", doc.at("/paths/~1score/post/parameters/0/in").asText());
            assertEquals(
                    "#/definitions/ServiceOutput",
                    doc.at("/paths/~1score/post/responses/200/schema/$ref").asText());
            assertEquals(
                    "Healthy",
                    doc.at("/paths/~1/get/responses/200/examples/text~1plain").asText());
            assertEquals(json("[\"text/plain\"]"), doc.at("/paths/~1/get/produces"), "the probe answers text");
            assertEquals(true, doc.path("security").isMissingNode(), "no document-wide key");
            assertEquals(true, doc.at("/paths/~1/get/security").isMissingNode(), "the probe is open");
            assertEquals(json("[{\"Bearer\":[]}]"), doc.at("/paths/~1swagger.json/get/security"));
            assertEquals(List.of("ServiceInput", "ServiceOutput", "ErrorResponse"), names(doc.path("definitions")));
        } else {
            assertEquals(
                    version == OpenApiVersion.V3_1 ? "3.1.0" : "3.0.3",
                    doc.path("openapi").asText());
            assertEquals(json("[{\"Bearer\":[]}]"), doc.path("security"));
            assertEquals(json("[]"), doc.at("/paths/~1/get/security"), "the probe is open");
            assertEquals(bearer, doc.at("/components/securitySchemes/Bearer"));
            assertEquals(
                    "#/components/schemas/ServiceInput",
                    doc.at("/paths/~1score/post/requestBody/content/application~1json/schema/$ref")
                            .asText());
            assertEquals(
                    "#/components/schemas/ServiceOutput",
                    doc.at("/paths/~1score/post/responses/200/content/application~1json/schema/$ref")
                            .asText());
            assertEquals(
                    json("{\"type\":\"string\",\"example\":\"Healthy\"}"),
                    doc.at("/paths/~1/get/responses/200/content/text~1plain/schema"));
            assertEquals(
                    json("{\"type\":\"integer\",\"enum\":[2,3]}"),
                    doc.at("/paths/~1swagger.json/get/parameters/0/schema"));
            List<String> components = names(doc.at("/components/schemas"));
            assertEquals(List.of("ServiceInput", "ServiceOutput", "ErrorResponse"), components.subList(0, 3));
            assertEquals(
                    infers
                            ? List.of(
                                    "InferenceRequest",
                                    "InferenceResponse",
                                    "ModelMetadataResponse",
                                    "ModelReadyResponse",
                                    "ServerMetadataResponse",
                                    "InferenceErrorResponse")
                            : List.of(
                                    "ModelMetadataResponse",
                                    "ModelReadyResponse",
                                    "ServerMetadataResponse",
                                    "InferenceErrorResponse"),
                    components.subList(3, components.size()));
        }
    }

    @Test
    void onlySupportedVersionsAreRendered() {
        assertEquals(
                List.of("2.0", "3.0", "3.1"),
                List.copyOf(ServiceDocuments.render(GoldenCases.all().get("seed-ridge"))
                        .keySet()));
        ScoringSpec mixed = GoldenCases.all().get("standard-list-mixed");
        assertEquals(
                List.of("3.0", "3.1"),
                List.copyOf(ServiceDocuments.render(mixed).keySet()));
        assertThrows(
                IllegalArgumentException.class,
                () -> ServiceDocuments.render(mixed, OpenApiVersion.V2_0, ServiceInfo.DEFAULTS));
    }

    @Test
    void renderingTwiceGivesTheSameBytes() {
        for (ScoringSpec spec : GoldenCases.all().values()) {
            Map<String, String> first = ServiceDocuments.render(spec);
            Map<String, String> second = ServiceDocuments.render(spec);
            assertEquals(first, second);
            for (String text : first.values()) {
                assertTrue(text.endsWith("}\n") && !text.endsWith("\n\n"), "one final newline");
                assertFalse(text.contains("\r"), "no carriage returns");
                assertFalse(text.contains("\t"), "no tabs");
            }
        }
    }

    /** Swagger Core reads date formats through java.util.Date; the zone must not leak into documents. */
    @ParameterizedTest
    @ValueSource(strings = {"Pacific/Kiritimati", "America/Los_Angeles", "Asia/Kolkata"})
    void timeZoneDoesNotChangeDocuments(String zone) {
        ScoringSpec dates = TestSpecs.spec()
                .input("day", TestSpecs.sample(TestSpecs.scalar(ScalarKind.DATE), "\"2020-01-02\""))
                .input("at", TestSpecs.sample(TestSpecs.scalar(ScalarKind.DATE_TIME), "\"2020-01-02T00:30:00Z\""))
                .input("time", TestSpecs.sample(TestSpecs.scalar(ScalarKind.TIME), "\"23:30:00+05:30\""))
                .output(TestSpecs.sample(TestSpecs.scalar(ScalarKind.DATE), "\"2021-03-04\""))
                .build();
        Map<String, String> utc = withZone("UTC", () -> ServiceDocuments.render(dates));
        Map<String, String> other = withZone(zone, () -> ServiceDocuments.render(dates));
        assertEquals(utc, other);
        JsonNode schemas = json(utc.get("3.0")).at("/components/schemas");
        assertEquals(JsonSchemas.outputSchema(dates, OpenApiVersion.V3_0), schemas.path("ServiceOutput"));
        assertEquals(JsonSchemas.serviceInputSchema(dates, OpenApiVersion.V3_0), schemas.path("ServiceInput"));
    }

    private static final List<String> V2_PATHS = List.of(
            "/v2",
            "/v2/health/live",
            "/v2/health/ready",
            "/v2/models/{model_name}",
            "/v2/models/{model_name}/ready",
            "/v2/models/{model_name}/infer",
            "/v2/models/{model_name}/versions/{model_version}",
            "/v2/models/{model_name}/versions/{model_version}/ready",
            "/v2/models/{model_name}/versions/{model_version}/infer");

    @Test
    void serviceInfoFillsTitleVersionAndPathPrefix() {
        ServiceInfo info = new ServiceInfo("ridge", "2.1", "/v1/");
        for (OpenApiVersion version : OpenApiVersion.values()) {
            JsonNode doc = json(ServiceDocuments.render(GoldenCases.all().get("seed-ridge"), version, info));
            assertEquals("ridge", doc.at("/info/title").asText());
            assertEquals(
                    "API specification for the Azure Machine Learning service ridge",
                    doc.at("/info/description").asText());
            assertEquals("2.1", doc.at("/info/version").asText());
            List<String> paths = names(doc.path("paths"));
            assertEquals(List.of("/v1/", "/v1/score", "/v1/swagger.json"), paths.subList(0, 3));
            assertEquals(
                    version == OpenApiVersion.V2_0
                            ? List.of()
                            : V2_PATHS.stream().map(path -> "/v1" + path).toList(),
                    paths.subList(3, paths.size()));
        }
        assertEquals("/score", new ServiceInfo("x", "1", "").path("/score"));
        assertEquals("/a/b/score", new ServiceInfo("x", "1", "a/b").path("/score"));
    }

    /** The 2.0 check is not vacuous: broken documents produce messages. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/info",
                "/paths/~1score/post/responses",
                "/definitions/ErrorResponse",
                "/paths/~1score/post/parameters/0/in"
            })
    void brokenSwagger2IsReported(String remove) {
        String good =
                ServiceDocuments.render(GoldenCases.all().get("seed-ridge")).get("2.0");
        assertEquals(List.of(), DocumentParsers.swagger2(good));
        ObjectNode broken = (ObjectNode) json(good);
        JsonPointer at = JsonPointer.compile(remove);
        ((ObjectNode) broken.at(at.head())).remove(at.last().getMatchingProperty());
        assertFalse(DocumentParsers.swagger2(broken.toString()).isEmpty(), "no message without " + remove);
    }

    @Test
    void unexpectedSwagger2AttributeIsReported() {
        ObjectNode broken = (ObjectNode) json(
                ServiceDocuments.render(GoldenCases.all().get("seed-ridge")).get("2.0"));
        broken.put("openapi", "3.0.3");
        assertFalse(DocumentParsers.swagger2(broken.toString()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.0", "3.1"})
    void brokenOpenApi3IsReported(String label) {
        String good =
                ServiceDocuments.render(GoldenCases.all().get("seed-ridge")).get(label);
        ObjectNode noInfo = (ObjectNode) json(good);
        noInfo.remove("info");
        assertFalse(DocumentParsers.openApi3(noInfo.toString()).isEmpty());
        ObjectNode dangling = (ObjectNode) json(good);
        ((ObjectNode) dangling.at("/components/schemas")).remove("ServiceOutput");
        assertFalse(DocumentParsers.openApi3(dangling.toString()).isEmpty());
    }

    /** The keyword check is not vacuous either: what swagger-parser lets through, it reports. */
    @Test
    void keywordsOutsideTheVersionAreReported() {
        JsonNode union = json("{\"definitions\":{\"ServiceInput\":{\"type\":\"object\",\"properties\":"
                + "{\"data\":{\"type\":\"array\",\"items\":{\"anyOf\":[{\"type\":\"string\"}]}}}}}}");
        assertEquals(
                List.of("/definitions/ServiceInput/properties/data/items: anyOf is not in OpenAPI 2.0"),
                SchemaSubset.problems(union, OpenApiVersion.V2_0));
        JsonNode emptyRequired = json("{\"components\":{\"schemas\":{\"ServiceOutput\":"
                + "{\"type\":\"object\",\"required\":[],\"properties\":{}}}}}");
        assertEquals(
                List.of("/components/schemas/ServiceOutput: required must not be empty in OpenAPI 3.0"),
                SchemaSubset.problems(emptyRequired, OpenApiVersion.V3_0));
        assertEquals(List.of(), SchemaSubset.problems(emptyRequired, OpenApiVersion.V3_1));
    }

    /**
     * The 3.x documents are exactly what Swagger Core writes for them: read into its model and written by
     * its mapper for the version, in the documents' layout, they come back byte for byte. The documents
     * were written through Swagger Core's model before, and clients generated from them (openapi-generator
     * reads them with it) see the same members in the same order. Two facts Swagger Core's reading
     * changes are left out: it sorts {@code required} lists, and in 3.0 reads a schema without
     * {@code type} as an object; documents with either are skipped (every other case is compared).
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("documents")
    @SuppressWarnings("deprecation") // the feature Swagger Core's mapper turns on; see PrettyJson
    void swaggerCoreWritesTheSameBytes(String name, String label, String text) throws Exception {
        OpenApiVersion version = OpenApiVersion.forLabel(label).orElseThrow();
        if (version == OpenApiVersion.V2_0) {
            return; // Swagger Core models OpenAPI 3 only
        }
        for (JsonNode schema : json(text).at("/components/schemas")) {
            if (!readWhole(schema, version)) {
                return;
            }
        }
        var mapper = version == OpenApiVersion.V3_1
                ? io.swagger.v3.core.util.Json31.mapper()
                : io.swagger.v3.core.util.Json.mapper();
        var model = mapper.readValue(text, io.swagger.v3.oas.models.OpenAPI.class);
        String written = mapper.writer(PrettyJson.PRINTER)
                        .without(com.fasterxml.jackson.databind.SerializationFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                        .writeValueAsString(model)
                + "\n";
        assertEquals(text, written, name + " " + label);
    }

    /** Whether Swagger Core reads every schema in {@code tree} without sorting or typing it. */
    private static boolean readWhole(JsonNode tree, OpenApiVersion version) {
        if (tree.isArray()) {
            for (JsonNode item : tree) {
                if (!readWhole(item, version)) {
                    return false;
                }
            }
            return true;
        }
        if (!tree.isObject()) {
            return true;
        }
        List<String> required = new ArrayList<>();
        tree.path("required").forEach(name -> required.add(name.asText()));
        if (!required.stream().sorted().toList().equals(required)
                || (version == OpenApiVersion.V3_0 && !tree.has("type") && !tree.has("$ref"))) {
            return false;
        }
        for (String keyword :
                List.of("items", "not", "additionalProperties", "anyOf", "oneOf", "allOf", "prefixItems")) {
            if (!readWhole(tree.path(keyword), version)) {
                return false;
            }
        }
        for (JsonNode property : tree.path("properties")) {
            if (!readWhole(property, version)) {
                return false;
            }
        }
        return true;
    }

    /** Swagger Core keeps number examples as BigDecimal; their text must survive ({@code 1.0} stays). */
    @ParameterizedTest
    @ValueSource(strings = {"1.0", "0.1", "3726.995", "1.0E-7", "1.0E300", "12345.0"})
    void numberExamplesKeepTheirText(String example) {
        for (ScalarKind kind : List.of(ScalarKind.DOUBLE, ScalarKind.FLOAT)) {
            ScoringSpec spec = TestSpecs.spec()
                    .input("x", TestSpecs.sample(TestSpecs.scalar(kind), example))
                    .output(TestSpecs.sample(TestSpecs.scalar(kind), example))
                    .build();
            for (OpenApiVersion version : OpenApiVersion.values()) {
                JsonNode doc = json(ServiceDocuments.render(spec, version, ServiceInfo.DEFAULTS));
                String schemas = version == OpenApiVersion.V2_0 ? "/definitions" : "/components/schemas";
                assertEquals(json(example), doc.at(schemas + "/ServiceOutput/example"), example + " " + version);
                assertEquals(json(example), doc.at(schemas + "/ServiceInput/example/x"), example + " " + version);
            }
        }
    }

    private static <T> T withZone(String zone, java.util.function.Supplier<T> action) {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        try {
            return action.get();
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Without type enforcement a frame's values may be anything, and every version says so with an empty
     * schema, where Swagger Core would make a typeless schema an object in 3.0.
     */
    @ParameterizedTest
    @CsvSource({
        "RECORDS, /items/properties/a",
        "INDEX, /additionalProperties/properties/a",
        "COLUMNS, /properties/a/additionalProperties",
        "SPLIT, /properties/data/items/items",
        "VALUES, /items/items",
        "TABLE, /properties/data/items/properties/a"
    })
    void unenforcedColumnsTakeAnyValueInEveryVersion(Orient orient, String value) {
        var frame = new DataFrameType(
                TestSpecs.frame(orient).javaType(),
                orient,
                List.of(TestSpecs.column("a", ColumnKind.LONG)),
                false,
                true);
        ScoringSpec spec =
                TestSpecs.spec().input("data", TestSpecs.sample(frame, "null")).build();
        for (OpenApiVersion version : OpenApiVersion.values()) {
            JsonNode doc = json(ServiceDocuments.render(spec, version, ServiceInfo.DEFAULTS));
            String schemas = version == OpenApiVersion.V2_0 ? "/definitions" : "/components/schemas";
            JsonNode data = doc.at(schemas + "/ServiceInput/properties/data");
            assertEquals(json("{}"), data.at(value), orient + " " + version + ": " + data);
        }
    }
}

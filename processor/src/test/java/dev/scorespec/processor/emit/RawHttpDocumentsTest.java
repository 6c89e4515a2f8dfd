package dev.scorespec.processor.emit;

import static dev.scorespec.processor.emit.TestSpecs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.model.ScoringSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The documents of a {@code @RawHttp} run: valid in every version, and honest about the body, which is any
 * bytes of any Content-Type (the Python server documents such a run as taking and giving a JSON object).
 */
class RawHttpDocumentsTest {

    private static final ScoringSpec RAW = TestSpecs.spec().rawHttp().build();
    private static final JsonNode BINARY = json("{\"type\":\"string\",\"format\":\"binary\"}");

    @ParameterizedTest
    @EnumSource(OpenApiVersion.class)
    void validInEveryVersion(OpenApiVersion version) {
        String text = ServiceDocuments.render(RAW, version, ServiceInfo.DEFAULTS);
        assertEquals(List.of(), DocumentParsers.messages(text, version));
        assertEquals(List.of(), SchemaSubset.problems(json(text), version));
    }

    @ParameterizedTest
    @EnumSource(OpenApiVersion.class)
    void bodiesAreAnyBytes(OpenApiVersion version) {
        assertEquals(BINARY, JsonSchemas.inputSchema(RAW, version));
        assertEquals(BINARY, JsonSchemas.outputSchema(RAW, version));
        JsonNode doc = json(ServiceDocuments.render(RAW, version, ServiceInfo.DEFAULTS));
        JsonNode post = doc.at("/paths/~1score/post");
        assertEquals("RunMLService", post.path("operationId").asText(), "the operation clients know");
        // no 415: a raw run takes any Content-Type
        assertEquals(List.of("200", "400", "401", "413", "500", "503", "default"), names(post.path("responses")));
        if (version == OpenApiVersion.V2_0) {
            assertEquals(BINARY, doc.at("/definitions/ServiceInput"));
            assertEquals(BINARY, doc.at("/definitions/ServiceOutput"));
            assertEquals(json("[\"application/octet-stream\",\"*/*\"]"), post.path("consumes"));
            assertEquals(json("[\"*/*\"]"), post.path("produces"));
            assertEquals(
                    "#/definitions/ServiceInput",
                    post.at("/parameters/0/schema/$ref").asText());
            assertEquals(
                    "#/definitions/ServiceOutput",
                    post.at("/responses/200/schema/$ref").asText());
            assertEquals(
                    "#/definitions/ErrorResponse",
                    post.at("/responses/default/schema/$ref").asText());
        } else {
            assertEquals(BINARY, doc.at("/components/schemas/ServiceInput"));
            assertEquals(BINARY, doc.at("/components/schemas/ServiceOutput"));
            assertEquals(List.of("application/octet-stream", "*/*"), names(post.at("/requestBody/content")));
            for (String type : List.of("application~1octet-stream", "*~1*")) {
                assertEquals(
                        "#/components/schemas/ServiceInput",
                        post.at("/requestBody/content/" + type + "/schema/$ref").asText(),
                        type);
            }
            assertEquals(List.of("*/*"), names(post.at("/responses/200/content")));
            assertEquals(
                    "#/components/schemas/ServiceOutput",
                    post.at("/responses/200/content/*~1*/schema/$ref").asText());
            assertEquals(
                    "#/components/schemas/ErrorResponse",
                    post.at("/responses/default/content/application~1json/schema/$ref")
                            .asText(),
                    "the server's errors");
        }
    }

    @Test
    void documentsMatchGoldens() throws IOException {
        ServiceDocumentsGoldenTest.assertMatchGoldens("raw-http", ServiceDocuments.render(RAW));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.networknt.schema.Error;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.emit.DocumentParsers;
import dev.scorespec.processor.emit.ExampleValidator;
import dev.scorespec.runtime.ModelDir;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.binding.BindingException;
import dev.scorespec.runtime.binding.ScoringBinder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "Power BI compatible" service of Azure ML's documentation (reference case
 * {@code nested-powerbi-docs}), written in Java with {@code @ScoringService(powerBi = true)}: it passes
 * the Power BI check, its documents carry the reference's schemas, and its binder takes each of the
 * reference's payloads exactly when the schema allows it, binding the values the reference converted
 * (its {@code Inputs} holds an array, a dataframe and a value).
 */
class PowerBiEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static JsonNode reference;
    private static CompiledClasses classes;
    private static ScoringBinder<Record, Object> binder;

    @BeforeAll
    static void compile() throws Exception {
        reference = JSON.readTree(resource("/nested/nested-powerbi-docs.json"));
        Compilation compilation = Sources.compile(
                JavaFileObjects.forSourceString("test.PowerBiDocs", resource("/nested/nested-powerbi-docs.java")));
        assertThat(compilation).succeededWithoutWarnings();
        classes = new CompiledClasses(compilation);
        binder = classes.instance("test.PowerBiDocs_ScoreSpec");
        binder.init(ModelDir.of(Path.of(".")));
    }

    @Test
    void documentsCarryTheReferenceSchemas() throws IOException {
        List<String> versions = new ArrayList<>();
        reference.path("supported_versions").forEach(v -> versions.add(v.asText()));
        assertEquals(versions, binder.documentVersions());
        for (String version : versions) {
            OpenApiVersion v = OpenApiVersion.forLabel(version).orElseThrow();
            JsonNode schemas = schemas(version);
            // The documents list the required parameters (README, differences): GlobalParameters is optional.
            ObjectNode input = JSON.createObjectNode().put("type", "object");
            input.putArray("required").add("Inputs");
            input.setAll((ObjectNode) reference.path("input_schema"));
            JsonNode output = reference.path("output_schema");
            assertEquals(input, schemas.path("ServiceInput"), version);
            assertEquals(output, schemas.path("ServiceOutput"), version);
            if (v == OpenApiVersion.V2_0) {
                // Written as JsonSchemas made them: the reference's key order too.
                assertEquals(input.toString(), schemas.path("ServiceInput").toString());
                assertEquals(output.toString(), schemas.path("ServiceOutput").toString());
            }
        }
    }

    @Test
    void documentsAreValidAndTheirExamplesValidate() throws IOException {
        for (String version : binder.documentVersions()) {
            OpenApiVersion v = OpenApiVersion.forLabel(version).orElseThrow();
            assertEquals(
                    List.of(),
                    DocumentParsers.messages(
                            classes.document(
                                    "test.PowerBiDocs",
                                    OpenApiVersion.forLabel(version).orElseThrow()),
                            v),
                    version);
            if (v != OpenApiVersion.V2_0) {
                for (String name : List.of("ServiceInput", "ServiceOutput")) {
                    JsonNode schema = schemas(version).path(name);
                    assertEquals(
                            List.of(),
                            ExampleValidator.errors(schema, schema.path("example"), v),
                            version + " " + name);
                }
            }
        }
    }

    /**
     * The reference's payloads, sent by keyword: accepted exactly when the schema allows them (the
     * reference's converter also took {@code {"Inputs": {}, "GlobalParameters": 3}}, which its schema
     * forbids), rejected at the path the schema validator names first, and bound to the reference's values.
     */
    @Test
    void payloadsAreAcceptedExactlyWhenTheSchemaAllowsThem() throws Exception {
        JsonNode schema = reference.path("input_schema");
        List<String> problems = new ArrayList<>();
        int accepted = 0;
        for (JsonNode entry : reference.path("deserialize")) {
            JsonNode payload = entry.path("payload");
            String where = entry.path("label").asText() + " " + payload + ": ";
            List<Error> errors = ExampleValidator.errors(schema, payload, OpenApiVersion.V3_1);
            Record arguments;
            try {
                arguments = binder.bind(ScoringRequest.json(JSON.writeValueAsString(payload)));
            } catch (BindingException e) {
                String path = errors.isEmpty() ? "(none)" : GoldenEndToEndTest.firstInDocumentOrder(payload, errors);
                if (errors.isEmpty()
                        || !e.path().equals(path)
                        || !e.getMessage().startsWith(path + ": ")) {
                    problems.add(where + "rejected with '" + e.getMessage() + "', the schema says " + errors);
                }
                continue;
            }
            if (!errors.isEmpty()) {
                problems.add(where + "accepted, but the schema forbids it: " + errors);
                continue;
            }
            accepted++;
            JsonNode expected = referenceArguments(entry.path("result"));
            if (!GoldenEndToEndTest.same(expected, toJson(arguments))) {
                problems.add(where + "bound " + toJson(arguments) + ", the reference's value is " + expected);
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(2, accepted, "own-example and valid");
    }

    /** The reference fails with IndexError (a 500) without GlobalParameters; here it is optional, so run receives null. */
    @Test
    void aMissingGlobalParametersIsNull() throws Exception {
        ObjectNode payload = reference.path("input_schema").path("example").deepCopy();
        payload.remove("GlobalParameters");
        Record arguments = binder.bind(ScoringRequest.json(payload.toString()));
        assertNull(arguments.getClass().getMethod("GlobalParameters").invoke(arguments));
        assertEquals("{\"Results\":[55.0,55.0]}", BinderTest.score(binder, payload.toString()));
    }

    @Test
    void runAnswersTheResultsObject() throws Exception {
        String example = reference.path("input_schema").path("example").toString();
        assertEquals("{\"Results\":[55.0,55.0]}", BinderTest.score(binder, example));
        List<String> problems = ExampleValidator.errors(
                        schemas("3.1").path("ServiceOutput"),
                        JSON.readTree(BinderTest.score(binder, example)),
                        OpenApiVersion.V3_1)
                .stream()
                .map(Error::toString)
                .toList();
        assertEquals(List.of(), problems);
        assertTrue(BinderTest.reject(binder, "{\"Inputs\": {\"input1\": [[1]], \"input3\": 0}}")
                .startsWith("Inputs.input1[0]: expected 10 values, got 1"));
    }

    // ------------------------------------------------------------------------------ helpers

    /** The reference's converted arguments as plain JSON, {@code {"Inputs": {...}, "GlobalParameters": ...}}. */
    private static JsonNode referenceArguments(JsonNode result) {
        ObjectNode arguments = NODES.objectNode();
        result.properties().forEach(e -> arguments.set(e.getKey(), GoldenEndToEndTest.referenceJson(e.getValue())));
        return arguments;
    }

    /** Bound arguments as JSON, records as objects keyed by component name. */
    private static JsonNode toJson(Object value) throws ReflectiveOperationException {
        if (value instanceof Record record) {
            ObjectNode object = NODES.objectNode();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                object.set(component.getName(), toJson(component.getAccessor().invoke(record)));
            }
            return object;
        }
        return GoldenEndToEndTest.toJson(value);
    }

    private static JsonNode schemas(String version) throws IOException {
        JsonNode document = JSON.readTree(classes.document(
                "test.PowerBiDocs", OpenApiVersion.forLabel(version).orElseThrow()));
        return version.equals("2.0")
                ? document.path("definitions")
                : document.path("components").path("schemas");
    }

    private static String resource(String path) {
        try (InputStream in = PowerBiEndToEndTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.scorespec.processor.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.model.ScoringSpec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schemas of every reference case equal what Python's inference-schema 1.8 wrote, key order
 * included, except for the listed deliberate differences.
 */
class JsonSchemasGoldenTest {

    static Stream<String> cases() {
        return GoldenCases.all().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void inputSchemaMatchesReference(String name) {
        Golden golden = Golden.load(name);
        ScoringSpec spec = GoldenCases.all().get(name);
        for (String label : golden.expectedVersions()) {
            OpenApiVersion version = OpenApiVersion.forLabel(label).orElseThrow();
            assertSameJson(
                    golden.expected("input_schema", label),
                    JsonSchemas.inputSchema(spec, version),
                    name + " input schema, " + label);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void outputSchemaMatchesReference(String name) {
        Golden golden = Golden.load(name);
        ScoringSpec spec = GoldenCases.all().get(name);
        for (String label : golden.expectedVersions()) {
            OpenApiVersion version = OpenApiVersion.forLabel(label).orElseThrow();
            assertSameJson(
                    golden.expected("output_schema", label),
                    JsonSchemas.outputSchema(spec, version),
                    name + " output schema, " + label);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void supportedVersionsMatchReference(String name) {
        Golden golden = Golden.load(name);
        List<String> actual = JsonSchemas.supportedVersions(GoldenCases.all().get(name)).stream()
                .map(OpenApiVersion::label)
                .toList();
        assertEquals(golden.expectedVersions(), actual, name);
        for (OpenApiVersion version : OpenApiVersion.values()) {
            if (!actual.contains(version.label())) {
                assertThrows(
                        IllegalArgumentException.class,
                        () -> JsonSchemas.inputSchema(GoldenCases.all().get(name), version));
            }
        }
    }

    /** Each difference names what the reference really has there, changes it, and says why. */
    @ParameterizedTest
    @MethodSource("cases")
    void differencesAreWellFormed(String name) {
        Golden golden = Golden.load(name);
        for (JsonNode difference : golden.differences()) {
            String at = difference.path("at").asText();
            assertTrue(
                    at.startsWith("/input_schema/")
                            || at.startsWith("/output_schema")
                            || at.equals("/supported_versions"),
                    name + ": " + at);
            assertEquals(
                    difference.path("reference"),
                    golden.file().path("reference").at(at),
                    name + ": the reference value at " + at);
            assertNotEquals(difference.path("reference"), difference.path("scorespec"), name + ": " + at);
            assertTrue(difference.path("why").asText().length() > 20, name + ": why at " + at);
            for (JsonNode version : difference.path("versions")) {
                assertTrue(
                        golden.expectedVersions().contains(version.asText()),
                        name + ": version " + version + " at " + at);
            }
        }
    }

    @Test
    void everyGoldenFileHasACase() throws IOException, URISyntaxException {
        Path dir = Path.of(JsonSchemasGoldenTest.class.getResource("/golden").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".json"))
                    .map(f -> f.substring(0, f.length() - ".json".length()))
                    .sorted()
                    .toList();
            assertEquals(names, GoldenCases.all().keySet().stream().sorted().toList());
        }
    }

    /** Equal trees, and the same text, so that key order counts too. */
    static void assertSameJson(JsonNode expected, JsonNode actual, String message) {
        assertEquals(expected, actual, message);
        assertEquals(expected.toString(), actual.toString(), message + " (key order)");
    }
}

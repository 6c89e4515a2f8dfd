package dev.scorespec.processor.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole documents, byte for byte, for a few cases: {@code src/test/resources/documents/<case>/},
 * named as the runtime names the resources ({@code swagger-2.0.json}, {@code openapi-3.0.json},
 * {@code openapi-3.1.json}). A missing or changed golden is written under {@code target/documents/}
 * for review; copy it over the old one when the change is intended.
 */
class ServiceDocumentsGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"seed-ridge", "standard-list-mixed", "standard-dict"})
    void documentsMatchGoldens(String name) throws IOException {
        assertMatchGoldens(name, ServiceDocuments.render(GoldenCases.all().get(name)));
    }

    /** Compares each document with {@code /documents/<name>/<file>}, writing the ones that differ for review. */
    static void assertMatchGoldens(String name, Map<String, String> documents) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> document : documents.entrySet()) {
            String file =
                    document.getKey().equals("2.0") ? "swagger-2.0.json" : "openapi-" + document.getKey() + ".json";
            String resource = "/documents/" + name + "/" + file;
            String expected = read(resource);
            if (!document.getValue().equals(expected)) {
                Path actual = Path.of("target", "documents", name, file).toAbsolutePath();
                Files.createDirectories(actual.getParent());
                Files.writeString(actual, document.getValue(), StandardCharsets.UTF_8);
                problems.add((expected == null ? "No golden " : "Changed golden ") + resource + ": review " + actual
                        + " and copy it to src/test/resources" + resource);
            }
        }
        assertEquals(List.of(), problems);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ServiceDocumentsGoldenTest.class.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

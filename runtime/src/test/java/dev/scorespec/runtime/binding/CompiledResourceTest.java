package dev.scorespec.runtime.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorespec.runtime.server.TestBinders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompiledResourceTest {

    private static final String RESOURCE = """
            {
            "swagger-2.0": {
              "swagger": "2.0",
              "info": {"title": "é \\" }"}
            },
            "openapi-3.1": {
              "openapi": "3.1.0",
              "paths": [1, 2.5, {"a": null}]
            },
            "open-inference": {"platform": "scorespec_java"}
            }
            """;

    private static Optional<String> member(String name) throws IOException {
        return CompiledResource.member(RESOURCE.getBytes(StandardCharsets.UTF_8), name)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void aMemberIsItsBytesAsWritten() throws IOException {
        assertEquals(
                Optional.of("{\n  \"swagger\": \"2.0\",\n  \"info\": {\"title\": \"é \\\" }\"}\n}"),
                member("swagger-2.0"));
        assertEquals(
                Optional.of("{\n  \"openapi\": \"3.1.0\",\n  \"paths\": [1, 2.5, {\"a\": null}]\n}"),
                member("openapi-3.1"));
        assertEquals(Optional.of("{\"platform\": \"scorespec_java\"}"), member("open-inference"));
    }

    @Test
    void aMissingMemberIsEmpty() throws IOException {
        assertEquals(Optional.empty(), member("openapi-3.0"));
        assertEquals(Optional.empty(), member("platform"));
    }

    @Test
    void aResourceThatIsNoObjectFails() {
        IOException e = assertThrows(
                IOException.class, () -> CompiledResource.member("[]".getBytes(StandardCharsets.UTF_8), "x"));
        assertTrue(e.getMessage().contains("START_ARRAY"), e.getMessage());
    }

    @Test
    void theBindersResourceIsReadThroughItsClassLoader() throws IOException {
        ScoringBinder<?, ?> binder = new TestBinders.Sum();
        assertEquals("META-INF/scorespec/test.SumScore.json", binder.documentResource());
        String document =
                new String(CompiledResource.member(binder, "openapi-3.0").orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(document.startsWith("{\n  \"openapi\": \"3.0.3\""), document);
        assertTrue(document.endsWith("}"), document);
        assertEquals(Optional.empty(), CompiledResource.member(binder, "open-inference"));
    }
}

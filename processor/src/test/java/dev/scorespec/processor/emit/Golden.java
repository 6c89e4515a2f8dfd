package dev.scorespec.processor.emit;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One reference case of {@code src/test/resources/golden/<name>.json}: what Python's inference-schema
 * 1.8 wrote ({@code reference}) and each deliberate departure ({@code differences}: a JSON pointer
 * into the reference, the reference's value there, ScoreSpec's value, and why).
 */
public record Golden(String name, JsonNode file) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Golden load(String name) {
        String resource = "/golden/" + name + ".json";
        try (InputStream in = Golden.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource
                        + ": copy the case from the shared reference outputs into src/test/resources" + resource);
            }
            return new Golden(name, JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the reference wrote: {@code input_schema}, {@code output_schema} or {@code supported_versions}. */
    JsonNode reference(String key) {
        return file.path("reference").path(key);
    }

    List<JsonNode> differences() {
        List<JsonNode> differences = new ArrayList<>();
        file.path("differences").forEach(differences::add);
        return differences;
    }

    /** What ScoreSpec must write: the reference with every difference applied. */
    public JsonNode expected(String key) {
        ObjectNode expected = ((ObjectNode) file.path("reference")).deepCopy();
        for (JsonNode difference : differences()) {
            JsonPointer at = JsonPointer.compile(difference.path("at").asText());
            JsonNode parent = expected.at(at.head());
            JsonPointer last = at.last();
            JsonNode value = difference.path("scorespec").deepCopy();
            if (parent instanceof ObjectNode object) {
                object.set(last.getMatchingProperty(), value);
            } else if (parent instanceof ArrayNode array) {
                array.set(last.getMatchingIndex(), value);
            } else {
                throw new IllegalStateException(name + ": no container at " + at.head());
            }
        }
        return expected.path(key);
    }

    public List<String> expectedVersions() {
        List<String> versions = new ArrayList<>();
        expected("supported_versions").forEach(v -> versions.add(v.asText()));
        return versions;
    }
}

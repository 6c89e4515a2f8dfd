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
 * into the reference, the reference's value there, ScoreSpec's value, why, and optionally the
 * {@code versions} of the documents it holds in).
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

    /**
     * What ScoreSpec must write in every document: the reference with every difference applied. For
     * a case with differences that hold in some versions only, use {@link #expected(String, String)}.
     */
    public JsonNode expected(String key) {
        if (differences().stream().anyMatch(d -> d.has("versions"))) {
            throw new IllegalStateException(name + " differs by version; name the version");
        }
        return expected(key, null);
    }

    /**
     * What ScoreSpec must write in the document of one version ({@code "3.0"}, ...): the reference with
     * every difference applied that holds in that version (a difference without {@code versions} holds
     * in all).
     */
    public JsonNode expected(String key, String version) {
        ObjectNode expected = ((ObjectNode) file.path("reference")).deepCopy();
        for (JsonNode difference : differences()) {
            if (difference.has("versions") && !contains(difference.path("versions"), version)) {
                continue;
            }
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

    private static boolean contains(JsonNode versions, String version) {
        for (JsonNode v : versions) {
            if (v.asText().equals(version)) {
                return true;
            }
        }
        return false;
    }

    public List<String> expectedVersions() {
        List<String> versions = new ArrayList<>();
        expected("supported_versions", null).forEach(v -> versions.add(v.asText()));
        return versions;
    }
}

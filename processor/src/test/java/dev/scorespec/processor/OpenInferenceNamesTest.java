package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import dev.scorespec.annotations.internal.OpenApiVersion;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The Open Inference Protocol names each input and output tensor once: a name that two values would get
 * (through a key or a column holding a '.', or a column named like its dataframe) is a compile error with
 * the fix, while names that only look alike compile, and no input name can collide with the documents'
 * own component names, since the tensors' schemas are written inline.
 */
class OpenInferenceNamesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDottedKeyEqualToAnotherPathIsSS230() {
        JavaFileObject source = Sources.source("Dotted", """
                public class Dotted {
                    public record Inner(long b) {}
                    public record Outer(Inner a, @JsonName("a.b") long ab) {}

                    @InputSchema(param = "r", standard = @Standard(sample = "{\\"a\\": {\\"b\\": 1}, \\"a.b\\": 2}"))
                    public long run(Outer r) { return r.ab(); }
                }
                """);
        assertThat(Sources.compile(source))
                .hadErrorContaining("[SS230] The Open Inference Protocol would name two inputs 'r.a.b': the value at "
                        + "/r/a/b and the value at /r/a.b. A tensor's name joins the path of its value with '.', so a "
                        + "key or a dataframe column that holds a '.' (or a column named like its dataframe) can equal "
                        + "another's. Rename one of them: give a record component another @JsonName, or rename the "
                        + "column in the sample.")
                .inFile(source)
                .onLineContaining("@InputSchema(param = \"r\"");
    }

    @Test
    void aColumnNamedLikeItsWholeRequestDataFrameIsSS230() {
        JavaFileObject source = Sources.source("Framed", """
                public class Framed {
                    @InputSchema(param = "frame", dataframe = @DataFrame(
                            sample = "[{\\"frame\\": 1, \\"x\\": 2}]", orient = Orient.RECORDS))
                    public int run(tech.tablesaw.api.Table frame) { return frame.rowCount(); }
                }
                """);
        assertThat(Sources.compile(source))
                .hadErrorContaining("[SS230] The Open Inference Protocol would name two inputs 'frame': the dataframe "
                        + "at /frame as JSON records and column 'frame' of the dataframe at /frame.")
                .inFile(source)
                .onLineContaining("@InputSchema(param = \"frame\"");
    }

    @Test
    void aDottedOutputKeyEqualToAnotherPathIsSS231() {
        JavaFileObject source = Sources.source("Answers", """
                public class Answers {
                    public record Inner(double b) {}
                    public record Answer(Inner a, @JsonName("a.b") double ab) {}

                    @InputSchema(param = "x", standard = @Standard(sample = "1.0"))
                    @OutputSchema(standard = @Standard(sample = "{\\"a\\": {\\"b\\": 1.0}, \\"a.b\\": 2.0}"))
                    public Answer run(double x) { return new Answer(new Inner(x), x); }
                }
                """);
        assertThat(Sources.compile(source))
                .hadErrorContaining("[SS231] The Open Inference Protocol would name two outputs 'a.b': output tensor 0 "
                        + "and output tensor 1.")
                .inFile(source)
                .onLineContaining("@OutputSchema");
    }

    /** A '.' in a column of a frame that is the whole request names that column alone: no collision. */
    @Test
    void dotsThatNameNothingElseCompile() throws Exception {
        Compilation compilation = Sources.compile(Sources.source("Dots", """
                public class Dots {
                    @InputSchema(param = "frame", dataframe = @DataFrame(
                            sample = "[{\\"a.b\\": 1, \\"a\\": 2}]", orient = Orient.RECORDS))
                    public int run(tech.tablesaw.api.Table frame) { return frame.rowCount(); }
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        JsonNode metadata = JSON.readTree(new CompiledClasses(compilation).openInference("test.Dots"));
        List<String> names = new ArrayList<>();
        metadata.get("inputs").forEach(input -> names.add(input.get("name").asText()));
        assertEquals(List.of("a.b", "a"), names);
    }

    /** An input named like a component of the documents has its own tensor schema, written inline. */
    @Test
    void anInputNamedLikeADocumentComponentIsItsOwnTensor() throws Exception {
        Compilation compilation = Sources.compile(Sources.source("Named", """
                public class Named {
                    @InputSchema(param = "InferenceRequest", standard = @Standard(sample = "1.5"))
                    @InputSchema(param = "ServiceInput", standard = @Standard(sample = "2"))
                    public double run(double InferenceRequest, long ServiceInput) { return InferenceRequest + ServiceInput; }
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        JsonNode document = JSON.readTree(new CompiledClasses(compilation).document("test.Named", OpenApiVersion.V3_1));
        JsonNode schemas = document.at("/components/schemas");
        List<String> components = new ArrayList<>();
        schemas.fieldNames().forEachRemaining(components::add);
        assertEquals(
                List.of(
                        "ServiceInput",
                        "ServiceOutput",
                        "ErrorResponse",
                        "InferenceRequest",
                        "InferenceResponse",
                        "ModelMetadataResponse",
                        "ModelReadyResponse",
                        "ServerMetadataResponse",
                        "InferenceErrorResponse"),
                components);
        List<String> tensors = new ArrayList<>();
        schemas.at("/InferenceRequest/properties/inputs/items/oneOf")
                .forEach(tensor ->
                        tensors.add(tensor.at("/properties/name/enum/0").asText()));
        assertEquals(List.of("InferenceRequest", "ServiceInput"), tensors);
    }
}

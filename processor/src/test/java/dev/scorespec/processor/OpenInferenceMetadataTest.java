package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The Open Inference Protocol metadata written next to the documents: one tensor per input and output,
 * named, typed and shaped from the samples, for every sample kind.
 */
class OpenInferenceMetadataTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void anNdArrayIsOneTensorWithABatchDimension() throws IOException {
        JsonNode metadata = metadata("Ridge", """
                @ScoringService(version = "2.1")
                public class Ridge {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[[1, 2, 3]]", dtype = "float32"))
                    @OutputSchema(ndarray = @NdArray(sample = "[1.5]"))
                    public double[] run(float[][] data) { return new double[data.length]; }
                }
                """);
        assertEquals("scorespec_java", metadata.get("platform").asText());
        assertEquals("2.1", metadata.get("version").asText());
        assertEquals(json("""
                [{"name": "data", "datatype": "FP32", "shape": [-1, 3],
                  "parameters": {"content_type": "np", "scorespec_path": "/data"}}]"""), metadata.get("inputs"));
        assertEquals(
                json("[{\"name\": \"output\", \"datatype\": \"FP64\", \"shape\": [-1]}]"), metadata.get("outputs"));
    }

    @Test
    void aDataFrameIsOneTensorPerColumnAndAScalarHasShapeOne() throws IOException {
        JsonNode metadata = metadata("Frame", """
                public class Frame {
                    @InputSchema(param = "frame", dataframe = @DataFrame(
                            sample = "[{\\"name\\": \\"a\\", \\"age\\": 3, \\"born\\": \\"2020-01-02\\"}]", orient = Orient.RECORDS))
                    @InputSchema(param = "scale", standard = @Standard(sample = "1.0"))
                    @InputSchema(param = "tags", standard = @Standard(sample = "[\\"x\\"]"))
                    @OutputSchema(standard = @Standard(sample = "7"))
                    public long run(tech.tablesaw.api.Table frame, double scale, List<String> tags) { return 7; }
                }
                """);
        assertEquals(json("""
                [{"name": "frame.name", "datatype": "BYTES", "shape": [-1], "parameters": {"content_type": "pd",
                   "scorespec_path": "/frame", "scorespec_column": "name", "scorespec_orient": "records"}},
                 {"name": "frame.age", "datatype": "INT64", "shape": [-1], "parameters": {"content_type": "pd",
                   "scorespec_path": "/frame", "scorespec_column": "age", "scorespec_orient": "records"}},
                 {"name": "frame.born", "datatype": "BYTES", "shape": [-1], "parameters": {"content_type": "pd",
                   "scorespec_path": "/frame", "scorespec_column": "born", "scorespec_orient": "records"}},
                 {"name": "scale", "datatype": "FP64", "shape": [1], "parameters": {"scorespec_path": "/scale"}},
                 {"name": "tags", "datatype": "BYTES", "shape": [-1],
                  "parameters": {"content_type": "str", "scorespec_path": "/tags"}}]"""), metadata.get("inputs"));
        assertEquals(
                json("[{\"name\": \"output\", \"datatype\": \"INT64\", \"shape\": [1]}]"), metadata.get("outputs"));
    }

    @Test
    void rowsOfRecordsTravelAsJsonAndDayDatesAsBytes() throws IOException {
        JsonNode metadata = metadata("Grid", """
                public class Grid {
                    public record Cell(long n) {}
                    @InputSchema(param = "days", ndarray = @NdArray(sample = "[\\"2021-05-06\\"]", dtype = "datetime64[D]"))
                    @OutputSchema(ndarray = @NdArray(sample = "[[{\\"n\\": 1}]]"))
                    public Cell[][] run(LocalDate[] days) { return new Cell[0][]; }
                }
                """);
        assertEquals(json("""
                [{"name": "days", "datatype": "BYTES", "shape": [-1],
                  "parameters": {"content_type": "np", "scorespec_path": "/days"}}]"""), metadata.get("inputs"));
        assertEquals(json("""
                [{"name": "output", "datatype": "BYTES", "shape": [1], "parameters": {"content_type": "json"}}]"""), metadata.get("outputs"));
    }

    @Test
    void aRecordIsCarriedByItsComponentsAndAMapIsSaidToBeUnsupported() throws IOException {
        JsonNode metadata = metadata("Nested", """
                public class Nested {
                    public record Inputs(
                            @NdArray(sample = "[[1, 2]]", dtype = "float64") double[][] values,
                            @Standard(sample = "true") boolean flag) {}

                    @InputSchema(param = "Inputs")
                    @InputSchema(param = "options", standard = @Standard(sample = "{\\"a\\": 1}"), optional = true)
                    @OutputSchema(standard = @Standard(sample = "{\\"Results\\": [1.0], \\"rows\\": [{\\"p\\": 1.0, \\"band\\": \\"x\\"}]}"))
                    public Map<String, Object> run(Inputs Inputs, Map<String, Long> options) { return Map.of(); }
                }
                """);
        assertEquals(json("""
                [{"name": "Inputs.values", "datatype": "FP64", "shape": [-1, 2],
                  "parameters": {"content_type": "np", "scorespec_path": "/Inputs/values"}},
                 {"name": "Inputs.flag", "datatype": "BOOL", "shape": [1], "parameters": {"scorespec_path": "/Inputs/flag"}},
                 {"name": "options", "datatype": "BYTES", "shape": [-1], "parameters": {"scorespec_path": "/options",
                   "scorespec_unsupported": "a map, whose keys the caller chooses, has no tensor form",
                   "scorespec_required": false}}]"""), metadata.get("inputs"));
        assertEquals(json("""
                [{"name": "Results", "datatype": "FP64", "shape": [-1]},
                 {"name": "rows.p", "datatype": "FP64", "shape": [-1]},
                 {"name": "rows.band", "datatype": "BYTES", "shape": [-1]}]"""), metadata.get("outputs"));
    }

    private static JsonNode metadata(String name, String body) throws IOException {
        Compilation compilation = Sources.compile(Sources.source(name, body));
        assertThat(compilation).succeededWithoutWarnings();
        String metadata = new CompiledClasses(compilation).openInference("test." + name);
        if (metadata == null) {
            throw new AssertionError("no Open Inference metadata for test." + name);
        }
        return MAPPER.readTree(metadata);
    }

    private static JsonNode json(String text) throws IOException {
        return MAPPER.readTree(text);
    }
}

package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.scorespec.processor.BinderTest.bind;
import static dev.scorespec.processor.BinderTest.reject;
import static dev.scorespec.processor.BinderTest.score;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.emit.DocumentParsers;
import dev.scorespec.processor.emit.ExampleValidator;
import dev.scorespec.runtime.ModelDir;
import dev.scorespec.runtime.NDArray;
import dev.scorespec.runtime.binding.ScoringBinder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nested parameters and outputs end to end: a record whose components carry their own samples (an
 * ndarray, plain values, a nested record holding a list of records, an array of records) is compiled
 * with the processor; its documents describe the nesting, and its binder converts each field to its own
 * type and names the full JSON path of every problem.
 */
class NestedBinderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String SCORES = """
            public class Scores {
                public record Point(@Standard(sample = "1.5") double x, @Standard(sample = "2.5") double y) {}

                public record Meta(@Standard(sample = "\\"a\\"") String tag, List<Point> points) {}

                public record Features(
                        @NdArray(sample = "[[1,2,3,4,5,6,7,8,9,10],[10,9,8,7,6,5,4,3,2,1]]", dtype = "float64") double[][] input1,
                        @Standard(sample = "0.0") double input3,
                        Meta meta,
                        Point[] corners,
                        @NdArray(sample = "[1, 2]") NDArray counts) {}

                public record Output(
                        @Standard(sample = "[1.0, 1.0]") List<Double> Results,
                        @NdArray(sample = "[[1, 2]]") long[][] sizes,
                        Meta echo,
                        Point first) {}

                @InputSchema(param = "Inputs")
                @InputSchema(param = "GlobalParameters", optional = true, standard = @Standard(sample = "1.0"))
                @OutputSchema
                public Output run(Features Inputs, Double GlobalParameters) {
                    double scale = GlobalParameters == null ? 1.0 : GlobalParameters;
                    List<Double> results = new ArrayList<>();
                    for (double[] row : Inputs.input1()) {
                        double sum = Inputs.input3();
                        for (double v : row) sum += v;
                        results.add(sum * scale);
                    }
                    return new Output(results, new long[][] {{Inputs.input1().length, Inputs.corners().length,
                            Inputs.counts().shape(0)}}, Inputs.meta(), Inputs.corners()[0]);
                }
            }
            """;

    private static final String VALID_INPUTS = """
            {"input1": [[1,2,3,4,5,6,7,8,9,10]], "input3": 0.5,
             "meta": {"tag": "t", "points": [{"x": 1, "y": 2}]},
             "corners": [{"x": 0, "y": 0}, {"x": 1, "y": 1.5}], "counts": [3, 4, 5]}""";

    /** A body whose Inputs is {@link #VALID_INPUTS} with {@code from} replaced by {@code to}. */
    private static String inputs(String from, String to) {
        assertTrue(VALID_INPUTS.contains(from), from);
        return "{\"Inputs\": " + VALID_INPUTS.replace(from, to) + "}";
    }

    @Test
    void nestedInputsBindRunAndWrite() throws Exception {
        var binder = BinderTest.binder("Scores", SCORES);
        assertEquals(
                "{\"Results\":[111.0],\"sizes\":[[1,2,3]],\"echo\":{\"tag\":\"t\",\"points\":[{\"x\":1.0,\"y\":2.0}]},\"first\":{\"x\":0.0,\"y\":0.0}}",
                score(binder, "{\"Inputs\": " + VALID_INPUTS + ", \"GlobalParameters\": 2}"));
        // GlobalParameters is optional: run receives null.
        assertEquals(
                "{\"Results\":[55.5],\"sizes\":[[1,2,3]],\"echo\":{\"tag\":\"t\",\"points\":[{\"x\":1.0,\"y\":2.0}]},\"first\":{\"x\":0.0,\"y\":0.0}}",
                score(binder, "{\"Inputs\": " + VALID_INPUTS + "}"));

        Record arguments = bind(binder, "{\"Inputs\": " + VALID_INPUTS + "}");
        assertNull(component(arguments, "GlobalParameters"));
        Record features = (Record) component(arguments, "Inputs");
        assertArrayEquals(
                new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, ((double[][]) component(features, "input1"))[0]);
        assertEquals(0.5, component(features, "input3"));
        NDArray counts = (NDArray) component(features, "counts");
        assertEquals("INT64 [3]", counts.dtype() + " " + java.util.Arrays.toString(counts.shape()));
        Object[] corners = (Object[]) component(features, "corners");
        assertEquals(1.5, component((Record) corners[1], "y"));
        List<?> points = (List<?>) component((Record) component(features, "meta"), "points");
        assertEquals(2.0, component((Record) points.get(0), "y"));
    }

    @Test
    void problemsNameTheFullJsonPath() throws Exception {
        var binder = BinderTest.binder("Scores", SCORES);
        assertEquals("Inputs.input1[0][3]: expected a number, got \"x\"", reject(binder, inputs("4,5", "\"x\",5")));
        assertEquals("Inputs.input1[0]: expected 10 values, got 9", reject(binder, inputs("[[1,2,", "[[2,")));
        assertEquals("Inputs: missing required property 'input3'", reject(binder, inputs("\"input3\": 0.5,", "")));
        assertEquals(
                "Inputs.meta.points[0]: missing required property 'y'", reject(binder, inputs(", \"y\": 2}", "}")));
        assertEquals("Inputs.meta.tag: expected a string, got 7", reject(binder, inputs("\"t\"", "7")));
        assertTrue(reject(binder, inputs("\"x\": 1, \"y\": 1.5", "\"x\": true, \"y\": 1.5"))
                .startsWith("Inputs.corners[1].x: expected a number, got true"));
        assertTrue(reject(binder, inputs("\"points\": [{\"x\": 1, \"y\": 2}]", "\"points\": {}"))
                .startsWith("Inputs.meta.points: expected an array"));
        assertTrue(reject(binder, inputs("[3, 4, 5]", "[3, 4.5]")).startsWith("Inputs.counts[1]: expected an integer"));
        assertTrue(reject(binder, "{\"Inputs\": [1]}").startsWith("Inputs: expected an object"));
        assertEquals(
                "A value is not provided for the 'Inputs' parameter.", reject(binder, "{\"GlobalParameters\": 1.0}"));
        assertTrue(reject(binder, "{\"Inputs\": " + VALID_INPUTS + ", \"GlobalParameters\": \"2\"}")
                .startsWith("GlobalParameters: expected a number"));
    }

    @Test
    void unknownFieldsAreIgnoredAsTheSchemaAllows() throws Exception {
        var binder = BinderTest.binder("Scores", SCORES);
        String withExtras = inputs("\"input3\": 0.5,", "\"input3\": 0.5, \"input9\": {\"deep\": [1, {\"x\": null}]},")
                .replace("{\"x\": 1, \"y\": 2}", "{\"x\": 1, \"z\": \"?\", \"y\": 2}");
        assertEquals(score(binder, "{\"Inputs\": " + VALID_INPUTS + "}"), score(binder, withExtras));
    }

    @Test
    void documentsDescribeTheNesting() throws Exception {
        Compilation compilation = Sources.compile(Sources.source("Scores", SCORES));
        assertThat(compilation).succeededWithoutWarnings();
        CompiledClasses classes = new CompiledClasses(compilation);
        ScoringBinder<Record, Object> binder = classes.instance("test.Scores_ScoreSpec");
        binder.init(ModelDir.of(Path.of(".")));
        assertEquals(List.of("2.0", "3.0", "3.1"), binder.documentVersions());

        JsonNode point = json("""
                {"type": "object", "required": ["x", "y"], "properties": {
                  "x": {"type": "number", "format": "double"}, "y": {"type": "number", "format": "double"}}}""");
        JsonNode meta = json("""
                {"type": "object", "required": ["tag", "points"], "properties": {
                  "tag": {"type": "string"}, "points": {"type": "array", "items": %s}}}""".formatted(point));
        JsonNode inputs = json("""
                {"type": "object", "required": ["input1", "input3", "meta", "corners", "counts"], "properties": {
                  "input1": {"type": "array", "items": {"type": "array", "items": {"type": "number", "format": "double"}},
                             "format": "numpy.ndarray"},
                  "input3": {"type": "number", "format": "double"},
                  "meta": %s,
                  "corners": {"type": "array", "items": %s},
                  "counts": {"type": "array", "items": {"type": "integer", "format": "int64",
                             "minimum": -9223372036854775808, "maximum": 9223372036854775807}, "format": "numpy.ndarray"}}}
                """.formatted(meta, point));
        JsonNode example = json("""
                {"Inputs": {"input1": [[1.0,2.0,3.0,4.0,5.0,6.0,7.0,8.0,9.0,10.0],[10.0,9.0,8.0,7.0,6.0,5.0,4.0,3.0,2.0,1.0]],
                            "input3": 0.0, "meta": {"tag": "a", "points": [{"x": 1.5, "y": 2.5}]},
                            "corners": [{"x": 1.5, "y": 2.5}], "counts": [1, 2]},
                 "GlobalParameters": 1.0}""");
        JsonNode output = json("""
                {"type": "object", "required": ["Results", "sizes", "echo", "first"], "properties": {
                  "Results": {"type": "array", "items": {"type": "number", "format": "double"}},
                  "sizes": {"type": "array", "items": {"type": "array", "items": {"type": "integer", "format": "int64",
                            "minimum": -9223372036854775808, "maximum": 9223372036854775807}},
                            "format": "numpy.ndarray"},
                  "echo": %s,
                  "first": %s},
                 "example": {"Results": [1.0, 1.0], "sizes": [[1, 2]], "echo": {"tag": "a", "points": [{"x": 1.5, "y": 2.5}]},
                             "first": {"x": 1.5, "y": 2.5}}}
                """.formatted(meta, point));

        for (String version : binder.documentVersions()) {
            OpenApiVersion v = OpenApiVersion.forLabel(version).orElseThrow();
            String file = v.member();
            String text = classes.document("test.Scores", v);
            assertEquals(List.of(), DocumentParsers.messages(text, v), file);
            JsonNode schemas = version.equals("2.0")
                    ? json(text).path("definitions")
                    : json(text).path("components").path("schemas");
            JsonNode serviceInput = schemas.path("ServiceInput");
            assertEquals(inputs, serviceInput.path("properties").path("Inputs"), file);
            assertEquals(
                    json("{\"type\": \"number\", \"format\": \"double\"}"),
                    serviceInput.path("properties").path("GlobalParameters"),
                    file);
            assertEquals(example, serviceInput.path("example"), file);
            assertEquals(output, schemas.path("ServiceOutput"), file);
            if (v != OpenApiVersion.V2_0) {
                assertEquals(List.of(), ExampleValidator.errors(serviceInput, serviceInput.path("example"), v), file);
                assertEquals(
                        List.of(),
                        ExampleValidator.errors(schemas.path("ServiceOutput"), output.path("example"), v),
                        file);
            }
        }
    }

    @Test
    void generatedReadersFollowTheNesting() throws Exception {
        Compilation compilation = Sources.compile(Sources.source("Scores", SCORES));
        String source = compilation
                .generatedSourceFile("test.Scores_ScoreSpec")
                .orElseThrow()
                .getCharContent(true)
                .toString();
        assertTrue(source.contains("required(\"Inputs\", Scores_ScoreSpec::readFeatures)"), source);
        assertTrue(
                source.contains(
                        "Reads a {@link Scores.Features}: an object with input1, input3, meta, corners, counts."),
                source);
        assertTrue(source.contains("private static final int[] INPUTS_INPUT1_SHAPE = {2, 10};"), source);
        assertTrue(source.contains("JsonBody.requireKey(json, hasInput1, \"input1\");"), source);
        // Point appears twice (meta.points[] and corners[]) and is read and written by one method each.
        assertEquals(1, source.split("private static Scores.Point readPoint\\(").length - 1, source);
        assertTrue(source.contains("items.add(readPoint(json));"), source);
        assertEquals(1, source.split("private static void writePoint\\(").length - 1, source);
        assertTrue(source.contains("writePoint(out, value.first());"), source);
    }

    private static Object component(Record record, String name) throws ReflectiveOperationException {
        return record.getClass().getMethod(name).invoke(record);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}

package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.google.testing.compile.Compilation;
import dev.scorespec.runtime.ModelDir;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.binding.BindingException;
import dev.scorespec.runtime.binding.BodyKind;
import dev.scorespec.runtime.binding.ScoringBinder;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compiles real scoring classes, loads their generated binders, and binds real payloads. */
class BinderTest {

    /** Compiles one scoring class {@code test.<name>} and returns its initialized binder. */
    @SuppressWarnings("unchecked")
    static ScoringBinder<Record, Object> binder(String name, String body) throws Exception {
        Compilation compilation = Sources.compile(Sources.source(name, body));
        assertThat(compilation).succeededWithoutWarnings();
        ScoringBinder<Record, Object> binder = new CompiledClasses(compilation).instance("test." + name + "_ScoreSpec");
        binder.init(ModelDir.of(Path.of(".")));
        return binder;
    }

    static Record bind(ScoringBinder<Record, Object> binder, String json) throws Exception {
        return binder.bind(ScoringRequest.json(json));
    }

    static String reject(ScoringBinder<Record, Object> binder, String json) {
        return assertThrows(BindingException.class, () -> bind(binder, json)).getMessage();
    }

    static String score(ScoringBinder<Record, Object> binder, String json) throws Exception {
        Object result = binder.run(bind(binder, json));
        StringWriter text = new StringWriter();
        try (JsonGenerator out = ScoringRequest.jsonFactory().createGenerator(text)) {
            binder.write(result, out);
        }
        return text.toString();
    }

    static final String RIDGE = """
            public final class Ridge {
                private double bias;

                @Init void init(ModelDir models) { bias = 0.5; }

                @InputSchema(param = "data", ndarray = @NdArray(sample = "[[10,9,8,7,6,5,4,3,2,1]]", dtype = "float64"))
                @OutputSchema(ndarray = @NdArray(sample = "[3726.995]"))
                public double[] run(double[][] data) {
                    double[] out = new double[data.length];
                    for (int i = 0; i < data.length; i++) {
                        for (double v : data[i]) out[i] += v;
                        out[i] += bias;
                    }
                    return out;
                }
            }
            """;

    @Test
    void ridgeBindsRunsAndWrites() throws Exception {
        var binder = binder("Ridge", RIDGE);
        assertEquals("test.Ridge", binder.scoringClass());
        assertEquals(List.of("2.0", "3.0", "3.1"), binder.documentVersions());
        assertEquals(BodyKind.JSON_PARAMETERS, binder.bodyKind());
        assertEquals("[55.5,10.5]", score(binder, "{\"data\": [[10,9,8,7,6,5,4,3,2,1], [1,1,1,1,1,1,1,1,1,1.0]]}"));
        double[][] data =
                (double[][]) bind(binder, "{\"data\": [[1,2,3,4,5,6,7,8,9,10]], \"extra\": {\"ignored\": [1]}}")
                        .getClass()
                        .getMethod("data")
                        .invoke(bind(binder, "{\"data\": [[1,2,3,4,5,6,7,8,9,10]]}"));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, data[0]);
    }

    @Test
    void ridgeRejectsWithPathAndProblem() throws Exception {
        var binder = binder("Ridge", RIDGE);
        assertEquals(
                "data[1]: expected 10 values, got 9",
                reject(binder, "{\"data\": [[1,2,3,4,5,6,7,8,9,10], [1,2,3,4,5,6,7,8,9]]}"));
        assertEquals(
                "data[0][3]: expected a number, got \"x\"", reject(binder, "{\"data\": [[1,2,3,\"x\",5,6,7,8,9,10]]}"));
        assertEquals("A value is not provided for the 'data' parameter.", reject(binder, "{}"));
        assertTrue(reject(binder, "[1, 2]").startsWith("The request body must be a JSON object"));
        assertTrue(reject(binder, "{\"data\": [[1,2").startsWith("The request body is not valid JSON"));
        assertTrue(reject(binder, "{\"data\": \"abc\"}").startsWith("data: expected an array"));
    }

    @Test
    void standardValuesRecordsListsMapsAndOptionals() throws Exception {
        var binder = binder("Plain", """
                public class Plain {
                    public record Item(String name, List<String> state, LocalDate when) {}

                    @InputSchema(param = "item", standard = @Standard(sample = "{\\"name\\": \\"x\\", \\"state\\": [\\"WA\\"], \\"when\\": \\"2020-01-02\\"}"))
                    @InputSchema(param = "scale", optional = true, standard = @Standard(sample = "1.5"))
                    @InputSchema(param = "dict", standard = @Standard(sample = "{\\"name\\": [\\"Sarah\\"], \\"state\\": [\\"WA\\"]}"))
                    @InputSchema(param = "mixed", standard = @Standard(sample = "[\\"foo\\", 1]"))
                    @OutputSchema(standard = @Standard(sample = "{\\"name\\": \\"x\\", \\"state\\": [\\"WA\\"], \\"when\\": \\"2020-01-02\\"}"))
                    public Item run(Item item, Double scale, Map<String, List<String>> dict, List<Object> mixed,
                            @RequestHeaders Map<String, String> headers) {
                        return new Item(item.name() + (scale == null ? "" : scale) + headers.get("content-type"),
                                dict.get("state"), item.when().plusDays(mixed.size()));
                    }
                }
                """);
        assertEquals(List.of("3.0", "3.1"), binder.documentVersions());
        assertEquals(
                "{\"name\":\"a2.0application/json\",\"state\":[\"CA\"],\"when\":\"2020-01-04\"}", score(binder, """
                {"item": {"name": "a", "state": [], "when": "2020-01-02"}, "scale": 2,
                 "dict": {"name": [], "state": ["CA"], "more": ["x"]}, "mixed": ["a", 7]}"""));
        Record args = bind(binder, """
                {"item": {"name": "a", "state": ["WA"], "when": "2021-03-04"},
                 "dict": {"name": [], "state": []}, "mixed": []}""");
        assertNull(args.getClass().getMethod("scale").invoke(args));
        assertEquals(
                LocalDate.of(2021, 3, 4),
                ((Record) args.getClass().getMethod("item").invoke(args))
                        .getClass()
                        .getMethod("when")
                        .invoke(args.getClass().getMethod("item").invoke(args)));
        assertEquals(
                "item: missing required property 'when'",
                reject(
                        binder,
                        "{\"item\": {\"name\": \"a\", \"state\": []}, \"dict\": {\"name\": [], \"state\": []}, \"mixed\": []}"));
        assertEquals(
                "dict: missing required property 'state'",
                reject(
                        binder,
                        "{\"item\": {\"name\": \"a\", \"state\": [], \"when\": \"2020-01-02\"}, \"dict\": {\"name\": []}, \"mixed\": []}"));
        assertTrue(reject(
                        binder,
                        "{\"item\": {\"name\": \"a\", \"state\": [], \"when\": \"2020-01-02\"}, "
                                + "\"dict\": {\"name\": [], \"state\": []}, \"mixed\": [true]}")
                .startsWith("mixed[0]: expected a string or an integer, got true"));
        assertTrue(reject(
                        binder,
                        "{\"item\": {\"name\": \"a\", \"state\": [], \"when\": \"02/01/2020\"}, "
                                + "\"dict\": {\"name\": [], \"state\": []}, \"mixed\": []}")
                .startsWith("item.when: expected a date"));
        assertTrue(reject(
                        binder,
                        "{\"item\": {\"name\": \"a\", \"state\": [], \"when\": \"2020-01-02\"}, \"scale\": \"2\", "
                                + "\"dict\": {\"name\": [], \"state\": []}, \"mixed\": []}")
                .startsWith("scale: expected a number"));
    }

    @Test
    void structuredArraysBindToRecords() throws Exception {
        var binder = binder("Grades", """
                public class Grades {
                    public record Student(String name, double[] grades) {}
                    public record Mean(double f0, double f1) {}

                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[{\\"name\\": \\"Sarah\\", \\"grades\\": [8.0, 7.0]}, {\\"name\\": \\"John\\", \\"grades\\": [6.0, 7.0]}]"))
                    @OutputSchema(ndarray = @NdArray(sample = "[{\\"f0\\": 8.0, \\"f1\\": 7.0}]"))
                    public Mean[] run(Student[] data) {
                        Mean[] out = new Mean[data.length];
                        for (int i = 0; i < data.length; i++) out[i] = new Mean(data[i].grades()[0], data[i].grades()[1]);
                        return out;
                    }
                }
                """);
        assertEquals(
                "[{\"f0\":1.0,\"f1\":2.0},{\"f0\":3.0,\"f1\":4.0}]",
                score(
                        binder,
                        "{\"data\": [{\"name\": \"a\", \"grades\": [1, 2], \"extra\": 1}, {\"grades\": [3.0, 4.0], \"name\": \"b\"}]}"));
        assertEquals("data[0]: missing required property 'grades'", reject(binder, "{\"data\": [{\"name\": \"a\"}]}"));
        assertEquals(
                "data[0].grades: expected 2 values, got 3",
                reject(binder, "{\"data\": [{\"name\": \"a\", \"grades\": [1, 2, 3]}]}"));
        assertTrue(reject(binder, "{\"data\": [{\"name\": [1, 2], \"grades\": [1, 2]}]}")
                .startsWith("data[0].name: expected a string"));
        // The schema's rows are objects; numpy's other form, a list in field order, is rejected as the schema says.
        assertEquals(
                "data[1]: expected an object, got an array",
                reject(binder, "{\"data\": [{\"name\": \"a\", \"grades\": [1, 2]}, [\"b\", [3.0, 4.0]]]}"));
        assertEquals("data[0]: expected an object, got an array", reject(binder, "{\"data\": [[\"a\"]]}"));
        assertEquals("data[0]: expected an object, got an array", reject(binder, "{\"data\": [[[1, 2], \"a\"]]}"));
    }

    @Test
    void jsonTextRunReceivesTheBody() throws Exception {
        var binder = binder("Echo", """
                @ScoringService
                public class Echo {
                    public String run(String body) { return body.length() + ":" + body; }
                }
                """);
        assertEquals(BodyKind.JSON_TEXT, binder.bodyKind());
        assertEquals("\"7:{\\\"a\\\":1}\"", score(binder, "{\"a\":1}"));
    }

    @Test
    void everyDtypeFamilyBinds() throws Exception {
        var binder = binder("Kinds", """
                public class Kinds {
                    @InputSchema(param = "ints", ndarray = @NdArray(sample = "[[1, 2], [3, 4]]"))
                    @InputSchema(param = "flags", ndarray = @NdArray(sample = "[true, false]"))
                    @InputSchema(param = "names", ndarray = @NdArray(sample = "[\\"a\\"]"))
                    @InputSchema(param = "any", ndarray = @NdArray(sample = "[[[1.5]]]"))
                    @InputSchema(param = "small", ndarray = @NdArray(sample = "[1, 2]", dtype = "uint8"))
                    public String run(long[][] ints, boolean[] flags, String[] names, NDArray any, NDArray small) {
                        return ints[1][1] + " " + flags[0] + " " + names[0] + " " + any.dtype() + java.util.Arrays.toString(any.shape())
                                + " " + small.dtype();
                    }
                }
                """);
        assertEquals(
                "\"4 true b FLOAT64[2, 1, 1] UINT8\"",
                score(
                        binder,
                        "{\"ints\": [[1,2],[3,4]], \"flags\": [true], \"names\": [\"b\"], \"any\": [[[1]],[[2.5]]], \"small\": [255]}"));
        assertTrue(reject(
                        binder,
                        "{\"ints\": [[1,2],[3,4.5]], \"flags\": [true], \"names\": [\"b\"], \"any\": [[[1]]], \"small\": [1]}")
                .startsWith("ints[1][1]: expected an integer"));
        assertTrue(reject(
                        binder,
                        "{\"ints\": [[1,2]], \"flags\": [1], \"names\": [\"b\"], \"any\": [[[1]]], \"small\": [1]}")
                .startsWith("flags[0]: expected true or false"));
        assertTrue(reject(
                        binder,
                        "{\"ints\": [[1,2]], \"flags\": [true], \"names\": [\"b\"], \"any\": [[[1]]], \"small\": [256]}")
                .startsWith("small[0]: expected an integer from 0 to 255"));
    }

    @Test
    void generatedSourceReadsLikeHandWrittenCode() throws Exception {
        Compilation compilation = Sources.compile(Sources.source("Ridge", RIDGE));
        String source = compilation
                .generatedSourceFile("test.Ridge_ScoreSpec")
                .orElseThrow()
                .getCharContent(true)
                .toString();
        assertTrue(
                source.contains(
                                "@Generated(\n        value = \"dev.scorespec.processor.ScoreSpecProcessor\",\n        comments = \"from test.Ridge\"\n)")
                        || source.contains("comments = \"from test.Ridge\""),
                source);
        assertTrue(
                source.contains(
                        "public final class Ridge_ScoreSpec extends GeneratedBinder<Ridge, Ridge_ScoreSpec.Arguments, double[]>"),
                source);
        assertTrue(source.contains("private static final int[] DATA_SHAPE = {1, 10};"), source);
        assertTrue(source.contains("Reads {@code data}: a float64 array of shape (*, 10)."), source);
        assertTrue(
                source.contains(
                        "return (double[][]) NdArrayReader.readJavaArray(json, DType.FLOAT64, DATA_SHAPE, true);"),
                source);
        String services =
                new CompiledClasses(compilation).text("META-INF/services/dev.scorespec.runtime.binding.ScoringBinder");
        assertTrue(services.lines().anyMatch("test.Ridge_ScoreSpec"::equals), services);
    }
}

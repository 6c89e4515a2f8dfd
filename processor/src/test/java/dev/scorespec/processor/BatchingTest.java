package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.scorespec.processor.DiagnosticsTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonGenerator;
import com.google.testing.compile.Compilation;
import dev.scorespec.runtime.InvalidInputException;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.batching.BatchShape;
import dev.scorespec.runtime.batching.BatchSpec;
import dev.scorespec.runtime.binding.ScoringBinder;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Batching}: the shape the binder generates (a batch scored in one call answers each request what
 * it would get alone), and the misuses (SS250-SS256).
 */
class BatchingTest {

    static final String RIDGE = """
            @Batching(maxRows = 64, maxDelayMs = 2)
            public class Ridge {
                @InputSchema(param = "data", ndarray = @NdArray(sample = "[[1.0, 2.0]]"))
                @InputSchema(param = "scale", standard = @Standard(sample = "1.0"))
                @OutputSchema(ndarray = @NdArray(sample = "[3.0]"))
                public double[] run(double[][] data, double scale) {
                    double[] out = new double[data.length];
                    for (int i = 0; i < data.length; i++) {
                        out[i] = (data[i][0] * 0.25 + data[i][1] / 3) * scale;
                    }
                    return out;
                }
            }
            """;

    /** Each body alone, then all of them as one batch per key: the answers, as JSON, must be the same. */
    private static void assertBatchedAsAlone(ScoringBinder<Record, Object> binder, String... bodies) throws Exception {
        @SuppressWarnings("unchecked")
        BatchShape<Record, Object> shape =
                (BatchShape<Record, Object>) binder.batching().shape();
        List<Record> requests = new ArrayList<>();
        List<String> alone = new ArrayList<>();
        for (String body : bodies) {
            Record arguments = binder.bind(ScoringRequest.json(body));
            requests.add(arguments);
            alone.add(json(binder, binder.run(arguments)));
        }
        int[] rows = requests.stream().mapToInt(shape::rows).toArray();
        Object batch = binder.run(shape.concat(requests));
        assertEquals(
                List.of(rows).stream().mapToInt(r -> r.length).sum() == 0 ? 0 : sum(rows), shape.resultRows(batch));
        List<Object> split = shape.split(batch, rows);
        List<String> batched = new ArrayList<>();
        for (Object part : split) {
            batched.add(json(binder, part));
        }
        assertEquals(alone, batched);
    }

    private static int sum(int[] rows) {
        int sum = 0;
        for (int r : rows) {
            sum += r;
        }
        return sum;
    }

    private static String json(ScoringBinder<Record, Object> binder, Object result) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = ScoringRequest.jsonFactory().createGenerator(out)) {
            binder.write(result, generator);
        }
        return out.toString();
    }

    @Test
    void arraysAreConcatenatedAndSplitRowForRow() throws Exception {
        ScoringBinder<Record, Object> binder = BinderTest.binder("Ridge", RIDGE);
        BatchSpec<Record, Object> batching = binder.batching();
        assertEquals(64, batching.maxRows());
        assertEquals(2, batching.maxDelayMs());
        assertBatchedAsAlone(
                binder,
                "{\"data\": [[1, 2], [3, 4]], \"scale\": 2}",
                "{\"data\": [[0.1, 0.7]], \"scale\": 2}",
                "{\"data\": [], \"scale\": 2}",
                "{\"data\": [[5, 6], [7, 8], [9, 10]], \"scale\": 2}");
    }

    @Test
    void requestsWithOtherNonBatchedValuesHaveOtherKeys() throws Exception {
        ScoringBinder<Record, Object> binder = BinderTest.binder("Ridge", RIDGE);
        BatchShape<Record, Object> shape = binder.batching().shape();
        Object two = shape.key(binder.bind(ScoringRequest.json("{\"data\": [[1, 2]], \"scale\": 2}")));
        assertEquals(two, shape.key(binder.bind(ScoringRequest.json("{\"data\": [[3, 4], [5, 6]], \"scale\": 2}"))));
        assertNotEquals(two, shape.key(binder.bind(ScoringRequest.json("{\"data\": [[1, 2]], \"scale\": 3}"))));
    }

    @Test
    void openDimensionsAreInTheKey() throws Exception {
        ScoringBinder<Record, Object> binder = BinderTest.binder("Open", """
                @Batching
                public class Open {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[[1.0, 2.0]]", enforceShape = false))
                    @OutputSchema(ndarray = @NdArray(sample = "[3.0]"))
                    public double[] run(double[][] data) {
                        double[] out = new double[data.length];
                        for (int i = 0; i < data.length; i++) {
                            out[i] = data[i].length;
                        }
                        return out;
                    }
                }
                """);
        BatchShape<Record, Object> shape = binder.batching().shape();
        Object pairs = shape.key(binder.bind(ScoringRequest.json("{\"data\": [[1, 2]]}")));
        assertEquals(pairs, shape.key(binder.bind(ScoringRequest.json("{\"data\": [[1, 2], [3, 4]]}"))));
        assertNotEquals(pairs, shape.key(binder.bind(ScoringRequest.json("{\"data\": [[1, 2, 3]]}"))));
        assertBatchedAsAlone(binder, "{\"data\": [[1, 2]]}", "{\"data\": [[3, 4], [5, 6]]}");
    }

    @Test
    void ndArraysListsAndTablesBatchToo() throws Exception {
        assertBatchedAsAlone(BinderTest.binder("Nd", """
                        @Batching
                        public class Nd {
                            @InputSchema(param = "x", ndarray = @NdArray(sample = "[[1, 2]]", dtype = "int64"))
                            @OutputSchema(ndarray = @NdArray(sample = "[[1, 2]]", dtype = "int64"))
                            public NDArray run(NDArray x) { return x; }
                        }
                        """), "{\"x\": [[1, 2], [3, 4]]}", "{\"x\": [[5, 6]]}");
        assertBatchedAsAlone(
                BinderTest.binder("Items", """
                        @Batching
                        public class Items {
                            public record Item(String name, long count) {}

                            @InputSchema(param = "items", standard = @Standard(sample = "[{\\"name\\": \\"a\\", \\"count\\": 1}]"))
                            @OutputSchema(standard = @Standard(sample = "[\\"a1\\"]"))
                            public List<String> run(List<Item> items) {
                                return items.stream().map(i -> i.name() + i.count()).toList();
                            }
                        }
                        """),
                "{\"items\": [{\"name\": \"x\", \"count\": 1}, {\"name\": \"y\", \"count\": 2}]}",
                "{\"items\": [{\"name\": \"z\", \"count\": 3}]}");
        assertBatchedAsAlone(
                BinderTest.binder("Frame", """
                        import tech.tablesaw.api.*;

                        @Batching
                        public class Frame {
                            @InputSchema(param = "data", dataframe = @DataFrame(sample = "[{\\"x\\": 1.5, \\"y\\": \\"a\\"}]"))
                            public Table run(Table data) { return data; }
                        }
                        """),
                "{\"data\": [{\"x\": 1, \"y\": \"p\"}, {\"x\": 2, \"y\": \"q\"}]}",
                "{\"data\": [{\"x\": 3, \"y\": \"r\"}]}");
    }

    @Test
    void batchedInputsMustHaveAsManyRowsAsEachOther() throws Exception {
        ScoringBinder<Record, Object> binder = BinderTest.binder("Pairs", """
                @Batching
                public class Pairs {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[[1.0, 2.0]]"))
                    @InputSchema(param = "ids", standard = @Standard(sample = "[\\"a\\"]"))
                    @OutputSchema(standard = @Standard(sample = "[\\"a\\"]"))
                    public List<String> run(double[][] data, List<String> ids) {
                        List<String> out = new ArrayList<>();
                        for (int i = 0; i < data.length; i++) {
                            out.add(ids.get(i) + data[i][0]);
                        }
                        return out;
                    }
                }
                """);
        assertBatchedAsAlone(
                binder,
                "{\"data\": [[1, 2], [3, 4]], \"ids\": [\"p\", \"q\"]}",
                "{\"data\": [[5, 6]], \"ids\": [\"r\"]}");
        Record uneven = binder.bind(ScoringRequest.json("{\"data\": [[1, 2], [3, 4]], \"ids\": [\"p\"]}"));
        BatchShape<Record, Object> shape = binder.batching().shape();
        assertEquals(
                "ids: 1 rows, but data has 2; the service batches requests, and pairs the inputs' rows one for one.",
                assertThrows(InvalidInputException.class, () -> shape.rows(uneven))
                        .getMessage());
    }

    @Test
    void withoutBatchingTheBinderHasNoShape() throws Exception {
        assertNull(BinderTest.binder("Plain", """
                        public class Plain {
                            @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                            public double[] run(double[] data) { return data; }
                        }
                        """).batching());
    }

    @Test
    void maxRowsMustBePositive() {
        assertError(
                """
                @Batching(maxRows = 0)
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    public double[] run(double[] data) { return data; }
                }
                """,
                "SS250",
                "@Batching(maxRows = 0) must be at least 1: it is the most rows one run call receives. Give 1 or more,"
                        + " such as the default 256.",
                "@Batching(maxRows = 0)");
    }

    @Test
    void maxDelayMustNotBeNegative() {
        assertError(
                """
                @Batching(
                        maxDelayMs = -1)
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    public double[] run(double[] data) { return data; }
                }
                """,
                "SS251",
                "@Batching(maxDelayMs = -1) must not be negative: it is the longest a request waits for others, in"
                        + " milliseconds. Give 0 to never wait",
                "maxDelayMs = -1");
    }

    @Test
    void rawHttpAndBodyTextCannotBeBatched() {
        assertError(
                """
                @Batching
                public class Bad {
                    @RawHttp
                    public ScoringResponse run(ScoringRequest request) { return ScoringResponse.text(200, "x"); }
                }
                """,
                "SS252",
                "@Batching needs run's inputs described by @InputSchema, which says where their rows are, but run is"
                        + " @RawHttp: it takes the request as it came. Remove @Batching, or take the rows as"
                        + " @InputSchema parameters.",
                "@Batching");
        assertError(
                """
                @Batching
                public class Bad {
                    public String run(String body) { return body; }
                }
                """,
                "SS252",
                "@Batching needs run's inputs described by @InputSchema, which says where their rows are, but run takes"
                        + " the body text without a schema.",
                "@Batching");
    }

    @Test
    void requestHeadersCannotBeBatched() {
        assertError(
                """
                @Batching
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    public double[] run(double[] data,
                            @RequestHeaders Map<String, String> headers) { return data; }
                }
                """,
                "SS253",
                "Parameter 'headers' is @RequestHeaders, which @Batching cannot have: every request's headers differ",
                "@RequestHeaders Map");
    }

    @Test
    void someInputMustHaveRows() {
        assertError(
                """
                @Batching
                public class Bad {
                    @InputSchema(param = "x", standard = @Standard(sample = "1.0"))
                    @InputSchema(param = "options", standard = @Standard(sample = "{\\"k\\": 1}"))
                    @OutputSchema(standard = @Standard(sample = "[1.0]"))
                    public double[] run(double x, Map<String, Long> options) { return new double[] {x}; }
                }
                """,
                "SS254",
                "@Batching concatenates run's inputs along their first dimension, but none of them has one: 'x' is a"
                        + " single value, 'options' is an object. Take the rows as an @NdArray of one or more"
                        + " dimensions, a @DataFrame or a list, or remove @Batching.",
                "@Batching");
    }

    @Test
    void aBatchedInputCannotBeOptional() {
        assertError(
                """
                @Batching
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"), optional = true)
                    public double[] run(double[] data) { return data; }
                }
                """,
                "SS255",
                "Input 'data' is batched along its first dimension, but optional: a request without it has no rows to"
                        + " concatenate with the others'. Remove optional = true, or remove @Batching.",
                "public double[] run");
    }

    @Test
    void theResultMustHaveRows() {
        assertError(
                """
                @Batching
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    @OutputSchema(standard = @Standard(sample = "1.0"))
                    public double run(double[] data) { return data[0]; }
                }
                """,
                "SS256",
                "@Batching splits run's result back to each request along its first dimension, but its @OutputSchema"
                        + " is a single value. Return an @NdArray of one or more dimensions, a @DataFrame, a list or"
                        + " an array, with one row for each input row, or remove @Batching.",
                "@OutputSchema");
        assertError(
                """
                @Batching
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    public Map<String, Object> run(double[] data) { return Map.of(); }
                }
                """,
                "SS256",
                "@Batching splits run's result back to each request along its first dimension, but run returns"
                        + " Map<String, Object>.",
                "public Map<String, Object> run");
    }

    @Test
    void runsOwnProblemsComeFirst() {
        JavaFileObject source = Sources.source("Bad", """
                @Batching(maxRows = 0)
                public class Bad {
                    @InputSchema(param = "dat", ndarray = @NdArray(sample = "[1.0]"))
                    public double run(double[] data) { return 0; }
                }
                """);
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[SS130]");
        assertThat(compilation).hadErrorContaining("[SS250]");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void batchingAloneMarksAScoringClass() {
        JavaFileObject source = Sources.source("Bad", """
                @Batching
                public class Bad {
                    public double score(double[] data) { return 0; }
                }
                """);
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).hadErrorContaining("[SS110]").inFile(source).onLineContaining("public class Bad");
    }
}

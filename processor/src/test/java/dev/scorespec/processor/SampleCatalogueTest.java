package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.testing.compile.Compilation;
import dev.scorespec.annotations.Orient;
import dev.scorespec.annotations.internal.DType;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.emit.ExampleValidator;
import dev.scorespec.runtime.ModelDir;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.binding.BindingException;
import dev.scorespec.runtime.binding.ScoringBinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A generated catalogue of scoring classes, one per sample kind and option (every dtype at ranks 1 to 3,
 * every orient with and without type enforcement, standard values, lists, maps, records and their mixes,
 * nested records), compiled in one compilation. For each: every written example validates against its
 * own schema in OpenAPI 3.0 and 3.1 and binds; payloads made from the example by changing its values
 * bind when they are valid against the schema, and are refused when they are not.
 */
class SampleCatalogueTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * Frames whose binder is narrower than their schema, as documented: without type enforcement a
     * column takes the JSON type of its first value (a Tablesaw column has one type) where the schema
     * allows any value; in orients values (OpenAPI 3.0) and split a position's schema is any of the
     * columns' types. For them only the other half holds: what binds is valid.
     */
    private static final java.util.regex.Pattern BINDER_NARROWER =
            java.util.regex.Pattern.compile("Frame.*Untyped|FrameValues.*|FrameSplit.*");

    private static final List<OpenApiVersion> VERSIONS = List.of(OpenApiVersion.V3_0, OpenApiVersion.V3_1);

    private static final Map<String, String> SOURCES = catalogue();
    private static Map<String, Compiled> compiled;

    record Compiled(ScoringBinder<Record, Object> binder, Map<OpenApiVersion, JsonNode> documents) {}

    static Stream<String> cases() {
        return SOURCES.keySet().stream();
    }

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void compileAll() throws Exception {
        List<JavaFileObject> files = new ArrayList<>();
        SOURCES.forEach((name, body) -> files.add(Sources.source(name, body)));
        Compilation compilation = Sources.compile(files.toArray(JavaFileObject[]::new));
        assertThat(compilation).succeeded();
        CompiledClasses classes = new CompiledClasses(compilation);
        compiled = new LinkedHashMap<>();
        for (String name : SOURCES.keySet()) {
            ScoringBinder<Record, Object> binder = classes.instance("test." + name + "_ScoreSpec");
            binder.init(ModelDir.of(Path.of(".")));
            Map<OpenApiVersion, JsonNode> documents = new LinkedHashMap<>();
            for (OpenApiVersion version : VERSIONS) {
                String text = classes.document(binder.scoringClass(), version);
                if (text != null) {
                    documents.put(version, JSON.readTree(text));
                }
            }
            compiled.put(name, new Compiled(binder, documents));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyExampleValidatesAndBinds(String name) throws Exception {
        Compiled c = compiled.get(name);
        assertFalse(c.documents().isEmpty(), name + ": no OpenAPI 3 document");
        for (Map.Entry<OpenApiVersion, JsonNode> document : c.documents().entrySet()) {
            JsonNode schemas = document.getValue().path("components").path("schemas");
            for (String schema : List.of("ServiceInput", "ServiceOutput")) {
                JsonNode s = schemas.path(schema);
                assertTrue(s.has("example"), name + " " + schema);
                assertEquals(
                        List.of(),
                        ExampleValidator.errors(s, s.get("example"), document.getKey()).stream()
                                .map(Object::toString)
                                .toList(),
                        name + " " + schema + " " + document.getKey() + ": " + s);
            }
            String example =
                    JSON.writeValueAsString(schemas.path("ServiceInput").path("example"));
            try {
                c.binder().bind(ScoringRequest.json(example));
            } catch (BindingException e) {
                throw new AssertionError(
                        name + ": the binder refuses its own example " + example + ": " + e.getMessage());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void changedPayloadsBindExactlyWhenTheSchemaAllowsThem(String name) throws Exception {
        Compiled c = compiled.get(name);
        Random random = new Random(name.hashCode());
        for (Map.Entry<OpenApiVersion, JsonNode> document : c.documents().entrySet()) {
            JsonNode input =
                    document.getValue().path("components").path("schemas").path("ServiceInput");
            JsonNode example = input.path("example");
            for (int round = 0; round < 40; round++) {
                JsonNode payload = changeOneLeaf(example, random);
                boolean valid = ExampleValidator.errors(input, payload, document.getKey())
                        .isEmpty();
                if (valid && BINDER_NARROWER.matcher(name).matches()) {
                    continue;
                }
                boolean binds;
                String refusal = "";
                try {
                    c.binder().bind(ScoringRequest.json(JSON.writeValueAsString(payload)));
                    binds = true;
                } catch (BindingException e) {
                    binds = false;
                    refusal = e.getMessage();
                }
                assertEquals(
                        valid,
                        binds,
                        name + " " + document.getKey() + ": " + payload
                                + (binds ? " binds" : " is refused: " + refusal));
            }
        }
    }

    /**
     * The payload with one leaf replaced: by a value of the same JSON kind (another small integer, number
     * or boolean), which the schema allows, or by one of another kind, which it does not (except where
     * the schema allows any value).
     */
    private static JsonNode changeOneLeaf(JsonNode example, Random random) {
        List<String> leaves = new ArrayList<>();
        leaves(example, "", leaves);
        JsonNode copy = example.deepCopy();
        if (leaves.isEmpty()) {
            return copy;
        }
        String at = leaves.get(random.nextInt(leaves.size()));
        JsonNode leaf = copy.at(at);
        boolean sameKind = random.nextBoolean();
        JsonNode replacement;
        if (sameKind && leaf.isIntegralNumber()) {
            replacement = NODES.numberNode(random.nextInt(100));
        } else if (sameKind && leaf.isNumber()) {
            replacement = NODES.numberNode(random.nextInt(1000) / 8.0);
        } else if (sameKind && leaf.isBoolean()) {
            replacement = NODES.booleanNode(!leaf.booleanValue());
        } else if (sameKind) {
            replacement = leaf;
        } else {
            List<JsonNode> others = Stream.<JsonNode>of(
                            NODES.textNode("x"), NODES.numberNode(1.5), NODES.booleanNode(true), NODES.nullNode())
                    .filter(other -> other.getNodeType() != leaf.getNodeType())
                    .toList();
            replacement = others.get(random.nextInt(others.size()));
        }
        int slash = at.lastIndexOf('/');
        JsonNode parent = copy.at(at.substring(0, slash));
        String key = at.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.set(key, replacement);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(key), replacement);
        }
        return copy;
    }

    private static void leaves(JsonNode node, String at, List<String> into) {
        if (node.isContainerNode()) {
            if (node.isObject()) {
                node.fieldNames()
                        .forEachRemaining(k -> leaves(
                                node.get(k), at + "/" + k.replace("~", "~0").replace("/", "~1"), into));
            } else {
                for (int i = 0; i < node.size(); i++) {
                    leaves(node.get(i), at + "/" + i, into);
                }
            }
        } else if (!at.isEmpty()) {
            into.add(at);
        }
    }

    // ------------------------------------------------------------------------------ the catalogue

    private static Map<String, String> catalogue() {
        Map<String, String> sources = new LinkedHashMap<>();
        for (DType dtype : DType.values()) {
            for (int rank = 1; rank <= 3; rank++) {
                String name = "Nd" + camel(dtype.numpyName()) + "Rank" + rank;
                sources.put(name, """
                        public class %s {
                            @InputSchema(param = "data", ndarray = @NdArray(sample = "%s", dtype = "%s"))
                            @OutputSchema(ndarray = @NdArray(sample = "%s", dtype = "%s"))
                            public NDArray run(NDArray data) { return data; }
                        }
                        """.formatted(
                                name,
                                escape(ndSample(dtype, rank)),
                                dtype.numpyName(),
                                escape(ndSample(dtype, rank)),
                                dtype.numpyName()));
            }
        }
        sources.put("NdEmpty", """
                public class NdEmpty {
                    @InputSchema(param = "x", ndarray = @NdArray(sample = "[]", dtype = "uint16"))
                    @InputSchema(param = "y", ndarray = @NdArray(sample = "[]", dtype = "float16"))
                    @OutputSchema(ndarray = @NdArray(sample = "[]", dtype = "bool"))
                    public boolean[] run(int[][] x, NDArray y) { return new boolean[0]; }
                }
                """);
        sources.put("NdDaysJava", """
                public class NdDaysJava {
                    public record Visit(LocalDate day, long count) {}
                    @InputSchema(param = "d", ndarray = @NdArray(sample = "[[\\"2021-05-06\\"]]", dtype = "datetime64"))
                    @InputSchema(param = "v", ndarray = @NdArray(sample = "[{\\"day\\": \\"2021-05-06\\", \\"count\\": 2}]"))
                    @OutputSchema(ndarray = @NdArray(sample = "[\\"2021-05-06\\"]", dtype = "datetime64[D]"))
                    public LocalDate[] run(LocalDate[][] d, Visit[] v) { return d[0]; }
                }
                """);
        sources.put("NdRowsOfRecords", """
                public class NdRowsOfRecords {
                    public record Cell(String name, long n, double[] xy) {}
                    @InputSchema(param = "g", ndarray = @NdArray(sample = "[[{\\"name\\": \\"a\\", \\"n\\": 1, \\"xy\\": [0.5, 1.5]}, {\\"name\\": \\"b\\", \\"n\\": 2, \\"xy\\": [2.5, 3.5]}], [{\\"name\\": \\"c\\", \\"n\\": 3, \\"xy\\": [4.5, 5.5]}, {\\"name\\": \\"d\\", \\"n\\": 4, \\"xy\\": [6.5, 7.5]}]]"))
                    @OutputSchema(ndarray = @NdArray(sample = "[[{\\"name\\": \\"a\\", \\"n\\": 1, \\"xy\\": [0.5, 1.5]}]]"))
                    public Cell[][] run(Cell[][] g) { return g; }
                }
                """);
        String frame = """
                {"i": [1, 2], "f": [1.5, 2.5], "s": ["a", "b"], "b": [true, false],
                 "dt": ["2020-01-01T00:00:00", "2020-06-15T12:30:45"], "n": [0.5, null]}""";
        for (Orient orient : Orient.values()) {
            for (boolean enforce : List.of(true, false)) {
                String name = "Frame" + camel(orient.name()) + (enforce ? "Typed" : "Untyped");
                sources.put(name, """
                        public class %s {
                            @InputSchema(param = "data", dataframe = @DataFrame(orient = Orient.%s, enforceColumnType = %s,
                                sample = "%s"))
                            @OutputSchema(dataframe = @DataFrame(orient = Orient.%s, sample = "{\\"score\\": [0.25, 0.75]}"))
                            public tech.tablesaw.api.Table run(tech.tablesaw.api.Table data) {
                                return tech.tablesaw.api.Table.create(tech.tablesaw.api.DoubleColumn.create("score", 0.25));
                            }
                        }
                        """.formatted(name, orient.name(), enforce, escape(frame), orient.name()));
            }
        }
        for (Orient orient : Orient.values()) {
            String name = "FrameEmpty" + camel(orient.name());
            sources.put(name, """
                    public class %s {
                        @InputSchema(param = "data", dataframe = @DataFrame(orient = Orient.%s, sample = "[]", columns = {
                            @DataFrame.Column(name = "n", type = ColumnKind.LONG),
                            @DataFrame.Column(name = "s", type = ColumnKind.STRING)}))
                        @OutputSchema(dataframe = @DataFrame(orient = Orient.%s, sample = "{\\"score\\": [0.25]}"))
                        public tech.tablesaw.api.Table run(tech.tablesaw.api.Table data) {
                            return tech.tablesaw.api.Table.create(tech.tablesaw.api.DoubleColumn.create("score", 0.25));
                        }
                    }
                    """.formatted(name, orient.name(), orient.name()));
        }
        Map<String, String[]> standard = new LinkedHashMap<>();
        standard.put("StdInt", new String[] {"long", "3"});
        standard.put("StdSmall", new String[] {"short", "3"});
        standard.put("StdFloat", new String[] {"float", "1.5"});
        standard.put("StdObjectNumber", new String[] {"Object", "1.5"});
        standard.put("StdNumber", new String[] {"Number", "1.5"});
        standard.put("StdText", new String[] {"String", "\"a\""});
        standard.put("StdDate", new String[] {"LocalDate", "\"2020-01-02\""});
        standard.put("StdTimes", new String[] {"List<OffsetDateTime>", "[\"2020-01-02T03:04:05Z\"]"});
        standard.put("StdBytes", new String[] {"byte[]", "\"QUJD\""});
        standard.put("StdMixed", new String[] {"List<Object>", "[\"foo\", 1, true]"});
        standard.put("StdNumbers", new String[] {"List<Object>", "[1, 2.5]"});
        standard.put("StdListAndNumber", new String[] {"List<Object>", "[[1, 2], 2]"});
        standard.put("StdListAndObject", new String[] {"List<Object>", "[[1, \"a\"], {\"k\": 1}, \"s\"]"});
        standard.put(
                "StdObjectsDisagree",
                new String[] {"List<Map<String, Object>>", "[{\"a\": 1}, {\"a\": \"x\", \"b\": true}]"});
        standard.put("StdObjectsOfObject", new String[] {"List<Object>", "[{\"a\": 1}, {\"a\": [1.5]}]"});
        standard.put("StdMapOfLists", new String[] {"Map<String, List<Object>>", "{\"a\": [1], \"b\": [\"x\"]}"});
        standard.put("StdMapOfLongs", new String[] {"List<Map<String, Long>>", "[{\"a\": 1}, {\"b\": 2}]"});
        standard.put(
                "StdDict", new String[] {"Map<String, Object>", "{\"a\": 1, \"b\": [1.5, 2], \"c\": {\"d\": \"x\"}}"});
        standard.put("StdDictWithNull", new String[] {"Map<String, Object>", "{\"a\": 1, \"b\": null}"});
        standard.put("StdRowsWithNull", new String[] {"List<Map<String, Object>>", "[{\"k\": null}, {\"k\": 2.5}]"});
        standard.put("StdTypedNull", new String[] {"Map<String, Double>", "{\"a\": 1.5, \"b\": null}"});
        standard.put("StdTypedNullOneKey", new String[] {"Map<String, Long>", "{\"a\": 1, \"b\": null, \"c\": 3}"});
        standard.put("StdNested", new String[] {"List<List<Double>>", "[[1.5, 2.5], [3.5]]"});
        standard.forEach((name, typeAndSample) -> sources.put(name, """
                public class %s {
                    @InputSchema(param = "x", standard = @Standard(sample = "%s"))
                    @OutputSchema(standard = @Standard(sample = "%s"))
                    public %s run(%s x) { return x; }
                }
                """.formatted(
                        name, escape(typeAndSample[1]), escape(typeAndSample[1]), typeAndSample[0], typeAndSample[0])));
        sources.put("Nested", """
                public class Nested {
                    public record Visit(@Standard(sample = "\\"2020-01-02\\"") LocalDate day,
                                        @NdArray(sample = "[[1.5, 2.5]]") double[][] values) {}
                    public record Patient(@Standard(sample = "\\"Ann\\"") String name,
                                          List<Visit> visits) {}
                    @InputSchema(param = "patient")
                    @InputSchema(param = "limit", standard = @Standard(sample = "3"), optional = true)
                    @OutputSchema(standard = @Standard(sample = "1"))
                    public int run(Patient patient, Long limit) { return 1; }
                }
                """);
        sources.put("NestedListsOfArraysAndFrames", """
                public class NestedListsOfArraysAndFrames {
                    public record Batch(
                            @NdArray(sample = "[[[1.5, 2.5]], [[3.5, 4.5], [5.5, 6.5]]]") List<double[][]> arrays,
                            @NdArray(sample = "[[\\"2021-05-06\\"]]", dtype = "datetime64[D]") List<NDArray> days,
                            @DataFrame(sample = "[[{\\"a\\": 1, \\"b\\": \\"x\\"}], [{\\"a\\": 2, \\"b\\": \\"y\\"}]]")
                            List<tech.tablesaw.api.Table> frames,
                            @DataFrame(orient = Orient.SPLIT, sample = "[{\\"c\\": [true]}]") List<tech.tablesaw.api.Table> splits) {}
                    @InputSchema(param = "batch")
                    @OutputSchema(ndarray = @NdArray(sample = "[[1.5], [2.5, 3.5]]"))
                    public List<double[]> run(Batch batch) { return List.of(new double[] {1.5}); }
                }
                """);
        return sources;
    }

    /** A sample of the dtype with two values per dimension. */
    private static String ndSample(DType dtype, int rank) {
        List<String> leaves = switch (dtype) {
            case BOOL -> List.of("true", "false");
            case STR -> List.of("\"a\"", "\"b\"");
            case BYTES -> List.of("\"QUI=\"", "\"Qw==\"");
            case DATETIME64 -> List.of("\"2020-01-02T03:04:05\"", "\"2021-05-06T00:00:00\"");
            case DATETIME64_D -> List.of("\"2020-02-29\"", "\"2021-05-06\"");
            case TIMEDELTA64 -> List.of("\"3600 seconds\"", "\"2 days\"");
            default -> dtype.isInteger() ? List.of("1", "2") : List.of("0.5", "1.5");
        };
        String level = "[" + String.join(", ", leaves) + "]";
        for (int i = 1; i < rank; i++) {
            level = "[" + level + ", " + level + "]";
        }
        return level;
    }

    private static String escape(String sample) {
        return sample.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }

    private static String camel(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}

package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.emit.ExampleValidator;
import dev.scorespec.runtime.binding.ScoringBinder;
import dev.scorespec.runtime.server.ScoringServer;
import dev.scorespec.runtime.server.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The Open Inference Protocol (KServe V2) routes over real loopback HTTP, for scoring classes compiled
 * by the processor: each sample kind's mapping to tensors, every route, and every error, each response
 * checked against the protocol's JSON shapes (written below from the REST API text of the spec).
 */
class OpenInferenceServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, ScoringServer> SERVERS = new ConcurrentHashMap<>();

    /** Every kind of input in one class: an ndarray, a dataframe, scalars, a list, a date, and a map. */
    private static final String MIXED = """
            public class Mixed {
                public record Answer(double total, List<String> names, String day) {}

                @InputSchema(param = "data", ndarray = @NdArray(sample = "[[1, 2, 3]]", dtype = "int64"))
                @InputSchema(param = "frame", dataframe = @DataFrame(
                        sample = "[{\\"name\\": \\"a\\", \\"age\\": 3}]", orient = Orient.RECORDS))
                @InputSchema(param = "scale", standard = @Standard(sample = "1.0"))
                @InputSchema(param = "tags", standard = @Standard(sample = "[\\"x\\"]"))
                @InputSchema(param = "when", standard = @Standard(sample = "\\"2020-01-02\\""))
                @InputSchema(param = "options", standard = @Standard(sample = "{\\"a\\": 1}"), optional = true)
                @OutputSchema(standard = @Standard(sample = "{\\"total\\": 6.0, \\"names\\": [\\"a\\"], \\"day\\": \\"2020-01-02\\"}"))
                public Answer run(long[][] data, tech.tablesaw.api.Table frame, double scale, List<String> tags,
                        LocalDate when, Map<String, Long> options) {
                    long sum = 0;
                    for (long[] row : data) {
                        for (long v : row) {
                            sum += v;
                        }
                    }
                    List<String> names = new ArrayList<>(frame.stringColumn("name").asList());
                    names.addAll(tags);
                    return new Answer(sum * scale, names, when.plusDays(1).toString());
                }
            }
            """;

    /** A dataframe in orient split, and a table answered. */
    private static final String ECHO = """
            public class Echo {
                @InputSchema(param = "frame", dataframe = @DataFrame(
                        sample = "{\\"x\\": [1.5], \\"ok\\": [true]}",
                        orient = Orient.SPLIT))
                @OutputSchema(dataframe = @DataFrame(sample = "[{\\"x\\": 1.5, \\"ok\\": true}]", orient = Orient.RECORDS))
                public tech.tablesaw.api.Table run(tech.tablesaw.api.Table frame) {
                    return frame;
                }
            }
            """;

    /** A frame in each of the other orients, and an answer with a ragged list, which has no tensor shape. */
    private static final String ORIENTS = """
            public class Orients {
                public record Answer(String text, List<List<Long>> ragged) {}

                @InputSchema(param = "c", dataframe = @DataFrame(sample = "{\\"a\\": [1.5], \\"b\\": [\\"x\\"]}", orient = Orient.COLUMNS))
                @InputSchema(param = "i", dataframe = @DataFrame(sample = "{\\"a\\": [1.5], \\"b\\": [\\"x\\"]}", orient = Orient.INDEX))
                @InputSchema(param = "v", dataframe = @DataFrame(sample = "{\\"a\\": [1.5], \\"b\\": [\\"x\\"]}", orient = Orient.VALUES))
                @InputSchema(param = "t", dataframe = @DataFrame(sample = "{\\"a\\": [1.5], \\"b\\": [\\"x\\"]}", orient = Orient.TABLE))
                @OutputSchema(standard = @Standard(sample = "{\\"text\\": \\"x\\", \\"ragged\\": [[1], [1, 2]]}"))
                public Answer run(tech.tablesaw.api.Table c, tech.tablesaw.api.Table i, tech.tablesaw.api.Table v,
                        tech.tablesaw.api.Table t) {
                    StringBuilder text = new StringBuilder();
                    for (tech.tablesaw.api.Table frame : List.of(c, i, v, t)) {
                        for (int r = 0; r < frame.rowCount(); r++) {
                            text.append(frame.doubleColumn("a").get(r)).append(frame.stringColumn("b").get(r)).append(' ');
                        }
                    }
                    return new Answer(text.toString().trim(), List.of(List.of(1L), List.of(1L, 2L)));
                }
            }
            """;

    /** A required map, which tensors cannot carry: every infer is a 400 that says why. */
    private static final String WORDS = """
            public class Words {
                @InputSchema(param = "counts", standard = @Standard(sample = "{\\"a\\": 1}"))
                public long run(Map<String, Long> counts) { return counts.size(); }
            }
            """;

    /** No output sample: the outputs are known only from the answer. */
    private static final String PLAIN = """
            public class Plain {
                @InputSchema(param = "x", ndarray = @NdArray(sample = "[1.5, 2.5]", dtype = "float64"))
                public double[] run(double[] x) { return x; }
            }
            """;

    private static final String MIXED_REQUEST = """
            {"id": "req-7", "inputs": [
              {"name": "data", "datatype": "INT64", "shape": [2, 3], "data": [1, 2, 3, 4, 5, 6]},
              {"name": "frame.name", "datatype": "BYTES", "shape": [2], "data": ["ann", "bob"]},
              {"name": "frame.age", "datatype": "INT64", "shape": [2], "data": [30, 40]},
              {"name": "scale", "datatype": "FP64", "shape": [1], "data": [0.5]},
              {"name": "tags", "datatype": "BYTES", "shape": [1], "data": ["t"]},
              {"name": "when", "datatype": "BYTES", "shape": [1], "data": ["2024-02-28"]}]}""";

    private static final String MIXED_ANSWER = """
            {"model_name": "Mixed", "model_version": "1.0", "id": "req-7", "outputs": [
              {"name": "total", "datatype": "FP64", "shape": [1], "data": [10.5]},
              {"name": "names", "datatype": "BYTES", "shape": [3], "data": ["ann", "bob", "t"]},
              {"name": "day", "datatype": "BYTES", "shape": [1], "data": ["2024-02-29"]}]}""";

    // The protocol's JSON shapes, from the REST API section of the Open Inference Protocol.
    private static final String TENSOR_METADATA = """
            {"type": "object", "required": ["name", "datatype", "shape"], "properties": {
              "name": {"type": "string"},
              "datatype": {"enum": ["BOOL", "UINT8", "UINT16", "UINT32", "UINT64", "INT8", "INT16", "INT32", "INT64",
                                    "FP16", "FP32", "FP64", "BYTES"]},
              "shape": {"type": "array", "items": {"type": "integer", "minimum": -1}},
              "parameters": {"$ref": "#/$defs/parameters"}}}""";
    private static final String PARAMETERS = """
            {"type": "object", "additionalProperties": {"type": ["string", "number", "boolean"]}}""";

    private static final String SERVER_METADATA_SCHEMA = """
            {"type": "object", "required": ["name", "version", "extensions"], "properties": {
              "name": {"type": "string"}, "version": {"type": "string"},
              "extensions": {"type": "array", "items": {"type": "string"}}}}""";
    private static final String MODEL_METADATA_SCHEMA = """
            {"type": "object", "required": ["name", "platform", "inputs", "outputs"], "properties": {
              "name": {"type": "string"},
              "versions": {"type": "array", "items": {"type": "string"}},
              "platform": {"type": "string"},
              "inputs": {"type": "array", "items": {"$ref": "#/$defs/tensor"}},
              "outputs": {"type": "array", "items": {"$ref": "#/$defs/tensor"}},
              "parameters": {"$ref": "#/$defs/parameters"}},
             "$defs": {"tensor": %s, "parameters": %s}}""".formatted(TENSOR_METADATA, PARAMETERS);
    private static final String INFER_RESPONSE_SCHEMA = """
            {"type": "object", "required": ["model_name", "outputs"], "properties": {
              "model_name": {"type": "string"}, "model_version": {"type": "string"}, "id": {"type": "string"},
              "parameters": {"$ref": "#/$defs/parameters"},
              "outputs": {"type": "array", "items": {"allOf": [{"$ref": "#/$defs/tensor"}, {"required": ["data"],
                "properties": {"data": {"$ref": "#/$defs/data"}}}]}}},
             "$defs": {"tensor": %s, "parameters": %s,
               "data": {"type": "array", "items": {"anyOf": [{"type": ["number", "string", "boolean"]},
                                                             {"$ref": "#/$defs/data"}]}}}}""".formatted(TENSOR_METADATA, PARAMETERS);
    private static final String ERROR_SCHEMA = """
            {"type": "object", "required": ["error"], "additionalProperties": false,
             "properties": {"error": {"type": "string"}}}""";
    private static final String READY_SCHEMA = """
            {"type": "object", "required": ["ready"], "properties": {"ready": {"const": true}}}""";

    @AfterAll
    static void close() {
        SERVERS.values().forEach(ScoringServer::close);
    }

    @Test
    void theServerAndTheModelDescribeThemselves() throws Exception {
        ScoringServer server = server("Mixed", MIXED);
        JsonNode serverMetadata = valid(get(server, "/v2"), 200, SERVER_METADATA_SCHEMA);
        assertEquals("scorespec", serverMetadata.get("name").asText());

        JsonNode model = valid(get(server, "/v2/models/Mixed"), 200, MODEL_METADATA_SCHEMA);
        assertEquals(model, valid(get(server, "/v2/models/Mixed/versions/1.0"), 200, MODEL_METADATA_SCHEMA));
        assertEquals("Mixed", model.get("name").asText());
        assertEquals("[\"1.0\"]", model.get("versions").toString());
        assertEquals("scorespec_java", model.get("platform").asText());
        assertEquals(
                List.of(
                        "data INT64 [-1,3]",
                        "frame.name BYTES [-1]",
                        "frame.age INT64 [-1]",
                        "scale FP64 [1]",
                        "tags BYTES [-1]",
                        "when BYTES [1]",
                        "options BYTES [-1]"),
                tensors(model.get("inputs")));
        assertEquals(
                "a map, whose keys the caller chooses, has no tensor form",
                model.get("inputs")
                        .get(6)
                        .get("parameters")
                        .get("scorespec_unsupported")
                        .asText());
        assertEquals(List.of("total FP64 [1]", "names BYTES [-1]", "day BYTES [1]"), tensors(model.get("outputs")));

        valid(get(server, "/v2/models/Mixed/ready"), 200, READY_SCHEMA);
        valid(get(server, "/v2/models/Mixed/versions/1.0/ready"), 200, READY_SCHEMA);
    }

    @Test
    void anUnknownModelOrVersionIsA404() throws Exception {
        ScoringServer server = server("Mixed", MIXED);
        assertError(
                get(server, "/v2/models/Other"), 404, "Model 'Other' is not served here; this server serves 'Mixed'.");
        assertError(
                get(server, "/v2/models/Mixed/versions/2"),
                404,
                "Model 'Mixed' has no version '2'; this server serves version '1.0'.");
        assertError(
                post(server, "/v2/models/Other/infer", MIXED_REQUEST),
                404,
                "Model 'Other' is not served here; this server serves 'Mixed'.");
        assertError(
                get(server, "/v2/models/Other/ready"),
                404,
                "Model 'Other' is not served here; this server serves 'Mixed'.");
    }

    @Test
    void everyKindOfInputReachesRunAndTheOutputsAreNamedFromTheSample() throws Exception {
        ScoringServer server = server("Mixed", MIXED);
        HttpResponse<String> answer = post(server, "/v2/models/Mixed/infer", MIXED_REQUEST);
        assertEquals(JSON.readTree(MIXED_ANSWER), valid(answer, 200, INFER_RESPONSE_SCHEMA));

        // nested data is row-major too, and a version in the path is the same model
        String nested = MIXED_REQUEST.replace("[1, 2, 3, 4, 5, 6]", "[[1, 2, 3], [4, 5, 6]]");
        assertEquals(
                JSON.readTree(MIXED_ANSWER),
                valid(post(server, "/v2/models/Mixed/versions/1.0/infer", nested), 200, INFER_RESPONSE_SCHEMA));
    }

    @Test
    void aDataFrameMayComeAsOneBytesTensorOfJsonRecords() throws Exception {
        ScoringServer server = server("Mixed", MIXED);
        String records = MIXED_REQUEST
                .replace(
                        "{\"name\": \"frame.name\", \"datatype\": \"BYTES\", \"shape\": [2], \"data\": [\"ann\", \"bob\"]},",
                        "{\"name\": \"frame\", \"datatype\": \"BYTES\", \"shape\": [1], \"data\": "
                                + "[\"[{\\\"name\\\": \\\"ann\\\", \\\"age\\\": 30}, {\\\"name\\\": \\\"bob\\\", \\\"age\\\": 40}]\"]},")
                .replace("{\"name\": \"frame.age\", \"datatype\": \"INT64\", \"shape\": [2], \"data\": [30, 40]},", "");
        assertEquals(
                JSON.readTree(MIXED_ANSWER),
                valid(post(server, "/v2/models/Mixed/infer", records), 200, INFER_RESPONSE_SCHEMA));
    }

    @Test
    void anAnswerWithoutIdGetsTheRequestIdAndOnlyTheOutputsAskedFor() throws Exception {
        ScoringServer server = server("Mixed", MIXED);
        String request = MIXED_REQUEST
                .replace("\"id\": \"req-7\",", "")
                .replaceFirst("]}$", "], \"outputs\": [{\"name\": \"day\"}]}");
        HttpResponse<String> answer = post(server, "/v2/models/Mixed/infer", request);
        JsonNode body = valid(answer, 200, INFER_RESPONSE_SCHEMA);
        assertEquals(
                answer.headers().firstValue("x-request-id").orElseThrow(),
                body.get("id").asText());
        assertEquals(List.of("day BYTES [1]"), tensors(body.get("outputs")));

        assertError(
                post(server, "/v2/models/Mixed/infer", request.replace("\"name\": \"day\"", "\"name\": \"night\"")),
                400,
                "outputs[0].name: the model has no output 'night'; its outputs are [total, names, day]");
    }

    @Test
    void inputThatDoesNotFitIsA400WithTheMessagesOfScore() throws Exception {
        ScoringServer server = server("Mixed", MIXED);
        // the binder's own check, with /score's message for the same values
        String shortRows = MIXED_REQUEST.replace(
                "\"shape\": [2, 3], \"data\": [1, 2, 3, 4, 5, 6]", "\"shape\": [3, 2], \"data\": [1, 2, 3, 4, 5, 6]");
        assertError(post(server, "/v2/models/Mixed/infer", shortRows), 400, "data[0]: expected 3 values, got 2");
        String scoreBody = """
                {"data": [[1, 2], [3, 4], [5, 6]], "frame": [{"name": "ann", "age": 30}], "scale": 0.5, "tags": ["t"],
                 "when": "2024-02-28"}""";
        HttpResponse<String> score = post(server, "/score", scoreBody);
        assertEquals("{\"message\":\"data[0]: expected 3 values, got 2\"}", score.body());

        assertError(
                post(server, "/v2/models/Mixed/infer", MIXED_REQUEST.replace("[30, 40]", "[30, \"forty\"]")),
                400,
                "frame[1].age: column 'age' (integer) cannot take the string \"forty\" in row 1");
        assertError(
                post(server, "/v2/models/Mixed/infer", MIXED_REQUEST.replace("[\"2024-02-28\"]", "[\"yesterday\"]")),
                400,
                JSON.readTree(post(
                                        server,
                                        "/score",
                                        scoreBody
                                                .replace("[[1, 2], [3, 4], [5, 6]]", "[[1, 2, 3]]")
                                                .replace("2024-02-28", "yesterday"))
                                .body())
                        .get("message")
                        .asText());
        assertError(
                post(
                        server,
                        "/v2/models/Mixed/infer",
                        MIXED_REQUEST.replace(
                                "{\"name\": \"scale\", \"datatype\": \"FP64\", \"shape\": [1], \"data\": [0.5]},", "")),
                400,
                "A value is not provided for the 'scale' parameter.");
    }

    @Test
    void whatOnlyTheProtocolCanGetWrongIsA400NamingTheInput() throws Exception {
        ScoringServer server = server("Mixed", MIXED);
        assertError(
                post(
                        server,
                        "/v2/models/Mixed/infer",
                        MIXED_REQUEST.replace("\"INT64\", \"shape\": [2, 3]", "\"FP32\", \"shape\": [2, 3]")),
                400,
                "inputs[0] ('data').datatype: expected INT64, the model's datatype, got FP32");
        assertError(
                post(server, "/v2/models/Mixed/infer", MIXED_REQUEST.replace("[2, 3]", "[2, 4]")),
                400,
                "inputs[0] ('data').data: shape [2, 4] holds 8 values, the data has 6");
        assertError(
                post(server, "/v2/models/Mixed/infer", MIXED_REQUEST.replace("[2, 3]", "[6]")),
                400,
                "inputs[0] ('data').shape: expected 2 dimensions, as the model's shape [-1, 3], got [6]");
        assertError(
                post(
                        server,
                        "/v2/models/Mixed/infer",
                        MIXED_REQUEST.replace("\"shape\": [1], \"data\": [0.5]", "\"shape\": [2], \"data\": [0.5, 1]")),
                400,
                "inputs[3] ('scale').shape: expected [1], a single value, got [2]");
        assertError(
                post(
                        server,
                        "/v2/models/Mixed/infer",
                        MIXED_REQUEST.replace("\"name\": \"tags\"", "\"name\": \"labels\"")),
                400,
                "inputs[4].name: the model has no input 'labels'; its inputs are 'data', 'frame.name', 'frame.age', 'scale',"
                        + " 'tags', 'when', 'options'");
        assertError(
                post(
                        server,
                        "/v2/models/Mixed/infer",
                        MIXED_REQUEST.replace("\"name\": \"tags\"", "\"name\": \"scale\"")),
                400,
                "inputs[4].name: a second input named 'scale'");
        assertError(
                post(
                        server,
                        "/v2/models/Mixed/infer",
                        MIXED_REQUEST
                                .replace("[30, 40]", "[30]")
                                .replace("\"shape\": [2], \"data\": [30]", "\"shape\": [1], \"data\": [30]")),
                400,
                "inputs[2] ('frame.age'): has 1 rows, and inputs[1] ('frame.name') has 2; the columns of a dataframe have one length");
        assertError(
                post(
                        server,
                        "/v2/models/Mixed/infer",
                        MIXED_REQUEST.replaceFirst(
                                "]}$",
                                ", {\"name\": \"options\", \"datatype\": \"BYTES\", \"shape\": [1], \"data\": [\"{}\"]}]}")),
                400,
                "inputs[6] ('options'): the model's input 'options' cannot be sent as a tensor: a map, whose keys the "
                        + "caller chooses, has no tensor form; call /score");
        assertError(
                post(server, "/v2/models/Mixed/infer", "{\"inputs\": [{\"name\": \"data\"}]}"),
                400,
                "inputs[0]: missing required property 'shape'");
        assertError(
                post(
                        server,
                        "/v2/models/Mixed/infer",
                        "{\"inputs\": [{\"name\": \"data\", \"shape\": [1], \"datatype\": \"INT64\","
                                + " \"data\": [{\"a\": 1}]}]}"),
                400,
                "inputs[0].data[0]: expected a number, string or boolean (tensor data), got an object");
        assertError(
                post(server, "/v2/models/Mixed/infer", "{\"id\": \"x\"}"), 400, "missing required property 'inputs'");
        assertError(
                post(server, "/v2/models/Mixed/infer", "[1]"),
                400,
                "The request body must be a JSON object with 'inputs', got an array.");
        HttpResponse<String> malformed = post(server, "/v2/models/Mixed/infer", "{\"inputs\": [");
        valid(malformed, 400, ERROR_SCHEMA);
        assertTrue(malformed.body().contains("not valid JSON"), malformed.body());

        HttpResponse<String> get = get(server, "/v2/models/Mixed/infer");
        valid(get, 405, "{\"type\": \"object\"}");
        assertEquals("POST, OPTIONS", get.headers().firstValue("allow").orElseThrow());
    }

    @Test
    void theKeysOfTheRequestAndOfEachTensorMayComeInAnyOrder() throws Exception {
        ScoringServer server = server("Mixed", MIXED);
        String reordered = """
                {"outputs": [{"name": "total"}, {"name": "names"}, {"name": "day"}], "parameters": {"a": 1},
                 "inputs": [
                  {"data": [[1, 2, 3], [4, 5, 6]], "shape": [2, 3], "datatype": "INT64", "name": "data"},
                  {"parameters": {"content_type": "pd"}, "data": ["ann", "bob"], "name": "frame.name", "shape": [2],
                   "datatype": "BYTES"},
                  {"shape": [2], "data": [30, 40], "datatype": "INT64", "name": "frame.age"},
                  {"datatype": "FP64", "data": [0.5], "name": "scale", "shape": [1]},
                  {"data": ["t"], "name": "tags", "datatype": "BYTES", "shape": [1]},
                  {"name": "when", "data": ["2024-02-28"], "shape": [1], "datatype": "BYTES"}],
                 "id": "req-7"}""";
        assertEquals(
                JSON.readTree(MIXED_ANSWER),
                valid(post(server, "/v2/models/Mixed/infer", reordered), 200, INFER_RESPONSE_SCHEMA));
        // the checks are the same whatever the order: the datatype after the data, the shape after both
        assertError(
                post(
                        server,
                        "/v2/models/Mixed/infer",
                        reordered.replace(
                                "\"datatype\": \"INT64\", \"name\": \"data\"",
                                "\"datatype\": \"FP64\", \"name\": \"data\"")),
                400,
                "inputs[0] ('data').datatype: expected INT64, the model's datatype, got FP64");
        assertError(
                post(server, "/v2/models/Mixed/infer", reordered.replace("\"shape\": [2, 3]", "\"shape\": [3, 3]")),
                400,
                "inputs[0] ('data').data: shape [3, 3] holds 9 values, the data has 6");
    }

    @Test
    void anOutputTheAnswerLacksIsA400EvenWithoutOutputSample() throws Exception {
        ScoringServer server = server("Plain", PLAIN);
        String request = """
                {"inputs": [{"name": "x", "datatype": "FP64", "shape": [2], "data": [0.5, 2]}],
                 "outputs": [{"name": "output"}]}""";
        JsonNode answer = valid(post(server, "/v2/models/Plain/infer", request), 200, INFER_RESPONSE_SCHEMA);
        assertEquals(List.of("output FP64 [2]"), tensors(answer.get("outputs")));
        assertError(
                post(server, "/v2/models/Plain/infer", request.replace("\"name\": \"output\"", "\"name\": \"y\"")),
                400,
                "outputs[0].name: the answer has no output 'y'; its outputs are [output]");
    }

    @Test
    void aTableIsOneTensorPerColumnBothWays() throws Exception {
        ScoringServer server = server("Echo", ECHO);
        JsonNode model = valid(get(server, "/v2/models/Echo"), 200, MODEL_METADATA_SCHEMA);
        assertEquals(List.of("x FP64 [-1]", "ok BOOL [-1]"), tensors(model.get("inputs")));
        assertEquals(List.of("x FP64 [-1]", "ok BOOL [-1]"), tensors(model.get("outputs")));
        String request = """
                {"inputs": [{"name": "x", "datatype": "FP64", "shape": [2, 1], "data": [[0.5], [2]]},
                            {"name": "ok", "datatype": "BOOL", "shape": [2], "data": [true, false]}]}""";
        JsonNode answer = valid(post(server, "/v2/models/Echo/infer", request), 200, INFER_RESPONSE_SCHEMA);
        assertEquals(JSON.readTree("""
                        [{"name": "x", "datatype": "FP64", "shape": [2], "data": [0.5, 2.0]},
                         {"name": "ok", "datatype": "BOOL", "shape": [2], "data": [true, false]}]"""), answer.get("outputs"));
    }

    @Test
    void framesInEveryOrientAndAnAnswerWithoutTensorShape() throws Exception {
        ScoringServer server = server("Orients", ORIENTS);
        JsonNode model = valid(get(server, "/v2/models/Orients"), 200, MODEL_METADATA_SCHEMA);
        assertEquals(List.of("text BYTES [1]", "ragged BYTES [1]"), tensors(model.get("outputs")));
        StringBuilder inputs = new StringBuilder();
        for (String frame : List.of("c", "i", "v", "t")) {
            inputs.append(inputs.length() == 0 ? "" : ", ")
                    .append("{\"name\": \"%s.a\", \"datatype\": \"FP64\", \"shape\": [2], \"data\": [1, 2.5]}, "
                            .formatted(frame))
                    .append("{\"name\": \"%s.b\", \"datatype\": \"BYTES\", \"shape\": [2], \"data\": [\"%s\", \"z\"]}"
                            .formatted(frame, frame));
        }
        JsonNode answer = valid(
                post(server, "/v2/models/Orients/infer", "{\"inputs\": [" + inputs + "]}"), 200, INFER_RESPONSE_SCHEMA);
        assertEquals(JSON.readTree("""
                        [{"name": "text", "datatype": "BYTES", "shape": [1], "data": ["1.0c 2.5z 1.0i 2.5z 1.0v 2.5z 1.0t 2.5z"]},
                         {"name": "ragged", "datatype": "BYTES", "shape": [1], "parameters": {"content_type": "json"},
                          "data": ["[[1],[1,2]]"]}]"""), answer.get("outputs"));
    }

    @Test
    void aRequiredInputTheProtocolCannotCarryMakesEveryInferA400() throws Exception {
        ScoringServer server = server("Words", WORDS);
        JsonNode model = valid(get(server, "/v2/models/Words"), 200, MODEL_METADATA_SCHEMA);
        assertEquals(
                true,
                model.get("inputs")
                        .get(0)
                        .get("parameters")
                        .get("scorespec_required")
                        .asBoolean());
        assertError(
                post(server, "/v2/models/Words/infer", "{\"inputs\": []}"),
                400,
                "the model's input 'counts' cannot be sent as a tensor: a map, whose keys the caller chooses, has no "
                        + "tensor form; call /score");
    }

    // ---------------------------------------------------------------------------------------------

    private static ScoringServer server(String name, String body) {
        return SERVERS.computeIfAbsent(name, n -> {
            try {
                Compilation compilation = Sources.compile(Sources.source(n, body));
                assertThat(compilation).succeededWithoutWarnings();
                ScoringBinder<?, ?> binder = new CompiledClasses(compilation).instance("test." + n + "_ScoreSpec");
                return ScoringServer.start(
                        ServerConfig.builder().host("127.0.0.1").port(0).build(), binder);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private static HttpResponse<String> get(ScoringServer server, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(ScoringServer server, String path, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The body, after checking the status and that it has the protocol's shape. */
    private static JsonNode valid(HttpResponse<String> response, int status, String schema) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        List<?> errors = ExampleValidator.errors(JSON.readTree(schema), body, OpenApiVersion.V3_1);
        assertTrue(errors.isEmpty(), errors + " in " + body);
        return body;
    }

    private static void assertError(HttpResponse<String> response, int status, String message) throws IOException {
        assertEquals(message, valid(response, status, ERROR_SCHEMA).get("error").asText());
    }

    /** {@code name DATATYPE [shape]} of each tensor. */
    private static List<String> tensors(JsonNode tensors) {
        return java.util.stream.StreamSupport.stream(tensors.spliterator(), false)
                .map(t -> t.get("name").asText() + " " + t.get("datatype").asText() + " "
                        + t.get("shape").toString())
                .toList();
    }
}

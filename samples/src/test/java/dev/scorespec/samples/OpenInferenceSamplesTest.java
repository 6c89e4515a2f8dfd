package dev.scorespec.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorespec.runtime.binding.ScoringBinder;
import dev.scorespec.runtime.server.ScoringServer;
import dev.scorespec.runtime.server.ServerConfig;
import dev.scorespec.samples.image.ImageSummaryScore_ScoreSpec;
import dev.scorespec.samples.powerbi.PowerBiScore_ScoreSpec;
import dev.scorespec.samples.ridge.RidgeScore_ScoreSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The ridge and Power BI samples over the Open Inference Protocol answer the numbers they answer on
 * {@code /score}, and describe their inputs and outputs; a raw HTTP sample says why it cannot be called so.
 */
class OpenInferenceSamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void ridgeAnswersTheNumbersOfScore() throws Exception {
        ServerConfig config = ServerConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .modelDir(Path.of("models/diabetes-ridge/1"))
                .build();
        try (ScoringServer server = ScoringServer.start(config, new RidgeScore_ScoreSpec())) {
            JsonNode model = JSON.readTree(get(server, "/v2/models/RidgeScore").body());
            assertEquals(
                    "[{\"name\":\"data\",\"datatype\":\"FP64\",\"shape\":[-1,10],"
                            + "\"parameters\":{\"content_type\":\"np\",\"scorespec_path\":\"/data\"}}]",
                    model.get("inputs").toString());
            assertEquals(
                    "[{\"name\":\"output\",\"datatype\":\"FP64\",\"shape\":[-1]}]",
                    model.get("outputs").toString());

            String rows = "[[10,9,8,7,6,5,4,3,2,1],[1,2,3,4,5,6,7,8,9,10]]";
            JsonNode score = JSON.readTree(
                    post(server, "/score", "{\"data\": " + rows + "}").body());
            HttpResponse<String> infer = post(
                    server,
                    "/v2/models/RidgeScore/infer",
                    "{\"id\": \"1\", \"inputs\": [{\"name\": \"data\", \"datatype\": \"FP64\", \"shape\": [2, 10], "
                            + "\"data\": "
                            + rows.replace("[[", "[").replace("]]", "]").replace("],[", ",") + "}]}");
            assertEquals(200, infer.statusCode(), infer.body());
            assertEquals(
                    "{\"model_name\":\"RidgeScore\",\"model_version\":\"1.0\",\"id\":\"1\",\"outputs\":[{\"name\":"
                            + "\"output\",\"datatype\":\"FP64\",\"shape\":[2],\"data\":" + score + "}]}",
                    infer.body());
        }
    }

    @Test
    void powerBiAnswersTheNumbersOfScore() throws Exception {
        ServerConfig config = ServerConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .modelName("diabetes")
                .modelVersion("3")
                .build();
        try (ScoringServer server = ScoringServer.start(config, new PowerBiScore_ScoreSpec())) {
            JsonNode model =
                    JSON.readTree(get(server, "/v2/models/diabetes/versions/3").body());
            assertEquals("[\"3\"]", model.get("versions").toString());
            assertEquals(
                    "Inputs.input1 FP64 [-1,10], Inputs.input2.name BYTES [-1], Inputs.input2.age INT64 [-1], "
                            + "Inputs.input3 FP64 [1], GlobalParameters FP64 [1]",
                    tensors(model.get("inputs")));
            assertEquals("Results FP64 [-1]", tensors(model.get("outputs")));

            String body = "{\"Inputs\": {\"input1\": [[1,2,3,4,5,6,7,8,9,10],[10,9,8,7,6,5,4,3,2,1]], \"input2\": "
                    + "[{\"name\": \"Sarah\", \"age\": 25}, {\"name\": \"John\", \"age\": 26}], \"input3\": 1.5}, "
                    + "\"GlobalParameters\": 2.0}";
            JsonNode score = JSON.readTree(post(server, "/score", body).body());
            String request = """
                    {"inputs": [
                      {"name": "Inputs.input1", "datatype": "FP64", "shape": [2, 10],
                       "data": [1,2,3,4,5,6,7,8,9,10,10,9,8,7,6,5,4,3,2,1]},
                      {"name": "Inputs.input2.name", "datatype": "BYTES", "shape": [2], "data": ["Sarah", "John"]},
                      {"name": "Inputs.input2.age", "datatype": "INT64", "shape": [2], "data": [25, 26]},
                      {"name": "Inputs.input3", "datatype": "FP64", "shape": [1], "data": [1.5]},
                      {"name": "GlobalParameters", "datatype": "FP64", "shape": [1], "data": [2.0]}]}""";
            HttpResponse<String> infer = post(server, "/v2/models/diabetes/versions/3/infer", request);
            assertEquals(200, infer.statusCode(), infer.body());
            JsonNode outputs = JSON.readTree(infer.body()).get("outputs");
            assertEquals(score.get("Results"), outputs.get(0).get("data"));
            assertEquals("Results FP64 [2]", tensors(outputs));

            // run's own verdict (InvalidInputException) is a 400 here too
            HttpResponse<String> mismatch = post(
                    server,
                    "/v2/models/diabetes/infer",
                    request.replace("[2], \"data\": [25, 26]", "[1], \"data\": [25]")
                            .replace("[2], \"data\": [\"Sarah\", \"John\"]", "[1], \"data\": [\"Sarah\"]"));
            assertEquals(400, mismatch.statusCode(), mismatch.body());
            assertEquals(
                    "{\"error\":\"Inputs.input2: 1 rows, but Inputs.input1 has 2; give one row per patient in each\"}",
                    mismatch.body());
        }
    }

    @Test
    void aRawHttpRunCannotBeCalledWithTensorsAndSaysSo() throws Exception {
        ScoringBinder<?, ?> binder = new ImageSummaryScore_ScoreSpec();
        try (ScoringServer server = ScoringServer.start(
                ServerConfig.builder().host("127.0.0.1").port(0).build(), binder)) {
            HttpResponse<String> infer = post(server, "/v2/models/ImageSummaryScore/infer", "{\"inputs\": []}");
            assertEquals(400, infer.statusCode(), infer.body());
            assertEquals(
                    "{\"error\":\"The Open Inference Protocol cannot call this model: run takes the HTTP request as it"
                            + " came (@RawHttp), which tensors cannot carry; call /score.\"}",
                    infer.body());
        }
    }

    private HttpResponse<String> get(ScoringServer server, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(ScoringServer server, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String tensors(JsonNode tensors) {
        StringBuilder text = new StringBuilder();
        for (JsonNode t : tensors) {
            text.append(text.length() == 0 ? "" : ", ")
                    .append(t.get("name").asText())
                    .append(' ')
                    .append(t.get("datatype").asText())
                    .append(' ')
                    .append(t.get("shape"));
        }
        return text.toString();
    }
}

package dev.scorespec.spark.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorespec.runtime.server.ScoringServer;
import dev.scorespec.runtime.server.ServerConfig;
import dev.scorespec.spark.TestSpark;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A scoring class that takes and returns {@code Dataset<Row>} under the normal server, over loopback HTTP:
 * requests are read into datasets of the tests' Spark session, answers written as records, a row that does
 * not fit is a 400 naming its path, and the served document has the reference's schema.
 */
class SparkServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ScoringServer server;

    @BeforeAll
    static void start() throws Exception {
        TestSpark.session();
        server = ScoringServer.start(
                ServerConfig.builder().port(0).workerCount(2).build(), new StateScore_ScoreSpec());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return post("/score", body);
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDatasetIsScoredOverHttp() throws Exception {
        HttpResponse<String> r = post(
                "{\"param\": [{\"name\": \"Sarah\", \"state\": \"WA\"}, {\"name\": \"John\", \"state\": \"CA\"}]}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(JSON.readTree("[{\"state\": \"WA\"}, {\"state\": \"CA\"}]"), JSON.readTree(r.body()));
    }

    @Test
    void aRowThatDoesNotFitIsA400NamingItsPath() throws Exception {
        HttpResponse<String> r = post("{\"param\": [{\"name\": \"Sarah\", \"state\": \"WA\"}, {\"name\": 5}]}");
        assertEquals(400, r.statusCode(), r.body());
        String message = JSON.readTree(r.body()).path("message").asText();
        assertTrue(message.contains("param[1].name") && message.contains("expected a string, got 5"), message);
    }

    /**
     * In the Open Inference Protocol the dataset is one tensor per column, as a records dataframe; the 3.1
     * document's example request, sent as it is, answers the states as one tensor, as the document says.
     */
    @Test
    void aDatasetIsOneTensorPerColumnInTheOpenInferenceProtocol() throws Exception {
        HttpResponse<String> r = post(
                "/v2/models/StateScore/infer",
                "{\"inputs\": [{\"name\": \"name\", \"datatype\": \"BYTES\", \"shape\": [2], \"data\": [\"Sarah\", \"John\"]},"
                        + " {\"name\": \"state\", \"datatype\": \"BYTES\", \"shape\": [2], \"data\": [\"WA\", \"CA\"]}]}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(
                JSON.readTree(
                        "[{\"name\": \"state\", \"datatype\": \"BYTES\", \"shape\": [2], \"data\": [\"WA\", \"CA\"]}]"),
                JSON.readTree(r.body()).get("outputs"));

        JsonNode document = JSON.readTree(HTTP.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + server.port() + "/swagger.json?version=3.1"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        JsonNode example = document.at("/components/schemas/InferenceRequest/example");
        HttpResponse<String> answer = post("/v2/models/StateScore/infer", example.toString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(
                "state",
                document.at("/components/schemas/InferenceResponse/properties/outputs/items/properties/name/enum/0")
                        .asText());
        assertEquals("state", JSON.readTree(answer.body()).at("/outputs/0/name").asText());
    }

    @Test
    void theServedDocumentHasTheReferencesSchema() throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/swagger.json"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode schemas = JSON.readTree(r.body()).path("definitions");
        assertEquals(
                JSON.readTree("{\"type\": \"array\", \"items\": {\"type\": \"object\", \"properties\":"
                        + " {\"name\": {\"type\": \"string\"}, \"state\": {\"type\": \"string\"}}}}"),
                schemas.at("/ServiceInput/properties/param"));
    }
}

package dev.scorespec.samples.powerbi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorespec.runtime.server.ScoringServer;
import dev.scorespec.runtime.server.ServerConfig;
import dev.scorespec.samples.ridge.DiabetesRidge;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The docs' Power BI service, served over loopback HTTP: the request Power BI sends, what the binder
 * refuses and why, and the Swagger 2.0 document Power BI reads, which must be the Python server's own.
 */
class PowerBiScoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROW_UP = "[1,2,3,4,5,6,7,8,9,10]";
    private static final String ROW_DOWN = "[10,9,8,7,6,5,4,3,2,1]";
    private static final String PEOPLE = "[{\"name\": \"Sarah\", \"age\": 25}, {\"name\": \"John\", \"age\": 26}]";

    private static ScoringServer server;
    private static double[] ridge;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = ScoringServer.start(
                ServerConfig.builder().host("127.0.0.1").port(0).build(), new PowerBiScore_ScoreSpec());
        try (DiabetesRidge model = DiabetesRidge.loadBundled()) {
            ridge = model.predict(new double[][] {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}});
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String body(String input1, String input2, String input3, String globalParameters) {
        String inputs =
                "{\"Inputs\": {\"input1\": " + input1 + ", \"input2\": " + input2 + ", \"input3\": " + input3 + "}";
        return inputs + (globalParameters == null ? "}" : ", \"GlobalParameters\": " + globalParameters + "}");
    }

    private HttpResponse<String> score(String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/score"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double[] results(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readValue(JSON.readTree(response.body()).path("Results").traverse(), double[].class);
    }

    @Test
    void theDocsExampleGetsOneRidgePredictionPerRow() throws Exception {
        double[] results = results(score(body("[" + ROW_UP + "," + ROW_DOWN + "]", PEOPLE, "0.0", "1.0")));
        assertEquals(2, results.length);
        assertEquals(ridge[0], results[0]);
        assertEquals(3830.0435194872953, results[1]);
    }

    @Test
    void globalParametersScaleAndInput3Shifts() throws Exception {
        double[] results = results(score(body("[" + ROW_UP + "," + ROW_DOWN + "]", PEOPLE, "1.5", "2.0")));
        assertEquals(ridge[0] * 2.0 + 1.5, results[0]);
        assertEquals(ridge[1] * 2.0 + 1.5, results[1]);
    }

    @Test
    void powerBiMayLeaveGlobalParametersOut() throws Exception {
        double[] results =
                results(score(body("[" + ROW_DOWN + "]", "[{\"name\": \"Ann\", \"age\": 30}]", "0.0", null)));
        assertEquals(3830.0435194872953, results[0]);
    }

    @Test
    void badInputIsA400ThatNamesTheField() throws Exception {
        assertRejected(
                body("[" + ROW_DOWN + "]", "[{\"name\": \"Ann\", \"age\": \"thirty\"}]", "0.0", null),
                "Inputs.input2[0].age: ");
        assertRejected(
                body("[[10,9,8]]", "[{\"name\": \"Ann\", \"age\": 30}]", "0.0", null),
                "Inputs.input1[0]: expected 10 values, got 3");
        assertRejected(body("[" + ROW_DOWN + "]", "[{\"name\": \"Ann\"}]", "0.0", null), "Inputs.input2[0]");
        assertRejected("{\"GlobalParameters\": 1.0}", "A value is not provided for the 'Inputs' parameter.");
        // fits the schema, but run cannot pair the rows: run's own InvalidInputException is a 400 too
        assertRejected(
                body("[" + ROW_DOWN + "]", PEOPLE, "0.0", null),
                "Inputs.input2: 2 rows, but Inputs.input1 has 1; give one row per patient in each");
    }

    private void assertRejected(String body, String messageStart) throws Exception {
        HttpResponse<String> response = score(body);
        assertEquals(400, response.statusCode(), response.body());
        String message = JSON.readTree(response.body()).path("message").asText();
        assertEquals(true, message.startsWith(messageStart), message);
    }

    /**
     * What Power BI reads to discover the service: {@code /swagger.json?version=2}, equal (key order included) to the
     * document the Python server writes for the docs' example (its template around the reference's
     * {@code ServiceInput} and {@code ServiceOutput}, copied from the reference case nested-powerbi-docs),
     * changed only where the README's differences say the documents depart from it.
     */
    @Test
    void swagger2IsThePythonServersDocument() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/swagger.json?version=2"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        JsonNode expected;
        try (InputStream in = PowerBiScoreTest.class.getResourceAsStream("/powerbi/python-server-swagger-2.0.json")) {
            expected = withListedDepartures((ObjectNode) JSON.readTree(in), JSON.readTree(response.body()));
            assertEquals("127.0.0.1:" + server.port(), expected.path("host").asText());
        }
        JsonNode served = JSON.readTree(response.body());
        assertEquals(expected, served);
        assertEquals(expected.toString(), served.toString(), "the same key order too");
    }

    /** The README's "Differences" for documents, applied to the Python server's document. */
    private static JsonNode withListedDepartures(ObjectNode python, JsonNode served) {
        // The required parameters are listed (GlobalParameters is optional = true), before properties.
        ObjectNode input = (ObjectNode) python.path("definitions").path("ServiceInput");
        ObjectNode reordered = JSON.createObjectNode();
        reordered.set("type", input.get("type"));
        reordered.putArray("required").add("Inputs");
        reordered.set("properties", input.get("properties"));
        reordered.set("example", input.get("example"));
        ((ObjectNode) python.path("definitions")).set("ServiceInput", reordered);
        // The probe answers text.
        ObjectNode health = (ObjectNode) python.at("/paths/~1/get");
        ObjectNode healthResponses = (ObjectNode) health.remove("responses");
        health.putArray("produces").add("text/plain");
        health.set("responses", healthResponses);
        ObjectNode examples = (ObjectNode) healthResponses.at("/200/examples");
        examples.set("text/plain", examples.remove("application/json"));
        JsonNode healthFallback = healthResponses.remove("default");
        healthResponses
                .putObject("503")
                .put(
                        "description",
                        served.at("/paths/~1/get/responses/503/description").asText())
                .putObject("schema")
                .put("$ref", "#/definitions/ErrorResponse");
        healthResponses.set("default", healthFallback);
        // Where this server is, as the request reached it, after info.
        ObjectNode located = JSON.createObjectNode();
        python.properties().forEach(member -> {
            if (!member.getKey().equals("schemes")) {
                located.set(member.getKey(), member.getValue());
            }
            if (member.getKey().equals("info")) {
                located.put("host", served.path("host").asText()).put("basePath", "/");
                located.putArray("schemes").add("http");
            }
        });
        python.removeAll();
        python.setAll(located);
        // This server has no key, so it serves no scheme, no requirement and no 401.
        python.remove("securityDefinitions");
        ((ObjectNode) python.at("/paths/~1score/post")).remove("security");
        // Every error status of /score is listed, between 200 and default.
        ObjectNode scoreResponses = (ObjectNode) python.at("/paths/~1score/post/responses");
        JsonNode fallback = scoreResponses.remove("default");
        for (String status : List.of("400", "413", "415", "500", "503")) {
            String description = served.at("/paths/~1score/post/responses/" + status + "/description")
                    .asText();
            scoreResponses
                    .putObject(status)
                    .put("description", description)
                    .putObject("schema")
                    .put("$ref", "#/definitions/ErrorResponse");
        }
        scoreResponses.set("default", fallback);
        return python;
    }
}

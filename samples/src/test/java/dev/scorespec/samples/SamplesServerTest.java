package dev.scorespec.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorespec.runtime.binding.ScoringBinder;
import dev.scorespec.runtime.server.ScoringServer;
import dev.scorespec.runtime.server.ServerConfig;
import dev.scorespec.samples.ridge.RidgeScore_ScoreSpec;
import dev.scorespec.samples.text.TextStatsScore_ScoreSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The samples as users run them: the generated binders, found by ServiceLoader, served by the real
 * server over loopback HTTP.
 */
class SamplesServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private static ServerConfig config(Path modelDir) {
        ServerConfig.Builder builder = ServerConfig.builder().host("127.0.0.1").port(0);
        return (modelDir == null ? builder : builder.modelDir(modelDir)).build();
    }

    private HttpResponse<String> post(ScoringServer server, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/score"))
                        .header("Content-Type", "application/json")
                        .header("x-ms-client-request-id", "abc")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serviceLoaderFindsEverySample() {
        String found = ServiceLoader.load(ScoringBinder.class).stream()
                // the tests' own scoring class, which the processor lists for the test classes
                .filter(p -> p.type() != TitledRidge_ScoreSpec.class)
                .map(p -> p.get().scoringClass())
                .sorted()
                .collect(Collectors.joining(","));
        assertEquals(
                "dev.scorespec.samples.image.ImageSummaryScore,dev.scorespec.samples.powerbi.PowerBiScore,"
                        + "dev.scorespec.samples.ridge.BatchedRidgeScore,dev.scorespec.samples.ridge.RidgeScore,"
                        + "dev.scorespec.samples.risk.RiskScore,"
                        + "dev.scorespec.samples.text.TextStatsScore",
                found);
    }

    @Test
    void ridgeFromItsModelDirectoryPredictsTheDocsSample() throws Exception {
        try (ScoringServer server =
                ScoringServer.start(config(Path.of("models/diabetes-ridge/1")), new RidgeScore_ScoreSpec())) {
            HttpResponse<String> ok = post(server, "{\"data\": [[10,9,8,7,6,5,4,3,2,1]]}");
            assertEquals(200, ok.statusCode());
            assertEquals("[3830.0435194872953]", ok.body());
            HttpResponse<String> bad = post(server, "{\"data\": [[10,9,8,7,6,5,4,3,2]]}");
            assertEquals(400, bad.statusCode());
            assertEquals("{\"message\":\"data[0]: expected 10 values, got 9\"}", bad.body());
            HttpResponse<String> swagger = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/swagger.json?version=3"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, swagger.statusCode());
            assertTrue(swagger.body().contains("\"openapi\":\"3.0.3\""), swagger.body());
            assertTrue(swagger.body().contains("numpy.ndarray"), swagger.body());
        }
    }

    /** What key authentication asks for is what the served documents declare, so clients know to send it. */
    @Test
    void withAKeyTheDocumentsDeclareTheBearerKey() throws Exception {
        try (ScoringServer server = ScoringServer.start(
                ServerConfig.builder()
                        .host("127.0.0.1")
                        .port(0)
                        .authKey("documents-key")
                        .build(),
                new RidgeScore_ScoreSpec())) {
            for (String version : new String[] {"2", "3", "3.1"}) {
                JsonNode document = servedDocument(server, version, "documents-key");
                JsonNode bearer = version.equals("2")
                        ? document.path("securityDefinitions").path("Bearer")
                        : document.path("components").path("securitySchemes").path("Bearer");
                assertEquals("apiKey", bearer.path("type").asText(), version);
                assertEquals("header", bearer.path("in").asText(), version);
                assertEquals("Authorization", bearer.path("name").asText(), version);
                assertEquals(
                        "[{\"Bearer\":[]}]",
                        document.at("/paths/~1score/post/security").toString(),
                        version);
                assertEquals(true, document.at("/paths/~1score/post/responses").has("401"), version);
            }
        }
    }

    /** Without a key the server asks for none, and neither do its documents: no scheme, no lock, no 401. */
    @Test
    void withoutAKeyTheDocumentsAskForNone() throws Exception {
        try (ScoringServer server = ScoringServer.start(config(null), new RidgeScore_ScoreSpec())) {
            for (String version : new String[] {"2", "3", "3.1"}) {
                JsonNode document = servedDocument(server, version, null);
                String text = document.toString();
                assertEquals(false, text.contains("Bearer"), version + ": " + text);
                assertEquals(false, text.contains("\"security\""), version);
                assertEquals(false, document.at("/paths/~1score/post/responses").has("401"), version);
                assertEquals(true, document.at("/paths/~1score/post/responses").has("400"), version);
                assertEquals(
                        false,
                        document.at("/components/schemas/ServiceInput").isMissingNode()
                                && document.at("/definitions/ServiceInput").isMissingNode(),
                        version);
            }
        }
    }

    private JsonNode servedDocument(ScoringServer server, String version, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/swagger.json?version=" + version));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void ridgeWithoutModelDirectoryUsesTheBundledModel() throws Exception {
        try (ScoringServer server = ScoringServer.start(config(null), new RidgeScore_ScoreSpec())) {
            assertEquals(
                    "[3830.0435194872953]",
                    post(server, "{\"data\": [[10,9,8,7,6,5,4,3,2,1]]}").body());
        }
    }

    @Test
    void textStatsUsesRecordsOptionalsAndHeaders() throws Exception {
        try (ScoringServer server = ScoringServer.start(config(null), new TextStatsScore_ScoreSpec())) {
            assertEquals(
                    "{\"stats\":[{\"text\":\"a bc\",\"words\":2,\"meanWordLength\":1.5}],\"clientRequestId\":\"abc\"}",
                    post(server, "{\"texts\": [\"A bc\"], \"lowercase\": true}").body());
            HttpResponse<String> bad = post(server, "{\"texts\": [\"a\", 5]}");
            assertEquals(400, bad.statusCode());
            assertEquals("{\"message\":\"texts[1]: expected a string, got 5\"}", bad.body());
        }
    }
}

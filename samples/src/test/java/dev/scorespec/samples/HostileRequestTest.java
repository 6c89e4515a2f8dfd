package dev.scorespec.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorespec.runtime.server.ScoringServer;
import dev.scorespec.runtime.server.ServerConfig;
import dev.scorespec.samples.ridge.RidgeScore_ScoreSpec;
import dev.scorespec.samples.text.TextStatsScore_ScoreSpec;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bodies that used to be answered wrongly, sent over loopback HTTP to the samples' generated binders:
 * each is now a 400 in our words, or, for a result JSON cannot carry, a 500.
 */
class HostileRequestTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ScoringServer ridge;
    private static ScoringServer text;

    @BeforeAll
    static void start() throws Exception {
        ServerConfig config = ServerConfig.builder().host("127.0.0.1").port(0).build();
        ridge = ScoringServer.start(
                ServerConfig.builder()
                        .host("127.0.0.1")
                        .port(0)
                        .modelDir(Path.of("models/diabetes-ridge/1"))
                        .build(),
                new RidgeScore_ScoreSpec());
        text = ScoringServer.start(config, new TextStatsScore_ScoreSpec());
    }

    @AfterAll
    static void stop() {
        ridge.close();
        text.close();
    }

    private static HttpResponse<String> post(ScoringServer server, byte[] body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/score"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(ScoringServer server, String body) throws Exception {
        return post(server, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String message(HttpResponse<String> response) throws Exception {
        return new ObjectMapper().readTree(response.body()).path("message").asText();
    }

    @Test
    void anOverlongSlashIsA400NamingItsOffset() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"texts\": [\"a".getBytes(StandardCharsets.UTF_8));
        body.write(0xc0);
        body.write(0xaf);
        body.writeBytes("\"]}".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = post(text, body.toByteArray());
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(
                "POST body could not be decoded as JSON: invalid UTF-8: byte 0xC0 at offset 13 starts an overlong"
                        + " encoding",
                message(r));
    }

    @Test
    void aStringOverJacksonsLimitIsA400NotA500() throws Exception {
        HttpResponse<String> r = post(text, "{\"texts\": [\"" + "x".repeat(20_000_001) + "\"]}");
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(
                "texts[0]: a string is longer than the limit of 20,000,000 characters (line 1, column 12)", message(r));
    }

    @Test
    void parseErrorsNameNoJacksonSetting() throws Exception {
        HttpResponse<String> r = post(ridge, "{\"data\": [[NaN, 9, 8, 7, 6, 5, 4, 3, 2, 1]]}");
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(
                "POST body could not be decoded as JSON: NaN is not a JSON number: JSON has no NaN or infinity"
                        + " (line 1, column 15)",
                message(r));
        r = post(ridge, "{\"data\": [[1, 2}");
        assertEquals(
                "POST body could not be decoded as JSON: '}' cannot close the array that is open (line 1, column 16)",
                message(r));
        assertFalse(r.body().contains("REDACTED"), r.body());
    }

    @Test
    void aOneDimensionalBodySaysWhatArrived() throws Exception {
        HttpResponse<String> r = post(ridge, "{\"data\": [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]}");
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("data[0]: expected an array of 10 values, got the number 10", message(r));
    }

    @Test
    void anInfiniteResultIsA500NotANull() throws Exception {
        HttpResponse<String> r = post(ridge, "{\"data\": [[" + "1e308, ".repeat(9) + "1e308]]}");
        assertEquals(500, r.statusCode(), r.body());
        assertEquals("An unexpected internal error occurred. Check the logs for more info.", message(r));
    }
}

package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scorespec.runtime.server.ScoringServer;
import dev.scorespec.runtime.server.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service as clients call it: the real server on a free loopback port, the project's models folder. */
class LinearScoreTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private ScoringServer server;

    @BeforeEach
    void start() throws Exception {
        ServerConfig config = ServerConfig.builder().host("127.0.0.1").port(0).modelDir(Path.of("models")).build();
        server = ScoringServer.start(config, new LinearScore_ScoreSpec());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> score(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/score"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void predictsOneValuePerRow() throws Exception {
        // 12.5 + 0.75 * age + 2.0 * bmi + 0.25 * blood_pressure, with models/linear/1/model.json
        HttpResponse<String> answer = score("{\"data\": [[50, 24.5, 80], [0, 0, 0]]}");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("[119.0,12.5]", answer.body());
    }

    @Test
    void aRowOfTheWrongLengthIsA400ThatSaysWhere() throws Exception {
        HttpResponse<String> answer = score("{\"data\": [[50, 24.5]]}");
        assertEquals(400, answer.statusCode(), answer.body());
        assertEquals("{\"message\":\"data[0]: expected 3 values, got 2\"}", answer.body());
    }
}

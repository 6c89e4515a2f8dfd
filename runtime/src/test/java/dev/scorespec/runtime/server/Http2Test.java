package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server speaks cleartext HTTP/2 (h2c), both by upgrade from HTTP/1.1 (the JDK client's default) and
 * with prior knowledge, and the access log records those requests as answered.
 */
class Http2Test {

    private static final String BODY = "{\"data\": [[1,2,3]]}";

    private ScoringServer server;

    @BeforeEach
    void start() throws Exception {
        server = ScoringServer.start(ServerConfig.builder().port(0).build(), new TestBinders.Sum());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void jdkClientUpgradesToH2cAndEachRequestIsLoggedAsAnswered() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        URI base = URI.create("http://127.0.0.1:" + server.port());
        try (AccessLog log = new AccessLog()) {
            // the first request carries the upgrade, the next ones go over the HTTP/2 connection
            HttpResponse<String> upgraded = client.send(
                    HttpRequest.newBuilder(base.resolve("/score?data=%5B%5B1,2,3%5D%5D"))
                            .header("x-request-id", "h2-1")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> posted = client.send(
                    HttpRequest.newBuilder(base.resolve("/score"))
                            .header("content-type", "application/json")
                            .header("x-request-id", "h2-2")
                            .POST(HttpRequest.BodyPublishers.ofString(BODY))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, upgraded.statusCode(), upgraded.body());
            assertEquals("[6.0]", upgraded.body());
            assertEquals(HttpClient.Version.HTTP_2, posted.version(), "the server speaks h2c");
            assertEquals(200, posted.statusCode(), posted.body());
            assertEquals("[6.0]", posted.body());
            assertEquals("h2-2", posted.headers().firstValue("x-request-id").orElse(null));

            List<String> lines = log.await(2);
            assertEquals(2, lines.size(), String.join("\n", lines));
            assertTrue(lines.get(0).matches(".* - GET /score 200 \\d+\\.\\d{3}ms \\d+B h2-1"), lines.get(0));
            assertTrue(lines.get(1).matches(".* - POST /score 200 \\d+\\.\\d{3}ms \\d+B h2-2"), lines.get(1));
            assertFalse(log.all().contains("closed"), log.all());
        }
    }

    @Test
    void priorKnowledgeH2cIsServedAndLoggedAsAnswered() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (AccessLog log = new AccessLog()) {
            HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_2)
                    .setHttp2ClearTextUpgrade(false));
            RequestOptions post = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setHost("127.0.0.1")
                    .setPort(server.port())
                    .setURI("/score")
                    .putHeader("content-type", "application/json")
                    .putHeader("x-request-id", "h2-prior");
            HttpClientResponse[] response = new HttpClientResponse[1];
            Buffer body = client.request(post)
                    .compose(request -> request.send(Buffer.buffer(BODY)))
                    .compose(r -> {
                        response[0] = r;
                        return r.body();
                    })
                    .await(10, TimeUnit.SECONDS);
            assertEquals(HttpVersion.HTTP_2, response[0].version());
            assertEquals(200, response[0].statusCode(), body.toString());
            assertEquals("[6.0]", body.toString());

            List<String> lines = log.await(1);
            assertEquals(1, lines.size(), String.join("\n", lines));
            assertTrue(lines.get(0).matches(".* - POST /score 200 \\d+\\.\\d{3}ms \\d+B h2-prior"), lines.get(0));
            assertFalse(log.all().contains("closed"), log.all());
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}

package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The budget for request bytes in flight: a body that would pass it is answered 503 with Retry-After
 * before it is read, a body larger than the whole budget 413, and the budget is given back when a request
 * ends. The heavy case (8 concurrent 92 MB bodies under -Xmx1g) is a documented manual command.
 */
class MemoryBudgetTest {

    private static final long BUDGET = 1_000;

    private TestBinders.Sum binder;
    private ScoringServer server;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        binder = new TestBinders.Sum();
        server = ScoringServer.start(
                ServerConfig.builder()
                        .port(0)
                        .maxRequestBytes(10_000)
                        .maxBytesInFlight(BUDGET)
                        .build(),
                binder);
        http = new Http(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A body of about {@code size} bytes whose run spins for {@code ms} milliseconds. */
    private static String body(int size, int ms) {
        StringBuilder s = new StringBuilder("{\"scale\": -5, \"data\": [[" + ms + ",0,0]");
        while (s.length() < size - 12) {
            s.append(",[0,0,0]");
        }
        return s.append("]}").toString();
    }

    @Test
    void aBodyThatWouldPassTheBudgetIs503UntilTheBudgetIsFree() throws Exception {
        String slow = body(600, 1_500);
        CompletableFuture<HttpResponse<String>> first = Http.CLIENT.sendAsync(
                http.request("/score")
                        .header("content-type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(slow))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (binder.running.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, binder.running.get(), "the first request is in run, holding its body");

        Http.Reply refused = http.postJson("/score", body(600, 0));
        assertEquals(503, refused.status(), refused.toString());
        assertEquals(BodyReader.RETRY_AFTER_SECONDS, refused.header("retry-after"));
        assertTrue(
                refused.message().contains("memory budget") && refused.message().contains("1000 bytes"),
                refused.message());

        assertEquals(200, first.get().statusCode(), first.get().body());
        // the first request's bytes are given back once its response has ended
        Http.Reply later = http.postJson("/score", body(600, 0));
        assertEquals(200, later.status(), later.toString());
        assertEquals(2, binder.requests.size(), "the refused body never reached bind");
    }

    @Test
    void aBodyLargerThanTheWholeBudgetIs413() {
        Http.Reply r = http.postJson("/score", body(1_500, 0));
        assertEquals(413, r.status(), r.toString());
        assertTrue(r.message().contains("memory budget for request bodies (1000 bytes)"), r.message());
    }

    @Test
    void smallBodiesSideBySideFitAndTheBudgetIsAFlag() throws Exception {
        for (int i = 0; i < 5; i++) {
            Http.Reply r = http.postJson("/score", body(400, 0));
            assertEquals(200, r.status(), r.toString());
        }
        assertEquals(
                2048,
                ConfigParser.parse(List.of("--max-bytes-in-flight", "2048"), Map.of())
                        .maxBytesInFlight());
        assertEquals(
                4096,
                ConfigParser.parse(List.of(), Map.of("SCORESPEC_MAX_BYTES_IN_FLIGHT", "4096"))
                        .maxBytesInFlight());
        assertEquals(
                Runtime.getRuntime().maxMemory() / 8,
                ConfigParser.parse(List.of(), Map.of()).maxBytesInFlight());
        assertTrue(body(400, 0).getBytes(StandardCharsets.UTF_8).length <= 400);
    }
}

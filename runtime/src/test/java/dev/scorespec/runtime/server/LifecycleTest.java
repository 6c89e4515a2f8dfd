package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init, the scoring timeout, graceful shutdown, CORS and the access log. */
class LifecycleTest {

    private ScoringServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void failingInitStopsTheStartWithItsCause() {
        ServerStartException e = assertThrows(
                ServerStartException.class,
                () -> ScoringServer.start(ServerConfig.builder().port(0).build(), new TestBinders.FailingInit()));
        assertTrue(e.getMessage().startsWith("init of test.FailingInit failed"), e.getMessage());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals("model.onnx is missing", e.getCause().getMessage());
    }

    @Test
    void failingInitClosesThePortItOpened() throws Exception {
        int port = freePort();
        assertThrows(
                ServerStartException.class,
                () -> ScoringServer.start(ServerConfig.builder().port(port).build(), new TestBinders.FailingInit()));
        assertFalse(listening(port), "the start failed: nothing is left listening");
    }

    @Test
    void initGetsTheConfiguredModelDir(@TempDir Path models) throws Exception {
        TestBinders.Sum binder = new TestBinders.Sum();
        server = ScoringServer.start(
                ServerConfig.builder().port(0).modelDir(models).build(), binder);
        assertTrue(binder.models.isConfigured());
        assertEquals(models.toAbsolutePath().normalize(), binder.models.root());
    }

    @Test
    void initKnowsWhenNoModelDirIsConfigured() throws Exception {
        TestBinders.Sum binder = new TestBinders.Sum();
        server = ScoringServer.start(ServerConfig.builder().port(0).build(), binder);
        assertFalse(binder.models.isConfigured());
        assertEquals(Path.of("").toAbsolutePath(), binder.models.root());
    }

    @Test
    void stuckRunIsAnswered500AtTheTimeoutAndInterrupted() throws Exception {
        TestBinders.Sum binder = new TestBinders.Sum();
        server = ScoringServer.start(
                ServerConfig.builder().port(0).scoringTimeoutMs(300).build(), binder);
        Http http = new Http(server.port());
        long start = System.nanoTime();
        Http.Reply r = http.postJson("/score", "{\"data\": [[1,2,3]], \"scale\": -2}");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(500, r.status());
        assertEquals("Scoring timeout after 300 ms", r.message());
        assertEquals("True", r.header("x-ms-run-function-failed"));
        double runMs = Double.parseDouble(r.header("x-ms-run-fn-exec-ms"));
        assertTrue(runMs > 200 && runMs < 2_000, "time in run " + runMs);
        assertTrue(ms >= 300 && ms < 5_000, "answered after " + ms + " ms");
        // the worker was interrupted, and is free again
        for (int i = 0; i < 50 && binder.interrupted.isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertEquals(List.of(true), binder.interrupted);
        assertEquals(200, http.postJson("/score", "{\"data\": [[1,2,3]]}").status());
    }

    @Test
    void runThatIgnoresInterruptsStillGetsItsClientAnAnswerAtTheTimeout() throws Exception {
        TestBinders.Sum binder = new TestBinders.Sum();
        server = ScoringServer.start(
                ServerConfig.builder()
                        .port(0)
                        .scoringTimeoutMs(200)
                        .workerCount(2)
                        .build(),
                binder);
        Http http = new Http(server.port());
        long start = System.nanoTime();
        // spins for 1500 ms
        Http.Reply r = http.postJson("/score", "{\"data\": [[1500,0,0]], \"scale\": -5}");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(500, r.status());
        assertEquals("Scoring timeout after 200 ms", r.message());
        assertTrue(ms < 1_200, "answered after " + ms + " ms, before the run ended");
        // the other worker serves meanwhile
        assertEquals(200, http.postJson("/score", "{\"data\": [[1,2,3]]}").status());
    }

    @Test
    void requestWaitingBehindABusyWorkerIsAnsweredAtTheTimeoutAndNeverRun() throws Exception {
        TestBinders.Sum binder = new TestBinders.Sum();
        server = ScoringServer.start(
                ServerConfig.builder()
                        .port(0)
                        .scoringTimeoutMs(300)
                        .workerCount(1)
                        .build(),
                binder);
        Http http = new Http(server.port());
        // the only worker spins for 1500 ms, deaf to interrupts
        CompletableFuture<HttpResponse<String>> busy = Http.CLIENT.sendAsync(
                http.request("/score")
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"data\": [[1500,0,0]], \"scale\": -5}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(100);
        long start = System.nanoTime();
        Http.Reply queued = http.postJson("/score", "{\"data\": [[1,2,3]], \"scale\": 7}");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(500, queued.status());
        assertEquals("Scoring timeout after 300 ms", queued.message());
        assertNull(queued.header("x-ms-run-fn-exec-ms"), "run never started");
        assertTrue(ms < 1_200, "answered after " + ms + " ms, before the worker was free");
        assertEquals(500, busy.get(10, TimeUnit.SECONDS).statusCode());
        Thread.sleep(1_600);
        assertEquals(1, binder.runThreads.size(), "the queued request was dropped, not run late");
    }

    @Test
    void runWithinTheTimeoutIsNotCut() throws Exception {
        server = ScoringServer.start(
                ServerConfig.builder().port(0).scoringTimeoutMs(2_000).build(), new TestBinders.Sum());
        Http.Reply r = new Http(server.port()).postJson("/score", "{\"data\": [[1,2,3]], \"scale\": -4}");
        assertEquals(200, r.status());
    }

    @Test
    void closeLetsInFlightRequestsFinish() throws Exception {
        server = ScoringServer.start(
                ServerConfig.builder().port(0).shutdownGraceMs(5_000).build(), new TestBinders.Sum());
        Http http = new Http(server.port());
        CompletableFuture<HttpResponse<String>> slow = Http.CLIENT.sendAsync(
                http.request("/score")
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"data\": [[1,2,3]], \"scale\": -4}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(100);
        long start = System.nanoTime();
        server.close();
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, slow.get(5, TimeUnit.SECONDS).statusCode());
        assertTrue(ms < 4_000, "close took " + ms + " ms");
        assertThrows(
                ConnectException.class,
                () -> Http.CLIENT.send(http.request("/").build(), HttpResponse.BodyHandlers.ofString()));
        server.close(); // idempotent
        server = null;
    }

    @Test
    void corsHeadersForAllowedOrigins() throws Exception {
        server = ScoringServer.start(
                ServerConfig.builder()
                        .port(0)
                        .corsOrigins(List.of("https://app.example"))
                        .build(),
                new TestBinders.Sum());
        Http http = new Http(server.port());
        Http.Reply r = http.postJson("/score", "{\"data\": [[1,2,3]]}", "Origin", "https://app.example");
        assertEquals(200, r.status());
        assertEquals("https://app.example", r.header("access-control-allow-origin"));
        assertTrue(r.header("access-control-expose-headers").contains("x-ms-run-fn-exec-ms"));
        assertEquals("Origin", r.header("vary"));

        Http.Reply preflight = http.send(http.request("/score")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, authorization")
                .build());
        assertEquals(204, preflight.status());
        assertEquals("https://app.example", preflight.header("access-control-allow-origin"));
        assertEquals("GET, POST", preflight.header("access-control-allow-methods"));
        assertEquals("content-type, authorization", preflight.header("access-control-allow-headers"));

        Http.Reply refused = http.get("/", "Origin", "https://app.example", "x-request-id", "i".repeat(101));
        assertEquals(431, refused.status());
        assertEquals("https://app.example", refused.header("access-control-allow-origin"), "errors are readable too");

        Http.Reply other = http.postJson("/score", "{\"data\": [[1,2,3]]}", "Origin", "https://evil.example");
        assertEquals(200, other.status(), "served; the browser refuses it");
        assertNull(other.header("access-control-allow-origin"));
    }

    @Test
    void corsStarAllowsAnyOrigin() throws Exception {
        server = ScoringServer.start(
                ServerConfig.builder().port(0).corsOrigins(List.of("*")).build(), new TestBinders.Sum());
        Http.Reply r = new Http(server.port()).get("/", "Origin", "https://anything.example");
        assertEquals("*", r.header("access-control-allow-origin"));
    }

    @Test
    void noCorsHeadersWhenCorsIsOff() throws Exception {
        server = ScoringServer.start(ServerConfig.builder().port(0).build(), new TestBinders.Sum());
        Http.Reply r = new Http(server.port()).get("/", "Origin", "https://app.example");
        assertNull(r.header("access-control-allow-origin"));
    }

    @Test
    void oneAccessLogLinePerRequest() throws Exception {
        server = ScoringServer.start(ServerConfig.builder().port(0).build(), new TestBinders.Sum());
        Http http = new Http(server.port());
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            http.postJson("/score?q=1", "{\"data\": [[1,2,3]]}", "x-request-id", "log-id-1");
            http.postJson("/score", "{}", "x-request-id", "log-id-2");
            http.method("PUT", "/score?x", "x-request-id", "log-id-3");
            Thread.sleep(100); // the line is written when the response has ended
        } finally {
            System.setErr(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.contains("dev.scorespec.access"))
                .toList();
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(
                lines.get(0)
                        .matches(".*INFO dev\\.scorespec\\.access - POST /score 200 \\d+\\.\\d{3}ms \\d+B log-id-1"),
                lines.get(0));
        assertTrue(lines.get(1).matches(".* - POST /score 400 \\d+\\.\\d{3}ms \\d+B log-id-2"), lines.get(1));
        assertTrue(lines.get(2).matches(".* - PUT /score 405 \\d+\\.\\d{3}ms \\d+B log-id-3"), lines.get(2));
    }
}

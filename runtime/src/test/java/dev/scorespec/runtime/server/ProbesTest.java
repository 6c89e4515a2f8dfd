package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The port opens before {@code @Init} runs: liveness at once, readiness and the routes once it has returned. */
class ProbesTest {

    private ScoringServer server;
    private CountDownLatch gate;

    @AfterEach
    void stop() {
        if (gate != null) {
            gate.countDown();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void probesAnswerWhileInitRunsAndTheRoutesWaitForIt() throws Exception {
        TestBinders.Sum binder = new TestBinders.Sum();
        gate = new CountDownLatch(1);
        binder.initGate = gate;
        int port = LifecycleTest.freePort();
        CompletableFuture<ScoringServer> started = CompletableFuture.supplyAsync(() -> {
            try {
                return ScoringServer.start(
                        ServerConfig.builder().port(port).authKey("k3y").build(), binder);
            } catch (ServerStartException e) {
                throw new RuntimeException(e);
            }
        });
        awaitListening(port);
        Http http = new Http(port);

        Http.Reply live = http.get("/v2/health/live");
        assertEquals(200, live.status());
        assertEquals("Live", live.body());
        Http.Reply notReady = http.get("/v2/health/ready");
        assertEquals(503, notReady.status());
        assertEquals(ScoringServer.NOT_READY, notReady.message());
        Http.Reply health = http.get("/");
        assertEquals(503, health.status(), "GET / says Healthy only after init");
        assertEquals(ScoringServer.NOT_READY, health.message());
        Http.Reply score = http.postJson("/score", "{\"data\": [[1,2,3]]}", "Authorization", "Bearer k3y");
        assertEquals(503, score.status());
        assertEquals("1", score.header("retry-after"));
        assertEquals(ScoringServer.NOT_READY, score.message());
        assertTrue(score.header("x-request-id") != null, "a 503 is tracked like any answer");
        assertFalse(started.isDone(), "start returns once init has returned");

        gate.countDown();
        server = started.get(10, TimeUnit.SECONDS);
        assertTrue(server.ready());
        Http.Reply ready = http.get("/v2/health/ready");
        assertEquals(200, ready.status());
        assertEquals("Ready", ready.body());
        assertEquals("Healthy", http.get("/").body());
        assertEquals(200, http.get("/v2/health/live").status());
        assertEquals(
                200,
                http.postJson("/score", "{\"data\": [[1,2,3]]}", "Authorization", "Bearer k3y")
                        .status());
        assertEquals(
                401, http.postJson("/score", "{\"data\": [[1,2,3]]}").status(), "the probes are open, /score is not");
        assertEquals(405, http.method("POST", "/v2/health/ready").status());
    }

    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("nothing listens on port " + port + " while init runs");
    }
}

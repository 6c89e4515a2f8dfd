package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A {@code @RawHttp} run over real loopback HTTP: the request as it came, the response as it was made. */
class RawHttpServerTest {

    private static RawEcho binder;
    private static ScoringServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        binder = new RawEcho();
        server = ScoringServer.start(
                ServerConfig.builder()
                        .port(0)
                        .workerCount(2)
                        .maxRequestBytes(1024)
                        .servicePathPrefix("/svc")
                        .build(),
                binder);
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Every byte value, and sequences that are not UTF-8 nor JSON. */
    private static byte[] binary() {
        byte[] bytes = new byte[300];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7 + 0x80);
        }
        return bytes;
    }

    private static Http.Reply post(String path, String contentType, byte[] body) {
        HttpRequest.Builder request = http.request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.header("X-Custom", "Value 1").build());
    }

    @Test
    void postReceivesBinaryBodiesOfAnyContentTypeAsSent() {
        byte[] body = binary();
        for (String type : new String[] {"application/octet-stream", "image/png", "application/json", null}) {
            Http.Reply r = post("/score", type, body);
            assertEquals(200, r.status(), type + ": " + r);
            assertArrayEquals(body, r.response.body(), type);
            assertEquals(type == null ? "application/octet-stream" : type, r.header("content-type"));
            assertEquals("POST", binder.last.method());
            assertEquals(type, binder.last.header("Content-Type").orElse(null));
            assertEquals("Value 1", binder.last.headers().get("x-custom"), "headers by lower-case name");
        }
    }

    @Test
    void emptyPostBodyReachesRunAsNoBytes() {
        Http.Reply r = post("/score", "application/octet-stream", new byte[0]);
        assertEquals(200, r.status(), r.toString());
        assertEquals(0, binder.last.body().length);
        assertEquals(0, r.response.body().length);
    }

    @Test
    void getReceivesTheFullPathWithItsQuery() {
        Http.Reply r = http.get("/score?size=small&name=a%20b&size=big");
        assertEquals(200, r.status(), r.toString());
        assertEquals("/score?size=small&name=a%20b&size=big", r.body());
        assertEquals("text/plain; charset=utf-8", r.header("content-type"));
        assertEquals(List.of("small", "big"), binder.last.queryParameters().get("size"));
        assertEquals(List.of("a b"), binder.last.queryParameters().get("name"));
        assertEquals("/score", http.get("/score").body(), "no lone '?' without a query");
        assertEquals("/svc/score?x=1", http.get("/svc/score?x=1").body(), "the path as sent, prefix included");
    }

    @Test
    void getWithABodyHandsItOver() {
        Http.Reply r = http.send(http.request("/score")
                .method("GET", HttpRequest.BodyPublishers.ofByteArray(binary()))
                .header("Content-Type", "application/octet-stream")
                .build());
        assertEquals(200, r.status(), r.toString());
        assertArrayEquals(binary(), binder.last.body());
    }

    @Test
    void statusAndHeadersAreTheRuns() {
        Http.Reply r = post(
                "/score?status=201&header=Location:/things/1&header=X-Model:ridge%2C%20v2",
                "text/csv", new byte[] {'a'});
        assertEquals(201, r.status(), r.toString());
        assertEquals("/things/1", r.header("location"));
        assertEquals("ridge, v2", r.header("x-model"));
        assertEquals("text/csv", r.header("content-type"));
        assertEquals("False", r.header("x-ms-run-function-failed"));

        Http.Reply teapot = http.get("/score?status=418");
        assertEquals(418, teapot.status());
        assertEquals("/score?status=418", teapot.body());

        Http.Reply none = post("/score?status=204&header=X-Done:yes", null, new byte[0]);
        assertEquals(204, none.status(), none.toString());
        assertEquals("yes", none.header("x-done"));
        assertEquals(0, none.response.body().length);
    }

    @Test
    void runSeesEveryValueOfARepeatedHeader() throws Exception {
        // the JDK client folds nothing: two header lines reach the server as two values
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5_000);
            s.getOutputStream()
                    .write(("GET /score HTTP/1.1\r\nHost: x\r\nX-Tag: a\r\nx-tag: b, c\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        }
        assertEquals(List.of("a", "b, c"), binder.last.headerValues("X-Tag"));
        assertEquals("a", binder.last.headers().get("x-tag"));
    }

    @Test
    void theServersHeadersStillApply() {
        Http.Reply r =
                http.get("/score?header=x-request-id:forged&header=x-ms-run-fn-exec-ms:1", "x-request-id", "abc");
        assertEquals(200, r.status());
        assertEquals("abc", r.header("x-request-id"), "the server's request id, not run's");
        assertEquals(List.of("abc"), r.response.headers().allValues("x-request-id"));
        String ms = r.header("x-ms-run-fn-exec-ms");
        assertNotNull(ms);
        assertTrue(ms.matches("\\d+\\.\\d{3}"), ms);
        assertEquals(1, r.response.headers().allValues("x-ms-run-fn-exec-ms").size());
    }

    @Test
    void serverErrorStatusesMarkTheRunAsFailed() {
        Http.Reply r = http.get("/score?status=503&header=x-ms-run-function-failed:False");
        assertEquals(503, r.status());
        assertEquals("True", r.header("x-ms-run-function-failed"), "as the Python server marks 5xx AMLResponses");
        assertEquals("/score?status=503&header=x-ms-run-function-failed:False", r.body());
    }

    @Test
    void runThatThrowsIs500WithoutDetails() {
        Http.Reply r = post("/score?throw", "application/octet-stream", binary());
        assertEquals(500, r.status());
        assertEquals(Responses.RUN_ERROR, r.message());
        assertEquals("True", r.header("x-ms-run-function-failed"));
        assertFalse(r.body().contains("secret"));
        assertNotNull(r.header("x-ms-run-fn-exec-ms"));
    }

    @Test
    void runThatReturnsNullIs500() {
        Http.Reply r = http.get("/score?null");
        assertEquals(500, r.status());
        assertEquals(Responses.RUN_ERROR, r.message());
        assertEquals("True", r.header("x-ms-run-function-failed"));
    }

    @Test
    void otherMethodsDoNotReachRun() {
        int before = binder.runs.get();
        for (String method : new String[] {"PUT", "DELETE", "PATCH", "HEAD"}) {
            Http.Reply r = http.method(method, "/score");
            assertEquals(405, r.status(), method);
            assertEquals(ScoreHandler.ALLOW, r.header("allow"));
        }
        Http.Reply options = http.method("OPTIONS", "/score");
        assertEquals(200, options.status());
        assertEquals(ScoreHandler.ALLOW, options.header("allow"));
        assertEquals(before, binder.runs.get());
    }

    @Test
    void bodiesOverTheLimitAre413() {
        int before = binder.runs.get();
        Http.Reply r = post("/score", "application/octet-stream", new byte[1025]);
        assertEquals(413, r.status(), r.toString());
        assertEquals(before, binder.runs.get());
        assertEquals(
                200, post("/score", "application/octet-stream", new byte[1024]).status());
    }
}

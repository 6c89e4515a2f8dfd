package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP contract of /, /score and the headers, over real loopback HTTP, with one shared server. */
class ScoringServerTest {

    private static TestBinders.Sum binder;
    private static ScoringServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        binder = new TestBinders.Sum();
        server = ScoringServer.start(
                ServerConfig.builder().port(0).workerCount(2).build(), binder);
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- health

    @Test
    void healthAnswersHealthyAsPlainText() {
        Http.Reply r = http.get("/");
        assertEquals(200, r.status());
        assertEquals("Healthy", r.body());
        assertTrue(r.header("content-type").startsWith("text/plain"), r.header("content-type"));
        assertNotNull(r.header("x-request-id"));
    }

    @Test
    void healthAnswersHeadWithoutBody() {
        Http.Reply r = http.method("HEAD", "/");
        assertEquals(200, r.status());
        assertEquals("", r.body());
    }

    @Test
    void healthRefusesOtherMethodsWithAllow() {
        Http.Reply r = http.method("POST", "/");
        assertEquals(405, r.status());
        assertEquals("GET, HEAD, OPTIONS", r.header("allow"));
        assertEquals(Responses.METHOD_NOT_ALLOWED, r.message());
        assertEquals(405, http.method("DELETE", "/").status());
    }

    @Test
    void optionsOnHealthAndDocumentsAnswer200WithAllow() {
        Http.Reply r = http.method("OPTIONS", "/");
        assertEquals(200, r.status());
        assertEquals("GET, HEAD, OPTIONS", r.header("allow"));
        r = http.method("OPTIONS", "/swagger.json");
        assertEquals(200, r.status());
        assertEquals("GET, HEAD, OPTIONS", r.header("allow"));
        r = http.method("PUT", "/swagger.json");
        assertEquals(405, r.status());
        assertEquals("GET, HEAD, OPTIONS", r.header("allow"));
    }

    @Test
    void unknownPathIs404Json() {
        Http.Reply r = http.get("/predict");
        assertEquals(404, r.status());
        assertEquals(Responses.JSON, r.header("content-type"));
        assertEquals(Responses.NOT_FOUND, r.message());
        assertEquals(404, http.get("/score/extra").status());
    }

    // ---- POST /score

    @Test
    void postScoresAndWritesJson() {
        Http.Reply r = http.postJson("/score", "{\"data\": [[1, 2, 3], [10, 20, 30]]}");
        assertEquals(200, r.status(), r.toString());
        assertEquals(Responses.JSON, r.header("content-type"));
        assertEquals(new JsonArray().add(6.0).add(60.0), new JsonArray(r.body()));
        assertEquals("False", r.header("x-ms-run-function-failed"));
        String ms = r.header("x-ms-run-fn-exec-ms");
        assertNotNull(ms);
        assertTrue(ms.matches("\\d+\\.\\d{3}"), ms);
    }

    @Test
    void optionalParameterIsBound() {
        Http.Reply r = http.postJson("/score", "{\"scale\": 2, \"data\": [[1, 2, 3]], \"ignored\": {\"x\": [1]}}");
        assertEquals(200, r.status(), r.toString());
        assertEquals(new JsonArray().add(12.0), new JsonArray(r.body()));
    }

    @Test
    void contentTypeMayCarryACharsetOrBeAPlusJsonType() {
        assertEquals(
                200,
                http.post("/score", "application/json; charset=utf-8", "{\"data\": [[1,2,3]]}")
                        .status());
        assertEquals(
                200,
                http.post("/score", "Application/JSON", "{\"data\": [[1,2,3]]}").status());
        assertEquals(
                200,
                http.post("/score", "application/vnd.api+json", "{\"data\": [[1,2,3]]}")
                        .status());
    }

    @Test
    void bindRunAndWriteRunOnTheWorkerPool() {
        binder.runThreads.clear();
        assertEquals(200, http.postJson("/score", "{\"data\": [[1,2,3]]}").status());
        assertEquals(1, binder.runThreads.size());
        assertTrue(binder.runThreads.get(0).startsWith("scorespec-worker"), binder.runThreads.toString());
    }

    @Test
    void theBinderSeesMethodUriHeadersAndBody() {
        binder.requests.clear();
        http.postJson("/score?x=1", "{\"data\": [[1,2,3]]}", "X-Custom", "abc");
        var request = binder.requests.get(0);
        assertEquals("POST", request.method());
        assertEquals("/score?x=1", request.uri());
        assertEquals("abc", request.headers().get("x-custom"));
        assertEquals("{\"data\": [[1,2,3]]}", request.bodyText());
    }

    @Test
    void wrongContentTypeIs415() {
        Http.Reply r = http.post("/score", "text/plain", "{\"data\": [[1,2,3]]}");
        assertEquals(415, r.status());
        assertEquals("Expects Content-Type to be application/json", r.message());
        assertEquals(415, http.post("/score", null, "{\"data\": [[1,2,3]]}").status());
        assertEquals(
                415,
                http.post("/score", "application/jsonx", "{\"data\": [[1,2,3]]}")
                        .status());
    }

    @Test
    void bodyThatIsNotJsonIs400() {
        Http.Reply r = http.postJson("/score", "{\"data\": [[1,2,3]");
        assertEquals(400, r.status());
        assertTrue(r.message().startsWith("POST body could not be decoded as JSON: "), r.message());
        r = http.postJson("/score", "data=1");
        assertEquals(400, r.status());
        assertTrue(r.message().startsWith("POST body could not be decoded as JSON: "), r.message());
        assertTrue(r.message().contains("line 1, column 1"), r.message());
        r = http.postJson("/score", "{\"data\": [[1,2,3]]} {}");
        assertEquals(400, r.status());
        assertTrue(r.message().startsWith("POST body could not be decoded as JSON: extra data"), r.message());
        // the binder fails first, on a value, before the broken end: the body's problem is still the answer
        r = http.postJson("/score", "{\"data\": \"rows\", \"scale\": ");
        assertEquals(400, r.status());
        assertTrue(r.message().startsWith("POST body could not be decoded as JSON: "), r.message());
        assertEquals("application/json", r.header("content-type"));
        assertNull(r.header("x-ms-run-fn-exec-ms"), "run did not run");
    }

    @Test
    void emptyBodyIs400() {
        Http.Reply r = http.postJson("/score", "");
        assertEquals(400, r.status());
        assertEquals("POST body is empty. Expecting a JSON dictionary.", r.message());
    }

    @Test
    void bodyThatIsNotAnObjectIs400() {
        Http.Reply r = http.postJson("/score", "[[1,2,3]]");
        assertEquals(400, r.status());
        assertEquals("POST body should be a JSON dictionary.", r.message());
        assertEquals(
                "POST body should be a JSON dictionary.",
                http.postJson("/score", "42").message());
    }

    @Test
    void missingParameterIs400() {
        Http.Reply r = http.postJson("/score", "{\"scale\": 2}");
        assertEquals(400, r.status());
        assertEquals("A value is not provided for the 'data' parameter.", r.message());
    }

    @Test
    void valueThatDoesNotFitIs400WithTheBindersMessage() {
        Http.Reply r = http.postJson("/score", "{\"data\": [[1,2,3],[1,2]]}");
        assertEquals(400, r.status());
        assertEquals("data[1]: expected 3 values, got 2", r.message());
        r = http.postJson("/score", "{\"data\": [[1,\"x\",3]]}");
        assertEquals(400, r.status());
        assertEquals("data[0][1]: expected a number", r.message());
    }

    @Test
    void runThatThrowsIs500WithoutDetails() {
        Http.Reply r = http.postJson("/score", "{\"data\": [[1,2,3]], \"scale\": -1}");
        assertEquals(500, r.status());
        assertEquals("An unexpected error occurred in scoring script. Check the logs for more info.", r.message());
        assertEquals("True", r.header("x-ms-run-function-failed"));
        assertNotNull(r.header("x-ms-run-fn-exec-ms"));
        assertFalse(r.body().contains("boom"), r.body());
        assertFalse(r.body().contains("Exception"), r.body());
        assertFalse(r.body().contains("at dev."), r.body());
    }

    @Test
    void runThatRejectsItsInputIs400WithItsMessage() {
        Http.Reply r = http.postJson("/score", "{\"data\": [[1,2,3]], \"scale\": -6}");
        assertEquals(400, r.status());
        assertEquals("scale: -6 is not a scale; give a positive number", r.message());
        assertEquals("False", r.header("x-ms-run-function-failed"));
        assertNotNull(r.header("x-ms-run-fn-exec-ms"), "run ran");
    }

    @Test
    void writeThatFailsIs500() {
        Http.Reply r = http.postJson("/score", "{\"data\": [[1,2,3]], \"scale\": -3}");
        assertEquals(500, r.status());
        assertEquals(Responses.INTERNAL_ERROR, r.message());
        assertEquals("False", r.header("x-ms-run-function-failed"));
        assertNotNull(r.header("x-ms-run-fn-exec-ms"), "run ran");
    }

    @Test
    void otherMethodsOnScoreAre405WithAllow() {
        for (String method : new String[] {"PUT", "DELETE", "PATCH", "HEAD"}) {
            Http.Reply r = http.method(method, "/score");
            assertEquals(405, r.status(), method);
            assertEquals("GET, POST, OPTIONS", r.header("allow"), method);
            if (!method.equals("HEAD")) {
                assertEquals(Responses.METHOD_NOT_ALLOWED, r.message());
            }
        }
    }

    @Test
    void optionsOnScoreIs200WithAllow() {
        Http.Reply r = http.method("OPTIONS", "/score");
        assertEquals(200, r.status());
        assertEquals("GET, POST, OPTIONS", r.header("allow"));
        assertEquals("", r.body());
    }

    // ---- GET /score

    @Test
    void getParsesQueryParametersAsJson() {
        Http.Reply r = http.get("/score?data=%5B%5B1,2,3%5D,%5B4,5,6%5D%5D&scale=10");
        assertEquals(200, r.status(), r.toString());
        assertEquals(new JsonArray().add(60.0).add(150.0), new JsonArray(r.body()));
        assertEquals("GET", binder.requests.get(binder.requests.size() - 1).method());
    }

    @Test
    void getWithRepeatedParameterMakesAList() {
        // data=[1,2,3]&data=[4,5,6] is {"data": [[1,2,3],[4,5,6]]}
        Http.Reply r = http.get("/score?data=%5B1,2,3%5D&data=%5B4,5,6%5D");
        assertEquals(200, r.status(), r.toString());
        assertEquals(new JsonArray().add(6.0).add(15.0), new JsonArray(r.body()));
    }

    @Test
    void getWithoutParametersIsAMissingParameter() {
        Http.Reply r = http.get("/score");
        assertEquals(400, r.status());
        assertEquals("A value is not provided for the 'data' parameter.", r.message());
    }

    @Test
    void getWithAValueThatDoesNotFitIs400() {
        Http.Reply r = http.get("/score?data=%5B%5B1,2%5D%5D");
        assertEquals(400, r.status());
        assertEquals("data[0]: expected 3 values, got 2", r.message());
    }

    // ---- request ids

    @Test
    void requestIdIsGeneratedAndCopiedToTheLegacyHeader() {
        Http.Reply r = http.postJson("/score", "{\"data\": [[1,2,3]]}");
        String id = r.header("x-request-id");
        assertEquals(id, UUID.fromString(id).toString());
        assertEquals(id, r.header("x-ms-request-id"));
        assertNull(r.header("x-ms-client-request-id"));
    }

    @Test
    void requestIdIsEchoed() {
        Http.Reply r = http.postJson("/score", "{\"data\": [[1,2,3]]}", "x-request-id", "my-id-1");
        assertEquals("my-id-1", r.header("x-request-id"));
        assertEquals("my-id-1", r.header("x-ms-request-id"));
        assertNull(r.header("x-ms-client-request-id"));
        // on errors too
        r = http.postJson("/score", "{}", "x-request-id", "my-id-2");
        assertEquals(400, r.status());
        assertEquals("my-id-2", r.header("x-request-id"));
    }

    @Test
    void clientRequestIdFillsTheLegacyHeader() {
        Http.Reply r = http.get("/", "x-request-id", "rid", "x-ms-client-request-id", "cid");
        assertEquals("rid", r.header("x-request-id"));
        assertEquals("cid", r.header("x-ms-request-id"));
        assertEquals("cid", r.header("x-ms-client-request-id"));
    }

    @Test
    void legacyRequestIdFillsTheClientHeader() {
        Http.Reply r = http.get("/", "x-request-id", "rid", "x-ms-request-id", "legacy");
        assertEquals("rid", r.header("x-request-id"));
        assertEquals("legacy", r.header("x-ms-request-id"));
        assertEquals("legacy", r.header("x-ms-client-request-id"));
        r = http.get("/", "x-ms-request-id", "legacy", "x-ms-client-request-id", "cid");
        assertEquals("legacy", r.header("x-ms-request-id"));
        assertEquals("cid", r.header("x-ms-client-request-id"));
    }

    @Test
    void requestIdOf100CharactersIsAcceptedAnd101Is431() {
        String ok = "a".repeat(100);
        assertEquals(ok, http.get("/", "x-request-id", ok).header("x-request-id"));
        Http.Reply r = http.postJson("/score", "{\"data\": [[1,2,3]]}", "x-request-id", "a".repeat(101));
        assertEquals(431, r.status());
        assertEquals(Responses.JSON, r.header("content-type"));
        assertEquals("x-request-id must not exceed 100 characters", r.message());
        assertNull(r.header("x-ms-request-id"));
    }

    @Test
    void clientRequestIdOver100CharactersIs431() {
        Http.Reply r = http.get("/", "x-request-id", "rid", "x-ms-client-request-id", "c".repeat(101));
        assertEquals(431, r.status());
        assertEquals("x-ms-request-id and x-ms-client-request-id must not exceed 100 characters", r.message());
        assertEquals("rid", r.header("x-request-id"));
        assertEquals(431, http.get("/", "x-ms-request-id", "l".repeat(101)).status());
    }

    @Test
    void traceIdIsEchoed() {
        assertEquals("trace-7", http.get("/", "TraceId", "trace-7").header("TraceId"));
        assertNull(http.get("/").header("TraceId"));
    }

    // ---- concurrency

    @Test
    void requestsRunConcurrentlyUpToTheWorkerCount() throws Exception {
        binder.maxRunning.set(0);
        var futures =
                new java.util.ArrayList<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>>();
        for (int i = 0; i < 4; i++) {
            futures.add(Http.CLIENT.sendAsync(
                    http.request("/score")
                            .header("content-type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"data\": [[1,2,3]], \"scale\": -4}"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()));
        }
        for (var f : futures) {
            assertEquals(200, f.get().statusCode());
        }
        assertEquals(2, binder.maxRunning.get(), "two workers, four concurrent 300 ms runs");
    }
}

package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorespec.runtime.binding.ScoringBinder;
import io.vertx.core.json.JsonArray;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CORS over real HTTP, for a schema'd run and a raw one: allowed origins read the answers, refused ones do
 * not, preflights are answered before any route, and nothing is allowed unless configured.
 */
class CorsTest {

    private static final String APP = "https://app.example";
    private static final String EVIL = "https://evil.example";

    private ScoringServer server;
    private Http http;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(List<String> origins, ScoringBinder<?, ?> binder) throws Exception {
        server = ScoringServer.start(
                ServerConfig.builder().port(0).corsOrigins(origins).build(), binder);
        http = new Http(server.port());
    }

    private Http.Reply preflight(String origin, String method, String headers) {
        HttpRequest.Builder request = http.request("/score")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method);
        if (headers != null) {
            request.header("Access-Control-Request-Headers", headers);
        }
        return http.send(request.build());
    }

    private Http.Reply rawPost(String pathAndQuery, String origin) {
        return http.send(http.request(pathAndQuery)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, (byte) 0xff}))
                .header("Content-Type", "application/octet-stream")
                .header("Origin", origin)
                .build());
    }

    private static void assertNoCors(Http.Reply r) {
        assertNull(r.header("access-control-allow-origin"), r.toString());
        assertNull(r.header("access-control-allow-methods"), r.toString());
        assertNull(r.header("access-control-expose-headers"), r.toString());
    }

    @Test
    void allowedOriginReadsSchemadAndRawAnswers() throws Exception {
        start(List.of(APP, "https://other.example"), new TestBinders.Sum());
        Http.Reply r = http.postJson("/score", "{\"data\": [[1,2,3]]}", "Origin", APP);
        assertEquals(200, r.status());
        assertEquals(new JsonArray().add(6.0), new JsonArray(r.body()));
        assertEquals(APP, r.header("access-control-allow-origin"));
        assertEquals("Origin", r.header("vary"));
        assertTrue(r.header("access-control-expose-headers").contains("x-request-id"));
        server.close();

        start(List.of(APP), new RawEcho());
        Http.Reply raw = rawPost("/score", APP);
        assertEquals(200, raw.status());
        assertEquals(APP, raw.header("access-control-allow-origin"));
        assertEquals("Origin", raw.header("vary"));
        assertEquals(
                "https://APP.example/",
                http.get("/score", "Origin", "https://APP.example/").header("access-control-allow-origin"),
                "the same origin, echoed as sent");
    }

    @Test
    void refusedOriginIsServedWithoutCorsHeaders() throws Exception {
        start(List.of(APP), new TestBinders.Sum());
        Http.Reply r = http.postJson("/score", "{\"data\": [[1,2,3]]}", "Origin", EVIL);
        assertEquals(200, r.status(), "served; the browser refuses it");
        assertNoCors(r);
        assertEquals("Origin", r.header("vary"), "a cache must not give this answer to the allowed origin");
        server.close();

        start(List.of(APP), new RawEcho());
        Http.Reply raw = rawPost("/score", EVIL);
        assertEquals(200, raw.status());
        assertNoCors(raw);
        assertNoCors(http.get("/score", "Origin", APP + ".evil.example"));
        assertNoCors(http.get("/score", "Origin", "http://app.example"));
    }

    @Test
    void preflightOfAnAllowedOriginIsAnsweredWithoutRun() throws Exception {
        RawEcho binder = new RawEcho();
        start(List.of(APP), binder);
        Http.Reply r = preflight(APP, "POST", "content-type, authorization, x-ms-client-request-id");
        assertEquals(204, r.status(), r.toString());
        assertEquals(APP, r.header("access-control-allow-origin"));
        assertEquals("GET, POST", r.header("access-control-allow-methods"));
        assertEquals("content-type, authorization, x-ms-client-request-id", r.header("access-control-allow-headers"));
        assertEquals(Cors.MAX_AGE_SECONDS, r.header("access-control-max-age"));
        assertEquals("Origin", r.header("vary"));
        assertEquals(0, r.response.body().length);
        assertEquals(0, binder.runs.get());
        assertTrue(r.header("x-request-id") != null, "tracked like any request");

        Http.Reply noHeaders = preflight(APP, "GET", null);
        assertEquals(204, noHeaders.status());
        assertNull(noHeaders.header("access-control-allow-headers"));
    }

    @Test
    void preflightOfARefusedOriginIs403WithoutCorsHeaders() throws Exception {
        start(List.of(APP), new TestBinders.Sum());
        Http.Reply r = preflight(EVIL, "POST", "content-type");
        assertEquals(403, r.status(), r.toString());
        assertNoCors(r);
        assertNull(r.header("access-control-allow-headers"));
        assertEquals("The origin https://evil.example is not allowed by AML_CORS_ORIGINS.", r.message());
    }

    @Test
    void nothingIsAllowedUnlessConfigured() throws Exception {
        start(List.of(), new RawEcho());
        Http.Reply r = rawPost("/score", APP);
        assertEquals(200, r.status());
        assertNoCors(r);
        assertNull(r.header("vary"), "the answer does not depend on the origin");
        Http.Reply p = preflight(APP, "POST", "content-type");
        assertEquals(403, p.status());
        assertNoCors(p);
        assertEquals(
                "CORS is off: no origin is allowed unless AML_CORS_ORIGINS (--cors-origins) lists it.", p.message());
        assertEquals(200, http.method("OPTIONS", "/score").status(), "a plain OPTIONS is no preflight");
    }

    @Test
    void starAllowsAnyOriginWithoutVary() throws Exception {
        start(List.of("*"), new RawEcho());
        Http.Reply r = rawPost("/score", EVIL);
        assertEquals("*", r.header("access-control-allow-origin"));
        assertNull(r.header("vary"));
        Http.Reply p = preflight("null", "POST", "content-type");
        assertEquals(204, p.status());
        assertEquals("*", p.header("access-control-allow-origin"));
    }

    @Test
    void rawRunSetsTheOriginItselfAsInTheDocsExample() throws Exception {
        start(List.of(), new RawEcho());
        Http.Reply r =
                rawPost("/score?header=Access-Control-Allow-Origin:http://www.example.com", "http://www.example.com");
        assertEquals(200, r.status());
        assertEquals(List.of("http://www.example.com"), r.response.headers().allValues("access-control-allow-origin"));
    }

    @Test
    void rawRunsOwnCorsHeadersReplaceTheServersAndVaryIsMerged() throws Exception {
        start(List.of(APP), new RawEcho());
        Http.Reply r =
                rawPost("/score?header=Access-Control-Allow-Origin:https://partner.example&header=Vary:Accept", APP);
        assertEquals(List.of("https://partner.example"), r.response.headers().allValues("access-control-allow-origin"));
        assertEquals("Origin, Accept", r.header("vary"));
    }

    @Test
    void errorsOfAllowedOriginsAreReadableToo() throws Exception {
        start(List.of(APP), new TestBinders.Sum());
        Http.Reply r = http.postJson("/score", "{\"data\": [[1,2]]}", "Origin", APP);
        assertEquals(400, r.status());
        assertEquals(APP, r.header("access-control-allow-origin"));
        Http.Reply notFound = http.get("/nothing", "Origin", APP);
        assertEquals(404, notFound.status());
        assertEquals(APP, notFound.header("access-control-allow-origin"));
    }
}

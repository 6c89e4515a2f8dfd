package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Body limits, the raw-text binder and the JSON made of a GET query. */
class RequestBodyTest {

    private ScoringServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Http start(ServerConfig.Builder config, dev.scorespec.runtime.binding.ScoringBinder<?, ?> binder)
            throws ServerStartException {
        server = ScoringServer.start(config.port(0).build(), binder);
        return new Http(server.port());
    }

    private static String sumBodyOfLength(int length) {
        String head = "{\"data\": [[1,2,3]], \"pad\": \"";
        String tail = "\"}";
        return head + "x".repeat(length - head.length() - tail.length()) + tail;
    }

    @Test
    void bodyOverTheLimitIs413() throws Exception {
        Http http = start(ServerConfig.builder().maxRequestBytes(1000), new TestBinders.Sum());
        Http.Reply r = http.postJson("/score", sumBodyOfLength(1001));
        assertEquals(413, r.status());
        assertEquals(Responses.JSON, r.header("content-type"));
        assertEquals("The request body is larger than the limit of 1000 bytes.", r.message());
        assertTrue(r.header("x-request-id") != null);
        // the server still serves
        assertEquals(200, http.get("/").status());
    }

    @Test
    void bodyAtTheLimitIsRead() throws Exception {
        Http http = start(ServerConfig.builder().maxRequestBytes(1000), new TestBinders.Sum());
        Http.Reply r = http.postJson("/score", sumBodyOfLength(1000));
        assertEquals(200, r.status(), r.toString());
    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws Exception {
        Http http = start(ServerConfig.builder().maxRequestBytes(1000), new TestBinders.Sum());
        byte[] body = sumBodyOfLength(5000).getBytes(StandardCharsets.UTF_8);
        // a body publisher of unknown length is sent chunked, without Content-Length
        Http.Reply r = http.send(http.request("/score")
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());
        assertEquals(413, r.status());
        assertEquals("The request body is larger than the limit of 1000 bytes.", r.message());
    }

    @Test
    void chunkedBodyUnderTheLimitIsRead() throws Exception {
        Http http = start(ServerConfig.builder().maxRequestBytes(1000), new TestBinders.Sum());
        byte[] body = "{\"data\": [[1,2,3]]}".getBytes(StandardCharsets.UTF_8);
        Http.Reply r = http.send(http.request("/score")
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());
        assertEquals(200, r.status(), r.toString());
    }

    @Test
    void textBinderGetsAnyBodyAsItIs() throws Exception {
        Http http = start(ServerConfig.builder(), new TestBinders.EchoText());
        Http.Reply r = http.post("/score", "text/plain", "not json at all: ünïcödé");
        assertEquals(200, r.status(), r.toString());
        assertEquals("not json at all: ünïcödé", r.json().getString("text"));
        // no Content-Type check either
        assertEquals(
                "{\"a\": [1", http.post("/score", null, "{\"a\": [1").json().getString("text"));
        assertEquals("", http.post("/score", "application/json", "").json().getString("text"));
        assertEquals(
                "a=1&b=2",
                http.post("/score", "application/x-www-form-urlencoded", "a=1&b=2")
                        .json()
                        .getString("text"));
    }

    @Test
    void textBinderRefusesABodyThatIsNotUtf8() throws Exception {
        Http http = start(ServerConfig.builder(), new TestBinders.EchoText());
        byte[] body = {'o', 'k', (byte) 0xff, 'x'};
        Http.Reply r = http.send(http.request("/score")
                .header("content-type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
        assertEquals(400, r.status());
        assertEquals("Input cannot be decoded as UTF-8: invalid byte 0xff at position 2", r.message());
    }

    @Test
    void getQueryBecomesAJsonObjectAsInThePythonServer() throws Exception {
        Http http = start(ServerConfig.builder(), new TestBinders.EchoText());
        // the Python server's own examples: /score?a=1&b=[1,2]&c=a&d=null and /score?foo=bar1&foo=bar2&x=y
        Http.Reply r = http.get("/score?a=1&b=%5B1,2%5D&c=a&d=null");
        assertEquals(200, r.status(), r.toString());
        assertEquals(
                new JsonObject("{\"a\": 1, \"b\": [1, 2], \"c\": \"a\", \"d\": null}"),
                new JsonObject(r.json().getString("text")));
        r = http.get("/score?foo=bar1&foo=bar2&x=y");
        assertEquals(
                new JsonObject("{\"foo\": [\"bar1\", \"bar2\"], \"x\": \"y\"}"),
                new JsonObject(r.json().getString("text")));
        // order is kept, + is a space, JSON is copied as written, a value that is not one JSON value stays
        // text, names are case-sensitive
        r = http.get("/score?z=%7B%22k%22%3A+%5Btrue%5D%7D&A=1+2&a=%22q%22&e=&bad=%7B%22x%22");
        assertEquals(
                "{\"z\":{\"k\": [true]},\"A\":\"1 2\",\"a\":\"q\",\"e\":\"\",\"bad\":\"{\\\"x\\\"\"}",
                r.json().getString("text"));
    }
}

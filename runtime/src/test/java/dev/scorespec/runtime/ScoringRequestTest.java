package dev.scorespec.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScoringRequestTest {

    private static ScoringRequest get(String uri) {
        return ScoringRequest.of("GET", uri, Map.of(), new byte[0]);
    }

    @Test
    void pathQueryAndFullPathAsSent() {
        ScoringRequest r = get("/score?size=small&name=a%20b#frag");
        assertEquals("/score", r.path());
        assertEquals("size=small&name=a%20b", r.query());
        assertEquals("/score?size=small&name=a%20b", r.fullPath());
        assertEquals(Map.of("size", List.of("small"), "name", List.of("a b")), r.queryParameters());

        ScoringRequest plain = get("/v1/score");
        assertEquals("/v1/score", plain.path());
        assertEquals("", plain.query());
        assertEquals("/v1/score", plain.fullPath(), "Flask would write /v1/score?");
        assertEquals(Map.of(), plain.queryParameters());

        assertEquals("/score?", get("/score??").fullPath().substring(0, 7));
        assertEquals("?", get("/score??").query());
        assertEquals("/a%2Fb", get("/a%2Fb?").path(), "escapes kept");
        assertEquals("/a%2Fb", get("/a%2Fb?").fullPath(), "an empty query is none");
    }

    @Test
    void absoluteFormTargetsHaveTheirPathToo() {
        ScoringRequest r = get("http://example.com:5001/score?x=1");
        assertEquals("/score", r.path());
        assertEquals("x=1", r.query());
        assertEquals("/score?x=1", r.fullPath());
        assertEquals("/", get("http://example.com").path());
    }

    @Test
    void headersByNameInAnyCase() {
        ScoringRequest r = ScoringRequest.of(
                "POST", "/score", Map.of("Content-Type", "Image/PNG; q=1", "X-Custom", "v"), new byte[] {1});
        assertEquals(Optional.of("v"), r.header("x-custom"));
        assertEquals(Optional.of("v"), r.header("X-CUSTOM"));
        assertEquals(Optional.empty(), r.header("x-other"));
        assertEquals(Map.of("content-type", "Image/PNG; q=1", "x-custom", "v"), r.headers());
        assertEquals(Optional.of("image/png"), r.mediaType());
        assertEquals(Optional.empty(), get("/score").mediaType());
        assertEquals(
                Optional.empty(),
                ScoringRequest.of("POST", "/", Map.of("content-type", " ;x"), new byte[0])
                        .mediaType());
        assertThrows(UnsupportedOperationException.class, () -> r.headers().put("x", "y"));
    }

    @Test
    void repeatedHeadersKeepEveryValueInOrder() {
        ScoringRequest r = ScoringRequest.withHeaderValues(
                "GET",
                "/score",
                Map.of("Accept", List.of("text/csv", "application/json"), "X-One", List.of("1")),
                new byte[0]);
        assertEquals(List.of("text/csv", "application/json"), r.headerValues("accept"));
        assertEquals(List.of("text/csv", "application/json"), r.allHeaders().get("accept"));
        assertEquals(Optional.of("text/csv"), r.header("ACCEPT"), "the existing accessor gives the first value");
        assertEquals("text/csv", r.headers().get("accept"));
        assertEquals(List.of("1"), r.headerValues("x-one"));
        assertEquals(List.of(), r.headerValues("x-none"));
        assertEquals(
                List.of("v"),
                ScoringRequest.of("GET", "/", Map.of("X-A", "v"), new byte[0]).headerValues("x-a"));
        assertThrows(
                UnsupportedOperationException.class,
                () -> r.headerValues("accept").add("x"));
    }

    @Test
    void bodyStreamReadsTheBody() throws IOException {
        byte[] body = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        ScoringRequest r = ScoringRequest.of("POST", "/score", Map.of(), body);
        try (InputStream in = r.bodyStream()) {
            assertArrayEquals(body, in.readAllBytes());
        }
        try (InputStream again = r.bodyStream()) {
            assertEquals(0x89, again.read(), "each stream starts at the beginning");
        }
    }
}

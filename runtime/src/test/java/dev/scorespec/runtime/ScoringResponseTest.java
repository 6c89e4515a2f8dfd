package dev.scorespec.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScoringResponseTest {

    @Test
    void bytesAreCopiedInAndDefaultToOctetStream() {
        byte[] body = {1, 2, (byte) 0xff};
        ScoringResponse r = ScoringResponse.bytes(201, body);
        body[0] = 9;
        assertEquals(201, r.status());
        assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, r.body());
        assertEquals(Map.of("content-type", "application/octet-stream"), r.headers());
        assertEquals(200, ScoringResponse.ok(new byte[0]).status());
    }

    @Test
    void textIsUtf8() {
        ScoringResponse r = ScoringResponse.text(400, "naïve ☃");
        assertEquals("text/plain; charset=utf-8", r.header("Content-Type").orElseThrow());
        assertEquals(10, r.body().length, "ï is 2 bytes, ☃ 3");
        assertEquals("naïve ☃", r.bodyText());
    }

    @Test
    void jsonValuesAreWrittenWhenMade() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("width", 640);
        summary.put("mean", List.of(0.5, 0.25));
        summary.put("day", LocalDate.of(2024, 2, 29));
        ScoringResponse r = ScoringResponse.json(200, summary);
        summary.put("late", true);
        assertEquals("{\"width\":640,\"mean\":[0.5,0.25],\"day\":\"2024-02-29\"}", r.bodyText());
        assertEquals(Optional.of("application/json"), r.header("content-type"));
        assertEquals("null", ScoringResponse.json(200, (Object) null).bodyText());
        assertThrows(IllegalArgumentException.class, () -> ScoringResponse.json(200, new Object()));
        assertThrows(IllegalArgumentException.class, () -> ScoringResponse.json(200, List.of(Double.NaN)));
    }

    @Test
    void jsonContentWritesWithTheGenerator() {
        ScoringResponse r = ScoringResponse.json(422, out -> {
            out.writeStartObject();
            out.writeStringField("message", "no");
            out.writeEndObject();
        });
        assertEquals(422, r.status());
        assertEquals("{\"message\":\"no\"}", r.bodyText());
        UncheckedIOException e = assertThrows(
                UncheckedIOException.class,
                () -> ScoringResponse.json(200, out -> {
                    out.writeStartObject();
                    out.writeEndArray();
                }));
        assertTrue(e.getMessage().startsWith("The JSON body cannot be written"), e.getMessage());
    }

    @Test
    void headersAreSetByLowerCaseNameAndReplaced() {
        ScoringResponse png = ScoringResponse.ok(new byte[] {1});
        ScoringResponse r = png.withHeader("Content-Type", "image/png")
                .withHeader("X-Model", "a")
                .withHeader("x-model", "b");
        assertEquals(Map.of("content-type", "image/png", "x-model", "b"), r.headers());
        assertEquals(List.of("content-type", "x-model"), List.copyOf(r.headers().keySet()));
        assertEquals("application/octet-stream", png.header("content-type").orElseThrow(), "the original is unchanged");
        assertThrows(UnsupportedOperationException.class, () -> r.headers().put("x", "y"));
    }

    @Test
    void badHeadersAreRefused() {
        ScoringResponse r = ScoringResponse.empty(204);
        assertThrows(IllegalArgumentException.class, () -> r.withHeader("X Bad", "v"));
        assertThrows(IllegalArgumentException.class, () -> r.withHeader("", "v"));
        assertThrows(IllegalArgumentException.class, () -> r.withHeader("x-a", "v\r\nSet-Cookie: s=1"));
        assertThrows(IllegalArgumentException.class, () -> r.withHeader("x-a", "v\u0000"));
        assertThrows(IllegalArgumentException.class, () -> r.withHeader("Content-Length", "3"));
        assertThrows(IllegalArgumentException.class, () -> r.withHeader("transfer-encoding", "chunked"));
        assertThrows(NullPointerException.class, () -> r.withHeader("x-a", null));
        assertEquals("a\tb", r.withHeader("x-a", "a\tb").header("x-a").orElseThrow(), "tabs are allowed");
    }

    @Test
    void statusMustBeFinalAndBodilessStatusesHaveNoBody() {
        assertThrows(IllegalArgumentException.class, () -> ScoringResponse.text(100, ""));
        assertThrows(IllegalArgumentException.class, () -> ScoringResponse.empty(600));
        assertThrows(IllegalArgumentException.class, () -> ScoringResponse.json(199, 1));
        assertThrows(IllegalArgumentException.class, () -> ScoringResponse.text(204, "x"));
        assertThrows(IllegalArgumentException.class, () -> ScoringResponse.bytes(304, new byte[1]));
        ScoringResponse none = ScoringResponse.empty(204);
        assertEquals(Map.of(), none.headers());
        assertEquals(0, none.body().length);
        assertEquals(204, ScoringResponse.bytes(204, new byte[0]).status());
    }
}

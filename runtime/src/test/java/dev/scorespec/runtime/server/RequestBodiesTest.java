package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorespec.runtime.QueryString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request checks and conversions without HTTP. */
class RequestBodiesTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jsonContentTypes() {
        assertTrue(RequestBodies.isJson("application/json"));
        assertTrue(RequestBodies.isJson("application/json;charset=UTF-8"));
        assertTrue(RequestBodies.isJson(" APPLICATION/JSON ; charset=utf-8"));
        assertTrue(RequestBodies.isJson("application/problem+json"));
        assertFalse(RequestBodies.isJson(null));
        assertFalse(RequestBodies.isJson(""));
        assertFalse(RequestBodies.isJson("text/json"));
        assertFalse(RequestBodies.isJson("application/json5"));
        assertFalse(RequestBodies.isJson("text/plain; x=application/json"));
    }

    @Test
    void jsonObjectChecks() {
        assertNull(RequestBodies.jsonObjectProblem(utf8(" {\"a\": [1, {\"b\": null}]} \n")));
        assertEquals(RequestBodies.EMPTY_BODY, RequestBodies.jsonObjectProblem(new byte[0]));
        assertEquals(RequestBodies.NOT_AN_OBJECT, RequestBodies.jsonObjectProblem(utf8("[1]")));
        assertEquals(RequestBodies.NOT_AN_OBJECT, RequestBodies.jsonObjectProblem(utf8("\"s\"")));
        assertEquals(RequestBodies.NOT_AN_OBJECT, RequestBodies.jsonObjectProblem(utf8("null")));
        assertTrue(RequestBodies.jsonObjectProblem(utf8("   ")).startsWith(RequestBodies.NOT_JSON));
        assertTrue(RequestBodies.jsonObjectProblem(utf8("{\"a\": }")).startsWith(RequestBodies.NOT_JSON));
        assertTrue(RequestBodies.jsonObjectProblem(utf8("{\"a\": 1}}")).startsWith(RequestBodies.NOT_JSON));
        assertTrue(
                RequestBodies.jsonObjectProblem(utf8("[1, 2")).startsWith(RequestBodies.NOT_JSON),
                "not JSON before not an object");
        assertTrue(RequestBodies.jsonObjectProblem(utf8("{'a': 1}")).contains("(line 1, column 2)"));
    }

    @Test
    void aNulThatJacksonWouldTakeForUtf32IsNotJson() {
        // found by ServerFuzzTest: Jackson read it as UTF-32, failed with its own IOException, and the client got a 500
        byte[] body = {'!', 0, 0, 0, 0, 0, 0, 0, 'K', 0x15, '1', '/', 's', 'c', 'o', 'r', 'e'};
        assertEquals(
                RequestBodies.NOT_JSON + "a NUL byte at offset 1; JSON bodies are UTF-8 text, where a NUL is"
                        + " written \\u0000 inside a string",
                RequestBodies.jsonObjectProblem(body));
    }

    @Test
    void utf8Checks() {
        assertNull(RequestBodies.utf8Problem(utf8("plain ascii, and ü, and 😀")));
        assertNull(RequestBodies.utf8Problem(new byte[0]));
        assertEquals(
                RequestBodies.NOT_UTF8 + "invalid byte 0xc3 at position 1",
                RequestBodies.utf8Problem(new byte[] {'a', (byte) 0xc3, 'b'}));
        assertTrue(RequestBodies.utf8Problem(new byte[] {'a', (byte) 0xe2, (byte) 0x82})
                .startsWith(RequestBodies.NOT_UTF8));
        byte[] big = utf8("é".repeat(20_000) + "x");
        big[big.length - 1] = (byte) 0xff;
        assertEquals(RequestBodies.NOT_UTF8 + "invalid byte 0xff at position 40000", RequestBodies.utf8Problem(big));
    }

    @Test
    void queryParsing() {
        assertEquals(Map.of(), QueryString.parse("/score"));
        assertEquals(Map.of("a", List.of("1", "2"), "b", List.of("")), QueryString.parse("/score?a=1&b&a=2&&"));
        assertEquals(
                List.of("x y", "a=b", "é", "100%", "%zz"),
                QueryString.parse("/s?v=x+y&v=a%3Db&v=%C3%A9&v=100%&v=%zz").get("v"));
        assertEquals(List.of("a;b"), QueryString.parse("/s?v=a;b").get("v"), "; is no separator");
        assertEquals("3", QueryString.first("/swagger.json?version=3&version=2", "version"));
        assertNull(QueryString.first("/swagger.json", "version"));
        assertEquals(List.of("1"), QueryString.parse("/s?V=1").get("V"));
        assertNull(QueryString.parse("/s?V=1").get("v"), "names are case-sensitive");
    }

    @Test
    void queryAsJson() {
        assertEquals("{}", new String(RequestBodies.queryAsJson(Map.of()), StandardCharsets.UTF_8));
        Map<String, List<String>> params = new java.util.LinkedHashMap<>();
        params.put("n", List.of(" 0.12345678901234567890123 "));
        params.put("s", List.of("hello"));
        params.put("q", List.of("\"quoted\""));
        params.put("l", List.of("[1,2]", "x"));
        params.put("bad", List.of("{\"a\": 1"));
        params.put("two", List.of("1 2"));
        params.put("esc", List.of("\"\\q\""));
        assertEquals(
                "{\"n\":0.12345678901234567890123,\"s\":\"hello\",\"q\":\"quoted\",\"l\":[[1,2],\"x\"],\"bad\":\"{\\\"a\\\": 1\","
                        + "\"two\":\"1 2\",\"esc\":\"\\\"\\\\q\\\"\"}",
                new String(RequestBodies.queryAsJson(params), StandardCharsets.UTF_8));
    }
}

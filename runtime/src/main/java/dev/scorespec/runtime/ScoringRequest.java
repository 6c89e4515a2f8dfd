package dev.scorespec.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request as the scoring server received it: method, path with query, headers and body.
 * Header names are lower case.
 */
public final class ScoringRequest {

    /**
     * One factory for every request: Jackson factories are thread-safe and expensive to create, and
     * reuse their symbol tables across parsers. Fast floating-point parsing is on.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
            .build();

    private final String method;
    private final String uri;
    private final Map<String, String> headers;
    private final byte[] body;

    private ScoringRequest(String method, String uri, Map<String, String> headers, byte[] body) {
        this.method = method;
        this.uri = uri;
        this.headers = headers;
        this.body = body;
    }

    /** A request; header names are lower-cased, and a repeated header keeps its first value. */
    public static ScoringRequest of(String method, String uri, Map<String, String> headers, byte[] body) {
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((name, value) -> lower.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
        return new ScoringRequest(Objects.requireNonNull(method), Objects.requireNonNull(uri),
                Collections.unmodifiableMap(lower), Objects.requireNonNull(body));
    }

    /** A POST of a JSON body to {@code /score}, handy in tests. */
    public static ScoringRequest json(String body) {
        return of("POST", "/score", Map.of("content-type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    public String method() {
        return method;
    }

    /** The path with its query string, as sent. */
    public String uri() {
        return uri;
    }

    /** Headers by lower-case name. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The body as sent; empty, not null, when there is none. Do not modify it. */
    public byte[] body() {
        return body;
    }

    /** The body decoded as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A streaming parser over the body, from the shared factory; the caller closes it. */
    public JsonParser jsonParser() throws IOException {
        return JSON.createParser(body);
    }

    /** The shared JSON factory, for writing responses with the same settings. */
    public static JsonFactory jsonFactory() {
        return JSON;
    }
}

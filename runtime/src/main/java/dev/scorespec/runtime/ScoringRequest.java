package dev.scorespec.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.scorespec.runtime.binding.BodyJsonFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request as the scoring server received it: method, path with query, headers and body.
 * Header names are lower case. A {@link dev.scorespec.annotations.RawHttp @RawHttp} {@code run} receives it
 * as it is; generated binders read their arguments from it.
 *
 * <p>Immutable, except that {@link #body()} hands out the received bytes without copying them (bodies can
 * be large): do not modify them.
 */
public final class ScoringRequest {

    /**
     * One factory for every request: Jackson factories are thread-safe and expensive to create, and
     * reuse their symbol tables across parsers. Fast floating-point parsing is on, and the parsers let
     * binders read arrays of numbers straight from the body's bytes ({@link BodyJsonFactory}).
     */
    private static final JsonFactory JSON = BodyJsonFactory.create();

    private final String method;
    private final String uri;
    /** The first value of each header, as {@link #headers()} has always given them. */
    private final Map<String, String> headers;

    private final Map<String, List<String>> headerValues;
    private final byte[] body;

    private ScoringRequest(String method, String uri, Map<String, List<String>> headerValues, byte[] body) {
        this.method = Objects.requireNonNull(method);
        this.uri = Objects.requireNonNull(uri);
        this.body = Objects.requireNonNull(body);
        Map<String, List<String>> all = new LinkedHashMap<>();
        headerValues.forEach((name, values) -> {
            if (!values.isEmpty()) {
                all.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                        .addAll(values);
            }
        });
        Map<String, String> first = new LinkedHashMap<>();
        all.replaceAll((name, values) -> {
            first.put(name, values.get(0));
            return List.copyOf(values);
        });
        this.headers = Collections.unmodifiableMap(first);
        this.headerValues = Collections.unmodifiableMap(all);
    }

    /** A request; header names are lower-cased, and a repeated header keeps its first value. */
    public static ScoringRequest of(String method, String uri, Map<String, String> headers, byte[] body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        headers.forEach((name, value) -> values.putIfAbsent(name.toLowerCase(Locale.ROOT), List.of(value)));
        return new ScoringRequest(method, uri, values, body);
    }

    /**
     * A request with every value of every header, in the order received: a header sent twice keeps both
     * values ({@link #headerValues}), and {@link #headers()} gives its first. Names that differ only in case
     * are one header.
     */
    public static ScoringRequest withHeaderValues(
            String method, String uri, Map<String, List<String>> headers, byte[] body) {
        return new ScoringRequest(method, uri, headers, body);
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

    /**
     * The path without the query, as sent (percent escapes kept): {@code /score}, or
     * {@code /<prefix>/score} under a service path prefix.
     */
    public String path() {
        String target = uri;
        int scheme = target.indexOf("://");
        if (!target.startsWith("/") && scheme > 0) {
            // an absolute-form request target (as sent to proxies): the path starts after the authority
            int slash = target.indexOf('/', scheme + 3);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int end = firstOf(target, '?', '#');
        return end < 0 ? target : target.substring(0, end);
    }

    /** The query string without the {@code ?}, as sent (percent escapes kept); empty when there is none. */
    public String query() {
        int q = uri.indexOf('?');
        if (q < 0) {
            return "";
        }
        int hash = uri.indexOf('#', q);
        return hash < 0 ? uri.substring(q + 1) : uri.substring(q + 1, hash);
    }

    /**
     * The path and the query, as Flask's {@code request.full_path}: {@code /score?size=small}. Without a
     * query it is the path alone ({@code /score}); Flask would add a lone {@code ?}.
     */
    public String fullPath() {
        String query = query();
        return query.isEmpty() ? path() : path() + "?" + query;
    }

    /**
     * The query's parameters, decoded as the Python server's werkzeug does (see {@link QueryString}): by
     * name, in order of first appearance, each with its values in order.
     */
    public Map<String, List<String>> queryParameters() {
        return QueryString.parse(uri);
    }

    /** Headers by lower-case name; a header sent more than once gives its first value here. */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * Every value of every header, by lower-case name, in the order received: {@code Accept} sent on two
     * lines has two values. Values are not split at commas.
     */
    public Map<String, List<String>> allHeaders() {
        return headerValues;
    }

    /** Every value of one header, by name in any case, in the order received; empty when it was not sent. */
    public List<String> headerValues(String name) {
        return headerValues.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** One header, by name in any case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The media type of the body, from {@code Content-Type} without its parameters, in lower case:
     * {@code image/png} for {@code Image/PNG; q=1}. Empty without a Content-Type.
     */
    public Optional<String> mediaType() {
        return header("content-type")
                .map(type -> {
                    int semicolon = type.indexOf(';');
                    return (semicolon < 0 ? type : type.substring(0, semicolon))
                            .strip()
                            .toLowerCase(Locale.ROOT);
                })
                .filter(type -> !type.isEmpty());
    }

    /** The body as sent; empty, not null, when there is none. Do not modify it. */
    public byte[] body() {
        return body;
    }

    /** The body as a stream, for decoders that read streams ({@code ImageIO.read}); no copy is made. */
    public InputStream bodyStream() {
        return new ByteArrayInputStream(body);
    }

    /** The body decoded as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A streaming parser over the body, from the shared factory; the caller closes it. */
    public JsonParser jsonParser() throws IOException {
        return JSON.createParser(body);
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    @Override
    public String toString() {
        return method + " " + uri + " (" + body.length + " bytes)";
    }

    /** The shared JSON factory, for writing responses with the same settings. */
    public static JsonFactory jsonFactory() {
        return JSON;
    }
}

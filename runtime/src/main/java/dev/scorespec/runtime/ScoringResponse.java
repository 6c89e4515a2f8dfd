package dev.scorespec.runtime;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.scorespec.runtime.binding.JsonOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link dev.scorespec.annotations.RawHttp @RawHttp} {@code run} answers: a status, headers and a
 * body, written by the server as they are. The Python server's {@code AMLResponse}.
 *
 * <pre>{@code
 * ScoringResponse.bytes(200, png).withHeader("Content-Type", "image/png")
 * ScoringResponse.text(400, "expected an image")
 * ScoringResponse.json(200, Map.of("width", 640, "height", 480))
 * ScoringResponse.json(200, out -> { out.writeStartObject(); out.writeNumberField("width", 640); out.writeEndObject(); })
 * }</pre>
 *
 * <p>Immutable: {@link #withHeader} returns a new response, {@link #bytes} copies the array it is given,
 * and JSON bodies are written when the response is made (on the thread that runs {@code run}), so a map
 * changed afterwards changes nothing. {@link #body()} hands out the bytes without copying them: do not
 * modify them.
 *
 * <p>Header names are kept in lower case (HTTP names are case-insensitive); setting a header again
 * replaces it. To send a header with several values, join them with {@code ", "}. The server adds its
 * own headers: {@code x-request-id}, {@code x-ms-request-id}, {@code x-ms-client-request-id} and
 * {@code x-ms-run-fn-exec-ms} replace any set here, and {@code x-ms-run-function-failed} is {@code True}
 * for a status of 500 or more. The server's CORS headers are replaced by those set here, so a response
 * that sets {@code Access-Control-Allow-Origin} sends that value alone; {@code Vary} values are merged.
 */
public final class ScoringResponse {

    /** The Content-Type of {@link #bytes}. */
    public static final String OCTET_STREAM = "application/octet-stream";
    /** The Content-Type of {@link #text}. */
    public static final String TEXT = "text/plain; charset=utf-8";
    /** The Content-Type of {@link #json}. */
    public static final String JSON = "application/json";

    private static final byte[] NO_BODY = new byte[0];

    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;

    private ScoringResponse(int status, Map<String, String> headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /**
     * Writes a JSON body with the generator the server writes with; for {@link #json(int, JsonContent)}.
     */
    @FunctionalInterface
    public interface JsonContent {
        void writeTo(JsonGenerator out) throws IOException;
    }

    /**
     * Bytes as they are, {@code Content-Type: application/octet-stream} unless a header says otherwise.
     *
     * @throws IllegalArgumentException for a status outside 200-599, or a body with 204 or 304
     */
    public static ScoringResponse bytes(int status, byte[] body) {
        return make(status, OCTET_STREAM, body.clone());
    }

    /** {@code 200} with bytes; see {@link #bytes}. */
    public static ScoringResponse ok(byte[] body) {
        return bytes(200, body);
    }

    /** Text in UTF-8, {@code Content-Type: text/plain; charset=utf-8}. */
    public static ScoringResponse text(int status, String text) {
        return make(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A value written as JSON, {@code Content-Type: application/json}: maps, lists, arrays, strings,
     * numbers, booleans, {@code null}, {@link NDArray}s, {@code java.time} values and the other types
     * {@link JsonOutput} writes, as a {@code run} with an output schema would answer them. Records are not
     * among them (nothing reflects over user classes): use a {@code Map}, or
     * {@link #json(int, JsonContent)}.
     *
     * @throws IllegalArgumentException for a value JsonOutput cannot write, naming its class
     */
    public static ScoringResponse json(int status, Object value) {
        return json(status, out -> JsonOutput.write(out, value));
    }

    /**
     * A JSON body written by {@code content} with Jackson's streaming generator,
     * {@code Content-Type: application/json}.
     *
     * @throws UncheckedIOException when {@code content} fails to write
     */
    public static ScoringResponse json(int status, JsonContent content) {
        checkStatus(status);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = ScoringRequest.jsonFactory().createGenerator(out)) {
            content.writeTo(generator);
        } catch (IOException e) {
            throw new UncheckedIOException("The JSON body cannot be written: " + e.getMessage(), e);
        }
        return make(status, JSON, out.toByteArray());
    }

    /** A status without body or Content-Type, such as {@code 204}. */
    public static ScoringResponse empty(int status) {
        checkStatus(status);
        return new ScoringResponse(status, Map.of(), NO_BODY);
    }

    private static ScoringResponse make(int status, String contentType, byte[] body) {
        checkStatus(status);
        if (body.length > 0 && (status == 204 || status == 304)) {
            throw new IllegalArgumentException(
                    "A " + status + " response has no body; use ScoringResponse.empty(" + status + ")");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", contentType);
        return new ScoringResponse(status, Collections.unmodifiableMap(headers), body);
    }

    private static void checkStatus(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("The status must be a final HTTP status, 200 to 599: " + status);
        }
    }

    /**
     * This response with a header set, replacing one of the same name (in any case).
     *
     * @throws IllegalArgumentException when the name is not an HTTP token, the value holds a line break or
     *     another control character, or the header is one the server must set itself
     *     ({@code Content-Length}, {@code Transfer-Encoding}, {@code Connection})
     */
    public ScoringResponse withHeader(String name, String value) {
        Objects.requireNonNull(value, "value");
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || !lower.chars().allMatch(ScoringResponse::isTokenChar)) {
            throw new IllegalArgumentException("Not a header name: \"" + name + "\"");
        }
        if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
            throw new IllegalArgumentException("The value of header " + name + " holds a control character");
        }
        if (lower.equals("content-length") || lower.equals("transfer-encoding") || lower.equals("connection")) {
            throw new IllegalArgumentException("The server sets " + name + " itself");
        }
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.put(lower, value);
        return new ScoringResponse(status, Collections.unmodifiableMap(changed), body);
    }

    /** RFC 9110 {@code tchar}. */
    private static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    public int status() {
        return status;
    }

    /** The headers by lower-case name, in the order first set. */
    public Map<String, String> headers() {
        return headers;
    }

    /** One header, by name in any case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The body; empty, not null, when there is none. Do not modify it. */
    public byte[] body() {
        return body;
    }

    /** The body decoded as UTF-8, for tests and logs. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return status + " " + headers + " (" + body.length + " bytes)";
    }
}

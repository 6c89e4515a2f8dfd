package dev.scorespec.benchmarks;

import dev.scorespec.runtime.ScoringRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the {@link ScoringRequest} a binder receives as the server's {@code /score} handler builds it:
 * method, URI, the headers lower-cased in arrival order, and the body bytes as read from the socket.
 */
public final class ServerRequests {

    private ServerRequests() {}

    /** The headers wrk and most HTTP clients send with a JSON POST. */
    public static Map<String, String> headers(byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", "127.0.0.1:5001");
        headers.put("content-type", "application/json");
        headers.put("content-length", Integer.toString(body.length));
        return headers;
    }

    /**
     * The same body behind a UTF-8 byte order mark, which Jackson skips: it then reads the body with its
     * own parser rather than the server's {@code BodyParser}, so a binder takes the careful path for every
     * value, as binders did before the fast path. The baseline {@code careful} of the benchmarks.
     */
    public static byte[] carefulOnly(byte[] body) {
        byte[] marked = new byte[body.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(body, 0, marked, 3, body.length);
        return marked;
    }

    /** A POST of {@code body} to {@code /score}; call it inside the measured method, as the server does per request. */
    public static ScoringRequest score(Map<String, String> headers, byte[] body) {
        Map<String, String> lowerCased = new LinkedHashMap<>();
        headers.forEach(lowerCased::putIfAbsent);
        return ScoringRequest.of("POST", "/score", lowerCased, body);
    }
}

package dev.scorespec.runtime.server;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CORS for the origins of {@code AML_CORS_ORIGINS} ({@code --cors-origins}), comma-separated, or {@code *}
 * for any; no origin is allowed unless configured. Two handlers:
 * <ul>
 *   <li>{@link #handle}, first on every request: a request from an allowed origin gets
 *       {@code Access-Control-Allow-Origin} (the origin, or {@code *}) and {@code Access-Control-Expose-Headers}
 *       on whatever answers it, errors included. A request from another origin is served without them, so
 *       the browser, not the server, refuses it, as flask-cors does for the Python server.</li>
 *   <li>{@link #preflight}, before any route and any check of credentials (browsers send none with a
 *       preflight): answers a preflight ({@code OPTIONS} with {@code Origin} and
 *       {@code Access-Control-Request-Method}) itself. An allowed origin gets 204 with
 *       {@code Access-Control-Allow-Methods: GET, POST}, the requested headers back in
 *       {@code Access-Control-Allow-Headers} (as flask-cors allows any) and {@code Access-Control-Max-Age};
 *       another origin gets 403 with a JSON message and no CORS header (flask-cors: 200 without them; the
 *       browser refuses both).</li>
 * </ul>
 * Answers that depend on the origin carry {@code Vary: Origin}; with {@code *} none does.
 *
 * <p>Hand-written rather than Vert.x Web's {@code CorsHandler} because the Python contract differs from it:
 * {@code CorsHandler} fails every request from an origin it does not allow with 403, where flask-cors serves
 * it without CORS headers (a server-to-server client sends an {@code Origin} too), and it cannot echo the
 * configured origin list's {@code *} while exposing the request-id headers on error answers.
 */
final class Cors {

    static final String EXPOSED = String.join(
            ", ", "x-request-id", "x-ms-request-id", "x-ms-client-request-id", Responses.RUN_MS, Responses.RUN_FAILED);
    static final String ALLOWED_METHODS = "GET, POST";
    /** Two hours, the most Chromium keeps a preflight; the answer changes only with a restart. */
    static final String MAX_AGE_SECONDS = "7200";

    private final boolean anyOrigin;
    private final Set<String> origins;

    /** @param origins the configured origins, or {@code *}; none means CORS is off */
    Cors(List<String> origins) {
        this.anyOrigin = origins.contains("*");
        this.origins = origins.stream().map(Cors::canonical).collect(Collectors.toUnmodifiableSet());
    }

    private boolean off() {
        return origins.isEmpty();
    }

    /** Whether a request's Origin may read the answer. */
    private boolean allows(String origin) {
        return origin != null && (anyOrigin || origins.contains(canonical(origin)));
    }

    void handle(RoutingContext ctx) {
        if (off()) {
            ctx.next();
            return;
        }
        String origin = ctx.request().getHeader("origin");
        HttpServerResponse response = ctx.response();
        if (!anyOrigin) {
            response.putHeader("vary", "Origin");
        }
        if (allows(origin)) {
            response.putHeader("access-control-allow-origin", anyOrigin ? "*" : origin);
            response.putHeader("access-control-expose-headers", EXPOSED);
        }
        ctx.next();
    }

    void preflight(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String origin = request.getHeader("origin");
        String requestedMethod = request.getHeader("access-control-request-method");
        if (!request.method().equals(HttpMethod.OPTIONS) || origin == null || requestedMethod == null) {
            ctx.next();
            return;
        }
        if (!allows(origin)) {
            Responses.error(
                    ctx,
                    403,
                    off()
                            ? "CORS is off: no origin is allowed unless AML_CORS_ORIGINS (--cors-origins) lists it."
                            : "The origin " + origin + " is not allowed by AML_CORS_ORIGINS.");
            return;
        }
        HttpServerResponse response = ctx.response()
                .setStatusCode(204)
                .putHeader("access-control-allow-methods", ALLOWED_METHODS)
                .putHeader("access-control-max-age", MAX_AGE_SECONDS);
        String requestedHeaders = request.getHeader("access-control-request-headers");
        if (requestedHeaders != null && !requestedHeaders.isBlank()) {
            response.putHeader("access-control-allow-headers", requestedHeaders);
        }
        response.end();
    }

    /** Origins compare without a trailing slash and case-insensitively (scheme and host are). */
    private static String canonical(String origin) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}

package dev.scorespec.runtime.server;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CORS as the Python server configures flask-cors ({@code AML_CORS_ORIGINS}): an allowed origin gets
 * {@code Access-Control-Allow-Origin}, and a preflight also gets the allowed methods ({@code GET, POST})
 * and its requested headers back; the route then answers as usual (200 for {@code OPTIONS}). A request
 * from another origin is served without CORS headers, so the browser, not the server, refuses it.
 */
final class Cors {

    static final String EXPOSED = String.join(", ", "x-request-id", "x-ms-request-id", "x-ms-client-request-id",
            Responses.RUN_MS, Responses.RUN_FAILED);

    private final boolean anyOrigin;
    private final Set<String> origins;

    Cors(List<String> origins) {
        this.anyOrigin = origins.contains("*");
        this.origins = origins.stream().map(Cors::canonical).collect(Collectors.toUnmodifiableSet());
    }

    void handle(RoutingContext ctx) {
        String origin = ctx.request().getHeader("origin");
        HttpServerResponse response = ctx.response();
        if (!anyOrigin) {
            response.putHeader("vary", "Origin");
        }
        if (origin != null && (anyOrigin || origins.contains(canonical(origin)))) {
            response.putHeader("access-control-allow-origin", anyOrigin ? "*" : origin);
            response.putHeader("access-control-expose-headers", EXPOSED);
            String requestedMethod = ctx.request().getHeader("access-control-request-method");
            if (ctx.request().method().equals(HttpMethod.OPTIONS) && requestedMethod != null) {
                response.putHeader("access-control-allow-methods", "GET, POST");
                String requestedHeaders = ctx.request().getHeader("access-control-request-headers");
                if (requestedHeaders != null) {
                    response.putHeader("access-control-allow-headers", requestedHeaders);
                }
            }
        }
        ctx.next();
    }

    /** Origins compare without a trailing slash and case-insensitively (scheme and host are). */
    private static String canonical(String origin) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}

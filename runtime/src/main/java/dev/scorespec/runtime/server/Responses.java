package dev.scorespec.runtime.server;

import dev.scorespec.runtime.ScoringResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writing responses the way the Python server shapes them. */
final class Responses {

    static final String JSON = "application/json";
    static final String RUN_FAILED = "x-ms-run-function-failed";
    static final String RUN_MS = "x-ms-run-fn-exec-ms";

    // Every JSON answer's headers, encoded once: Vert.x copies an optimized header's bytes as they are
    private static final CharSequence CONTENT_TYPE_HEADER = HttpHeaders.createOptimized("content-type");
    private static final CharSequence JSON_VALUE = HttpHeaders.createOptimized(JSON);
    private static final CharSequence RUN_FAILED_HEADER = HttpHeaders.createOptimized(RUN_FAILED);
    private static final CharSequence TRUE = HttpHeaders.createOptimized("True");
    private static final CharSequence FALSE = HttpHeaders.createOptimized("False");

    static final String NOT_FOUND = "The requested URL was not found on the server. If you entered the URL manually "
            + "please check your spelling and try again.";
    static final String METHOD_NOT_ALLOWED = "The method is not allowed for the requested URL.";
    static final String RUN_ERROR = "An unexpected error occurred in scoring script. Check the logs for more info.";
    static final String INTERNAL_ERROR = "An unexpected internal error occurred. Check the logs for more info.";

    private Responses() {}

    /** Whether a response can still be written: not ended, connection not closed. */
    static boolean writable(RoutingContext ctx) {
        HttpServerResponse r = ctx.response();
        return !r.ended() && !r.closed();
    }

    /** A JSON response as the Python server's {@code AMLResponse}: with {@code x-ms-run-function-failed}. */
    static void json(RoutingContext ctx, int status, Buffer body, boolean runFailed) {
        if (!writable(ctx)) {
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader(CONTENT_TYPE_HEADER, JSON_VALUE)
                .putHeader(RUN_FAILED_HEADER, runFailed ? TRUE : FALSE)
                .end(body);
    }

    /**
     * What a raw {@code run} answered, as it is. Its headers replace the server's of the same name (the CORS
     * headers included), except {@code Vary}, whose values are merged, and {@code x-ms-run-fn-exec-ms}, which
     * is the server's; {@code x-ms-run-function-failed} is {@code True} for a status of 500 or more, as the
     * Python server sets it, and {@code False} unless run set it otherwise.
     */
    static void raw(RoutingContext ctx, ScoringResponse answer) {
        if (!writable(ctx)) {
            return;
        }
        HttpServerResponse response = ctx.response().setStatusCode(answer.status());
        answer.headers().forEach((name, value) -> {
            String vary = name.equals("vary") ? response.headers().get("vary") : null;
            if (vary != null) {
                response.putHeader(name, vary + ", " + value);
            } else if (!name.equals(RUN_MS)) {
                response.putHeader(name, value);
            }
        });
        if (answer.status() >= 500 || !answer.headers().containsKey(RUN_FAILED)) {
            response.putHeader(RUN_FAILED, answer.status() >= 500 ? "True" : "False");
        }
        response.end(Buffer.buffer(answer.body()));
    }

    /** {@code {"message": ...}} with a status. */
    static void error(RoutingContext ctx, int status, String message) {
        error(ctx, status, message, false);
    }

    static void error(RoutingContext ctx, int status, String message, boolean runFailed) {
        json(ctx, status, new JsonObject().put("message", message).toBuffer(), runFailed);
    }

    /** 405 with an {@code Allow} header. */
    static void methodNotAllowed(RoutingContext ctx, String allow) {
        if (writable(ctx)) {
            ctx.response().putHeader("allow", allow);
            error(ctx, 405, METHOD_NOT_ALLOWED);
        }
    }

    /** 200 with no body and an {@code Allow} header, the answer to {@code OPTIONS}. */
    static void options(RoutingContext ctx, String allow) {
        if (writable(ctx)) {
            ctx.response()
                    .setStatusCode(200)
                    .putHeader("allow", allow)
                    .putHeader(RUN_FAILED, "False")
                    .end();
        }
    }

    /**
     * Milliseconds as the Python server prints them: three decimals, rounded half up, never an exponent.
     * Twice per scoring request (the header and the access log), so by integer arithmetic rather than
     * {@code String.format}, which took a seventh of the server's CPU under load.
     */
    static String millis(long nanos) {
        long micros = (Math.abs(nanos) + 500) / 1000;
        long fraction = micros % 1000;
        return (nanos < 0 ? "-" : "")
                + micros / 1000
                + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".")
                + fraction;
    }
}

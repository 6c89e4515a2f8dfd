package dev.scorespec.runtime.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;

/**
 * Collects a request body as sent, whatever its Content-Type (no form decoding), up to a limit. A body
 * over the limit is answered 413 at once when its Content-Length tells, or as soon as it passes the limit;
 * the rest of it is read and dropped, so the client can read the answer, and the connection is closed
 * afterwards.
 *
 * <p>Hand-written rather than Vert.x Web's {@code BodyHandler}: a raw run must receive a form
 * ({@code multipart/form-data}, {@code application/x-www-form-urlencoded}) as sent, which {@code BodyHandler}
 * decodes; and the body is collected into one array of its declared size, which {@code BodyHandler}'s
 * growing buffer would copy again.
 */
final class BodyReader {

    private static final int MAX_PREALLOCATED = 64 * 1024;

    private BodyReader() {
    }

    static void read(RoutingContext ctx, long limit, Consumer<byte[]> onBody) {
        HttpServerRequest request = ctx.request();
        long declared = contentLength(request);
        if (declared > limit) {
            tooLarge(ctx, limit);
            return;
        }
        if (request.isEnded()) {
            onBody.accept(new byte[0]);
            return;
        }
        String expect = request.getHeader("expect");
        if (expect != null && expect.equalsIgnoreCase("100-continue") && request.version() != HttpVersion.HTTP_1_0) {
            ctx.response().writeContinue();
        }
        Buffer body = Buffer.buffer((int) Math.min(Math.max(declared, 1024), MAX_PREALLOCATED));
        boolean[] failed = {false};
        request.handler(chunk -> {
            if (failed[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                failed[0] = true;
                tooLarge(ctx, limit);
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(e -> failed[0] = true);
        request.endHandler(v -> {
            if (!failed[0]) {
                onBody.accept(body.getBytes());
            }
        });
        request.resume();
    }

    /** Answers 413, drops the rest of the body and closes the connection once the body has been sent. */
    private static void tooLarge(RoutingContext ctx, long limit) {
        HttpServerRequest request = ctx.request();
        if (Responses.writable(ctx)) {
            ctx.response().putHeader("connection", "close");
            Responses.error(ctx, 413, "The request body is larger than the limit of " + limit + " bytes.");
        }
        if (request.isEnded()) {
            request.connection().close();
        } else {
            request.handler(chunk -> { });
            request.endHandler(v -> request.connection().close());
            request.resume();
        }
    }

    private static long contentLength(HttpServerRequest request) {
        String value = request.getHeader("content-length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

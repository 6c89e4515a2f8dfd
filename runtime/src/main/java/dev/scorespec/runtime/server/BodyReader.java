package dev.scorespec.runtime.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Collects request bodies as sent, whatever their Content-Type (no form decoding), within two limits: the
 * size of one body ({@link ServerConfig#maxRequestBytes()}, 413) and the bytes held across every request in
 * flight ({@link ServerConfig#maxBytesInFlight()}, 503 with {@code Retry-After}). A body's declared length
 * is reserved before any of it is read, so a body that would not fit is refused before it takes memory; a
 * body without a declared length reserves its bytes as they arrive. The reservation is released when the
 * request's response has ended or its connection has closed.
 *
 * <p>A refused body is answered at once; the rest of it is read and dropped, so the client can read the
 * answer, and the connection is closed afterwards.
 *
 * <p>Hand-written rather than Vert.x Web's {@code BodyHandler}: a raw run must receive a form
 * ({@code multipart/form-data}, {@code application/x-www-form-urlencoded}) as sent, which {@code BodyHandler}
 * decodes; {@code BodyHandler} has no budget across requests; and a body of declared length is copied once,
 * from the network buffers into an array of its size, where {@code BodyHandler}'s growing buffer is copied
 * again when it grows and once more into the array that binders read.
 */
final class BodyReader {

    static final String RETRY_AFTER_SECONDS = "1";

    private final long limit;
    private final long budget;
    private final AtomicLong inFlight = new AtomicLong();

    BodyReader(long limit, long budget) {
        this.limit = limit;
        this.budget = budget;
    }

    /** Bytes of request bodies held now, for tests and metrics. */
    long bytesInFlight() {
        return inFlight.get();
    }

    void read(RoutingContext ctx, Consumer<byte[]> onBody) {
        HttpServerRequest request = ctx.request();
        long declared = contentLength(request);
        if (declared > limit) {
            refuse(ctx, 413, "The request body is larger than the limit of " + limit + " bytes.");
            return;
        }
        if (request.isEnded()) {
            onBody.accept(new byte[0]);
            return;
        }
        if (declared > budget) {
            refuse(
                    ctx,
                    413,
                    "The request body of " + declared + " bytes is larger than the server's memory budget "
                            + "for request bodies (" + budget + " bytes).");
            return;
        }
        Reservation reservation = new Reservation();
        // released however the request ends: answered, refused, or its connection closed
        ctx.addEndHandler(ar -> reservation.release());
        if (declared > 0 && !reservation.add(declared)) {
            overBudget(ctx);
            return;
        }
        String expect = request.getHeader("expect");
        if (expect != null && expect.equalsIgnoreCase("100-continue") && request.version() != HttpVersion.HTTP_1_0) {
            ctx.response().writeContinue();
        }
        Body body = new Body(declared > 0 ? (int) declared : 0);
        boolean[] failed = {false};
        request.handler(chunk -> {
            if (failed[0]) {
                return;
            }
            long size = body.length + (long) chunk.length();
            if (size > limit) {
                failed[0] = true;
                refuse(ctx, 413, "The request body is larger than the limit of " + limit + " bytes.");
            } else if (size > reservation.bytes && !reservation.add(size - reservation.bytes)) {
                failed[0] = true;
                if (size > budget) {
                    refuse(
                            ctx,
                            413,
                            "The request body is larger than the server's memory budget for request " + "bodies ("
                                    + budget + " bytes).");
                } else {
                    overBudget(ctx);
                }
            } else {
                body.append(chunk);
            }
        });
        request.exceptionHandler(e -> failed[0] = true);
        request.endHandler(v -> {
            if (!failed[0]) {
                onBody.accept(body.bytes());
            }
        });
        request.resume();
    }

    private void overBudget(RoutingContext ctx) {
        if (Responses.writable(ctx)) {
            ctx.response().putHeader("retry-after", RETRY_AFTER_SECONDS);
        }
        refuse(
                ctx,
                503,
                "The server is holding as many request bodies as its memory budget allows (" + budget
                        + " bytes); retry later.");
    }

    /** Answers with the status, drops the rest of the body and closes the connection once it has been sent. */
    static void refuse(RoutingContext ctx, int status, String message) {
        HttpServerRequest request = ctx.request();
        if (Responses.writable(ctx)) {
            ctx.response().putHeader("connection", "close");
            Responses.error(ctx, status, message);
        }
        if (request.isEnded()) {
            request.connection().close();
        } else {
            request.handler(chunk -> {});
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

    /** The bytes one request holds against the budget; used on its event loop only. */
    private final class Reservation {
        long bytes;

        boolean add(long more) {
            while (true) {
                long now = inFlight.get();
                if (now + more > budget) {
                    return false;
                }
                if (inFlight.compareAndSet(now, now + more)) {
                    bytes += more;
                    return true;
                }
            }
        }

        void release() {
            inFlight.addAndGet(-bytes);
            bytes = 0;
        }
    }

    /** A body's bytes: one array of the declared size, or a growing one when no size was declared. */
    private static final class Body {
        byte[] bytes;
        int length;

        Body(int declared) {
            bytes = new byte[declared > 0 ? declared : 1024];
        }

        void append(Buffer chunk) {
            int n = chunk.length();
            if (length + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(length + n, bytes.length * 2));
            }
            chunk.getBytes(0, n, bytes, length);
            length += n;
        }

        byte[] bytes() {
            return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
        }
    }
}

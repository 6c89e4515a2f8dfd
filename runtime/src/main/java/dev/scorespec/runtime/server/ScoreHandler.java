package dev.scorespec.runtime.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.scorespec.runtime.InvalidInputException;
import dev.scorespec.runtime.QueryString;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.ScoringResponse;
import dev.scorespec.runtime.batching.BatchRejectedException;
import dev.scorespec.runtime.batching.Batcher;
import dev.scorespec.runtime.binding.BindingException;
import dev.scorespec.runtime.binding.BodyKind;
import dev.scorespec.runtime.binding.ScoringBinder;
import dev.scorespec.runtime.server.ServerMetrics.BindingFailure;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /score}: reads the request on the event loop, then binds, runs and writes on the worker pool,
 * answering 500 when the request is not done within the scoring timeout (counted from the hand-over to
 * the pool; the run, if it started, is interrupted). A {@link BodyKind#RAW_HTTP} run gets every GET and
 * POST unchecked, and its {@link ScoringResponse} is sent as it is.
 *
 * <p>The scoring timeout is hand-written rather than Vert.x Web's {@code TimeoutHandler}, because the Python
 * contract answers 500 (not 503) with {@code x-ms-run-fn-exec-ms}, counts from the hand-over to the worker
 * pool (not from the arrival of the headers, which would count the upload), and stops the run.
 *
 * @param <A> the binder's arguments
 * @param <R> what its {@code run} returns
 */
final class ScoreHandler<A, R> {

    static final String ALLOW = "GET, POST, OPTIONS";

    private static final Logger LOG = LoggerFactory.getLogger(ScoreHandler.class);
    /** The {@code outcome} of a run that ended after its request had been answered at the scoring timeout. */
    private static final String TIMEOUT = "timeout";
    /** The answer to a request whose batch could not start before its scoring deadline. */
    static final String DEADLINE_MISSED =
            "The request could not be scored before its deadline (the scoring timeout). Retry later.";

    private final Vertx vertx;
    private final WorkerExecutor workers;
    private final ScoringBinder<A, R> binder;
    private final ServerConfig config;
    private final BodyReader bodies;
    private final ServerMetrics metrics;
    private final WireFormat wire;
    /** Scores bound requests together, for a {@code @Batching} class; null when each request runs alone. */
    private final Batcher<A, R> batcher;

    ScoreHandler(
            Vertx vertx,
            WorkerExecutor workers,
            ScoringBinder<A, R> binder,
            ServerConfig config,
            ServerMetrics metrics,
            Batcher<A, R> batcher) {
        this(vertx, workers, binder, config, metrics, batcher, WireFormat.SCORE);
    }

    /** A scoring route whose requests and answers are in {@code wire}'s format. */
    ScoreHandler(
            Vertx vertx,
            WorkerExecutor workers,
            ScoringBinder<A, R> binder,
            ServerConfig config,
            ServerMetrics metrics,
            Batcher<A, R> batcher,
            WireFormat wire) {
        this.wire = wire;
        this.metrics = metrics;
        this.batcher = batcher;
        this.vertx = vertx;
        this.workers = workers;
        this.binder = binder;
        this.config = config;
        this.bodies = new BodyReader(config.maxRequestBytes(), config.maxBytesInFlight());
    }

    /** A GET or a POST; the router answers the other methods. */
    void handle(RoutingContext ctx, String requestId) {
        boolean raw = binder.bodyKind() == BodyKind.RAW_HTTP;
        if (raw) {
            // as it came: a GET's body too, as Flask's request.get_data() would give it
            bodies.read(ctx, body -> dispatch(ctx, requestId, body));
        } else if (ctx.request().method().equals(HttpMethod.GET)) {
            dispatch(ctx, requestId, null);
        } else {
            if (binder.bodyKind() == BodyKind.JSON_PARAMETERS
                    && !RequestBodies.isJson(ctx.request().getHeader("content-type"))) {
                metrics.bindingFailed(BindingFailure.CONTENT_TYPE);
                wire.error(ctx, 415, RequestBodies.WRONG_CONTENT_TYPE, false);
                return;
            }
            bodies.read(ctx, body -> dispatch(ctx, requestId, body));
        }
    }

    /**
     * Hands the request to the worker pool; {@code body} is null for a GET to a run that is not raw, whose
     * query is the body.
     */
    private void dispatch(RoutingContext ctx, String requestId, byte[] body) {
        Call call = new Call(ctx, requestId);
        call.armTimer();
        String method = ctx.request().method().name();
        String uri = ctx.request().uri();
        // every value of a repeated header: a raw run may need them all
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ctx.request()
                .headers()
                .forEach(h -> headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), name -> new ArrayList<>(1))
                        .add(h.getValue()));
        // unordered: requests from one event loop must not wait for each other
        workers.executeBlocking(() -> RequestMdc.call(requestId, () -> score(call, method, uri, headers, body)), false)
                .onComplete(result -> RequestMdc.run(requestId, () -> {
                    if (result.succeeded() && result.result().bound != null) {
                        submit(call, result.result().arguments());
                    } else {
                        call.finish(result);
                    }
                }));
    }

    /**
     * Event loop: queues a bound request for its batch, with the scoring timeout as its deadline; the answer
     * comes back to this event loop, and is written on the worker pool.
     */
    private void submit(Call call, A arguments) {
        if (call.answered) {
            return; // answered at its scoring timeout while it was bound
        }
        Context eventLoop = vertx.getOrCreateContext();
        long deadline = call.dispatchNanos + TimeUnit.MILLISECONDS.toNanos(config.scoringTimeoutMs());
        long submitted = System.nanoTime();
        call.queued = true;
        batcher.submit(arguments, deadline, call::batchStarted)
                .whenComplete((result, failure) -> eventLoop.runOnContext(v -> RequestMdc.run(
                        call.requestId, () -> batched(call, result, failure, System.nanoTime() - submitted))));
    }

    /** Event loop: the request's batch has ended, or the batcher did not take it. */
    private void batched(Call call, R result, Throwable failure, long nanos) {
        if (call.answered) {
            return; // answered at its scoring timeout
        }
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof BatchRejectedException rejected) {
            call.reject(rejected.getMessage(), rejected.retryAfter());
        } else if (cause instanceof InvalidInputException) {
            metrics.bindingFailed(BindingFailure.INVALID_INPUT);
            call.finish(Future.succeededFuture(Outcome.invalidInput(cause.getMessage(), nanos)));
        } else if (cause != null) {
            // the batcher has logged it, once for the batch
            call.finish(Future.succeededFuture(Outcome.runFailed(nanos)));
        } else {
            workers.executeBlocking(() -> RequestMdc.call(call.requestId, () -> write(call, result, nanos)), false)
                    .onComplete(written -> RequestMdc.run(call.requestId, () -> call.finish(written)));
        }
    }

    /** Runs on a worker thread. */
    private Outcome score(Call call, String method, String uri, Map<String, List<String>> headers, byte[] body) {
        if (call.timedOut()) {
            return Outcome.DROPPED; // answered while it waited for a worker
        }
        byte[] bytes;
        boolean jsonBody = body != null && binder.bodyKind() == BodyKind.JSON_PARAMETERS;
        if (binder.bodyKind() == BodyKind.RAW_HTTP) {
            bytes = body; // no checks: run takes the request as it came
        } else if (body == null) {
            // werkzeug's decoding, not Vert.x's ctx.queryParams() (see QueryString): ';' is no separator and a
            // malformed escape stays as sent, where Netty's decoder splits at ';' and refuses the request
            bytes = RequestBodies.queryAsJson(QueryString.parse(uri));
        } else {
            bytes = body;
            String problem = jsonBody ? null : RequestBodies.utf8Problem(bytes);
            if (problem != null) {
                return badRequest(BindingFailure.NOT_UTF8, problem);
            }
        }
        WireFormat.Prepared request;
        try {
            request = wire.prepare(bytes, call.requestId);
        } catch (BindingException e) {
            return badRequest(BindingFailure.INVALID_PARAMETER, e.getMessage());
        } catch (IOException e) {
            return badRequest(BindingFailure.MALFORMED_JSON, RequestBodies.NOT_JSON + e.getMessage());
        }
        call.prepared = request;
        bytes = request.body();
        A arguments;
        try {
            arguments = binder.bind(ScoringRequest.withHeaderValues(method, uri, headers, bytes));
        } catch (IOException | RuntimeException e) {
            return bindingFailed(call, jsonBody ? bytes : null, e);
        }

        if (batcher != null) {
            return Outcome.bound(arguments);
        }
        if (!call.runStarting(Thread.currentThread())) {
            return Outcome.DROPPED;
        }
        long start = System.nanoTime();
        R result;
        try {
            result = binder.run(arguments);
        } catch (InvalidInputException e) {
            // run's own verdict on the input: a client error that says what to fix, not a failure of run
            long elapsed = System.nanoTime() - start;
            call.runEnded();
            if (call.timedOut()) {
                metrics.run(TIMEOUT, elapsed);
                return Outcome.runFailed(elapsed);
            }
            metrics.run("invalid_input", elapsed);
            metrics.bindingFailed(BindingFailure.INVALID_INPUT);
            return Outcome.invalidInput(e.getMessage(), elapsed);
        } catch (Throwable e) {
            long elapsed = System.nanoTime() - start;
            call.runEnded();
            metrics.run(call.timedOut() ? TIMEOUT : "error", elapsed);
            if (call.timedOut()) {
                LOG.warn(
                        "run of request {} ended after its timeout, in {} ms, with {}",
                        call.requestId,
                        Responses.millis(elapsed),
                        e.toString());
            } else {
                LOG.error("run of request {} failed in {} ms", call.requestId, Responses.millis(elapsed), e);
            }
            return Outcome.runFailed(elapsed);
        }
        long elapsed = System.nanoTime() - start;
        call.runEnded();
        metrics.run(call.timedOut() ? TIMEOUT : "success", elapsed);
        if (call.timedOut()) {
            LOG.warn(
                    "run of request {} returned after its timeout, in {} ms; the result is dropped",
                    call.requestId,
                    Responses.millis(elapsed));
            return Outcome.runFailed(elapsed);
        }
        if (binder.bodyKind() == BodyKind.RAW_HTTP) {
            if (result instanceof ScoringResponse response) {
                return Outcome.raw(response, elapsed);
            }
            LOG.error("run of request {} returned {} instead of a ScoringResponse", call.requestId, result);
            return Outcome.runFailed(elapsed);
        }

        return write(call, result, elapsed);
    }

    /** Runs on a worker thread: run's result as JSON. */
    private Outcome write(Call call, R result, long runNanos) {
        Buffer out = Buffer.buffer(256);
        try (JsonGenerator generator = ScoringRequest.jsonFactory().createGenerator(new BufferOutput(out))) {
            wire.write(binder, result, call.prepared, generator);
        } catch (BindingException e) {
            // what the request asks of the answer, which only the answer can tell (a V2 output it lacks)
            metrics.bindingFailed(BindingFailure.INVALID_PARAMETER);
            return Outcome.badRequest(e.getMessage(), runNanos);
        } catch (Throwable e) {
            LOG.error(
                    "Writing the result of request {} as JSON failed in the binder of {}",
                    call.requestId,
                    binder.scoringClass(),
                    e);
            return Outcome.internalError(runNanos);
        }
        return Outcome.ok(out, runNanos);
    }

    /**
     * The answer to a request that did not bind. A JSON body is checked to be one JSON object only now,
     * not before binding, so that a body that binds is parsed once (the check walks every token, at about
     * half the cost of binding); a body that is not one gets the Python server's message, whatever the
     * binder made of it. Binders read the whole body, so a body that binds is one JSON object.
     */
    private Outcome bindingFailed(Call call, byte[] jsonBody, Exception e) {
        String problem = jsonBody == null ? null : RequestBodies.jsonObjectProblem(jsonBody);
        if (problem != null) {
            return badRequest(
                    problem.equals(RequestBodies.NOT_AN_OBJECT)
                            ? BindingFailure.NOT_AN_OBJECT
                            : BindingFailure.MALFORMED_JSON,
                    problem);
        }
        if (e instanceof BindingException) {
            return badRequest(BindingFailure.INVALID_PARAMETER, e.getMessage());
        }
        if (e instanceof JsonParseException jsonParseException) {
            return badRequest(
                    BindingFailure.MALFORMED_JSON, RequestBodies.NOT_JSON + RequestBodies.describe(jsonParseException));
        }
        if (e instanceof StreamReadException streamReadException) {
            return badRequest(BindingFailure.MALFORMED_JSON, RequestBodies.describe(streamReadException));
        }
        LOG.error("Binding request {} failed in the binder of {}", call.requestId, binder.scoringClass(), e);
        return Outcome.internalError(-1);
    }

    private Outcome badRequest(BindingFailure failure, String message) {
        metrics.bindingFailed(failure);
        return Outcome.badRequest(message);
    }

    /**
     * One scoring request in flight, answered once: by its outcome, or by the timeout, which counts from
     * the hand-over to the worker pool, so that a request waiting behind busy workers is bounded too.
     */
    private final class Call {
        final RoutingContext ctx;
        final String requestId;
        final long dispatchNanos = System.nanoTime();
        /** Event-loop state. */
        boolean answered;
        /**
         * The request in the route's wire format, set by the worker that binds it and read by the worker that
         * writes its answer (the same worker, or one after the batcher: Vert.x orders the hand-overs).
         */
        WireFormat.Prepared prepared;

        long timerId = -1;
        /** Shared with the worker, under the lock. */
        private Thread runner;

        private long runStartNanos = -1;
        private volatile boolean timedOut;
        /** Event-loop state: the request was handed to the batcher. */
        boolean queued;
        /** Shared with the batcher's thread, under the lock: its batch has started. */
        private boolean batchStarted;

        Call(RoutingContext ctx, String requestId) {
            this.ctx = ctx;
            this.requestId = requestId;
        }

        /** Event loop, at dispatch. */
        void armTimer() {
            timerId = vertx.setTimer(config.scoringTimeoutMs(), timer -> RequestMdc.run(requestId, this::timeout));
        }

        /** Worker: run is about to start; false when the request has already been answered. */
        synchronized boolean runStarting(Thread thread) {
            if (timedOut) {
                return false;
            }
            runner = thread;
            runStartNanos = System.nanoTime();
            return true;
        }

        /** Worker: run has returned or thrown; a late interrupt must not reach the thread's next task. */
        synchronized void runEnded() {
            runner = null;
            Thread.interrupted();
        }

        boolean timedOut() {
            return timedOut;
        }

        /** The batcher's thread: the request's batch is about to run. */
        synchronized void batchStarted() {
            batchStarted = true;
            runStartNanos = System.nanoTime();
        }

        /** Event loop: the batcher did not score the request; nothing ran for it, so the client may retry. */
        void reject(String message, Duration retryAfter) {
            vertx.cancelTimer(timerId);
            if (answered) {
                return;
            }
            answered = true;
            if (!Responses.writable(ctx)) {
                return;
            }
            // whole seconds, rounded up, and at least one: Retry-After has no finer unit
            long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
            ctx.response().putHeader("retry-after", Long.toString(seconds));
            Responses.error(ctx, 503, message);
        }

        private void timeout() {
            if (answered) {
                return;
            }
            boolean waitingForBatch;
            synchronized (this) {
                waitingForBatch = queued && !batchStarted;
            }
            if (waitingForBatch) {
                // the batcher will drop it unrun (its deadline is this instant); nothing ran for it
                reject(DEADLINE_MISSED, Duration.ZERO);
                return;
            }
            answered = true;
            long runNanos;
            synchronized (this) {
                timedOut = true;
                runNanos = runStartNanos < 0 ? -1 : System.nanoTime() - runStartNanos;
                if (runner != null) {
                    runner.interrupt();
                }
            }
            if (runNanos < 0) {
                LOG.error(
                        "Request {} waited {} ms for a worker without reaching run (all {} workers busy); the client "
                                + "gets a 500",
                        requestId,
                        (System.nanoTime() - dispatchNanos) / 1_000_000,
                        config.workerCount());
            } else if (queued) {
                // a batch is not interrupted: the other requests in it may still be answered in time
                LOG.error(
                        "The batch of request {} did not finish within the scoring timeout of {} ms; the client gets a "
                                + "500",
                        requestId,
                        config.scoringTimeoutMs());
            } else {
                LOG.error(
                        "run of request {} did not finish within the scoring timeout of {} ms; its thread is interrupted "
                                + "and the client gets a 500",
                        requestId,
                        config.scoringTimeoutMs());
            }
            if (!Responses.writable(ctx)) {
                return;
            }
            if (runNanos >= 0) {
                ctx.response().putHeader(Responses.RUN_MS, Responses.millis(runNanos));
            }
            wire.error(ctx, 500, "Scoring timeout after " + config.scoringTimeoutMs() + " ms", true);
        }

        /** Event loop: the worker is done. */
        void finish(AsyncResult<Outcome> result) {
            vertx.cancelTimer(timerId);
            if (answered) {
                return;
            }
            answered = true;
            if (result.failed()) {
                LOG.error("Scoring request {} failed", requestId, result.cause());
                wire.error(ctx, 500, Responses.INTERNAL_ERROR, false);
                return;
            }
            result.result().send(ctx, wire);
        }
    }

    /** What a worker made of a request, sent on the event loop. */
    private static final class Outcome {
        final int status;
        final Buffer body;
        final String message;
        final boolean runFailed;
        final long runNanos;
        /** What a raw run answered, sent as it is; null otherwise. */
        final ScoringResponse raw;
        /** The arguments of a request bound for the batcher, not answered yet; null otherwise. */
        final Object bound;

        private Outcome(
                int status, Buffer body, String message, boolean runFailed, long runNanos, ScoringResponse raw) {
            this(status, body, message, runFailed, runNanos, raw, null);
        }

        private Outcome(
                int status,
                Buffer body,
                String message,
                boolean runFailed,
                long runNanos,
                ScoringResponse raw,
                Object bound) {
            this.status = status;
            this.body = body;
            this.message = message;
            this.runFailed = runFailed;
            this.runNanos = runNanos;
            this.raw = raw;
            this.bound = bound;
        }

        /** A request bound, for the batcher to score. */
        static Outcome bound(Object arguments) {
            return new Outcome(0, null, null, false, -1, null, arguments);
        }

        /** The arguments of {@link #bound}, as the handler bound them. */
        @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
        <A> A arguments() {
            return (A) bound;
        }

        /** For a request already answered by the timeout. */
        static final Outcome DROPPED = new Outcome(500, null, Responses.INTERNAL_ERROR, false, -1, null);

        static Outcome ok(Buffer body, long runNanos) {
            return new Outcome(200, body, null, false, runNanos, null);
        }

        static Outcome raw(ScoringResponse response, long runNanos) {
            return new Outcome(response.status(), null, null, response.status() >= 500, runNanos, response);
        }

        static Outcome badRequest(String message) {
            return new Outcome(400, null, message, false, -1, null);
        }

        /** A request that ran, and asked of the answer what it does not have. */
        static Outcome badRequest(String message, long runNanos) {
            return new Outcome(400, null, message, false, runNanos, null);
        }

        static Outcome invalidInput(String message, long runNanos) {
            return new Outcome(400, null, message, false, runNanos, null);
        }

        static Outcome runFailed(long runNanos) {
            return new Outcome(500, null, Responses.RUN_ERROR, true, runNanos, null);
        }

        /** {@code runNanos} is -1 when run did not run. */
        static Outcome internalError(long runNanos) {
            return new Outcome(500, null, Responses.INTERNAL_ERROR, false, runNanos, null);
        }

        void send(RoutingContext ctx, WireFormat wire) {
            if (!Responses.writable(ctx)) {
                return;
            }
            if (runNanos >= 0) {
                ctx.response().putHeader(Responses.RUN_MS, Responses.millis(runNanos));
            }
            if (raw != null) {
                Responses.raw(ctx, raw);
            } else if (body != null) {
                Responses.json(ctx, status, body, runFailed);
            } else {
                wire.error(ctx, status, message, runFailed);
            }
        }
    }

    /** Lets Jackson write straight into a Vert.x buffer. */
    private static final class BufferOutput extends OutputStream {
        private final Buffer buffer;

        BufferOutput(Buffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            buffer.appendByte((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            buffer.appendBytes(b, off, len);
        }
    }
}

package dev.scorespec.runtime.server;

import dev.scorespec.runtime.ModelDir;
import dev.scorespec.runtime.QueryString;
import dev.scorespec.runtime.batching.BatchSpec;
import dev.scorespec.runtime.batching.Batcher;
import dev.scorespec.runtime.binding.BodyKind;
import dev.scorespec.runtime.binding.ScoringBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded scoring server: one {@link ScoringBinder} served over HTTP with the contract of the Python
 * {@code azureml-inference-server-http}, on Vert.x Web.
 *
 * <pre>{@code
 * try (ScoringServer server = ScoringServer.start(ServerConfig.builder().port(0).build(), binder)) {
 *     URI score = URI.create("http://127.0.0.1:" + server.port() + "/score");
 *     ...
 * }
 * }</pre>
 *
 * <p>Routes, each also under the configured path prefix: {@code GET /} (health), {@code GET|POST|OPTIONS
 * /score}, {@code GET /swagger.json?version=2|3|3.1}, {@code GET /docs} (Swagger UI, see {@link DocsPage}).
 * Without the prefix only: {@code GET /v2/health/live} and {@code /v2/health/ready} (the probes) and
 * {@code GET /metrics} (Prometheus, see {@link ServerMetrics}), which answer while {@code init} runs; the
 * other routes answer 503 until it has returned. With a key configured, {@code /score} and
 * {@code /swagger.json} require it (see {@link KeyAuth}); the probes and {@code /metrics} stay open.
 * {@code bind}, {@code run} and {@code write} run on a worker pool of {@link ServerConfig#workerCount()}
 * threads, never on an event loop.
 */
public final class ScoringServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScoringServer.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("dev.scorespec.access");
    /** Method, path, status, milliseconds, body bytes sent, request id: {@code POST /score 200 1.234ms 57B id}. */
    private static final String ACCESS_LINE = "{} {} {} {}ms {}B {}";

    /** The Python server's limit on the request-id headers. */
    static final int HEADER_LIMIT = 100;

    static final String HEALTH_ALLOW = "GET, HEAD, OPTIONS";
    /** Every method some route answers, for {@code OPTIONS *}. */
    static final String SERVER_ALLOW = "GET, HEAD, POST, OPTIONS";

    private static final Pattern LIST = Pattern.compile(", ");
    static final String LIVE = "/v2/health/live";
    static final String READY = "/v2/health/ready";
    static final String METRICS = "/metrics";
    static final String NOT_READY = "The service is starting: @Init has not finished yet. Retry later.";
    static final String MISSING_HOST = "A request must have a Host header.";
    static final String BAD_ESCAPE =
            "The request path has a '%' that does not start an escape of two hex digits" + " (write '%25' for a '%').";
    private static final String REQUEST_ID = "scorespec.requestId";
    private static final AtomicBoolean LEGACY_ID_WARNED = new AtomicBoolean();

    private final ServerConfig config;
    private final ScoringBinder<?, ?> binder;
    /**
     * Prepared on a thread of their own while Vert.x starts (see {@link #start}); set before {@link #ready},
     * so every route that {@code init} gates sees them.
     */
    private volatile OpenApiDocuments documents;

    private final Vertx vertx;
    private final WorkerExecutor workers;
    private final ScoreHandler<?, ?> score;
    private final OpenInferenceRoutes openInference;
    /** Null unless the scoring class has {@code @Batching} and batching is on. */
    private Batcher<?, ?> batcher;

    private final Cors cors;
    private final KeyAuth auth;
    private final DocsPage docs;
    private final IdleConnections idle;
    private final ServerMetrics metrics;
    private HttpServer http;
    /** Set once {@code init} has returned; until then only the probes and {@code /metrics} answer. */
    private volatile boolean ready;

    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    private ScoringServer(ServerConfig config, ScoringBinder<?, ?> binder) {
        this.config = config;
        this.binder = binder;
        this.vertx = Vertx.vertx(new VertxOptions()
                .setFileSystemOptions(
                        new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
        this.workers = vertx.createSharedWorkerExecutor(
                "scorespec-worker", config.workerCount(), config.scoringTimeoutMs(), TimeUnit.MILLISECONDS);
        this.metrics = new ServerMetrics(this::ready);
        this.score = scoreHandler(binder);
        this.openInference = openInference(binder);
        this.cors = new Cors(config.corsOrigins());
        this.auth = config.authKey().map(KeyAuth::new).orElse(null);
        this.docs = DocsPage.create(vertx, () -> documents.docsTitle().orElse(config.serviceName()));
        this.idle = new IdleConnections(vertx, config.idleTimeoutSeconds());
    }

    private <A, R> ScoreHandler<A, R> scoreHandler(ScoringBinder<A, R> b) {
        Batcher<A, R> batcher = batcher(b);
        this.batcher = batcher;
        return new ScoreHandler<>(vertx, workers, b, config, metrics, batcher);
    }

    /** The Open Inference Protocol routes, whose inferences join /score's batches: one batcher per model. */
    private <A, R> OpenInferenceRoutes openInference(ScoringBinder<A, R> b) {
        @SuppressWarnings("unchecked") // made for this very binder by scoreHandler
        Batcher<A, R> shared = (Batcher<A, R>) batcher;
        return new OpenInferenceRoutes(vertx, workers, b, config, metrics, shared);
    }

    /**
     * The batcher of a {@code @Batching} class, with the annotation's limits or those set at start-up; null
     * for a class without, or when {@code --batch-max-rows 0} turns batching off. Batches run one at a time
     * on the batcher's own thread: a model vectorised over the rows uses the cores by itself.
     */
    private <A, R> Batcher<A, R> batcher(ScoringBinder<A, R> b) {
        BatchSpec<A, R> batching = b.batching();
        if (batching == null) {
            return null;
        }
        if (b.bodyKind() == BodyKind.RAW_HTTP) {
            // a raw run answers with its own response, which no batch could split: the processor refuses it
            LOG.warn("{} asks for batching, but its run is raw HTTP: its requests run alone", b.scoringClass());
            return null;
        }
        int maxRows = config.batchMaxRows().orElse(batching.maxRows());
        int maxDelayMs = config.batchMaxDelayMs().orElse(batching.maxDelayMs());
        if (maxRows == 0) {
            LOG.info("Batching is off (batch max rows 0): every request of {} runs alone", b.scoringClass());
            return null;
        }
        // maxDelayMs is the adaptive policy's bound: a policy of the user's decides the wait itself
        LOG.info(
                "Batching requests of {}: at most {} rows in one run call, {}",
                b.scoringClass(),
                maxRows,
                config.batchPolicy()
                        .map(policy -> "batches run when " + policy.getClass().getName() + " says")
                        .orElse("a wait of at most " + maxDelayMs + " ms for others"));
        Batcher.Builder<A, R> batcher = Batcher.builder(batching.shape(), b::run)
                .maxRows(maxRows)
                .maxDelay(Duration.ofMillis(maxDelayMs))
                .metrics(metrics.batchMetrics())
                .name("scorespec-batcher");
        config.batchPolicy().ifPresent(batcher::policy);
        return batcher.build();
    }

    /**
     * Prepares the OpenAPI documents, listens, calls the binder's {@code init} on the calling thread, and
     * returns once {@code init} has returned. While {@code init} runs the port is open: the liveness probe
     * answers 200, the readiness probe and every other route 503 (see {@link #ready()}).
     *
     * <p>The documents are prepared on a thread of their own while Vert.x starts and listens: both are
     * mostly class loading (Jackson for the documents; Vert.x, Netty and Micrometer for the server), which
     * a second core does at the same time. {@code init} runs only once the documents are prepared, so a bad
     * document still stops the start before the model is loaded.
     *
     * @throws ServerStartException when a document is missing or malformed, the address cannot be bound, or
     *     {@code init} throws (the cause; the server is closed again)
     */
    public static ScoringServer start(ServerConfig config, ScoringBinder<?, ?> binder) throws ServerStartException {
        long startNanos = System.nanoTime();
        LOG.info("Starting the scoring server for {}: {}", binder.scoringClass(), config);
        FutureTask<OpenApiDocuments> documents = new FutureTask<>(() -> OpenApiDocuments.load(binder, config));
        Thread preparing = new Thread(documents, "scorespec-documents");
        preparing.setDaemon(true);
        preparing.start();
        ScoringServer server;
        try {
            server = new ScoringServer(config, binder);
            server.listen();
        } catch (ServerStartException | RuntimeException e) {
            // a bad document was reported first when the documents were prepared before listening
            prepared(documents);
            throw e;
        }
        // the JVM's meters read JMX, slow to load: bound beside the documents and init, before any scrape
        Thread meters = new Thread(server.metrics::bindJvmMeters, "scorespec-jvm-meters");
        meters.setDaemon(true);
        meters.start();
        try {
            server.documents = prepared(documents);
            init(binder, config.modelDir());
        } catch (ServerStartException | RuntimeException e) {
            server.close();
            throw e;
        }
        server.ready = true;
        server.logReady(startNanos);
        return server;
    }

    /** The documents, once their thread has prepared them; its failure as if it had been this thread's. */
    private static OpenApiDocuments prepared(FutureTask<OpenApiDocuments> documents) throws ServerStartException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return documents.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the start cannot be left half done: the documents come quickly
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ServerStartException cause) {
                throw cause;
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw new ServerStartException("Cannot prepare the OpenAPI documents: " + e.getCause(), e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The start-up line: what is served, where, and how long it took, from {@link #start} and from the JVM's
     * start (which includes class loading before {@code start}).
     */
    private void logReady(long startNanos) {
        String base = baseUrl();
        LOG.info(
                "Ready: {} on port {} in {} ms ({} ms since the JVM started); documents [{}] at {}/swagger.json; "
                        + "docs {}",
                binder.scoringClass(),
                port(),
                (System.nanoTime() - startNanos) / 1_000_000,
                ManagementFactory.getRuntimeMXBean().getUptime(),
                String.join(", ", documents.versions()),
                base,
                docs == null ? "off" : base + "/docs/");
    }

    private String baseUrl() {
        String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
        return "http://" + host + ":" + http.actualPort() + config.servicePathPrefix();
    }

    /** Whether {@code init} has returned: the readiness probe's answer. */
    public boolean ready() {
        return ready;
    }

    private static void init(ScoringBinder<?, ?> binder, ModelDir models) throws ServerStartException {
        if (!models.isConfigured()) {
            LOG.info("AZUREML_MODEL_DIR is not set; init gets the working directory {}", models.root());
        } else if (!Files.isDirectory(models.root())) {
            LOG.warn("The model directory {} is not a directory", models.root());
        }
        LOG.info("Invoking init of {}", binder.scoringClass());
        long start = System.nanoTime();
        try {
            binder.init(models);
        } catch (Throwable e) {
            logModelDir(models);
            throw new ServerStartException("init of " + binder.scoringClass() + " failed: " + e, e);
        }
        LOG.info("init of {} completed in {} ms", binder.scoringClass(), (System.nanoTime() - start) / 1_000_000);
    }

    /** As the Python server does when init fails: the model directory's first 200 entries. */
    private static void logModelDir(ModelDir models) {
        if (!models.isConfigured() || !Files.isDirectory(models.root())) {
            return;
        }
        try (Stream<Path> files = Files.walk(models.root())) {
            Iterator<Path> it = files.iterator();
            LOG.info("Model directory contents:");
            int shown = 0;
            while (it.hasNext()) {
                Path p = it.next();
                if (shown++ == 200) {
                    LOG.info("Output truncated. First 200 entries shown.");
                    break;
                }
                LOG.info("  {}", models.root().relativize(p));
            }
        } catch (IOException | RuntimeException e) {
            LOG.info("The model directory {} cannot be listed: {}", models.root(), e.toString());
        }
    }

    /**
     * Every route of the server, in one place. Handlers that concern every request come first (CORS headers,
     * request ids and the access log, CORS preflights); then each path with its methods, under the service
     * path prefix and without it. Vert.x Web answers a known path with an unknown method 405 and an unknown
     * path 404; the error handlers give those answers the Python server's JSON bodies.
     */
    private Router router() {
        Router router = Router.router(vertx);
        router.route().handler(cors::handle); // first, so that every answer carries the CORS headers
        router.route().handler(this::track);
        router.route().handler(this::checkFraming);
        // before any route and any credential check: browsers send a preflight without credentials
        router.route().handler(cors::preflight);
        router.route().handler(this::awaitInit);
        // the probes, open and without the prefix, where Kubernetes, KServe and MLServer expect them
        route(router, Pattern.quote(LIVE), HEALTH_ALLOW, false, this::live);
        route(router, Pattern.quote(READY), HEALTH_ALLOW, false, this::readiness);
        // open like the probes: Prometheus scrapes without a key, and the meters hold no request data
        route(router, Pattern.quote(METRICS), HEALTH_ALLOW, false, this::metrics);
        for (String base :
                config.servicePathPrefix().isEmpty() ? List.of("") : List.of("", config.servicePathPrefix())) {
            if (!base.isEmpty()) {
                // the probes under the prefix too, where the documents (whose paths all carry it) place them
                route(router, Pattern.quote(base + LIVE), HEALTH_ALLOW, false, this::live);
                route(router, Pattern.quote(base + READY), HEALTH_ALLOW, false, this::readiness);
            }
            // the Open Inference Protocol at the root, where V2 clients look for it, and under the prefix, as /score
            String v2 = Pattern.quote(base);
            route(router, v2 + Pattern.quote(OpenInferenceRoutes.SERVER), HEALTH_ALLOW, true, openInference::server);
            route(router, v2 + OpenInferenceRoutes.MODEL, HEALTH_ALLOW, true, openInference::model);
            route(router, v2 + OpenInferenceRoutes.MODEL + "/ready", HEALTH_ALLOW, true, openInference::ready);
            route(
                    router,
                    v2 + OpenInferenceRoutes.MODEL + "/infer",
                    OpenInferenceRoutes.INFER_ALLOW,
                    true,
                    ctx -> openInference.infer(ctx, ctx.get(REQUEST_ID)));
            // under a prefix, the health probe answers with and without a trailing slash
            route(router, base.isEmpty() ? "/" : Pattern.quote(base) + "/?", HEALTH_ALLOW, false, this::health);
            route(
                    router,
                    Pattern.quote(base + "/score"),
                    ScoreHandler.ALLOW,
                    true,
                    ctx -> score.handle(ctx, ctx.get(REQUEST_ID)));
            route(router, Pattern.quote(base + "/swagger.json"), HEALTH_ALLOW, true, this::swagger);
            if (docs != null) {
                String page = Pattern.quote(base + "/docs") + "(?:/.*)?";
                router.routeWithRegex(HttpMethod.OPTIONS, page).handler(ctx -> Responses.options(ctx, DocsPage.ALLOW));
                router.routeWithRegex(page)
                        .method(HttpMethod.GET)
                        .method(HttpMethod.HEAD)
                        .handler(ctx -> docs.handle(ctx, localPath(ctx.normalizedPath())));
            }
        }
        router.errorHandler(404, ctx -> Responses.error(ctx, 404, Responses.NOT_FOUND));
        router.errorHandler(405, ctx -> Responses.methodNotAllowed(ctx, allowed(localPath(ctx.normalizedPath()))));
        router.errorHandler(500, ctx -> {
            String requestId = ctx.get(REQUEST_ID);
            RequestMdc.run(requestId, () -> LOG.error("Request {} failed", requestId, ctx.failure()));
            Responses.error(ctx, 500, Responses.INTERNAL_ERROR);
        });
        return router;
    }

    /**
     * One path: {@code OPTIONS} answered with its {@code Allow}; with {@code keyed}, the key checked for
     * every other method (a wrong method without the key is a 401, not a 405); the methods that
     * {@code allow} lists answered by {@code handler}. The path is a regular expression matching the whole
     * path, so that it is exact (Vert.x's plain paths also match a trailing slash, which the Python server
     * answers 404).
     */
    private void route(Router router, String exact, String allow, boolean keyed, Handler<RoutingContext> handler) {
        router.routeWithRegex(HttpMethod.OPTIONS, exact).handler(ctx -> Responses.options(ctx, allow));
        if (keyed && auth != null) {
            router.routeWithRegex(exact).handler(this::authenticate);
        }
        Route route = router.routeWithRegex(exact);
        LIST.splitAsStream(allow)
                .filter(method -> !method.equals("OPTIONS"))
                .map(HttpMethod::valueOf)
                .forEach(route::method);
        route.handler(handler);
    }

    /** The {@code Allow} header of a path without the prefix, for a 405. */
    private String allowed(String localPath) {
        if (localPath.equals("/score")) {
            return ScoreHandler.ALLOW;
        }
        if (OpenInferenceRoutes.isInfer(localPath)) {
            return OpenInferenceRoutes.INFER_ALLOW;
        }
        return localPath.equals("/docs") || localPath.startsWith("/docs/") ? DocsPage.ALLOW : HEALTH_ALLOW;
    }

    private void listen() throws ServerStartException {
        Router router = router();
        HttpServerOptions options = new HttpServerOptions()
                // Netty's idle timeout only until the first request; then IdleConnections, which never cuts a request
                .setIdleTimeout(config.idleTimeoutSeconds())
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setMaxInitialLineLength(64 * 1024)
                .setMaxHeaderSize(ServerConfig.MAX_HEADER_BYTES)
                .setHandle100ContinueAutomatically(false);
        try {
            http = await(
                    vertx.createHttpServer(options)
                            .requestHandler(request -> {
                                if (routable(request)) {
                                    router.handle(request);
                                }
                            })
                            .listen(config.port(), config.host()),
                    Duration.ofSeconds(30));
        } catch (Exception e) {
            if (batcher != null) {
                batcher.shutdown(); // nothing was queued: no request reached it
            }
            closeVertx();
            metrics.close();
            throw new ServerStartException(
                    "Cannot listen on " + config.host() + ":" + config.port() + ": " + message(e), e);
        }
        String base = baseUrl();
        LOG.info(
                "Listening on {}: health GET {}/, scoring POST {}/score, documents GET {}/swagger.json; "
                        + "{} worker threads, scoring timeout {} ms, request bodies up to {} bytes each and {} bytes in flight",
                base,
                base,
                base,
                base,
                config.workerCount(),
                config.scoringTimeoutMs(),
                config.maxRequestBytes(),
                config.maxBytesInFlight());
        if (docs != null) {
            LOG.info("Interactive documentation (Swagger UI): {}/docs/", base);
        }
        if (auth != null) {
            LOG.info("Key authentication is on: /score and /swagger.json require 'Authorization: Bearer <key>'");
        }
    }

    /** The port the server listens on, the chosen one when the configuration said 0. */
    public int port() {
        return http.actualPort();
    }

    /**
     * The server's Micrometer registry, served at {@code /metrics}: a service may register meters of its own
     * in it.
     */
    public MeterRegistry meterRegistry() {
        return metrics.registry();
    }

    public ServerConfig config() {
        return config;
    }

    /** The batcher of a {@code @Batching} class, or null: for tests, which wait on its queue. */
    Batcher<?, ?> batcher() {
        return batcher;
    }

    /** The binder served. */
    public ScoringBinder<?, ?> binder() {
        return binder;
    }

    /**
     * Stops accepting connections, lets in-flight requests finish for up to
     * {@link ServerConfig#shutdownGraceMs()}, then closes the rest and the worker pool. Blocks until done;
     * a second call waits for the first.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            awaitClose();
            return;
        }
        try {
            LOG.info("Shutting down: in-flight requests have up to {} ms to finish", config.shutdownGraceMs());
            if (batcher != null) {
                // the queued requests run at once, without waiting for others; later ones get 503
                batcher.shutdown();
            }
            try {
                await(
                        http.shutdown(Duration.ofMillis(config.shutdownGraceMs())),
                        Duration.ofMillis(config.shutdownGraceMs() + 5_000));
            } catch (Exception e) {
                LOG.warn("The HTTP server did not shut down cleanly: {}", message(e));
            }
            if (batcher != null) {
                try {
                    if (!batcher.awaitTermination(Duration.ofMillis(config.shutdownGraceMs()))) {
                        LOG.warn("Batches were still running when the shutdown grace period ended");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            closeVertx();
            metrics.close();
            LOG.info("Scoring server stopped");
        } finally {
            closed.countDown();
        }
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClose() {
        boolean interrupted = false;
        while (true) {
            try {
                closed.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeVertx() {
        try {
            await(workers.close(), Duration.ofSeconds(5));
        } catch (Exception e) {
            LOG.debug("Closing the worker pool: {}", message(e));
        }
        try {
            await(vertx.close(), Duration.ofSeconds(10));
        } catch (Exception e) {
            LOG.warn("Vert.x did not close cleanly: {}", message(e));
        }
    }

    private static <T> T await(Future<T> future, Duration timeout) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        } catch (TimeoutException e) {
            throw new TimeoutException("no answer within " + timeout.toMillis() + " ms");
        }
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /**
     * Whether the router can take a request; the ones it cannot are answered here, cleanly, where Vert.x
     * Web would log an ERROR line or answer 404 without looking at them: an HTTP/1.x request without
     * {@code Host} (400, as RFC 9112 section 3.2 demands), {@code OPTIONS *} (200 with the server's methods)
     * and {@code CONNECT} (405: the server is no proxy), whose targets are not paths.
     */
    private static boolean routable(HttpServerRequest request) {
        if (request.version() != HttpVersion.HTTP_2 && request.authority() == null) {
            answerUnrouted(request, 400, MISSING_HOST, null);
        } else if (request.method().equals(HttpMethod.OPTIONS) && request.uri().equals("*")) {
            answerUnrouted(request, 200, null, SERVER_ALLOW);
        } else if (request.method().equals(HttpMethod.CONNECT)) {
            answerUnrouted(request, 405, Responses.METHOD_NOT_ALLOWED, SERVER_ALLOW);
        } else if (!percentEscapesValid(request.path())) {
            answerUnrouted(request, 400, BAD_ESCAPE, null);
        } else {
            return true;
        }
        return false;
    }

    /**
     * Whether every {@code %} in the path starts an escape of two hex digits. Vert.x Web decodes the path
     * to route it, and fails on {@code /%zz} with an ERROR line in the log (found by fuzzing).
     */
    static boolean percentEscapesValid(String path) {
        if (path == null) {
            return true;
        }
        for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
            if (i + 2 >= path.length()
                    || Character.digit(path.charAt(i + 1), 16) < 0
                    || Character.digit(path.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** An answer without the router: a JSON message or none, a request id, and an access-log line. */
    private static void answerUnrouted(HttpServerRequest request, int status, String message, String allow) {
        String requestId = UUID.randomUUID().toString();
        HttpServerResponse response = request.response()
                .setStatusCode(status)
                .putHeader("x-request-id", requestId)
                .putHeader(Responses.RUN_FAILED, "False");
        if (allow != null) {
            response.putHeader("allow", allow);
        }
        if (message == null) {
            response.end();
        } else {
            response.putHeader("content-type", Responses.JSON)
                    .end(new JsonObject().put("message", message).toBuffer());
        }
        RequestMdc.run(
                requestId,
                () -> ACCESS.info(
                        ACCESS_LINE,
                        request.method(),
                        request.uri(),
                        status,
                        "0.000",
                        response.bytesWritten(),
                        requestId));
    }

    /**
     * Requests whose framing HTTP allows but the server refuses: a transfer coding other than chunked
     * (Netty would read the body as plain chunked, so it is refused, 501, and the connection closed), and
     * several {@code Host} headers (400, RFC 9112 section 3.2).
     */
    private void checkFraming(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        List<String> codings = request.headers().getAll("transfer-encoding");
        String coding = String.join(", ", codings);
        if (!codings.isEmpty() && !coding.strip().equalsIgnoreCase("chunked")) {
            BodyReader.refuse(
                    ctx,
                    501,
                    "The transfer coding '" + coding + "' is not supported: send the body with "
                            + "Content-Length, or chunked alone.");
        } else if (request.headers().getAll("host").size() > 1) {
            Responses.error(
                    ctx,
                    400,
                    "A request must have one Host header; this one has "
                            + request.headers().getAll("host").size() + ".");
        } else {
            ctx.next();
        }
    }

    /**
     * Every request: the request-id headers as the Python server sets them, and one access-log line when
     * the response ends.
     */
    private void track(RoutingContext ctx) {
        long start = System.nanoTime();
        HttpServerRequest request = ctx.request();
        String given = request.getHeader("x-request-id");
        boolean idTooLong = given != null && given.length() > HEADER_LIMIT;
        String requestId = given == null || given.isEmpty() || idTooLong
                ? UUID.randomUUID().toString()
                : given;

        // x-ms-request-id used to be both the request id and the client's; x-ms-client-request-id replaces
        // it as the latter, and x-ms-request-id is never empty in responses
        String legacy = orEmpty(request.getHeader("x-ms-request-id"));
        String client = orEmpty(request.getHeader("x-ms-client-request-id"));
        if (!legacy.isEmpty()) {
            if (LEGACY_ID_WARNED.compareAndSet(false, true)) {
                LOG.warn(
                        "The x-ms-request-id request header is deprecated; clients should send x-ms-client-request-id");
            }
            if (client.isEmpty()) {
                client = legacy;
            }
        } else {
            legacy = client.isEmpty() ? requestId : client;
        }
        boolean msIdTooLong = legacy.length() > HEADER_LIMIT || client.length() > HEADER_LIMIT;
        String msRequestId = legacy;
        String clientRequestId = client;
        String traceId = request.getHeader("TraceId");

        ctx.put(REQUEST_ID, requestId);
        ctx.addHeadersEndHandler(v -> {
            HttpServerResponse r = ctx.response();
            r.putHeader("x-request-id", requestId);
            if (!idTooLong && !msIdTooLong) {
                r.putHeader("x-ms-request-id", msRequestId);
                if (!clientRequestId.isEmpty()) {
                    r.putHeader("x-ms-client-request-id", clientRequestId);
                }
            }
            if (traceId != null) {
                r.putHeader("TraceId", traceId);
            }
        });
        idle.requestStarted(request.connection());
        metrics.requestStarted();
        ctx.addEndHandler(ar -> {
            idle.requestEnded(request.connection());
            HttpServerResponse response = ctx.response();
            metrics.requestEnded(
                    request.method().name(),
                    routeLabel(localPath(ctx.normalizedPath())),
                    response.ended() || response.headWritten() ? Integer.toString(response.getStatusCode()) : "",
                    System.nanoTime() - start);
            accessLog(ctx, start);
        });

        // the handlers that run within this call log with the request id; ScoreHandler sets it on its threads
        RequestMdc.run(requestId, () -> {
            if (idTooLong) {
                Responses.error(ctx, 431, "x-request-id must not exceed " + HEADER_LIMIT + " characters");
            } else if (msIdTooLong) {
                Responses.error(
                        ctx,
                        431,
                        "x-ms-request-id and x-ms-client-request-id must not exceed " + HEADER_LIMIT + " characters");
            } else {
                ctx.next();
            }
        });
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * One line per request, when its response has ended or its connection (or HTTP/2 stream) has closed,
     * with what was really sent. Whether Vert.x reports the end as a success is not the test: an HTTP/2
     * stream closes as soon as its response ends, which Vert.x Web reports as a failure of the end.
     */
    private void accessLog(RoutingContext ctx, long start) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        String requestId = ctx.get(REQUEST_ID);
        String ms = Responses.millis(System.nanoTime() - start);
        String outcome;
        if (response.ended()) {
            outcome = Integer.toString(response.getStatusCode());
        } else if (response.headWritten()) {
            outcome = response.getStatusCode() + " (connection closed after " + response.bytesWritten()
                    + " bytes of the body, before the response ended)";
        } else {
            outcome = "no response (connection closed before an answer was sent)";
        }
        // probes come every few seconds: the Python server does not log its health probe at all
        String local = localPath(ctx.normalizedPath());
        long bytes = response.bytesWritten();
        boolean probe = response.ended()
                && response.getStatusCode() == 200
                && (local.equals("/") || local.equals(LIVE) || local.equals(READY));
        RequestMdc.run(requestId, () -> {
            if (probe) {
                ACCESS.debug(ACCESS_LINE, request.method(), request.path(), outcome, ms, bytes, requestId);
            } else {
                ACCESS.info(ACCESS_LINE, request.method(), request.path(), outcome, ms, bytes, requestId);
            }
        });
    }

    /**
     * Key authentication in front of a route; when the request lacks the key it has been answered 401. The
     * {@code OPTIONS} routes come before it: a browser's CORS preflight carries no {@code Authorization},
     * and the answer holds no data.
     */
    private void authenticate(RoutingContext ctx) {
        if (auth.admit(ctx)) {
            ctx.next();
        }
    }

    /** The path without the configured prefix; the routes answer with and without it. */
    private String localPath(String path) {
        return localPath(config.servicePathPrefix(), path);
    }

    /** {@code path} without {@code prefix} (normalized, as {@link ServerConfig#servicePathPrefix()}). */
    static String localPath(String prefix, String path) {
        if (prefix.isEmpty()) {
            return path;
        }
        if (path.equals(prefix)) {
            return "/";
        }
        return path.startsWith(prefix + "/") ? path.substring(prefix.length()) : path;
    }

    /** The {@code route} label of a path without the prefix: one of the server's routes, or {@code other}. */
    private static String routeLabel(String localPath) {
        switch (localPath) {
            case "/", "/score", "/swagger.json", LIVE, READY, METRICS:
                return localPath;
            case OpenInferenceRoutes.SERVER:
                return localPath;
            default:
                String v2 = OpenInferenceRoutes.routeLabel(localPath);
                if (v2 != null) {
                    return v2;
                }
                return localPath.equals("/docs") || localPath.startsWith("/docs/") ? "/docs" : "other";
        }
    }

    /**
     * On a worker thread: a scrape formats every meter, and in the start's first moments waits for the JVM's
     * meters to be bound.
     */
    private void metrics(RoutingContext ctx) {
        vertx.executeBlocking(metrics::scrape, false).onComplete(scraped -> {
            if (scraped.failed()) {
                ctx.fail(scraped.cause());
            } else {
                ctx.response()
                        .setStatusCode(200)
                        .putHeader("content-type", ServerMetrics.CONTENT_TYPE)
                        .end(scraped.result());
            }
        });
    }

    /** Liveness: the process answers. */
    private void live(RoutingContext ctx) {
        ctx.response()
                .setStatusCode(200)
                .putHeader("content-type", "text/plain; charset=utf-8")
                .end("Live");
    }

    /** Readiness: {@code init} has returned. */
    private void readiness(RoutingContext ctx) {
        if (ready) {
            ctx.response()
                    .setStatusCode(200)
                    .putHeader("content-type", "text/plain; charset=utf-8")
                    .end("Ready");
        } else {
            notReady(ctx);
        }
    }

    /** Every route but the probes waits for {@code init}: 503 until it has returned. */
    private void awaitInit(RoutingContext ctx) {
        String path = localPath(ctx.normalizedPath());
        if (ready || path.equals(LIVE) || path.equals(READY) || path.equals(METRICS)) {
            ctx.next();
        } else {
            notReady(ctx);
        }
    }

    private void notReady(RoutingContext ctx) {
        ctx.response().putHeader("retry-after", "1");
        Responses.error(ctx, 503, NOT_READY);
    }

    private void health(RoutingContext ctx) {
        ctx.response()
                .setStatusCode(200)
                .putHeader("content-type", "text/plain; charset=utf-8")
                .end("Healthy");
    }

    /**
     * The scheme the client used: a TLS-terminating proxy (Azure ML's endpoint) says {@code https} in
     * {@code X-Forwarded-Proto} while this server sees {@code http}.
     */
    private static String clientScheme(RoutingContext ctx) {
        String forwarded = ctx.request().getHeader("x-forwarded-proto");
        if ("https".equalsIgnoreCase(forwarded) || "http".equalsIgnoreCase(forwarded)) {
            return forwarded.toLowerCase(Locale.ROOT);
        }
        return ctx.request().isSSL() ? "https" : "http";
    }

    /** {@code host[:port]} as the client addressed this server, null when it did not say. */
    private static String hostOf(RoutingContext ctx) {
        HostAndPort authority = ctx.request().authority();
        if (authority == null) {
            return null;
        }
        return authority.port() >= 0 ? authority.host() + ":" + authority.port() : authority.host();
    }

    private void swagger(RoutingContext ctx) {
        // werkzeug's decoding, not Vert.x's ctx.queryParams(): see QueryString
        OpenApiDocuments.Lookup found =
                documents.find(QueryString.first(ctx.request().uri(), "version"), clientScheme(ctx), hostOf(ctx));
        if (found.document != null) {
            Responses.json(ctx, 200, found.document, false);
        } else {
            Responses.error(ctx, 404, found.notFoundMessage);
        }
    }
}

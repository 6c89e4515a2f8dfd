package dev.scorespec.runtime.server;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.scorespec.runtime.batching.Batcher;
import dev.scorespec.runtime.binding.BindingException;
import dev.scorespec.runtime.binding.ScoringBinder;
import dev.scorespec.runtime.openinference.InferRequest;
import dev.scorespec.runtime.openinference.InferResponses;
import dev.scorespec.runtime.openinference.ModelMetadata;
import dev.scorespec.runtime.openinference.ScoreBodies;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Open Inference Protocol (KServe V2) next to {@code /score}, for the same binder: server metadata at
 * {@code /v2}, model metadata, readiness and {@code infer} at {@code /v2/models/<name>[/versions/<version>]}.
 * The health probes ({@code /v2/health/live}, {@code /v2/health/ready}) are the server's own. Every route
 * answers at the root and under the service path prefix, as {@code /score} does.
 *
 * <p>{@code infer} goes through the same {@link ScoreHandler} as {@code /score}; as its {@link WireFormat}, this
 * class turns the tensors into the {@code /score} body the binder reads ({@link ScoreBodies}), and what
 * {@code run} returned into output tensors ({@link InferResponses}). Errors are {@code {"error": ...}}, with the
 * path-and-problem messages of {@code /score}; a model name or version this server does not serve is a 404.
 */
final class OpenInferenceRoutes implements WireFormat {

    static final String SERVER = "/v2";
    /** A model's path, with an optional version: {@code /v2/models/<name>[/versions/<version>]}. */
    static final String MODEL = "/v2/models/([^/]+)(?:/versions/([^/]+))?";

    static final String INFER_ALLOW = "POST, OPTIONS";

    private static final Pattern MODEL_PATH = Pattern.compile(MODEL + "(/ready|/infer)?");

    private final ModelMetadata metadata;
    private final ScoreBodies bodies;
    private final InferResponses responses;
    private final String name;
    private final String version;
    private final String prefix;
    private final ScoreHandler<?, ?> infer;

    <A, R> OpenInferenceRoutes(
            Vertx vertx,
            WorkerExecutor workers,
            ScoringBinder<A, R> binder,
            ServerConfig config,
            ServerMetrics metrics,
            Batcher<A, R> batcher) {
        this.metadata = ModelMetadata.of(binder);
        this.bodies = new ScoreBodies(metadata);
        this.responses = new InferResponses(metadata);
        this.name = config.modelName().orElseGet(() -> simpleName(binder.scoringClass()));
        this.version = config.modelVersion()
                .or(config::configuredServiceVersion)
                .or(metadata::compiledVersion)
                .orElse(ServerConfig.DEFAULT_SERVICE_VERSION);
        this.prefix = config.servicePathPrefix();
        this.infer = new ScoreHandler<>(vertx, workers, binder, config, metrics, batcher, this);
    }

    /** {@code com.example.Outer$Inner} is {@code Inner}. */
    private static String simpleName(String binaryName) {
        return binaryName.substring(Math.max(binaryName.lastIndexOf('.'), binaryName.lastIndexOf('$')) + 1);
    }

    /** Whether a path (without the service prefix) is a model's {@code infer}, which only POST reaches. */
    static boolean isInfer(String path) {
        Matcher m = MODEL_PATH.matcher(path);
        return m.matches() && "/infer".equals(m.group(3));
    }

    /** The metrics' {@code route} label of a V2 model path, or null for any other path. */
    static String routeLabel(String path) {
        Matcher m = MODEL_PATH.matcher(path);
        if (!m.matches()) {
            return null;
        }
        return "/v2/models/{name}" + (m.group(3) == null ? "" : m.group(3));
    }

    /** {@code GET /v2}: the server's name, version and protocol extensions (none). */
    void server(RoutingContext ctx) {
        JsonObject body = new JsonObject()
                .put("name", "scorespec")
                .put("version", ConfigParser.runtimeVersion())
                .put("extensions", new JsonArray());
        Responses.json(ctx, 200, body.toBuffer(), false);
    }

    /** {@code GET /v2/models/<name>[/versions/<version>]}: the metadata from the samples. */
    void model(RoutingContext ctx) {
        if (served(ctx)) {
            Responses.json(ctx, 200, io.vertx.core.buffer.Buffer.buffer(metadata.response(name, version)), false);
        }
    }

    /** {@code GET .../ready}: the model is ready once {@code @Init} has returned, before which no route gets here. */
    void ready(RoutingContext ctx) {
        if (served(ctx)) {
            Responses.json(
                    ctx,
                    200,
                    new JsonObject().put("name", name).put("ready", true).toBuffer(),
                    false);
        }
    }

    /** {@code POST .../infer}: through {@link ScoreHandler}, in this format. */
    void infer(RoutingContext ctx, String requestId) {
        if (served(ctx)) {
            infer.handle(ctx, requestId);
        }
    }

    /** Whether the path names this model (and this version, if it names one); otherwise answered 404. */
    private boolean served(RoutingContext ctx) {
        Matcher m = MODEL_PATH.matcher(ScoringServer.localPath(prefix, ctx.normalizedPath()));
        if (!m.matches()) {
            error(ctx, 404, "Not a model path: " + ctx.normalizedPath(), false);
            return false;
        }
        if (!m.group(1).equals(name)) {
            error(ctx, 404, "Model '" + m.group(1) + "' is not served here; this server serves '" + name + "'.", false);
            return false;
        }
        if (m.group(2) != null && !m.group(2).equals(version)) {
            error(
                    ctx,
                    404,
                    "Model '" + name + "' has no version '" + m.group(2) + "'; this server serves version '" + version
                            + "'.",
                    false);
            return false;
        }
        return true;
    }

    @Override
    public Prepared prepare(byte[] body, String requestId) throws IOException {
        InferRequest request = InferRequest.parse(body);
        List<String> declared = metadata.outputNames();
        for (int i = 0; i < request.outputs().size(); i++) {
            String output = request.outputs().get(i);
            if (!declared.isEmpty() && !declared.contains(output)) {
                throw BindingException.at(
                        "outputs[" + i + "].name",
                        "the model has no output '" + output + "'; its outputs are " + declared);
            }
        }
        String id = request.id() != null ? request.id() : requestId;
        return new Prepared(bodies.body(request), new Answer(id, request.outputs()));
    }

    @Override
    public <R> void write(ScoringBinder<?, R> binder, R result, Prepared request, JsonGenerator out)
            throws IOException {
        Answer answer = (Answer) request.state();
        responses.write(binder, result, name, version, answer.id, answer.outputs, out);
    }

    @Override
    public void error(RoutingContext ctx, int status, String message, boolean runFailed) {
        Responses.json(ctx, status, new JsonObject().put("error", message).toBuffer(), runFailed);
    }

    /** What the response needs of its request: the {@code id} to echo and the outputs asked for. */
    private record Answer(String id, List<String> outputs) {}
}

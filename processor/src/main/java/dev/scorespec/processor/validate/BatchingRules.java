package dev.scorespec.processor.validate;

import dev.scorespec.processor.model.BatchPlan;
import dev.scorespec.processor.model.BatchPlan.Rows;
import dev.scorespec.processor.model.JavaType;
import dev.scorespec.processor.model.Location;
import dev.scorespec.processor.model.RunParameter;
import dev.scorespec.processor.model.ScoringClassDecl.BatchingDecl;
import dev.scorespec.processor.model.ScoringClassDecl.ParamDecl;
import dev.scorespec.processor.model.ScoringClassDecl.RunDecl;
import dev.scorespec.processor.model.ScoringSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks {@code @Batching} against {@code run} and decides how each parameter takes part in a batch: every
 * input whose sample has a first dimension (an ndarray of one or more dimensions, a dataframe, a list) is
 * concatenated along it, the others must be equal across a batch, and the result must have a first
 * dimension to split back along. Each kind says how it has rows ({@code ValueType.rows()}) and how these
 * messages name it without ({@code ValueType.batchNoun()}).
 */
final class BatchingRules {

    private static final String TABLE = "tech.tablesaw.api.Table";

    private BatchingRules() {}

    /** The limits alone, which need nothing of {@code run}. */
    static void checkLimits(BatchingDecl batching, Report report) {
        if (batching.maxRows() < 1) {
            report.error(batching.maxRowsWhere(), Message.BATCH_MAX_ROWS, batching.maxRows());
        }
        if (batching.maxDelayMs() < 0) {
            report.error(batching.maxDelayWhere(), Message.BATCH_MAX_DELAY, batching.maxDelayMs());
        }
    }

    /**
     * The plan for a {@code run} whose parameters and output were checked without error; empty, with the
     * problems reported, when batching cannot apply to it.
     */
    static Optional<BatchPlan> plan(
            BatchingDecl batching,
            RunDecl run,
            List<RunParameter> parameters,
            Optional<ScoringSpec.Sample> output,
            Report report) {
        if (run.rawHttp().isPresent()) {
            report.error(batching.where(), Message.BATCH_NO_SCHEMA, "is @RawHttp: it takes the request as it came");
            return Optional.empty();
        }
        if (parameters.stream().anyMatch(RunParameter.JsonText.class::isInstance)) {
            report.error(batching.where(), Message.BATCH_NO_SCHEMA, "takes the body text without a schema");
            return Optional.empty();
        }
        boolean fits = true;
        List<Rows> rows = new ArrayList<>();
        for (RunParameter parameter : parameters) {
            if (parameter instanceof RunParameter.Body body) {
                Rows r = body.sample().type().rows();
                if (r.batched() && body.optional()) {
                    report.error(where(run, body.name()), Message.BATCH_OPTIONAL_INPUT, body.name());
                    fits = false;
                }
                rows.add(r);
            } else {
                // only a @RequestHeaders map is left: raw requests and body text were answered above
                run.parameters().stream()
                        .filter(ParamDecl::requestHeaders)
                        .forEach(p -> report.error(p.where(), Message.BATCH_HEADERS, p.name()));
                fits = false;
                rows.add(Rows.NONE);
            }
        }
        if (rows.stream().noneMatch(Rows::batched)) {
            String inputs = parameters.stream()
                    .filter(RunParameter.Body.class::isInstance)
                    .map(RunParameter.Body.class::cast)
                    .map(b -> "'" + b.name() + "' is " + b.sample().type().batchNoun())
                    .collect(Collectors.joining(", "));
            report.error(batching.where(), Message.BATCH_NO_ROWS, inputs.isEmpty() ? "run takes no input" : inputs);
            fits = false;
        }
        Rows result = output.map(sample -> sample.type().rows()).orElseGet(() -> rowsOf(run.returnType()));
        if (!result.batched()) {
            String what = output.map(
                            sample -> "its @OutputSchema is " + sample.type().batchNoun())
                    .orElseGet(() ->
                            "run returns " + Message.simple(run.returnType().name()));
            report.error(run.output().map(o -> o.where()).orElse(run.where()), Message.BATCH_OUTPUT, what);
            fits = false;
        }
        if (!fits) {
            return Optional.empty();
        }
        return Optional.of(new BatchPlan(batching.maxRows(), batching.maxDelayMs(), rows, result));
    }

    private static Location where(RunDecl run, String parameter) {
        return run.parameters().stream()
                .filter(p -> p.name().equals(parameter))
                .map(ParamDecl::where)
                .findFirst()
                .orElse(run.where());
    }

    /** The rows of a result without output sample, by its Java type. */
    private static Rows rowsOf(JavaType type) {
        if (type instanceof JavaType.Array) {
            return Rows.ARRAY;
        }
        if (type.is("java.util.List")) {
            return Rows.LIST;
        }
        return type.is(TABLE) ? Rows.TABLE : Rows.NONE;
    }
}

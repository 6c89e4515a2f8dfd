package dev.scorespec.processor.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.palantir.javapoet.TypeName;
import dev.scorespec.processor.kinds.dataframe.DataFrameSamples;
import dev.scorespec.processor.kinds.ndarray.NdArraySamples;
import dev.scorespec.processor.kinds.nested.NestedSamples;
import dev.scorespec.processor.kinds.spark.SparkFrameSamples;
import dev.scorespec.processor.kinds.standard.StandardSamples;
import dev.scorespec.processor.model.BatchPlan;
import dev.scorespec.processor.model.JavaType;
import dev.scorespec.processor.model.ListType;
import dev.scorespec.processor.model.RunParameter;
import dev.scorespec.processor.model.ScoringClassDecl;
import dev.scorespec.processor.model.ScoringClassDecl.InitDecl;
import dev.scorespec.processor.model.ScoringClassDecl.InputDecl;
import dev.scorespec.processor.model.ScoringClassDecl.ParamDecl;
import dev.scorespec.processor.model.ScoringClassDecl.RunDecl;
import dev.scorespec.processor.model.ScoringClassDecl.SampleDecl;
import dev.scorespec.processor.model.ScoringSpec;
import dev.scorespec.processor.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;

/**
 * The second layer: checks a {@link ScoringClassDecl} and turns it into a {@link ScoringSpec}, or
 * reports every problem it finds. It never stops at the first problem of a class when later checks
 * are still meaningful, so one compile shows them all.
 */
public final class ScoringClassValidator {

    /**
     * How deep a sample may nest arrays and objects. Samples, the schemas and the readers made from them
     * are handled recursively, on the compiler's stack (1 MiB in a build tool's worker thread); this
     * limit keeps well inside it, and far beyond the shape of any real payload.
     */
    public static final int MAX_SAMPLE_DEPTH = 64;

    /** Strict JSON: no comments, no trailing tokens; big numbers kept exact. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final String MODEL_DIR = "dev.scorespec.runtime.ModelDir";
    private static final String SCORING_REQUEST = "dev.scorespec.runtime.ScoringRequest";
    private static final String SCORING_RESPONSE = "dev.scorespec.runtime.ScoringResponse";

    public Optional<ScoringSpec> validate(ScoringClassDecl decl, Report report) {
        Optional<RunDecl> run = run(decl, report);
        if (!decl.constructible()) {
            report.error(
                    decl.where(),
                    Message.NOT_CONSTRUCTIBLE,
                    decl.type().canonicalName(),
                    decl.type().simpleName());
        }
        Optional<ScoringSpec.InitMethod> init = init(decl, report);
        ScoringSpec.ServiceNames names = names(decl.service(), report);
        if (run.isEmpty() || !JsonNames.check(run.get(), report)) {
            return Optional.empty();
        }
        List<RunParameter> parameters = List.of();
        Optional<ScoringSpec.Sample> output = Optional.empty();
        if (run.get().rawHttp().isPresent()) {
            parameters = rawHttpParameters(run.get(), report);
        } else if (!meantAsRawHttp(run.get(), report)) {
            parameters = parameters(run.get(), report);
            output = output(run.get(), report);
        }
        List<RunParameter> runParameters = parameters;
        Optional<ScoringSpec.Sample> runOutput = output;
        decl.powerBi().ifPresent(where -> PowerBiShape.check(where, run.get(), runParameters, runOutput, report));
        decl.batching().ifPresent(b -> BatchingRules.checkLimits(b, report));
        // run's own problems first: what batching makes of a run that does not bind would be noise
        Optional<BatchPlan> batching = report.hasErrors()
                ? Optional.empty()
                : decl.batching().flatMap(b -> BatchingRules.plan(b, run.get(), runParameters, runOutput, report));
        if (report.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(SpecDecisions.spec(
                decl.type(),
                init,
                run.get().name(),
                parameters,
                run.get().returnType().name(),
                output,
                names,
                batching));
    }

    private static void blank(ScoringClassDecl.Named named, String attribute, String example, Report report) {
        if (named.value().isBlank()) {
            report.error(
                    named.where(),
                    Message.SERVICE_NAME,
                    attribute,
                    named.value(),
                    "is blank",
                    "Give it text, such as " + example + ", or remove it for the default.");
        }
    }

    /** The document names: a title and version with text, and an operation id that is a Java identifier. */
    private static ScoringSpec.ServiceNames names(ScoringClassDecl.ServiceDecl service, Report report) {
        blank(service.title(), "title", "\"Churn model\"", report);
        blank(service.version(), "version", "\"2.1\"", report);
        String operationId = service.operationId().value();
        // SourceVersion states the language's rule on a string; it reads no element, so the layers stay apart.
        if (!SourceVersion.isIdentifier(operationId) || SourceVersion.isKeyword(operationId)) {
            report.error(
                    service.operationId().where(),
                    Message.SERVICE_NAME,
                    "operationId",
                    operationId,
                    "is not a Java identifier",
                    "Use letters, digits and underscores, not starting with a digit "
                            + "and not a Java keyword, such as \"predictChurn\".");
        }
        return new ScoringSpec.ServiceNames(
                service.title().value(), service.version().value(), operationId);
    }

    private Optional<RunDecl> run(ScoringClassDecl decl, Report report) {
        List<RunDecl> named = new ArrayList<>();
        for (RunDecl candidate : decl.runs()) {
            if (candidate.name().equals("run")) {
                named.add(candidate);
            } else {
                String annotation = !candidate.inputs().isEmpty()
                        ? "InputSchema"
                        : candidate.output().isPresent() ? "OutputSchema" : "RawHttp";
                report.error(candidate.where(), Message.RUN_NAME, annotation, candidate.name(), candidate.name());
            }
        }
        if (named.isEmpty()) {
            if (!report.hasErrors()) {
                report.error(decl.where(), Message.RUN_MISSING, decl.type().canonicalName());
            }
            return Optional.empty();
        }
        if (named.size() > 1) {
            for (RunDecl r : named) {
                report.error(r.where(), Message.RUN_MULTIPLE, decl.type().simpleName(), named.size());
            }
            return Optional.empty();
        }
        RunDecl run = named.get(0);
        if (!run.isPublic()) {
            report.error(run.where(), Message.RUN_NOT_PUBLIC);
        }
        if (run.isStatic()) {
            report.error(run.where(), Message.RUN_STATIC);
        }
        return Optional.of(run);
    }

    private Optional<ScoringSpec.InitMethod> init(ScoringClassDecl decl, Report report) {
        if (decl.inits().size() > 1) {
            for (InitDecl i : decl.inits()) {
                report.error(
                        i.where(),
                        Message.INIT_MULTIPLE,
                        decl.type().simpleName(),
                        decl.inits().size());
            }
            return Optional.empty();
        }
        if (decl.inits().isEmpty()) {
            return Optional.empty();
        }
        InitDecl init = decl.inits().get(0);
        boolean parametersOk = init.parameters().isEmpty()
                || (init.parameters().size() == 1 && init.parameters().get(0).is(MODEL_DIR));
        if (!parametersOk || !init.returnsVoid() || init.isPrivate() || init.isStatic()) {
            report.error(init.where(), Message.INIT_SIGNATURE, init.name(), init.name());
            return Optional.empty();
        }
        return Optional.of(
                new ScoringSpec.InitMethod(init.name(), init.parameters().size() == 1));
    }

    private List<RunParameter> parameters(RunDecl run, Report report) {
        Map<String, List<InputDecl>> inputsByParam = run.inputs().stream()
                .collect(Collectors.groupingBy(InputDecl::param, java.util.LinkedHashMap::new, Collectors.toList()));
        Map<String, ParamDecl> paramsByName =
                run.parameters().stream().collect(Collectors.toMap(ParamDecl::name, Function.identity()));
        boolean unknownParams = false;
        for (InputDecl input : run.inputs()) {
            if (!paramsByName.containsKey(input.param())) {
                unknownParams = true;
                String names = run.parameters().stream()
                        .filter(p -> !p.requestHeaders())
                        .map(ParamDecl::name)
                        .collect(Collectors.joining(", "));
                report.error(
                        input.paramWhere(), Message.UNKNOWN_PARAM, input.param(), names.isEmpty() ? "(none)" : names);
            }
        }
        if (run.inputs().isEmpty()) {
            return parametersWithoutSchema(run, report);
        }
        List<RunParameter> parameters = new ArrayList<>();
        for (ParamDecl param : run.parameters()) {
            List<InputDecl> inputs = inputsByParam.getOrDefault(param.name(), List.of());
            if (param.requestHeaders()) {
                if (!inputs.isEmpty()) {
                    report.error(param.where(), Message.HEADERS_WITH_SCHEMA, param.name());
                }
                headers(param, report).ifPresent(parameters::add);
                continue;
            }
            if (inputs.isEmpty()) {
                if (!unknownParams) {
                    // With a misspelt param elsewhere, SS130 already says which names exist.
                    report.error(param.where(), Message.PARAM_WITHOUT_SCHEMA, param.name(), param.name());
                }
                continue;
            }
            if (inputs.size() > 1) {
                for (InputDecl input : inputs) {
                    report.error(input.where(), Message.DUPLICATE_SCHEMA, param.name(), inputs.size());
                }
                continue;
            }
            InputDecl input = inputs.get(0);
            if (input.optional() && param.type() instanceof JavaType.Primitive) {
                report.error(
                        param.where(),
                        Message.OPTIONAL_PRIMITIVE,
                        param.name(),
                        param.type().name());
            }
            Optional<ScoringSpec.Sample> sample = input.samples().isEmpty() && NestedSamples.isNested(param.type())
                    ? new NestedSamples(this, path -> "'" + path + "'", report)
                            .sample(param.type(), param.name(), input.where())
                    : sample(
                            input.samples(),
                            "@InputSchema(param = \"" + param.name() + "\")",
                            input.where(),
                            "'" + param.name() + "'",
                            param.type(),
                            report);
            sample.ifPresent(s -> parameters.add(
                    new RunParameter.Body(param.name(), param.type().name(), s, input.optional())));
        }
        return parameters;
    }

    /** A run without @InputSchema: either no body parameter at all, or run(String body) taking the raw text. */
    private List<RunParameter> parametersWithoutSchema(RunDecl run, Report report) {
        List<RunParameter> parameters = new ArrayList<>();
        List<ParamDecl> body =
                run.parameters().stream().filter(p -> !p.requestHeaders()).toList();
        if (body.size() > 1 || (body.size() == 1 && !body.get(0).type().is("java.lang.String"))) {
            String signature = run.parameters().stream()
                    .map(p -> p.type().name() + " " + p.name())
                    .collect(Collectors.joining(", "));
            report.error(run.where(), Message.JSON_TEXT_ONLY, signature);
            return parameters;
        }
        for (ParamDecl param : run.parameters()) {
            if (param.requestHeaders()) {
                headers(param, report).ifPresent(parameters::add);
            } else {
                parameters.add(new RunParameter.JsonText(param.type().name()));
            }
        }
        return parameters;
    }

    /**
     * A {@code @RawHttp} run: exactly {@code ScoringResponse run(ScoringRequest)}, without schema or headers
     * parameter, since nothing of the request is parsed for it.
     */
    private List<RunParameter> rawHttpParameters(RunDecl run, Report report) {
        for (InputDecl input : run.inputs()) {
            report.error(input.where(), Message.RAW_HTTP_WITH_SCHEMA, "InputSchema", "InputSchema");
        }
        run.output()
                .ifPresent(o -> report.error(o.where(), Message.RAW_HTTP_WITH_SCHEMA, "OutputSchema", "OutputSchema"));
        for (ParamDecl param : run.parameters()) {
            if (param.requestHeaders()) {
                report.error(param.where(), Message.RAW_HTTP_WITH_HEADERS, param.name());
            }
        }
        // A @RequestHeaders parameter has its own message above; the rest must be one ScoringRequest.
        List<ParamDecl> others =
                run.parameters().stream().filter(p -> !p.requestHeaders()).toList();
        boolean parametersOk = others.size() == 1 && others.get(0).type().is(SCORING_REQUEST);
        if (!parametersOk) {
            report.error(run.where(), Message.RAW_HTTP_PARAMETERS, signature(others));
        }
        if (!run.returnType().is(SCORING_RESPONSE)) {
            report.error(run.where(), Message.RAW_HTTP_RETURN, run.returnType().name());
        }
        return parametersOk
                ? List.of(new RunParameter.RawRequest(others.get(0).type().name()))
                : List.of();
    }

    /**
     * Whether a run without {@code @RawHttp} takes a ScoringRequest or returns a ScoringResponse, as only a
     * {@code @RawHttp} run does; reported as a missing {@code @RawHttp}, not as a parameter without schema.
     */
    private static boolean meantAsRawHttp(RunDecl run, Report report) {
        boolean takesRequest = run.parameters().stream().anyMatch(p -> p.type().is(SCORING_REQUEST));
        boolean returnsResponse = run.returnType().is(SCORING_RESPONSE);
        if (!takesRequest && !returnsResponse) {
            return false;
        }
        String what = takesRequest && returnsResponse
                ? "takes a ScoringRequest and returns a ScoringResponse"
                : takesRequest ? "takes a ScoringRequest" : "returns a ScoringResponse";
        report.error(run.where(), Message.RAW_HTTP_MISSING, what);
        return true;
    }

    private static String signature(List<ParamDecl> params) {
        return params.stream()
                .map(p -> Message.simple(p.type().name()) + " " + p.name())
                .collect(Collectors.joining(", "));
    }

    private static Optional<RunParameter> headers(ParamDecl param, Report report) {
        boolean ok = param.type() instanceof JavaType.Declared d
                && d.is("java.util.Map")
                && d.arguments().size() == 2
                && d.arguments().get(0).is("java.lang.String")
                && d.arguments().get(1).is("java.lang.String");
        if (!ok) {
            report.error(
                    param.where(),
                    Message.HEADERS_TYPE,
                    param.name(),
                    param.type().name());
            return Optional.empty();
        }
        return Optional.of(new RunParameter.Headers(param.type().name()));
    }

    private Optional<ScoringSpec.Sample> output(RunDecl run, Report report) {
        if (run.output().isEmpty()) {
            return Optional.empty();
        }
        if (run.returnType().name().equals(TypeName.VOID)) {
            report.error(run.output().get().where(), Message.OUTPUT_ON_VOID);
            return Optional.empty();
        }
        if (run.output().get().samples().isEmpty() && NestedSamples.isNested(run.returnType())) {
            return new NestedSamples(
                            this,
                            path -> path.isEmpty() ? "the output of run" : "'" + path + "' in the output of run",
                            report)
                    .sample(run.returnType(), "", run.output().get().where());
        }
        return sample(
                run.output().get().samples(),
                "@OutputSchema",
                run.output().get().where(),
                "the output of run",
                run.returnType(),
                report);
    }

    /** Jackson's message without its source description, with the position in the sample. */
    private static String jsonProblem(JsonProcessingException e) {
        String message = e.getOriginalMessage()
                .replaceAll("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
        return e.getLocation() == null
                ? message
                : message + " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    /** Checks that exactly one sample is given, that it is JSON, and infers its type for the Java target. */
    private Optional<ScoringSpec.Sample> sample(
            List<SampleDecl> samples,
            String annotation,
            dev.scorespec.processor.model.Location where,
            String subject,
            JavaType target,
            Report report) {
        if (samples.size() != 1) {
            String given = samples.isEmpty()
                    ? "none"
                    : samples.stream().map(s -> s.kind().attribute()).collect(Collectors.joining(" and "));
            if (annotation.equals("@OutputSchema")) {
                report.error(where, Message.OUTPUT_KIND_COUNT, given);
            } else {
                report.error(where, Message.SAMPLE_KIND_COUNT, annotation, given);
            }
            return Optional.empty();
        }
        return sample(samples.get(0), subject, target, report);
    }

    /**
     * Checks one sample, of a parameter, of the output or of a nested record's component: that its text
     * could be had, that it is JSON, and infers its type for the Java target.
     */
    public Optional<ScoringSpec.Sample> sample(SampleDecl sample, String subject, JavaType target, Report report) {
        Optional<NestedSamples.Annotated> ignored = NestedSamples.annotatedComponent(target);
        if (ignored.isPresent()) {
            NestedSamples.Annotated a = ignored.get();
            String record = a.record().name().simpleName();
            report.error(
                    a.sample().where(),
                    Message.COMPONENT_SAMPLE_IGNORED,
                    a.sample().kind().annotation(),
                    a.component().name(),
                    record,
                    record,
                    sample.kind().annotation(),
                    subject,
                    subject);
            return Optional.empty();
        }
        if (sample.problem().isPresent()) {
            SampleDecl.Problem problem = sample.problem().get();
            Message message = switch (problem.cause()) {
                case SOURCE -> Message.SAMPLE_SOURCE;
                case ENCODING -> Message.SAMPLE_ENCODING;
            };
            report.error(sample.where(), message, sample.kind().annotation(), subject, problem.detail());
            return Optional.empty();
        }
        if (sample.frame().isPresent() && sample.frame().get().csv()) {
            try {
                return Optional.of(new DataFrameSamples(subject)
                        .fromCsv(sample.json(), sample.source(), sample.frame().get(), sample.enforceShape(), target));
            } catch (Misfit misfit) {
                report.error(sample.where(), misfit.message, misfit.args);
                return Optional.empty();
            }
        }
        if (depth(sample.json()) > MAX_SAMPLE_DEPTH) {
            report.error(sample.where(), Message.SAMPLE_TOO_DEEP, sample.source(), subject, MAX_SAMPLE_DEPTH);
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = JSON.readTree(sample.json());
        } catch (JsonProcessingException e) {
            report.error(sample.where(), Message.INVALID_JSON, sample.source(), subject, jsonProblem(e));
            return Optional.empty();
        }
        if (json == null || json.isMissingNode()) {
            report.error(sample.where(), Message.INVALID_JSON, sample.source(), subject, "it is empty");
            return Optional.empty();
        }
        try {
            Optional<JavaType> item = listItem(sample, target);
            if (item.isPresent()) {
                return Optional.of(items(sample, json, subject, target, item.get()));
            }
            return Optional.of(one(sample, json, subject, target));
        } catch (Misfit misfit) {
            report.error(sample.where(), misfit.message, misfit.args);
            return Optional.empty();
        }
    }

    /**
     * The item type of a {@code List} that an {@code @NdArray} or {@code @DataFrame} sample describes item
     * by item, Python's list of {@code NumpyParameterType}s or {@code PandasParameterType}s.
     */
    private static Optional<JavaType> listItem(SampleDecl sample, JavaType target) {
        boolean itemKind = sample.kind() == SampleDecl.Kind.NDARRAY
                || (sample.kind() == SampleDecl.Kind.DATAFRAME
                        && !sample.frame().orElseThrow().csv());
        if (itemKind
                && target instanceof JavaType.Declared list
                && list.is("java.util.List")
                && list.arguments().size() == 1) {
            return Optional.of(list.arguments().get(0));
        }
        return Optional.empty();
    }

    /**
     * A list of arrays or frames: the sample is the list of the items' samples, each checked as its own
     * sample for the item type. Every item must have the first one's type (an array's first dimension, its
     * rows, may differ); the items keep their {@code numpy.ndarray} or {@code pandas.DataFrame} schema.
     */
    private static ScoringSpec.Sample items(
            SampleDecl sample, JsonNode json, String subject, JavaType list, JavaType item) throws Misfit {
        String kind = sample.kind().annotation();
        if (!json.isArray()) {
            throw new Misfit(
                    Message.DOES_NOT_FIT,
                    subject,
                    list.name(),
                    "a List's " + kind + " sample is a JSON array of its items' samples, but this is "
                            + SampleValues.describe(json));
        }
        if (json.isEmpty()) {
            throw new Misfit(Message.EMPTY_SAMPLE, "sample", subject, "[]");
        }
        ValueType first = null;
        ArrayNode example = JSON.getNodeFactory().arrayNode();
        for (int i = 0; i < json.size(); i++) {
            ScoringSpec.Sample one = one(sample, json.get(i), "item [" + i + "] of " + subject, item);
            example.add(one.example());
            if (first == null) {
                first = one.type();
                continue;
            }
            Optional<ValueType> merged = ItemTypes.merge(first, one.type());
            if (merged.isEmpty()) {
                throw new Misfit(
                        Message.ITEMS_DISAGREE,
                        subject,
                        i,
                        ItemTypes.describe(one.type()),
                        ItemTypes.describe(first),
                        kind,
                        sample.kind() == SampleDecl.Kind.NDARRAY ? "dtype and rank" : "columns and column types");
            }
            first = merged.get();
        }
        return new ScoringSpec.Sample(new ListType(list.name(), first, false), example);
    }

    /** One sample of its annotation's kind for the Java target. */
    private static ScoringSpec.Sample one(SampleDecl sample, JsonNode json, String subject, JavaType target)
            throws Misfit {
        return switch (sample.kind()) {
            case NDARRAY -> new NdArraySamples(subject).sample(json, sample.dtype(), sample.enforceShape(), target);
            case STANDARD -> new StandardSamples(subject).sample(json, target);
            case DATAFRAME ->
                new DataFrameSamples(subject)
                        .fromJson(json, sample.source(), sample.frame().orElseThrow(), sample.enforceShape(), target);
            case SPARK -> new SparkFrameSamples(subject).sample(json, sample.source(), sample.ddl(), target);
        };
    }

    /** How deep JSON text nests arrays and objects, counted in one pass (brackets inside strings do not count). */
    static int depth(String json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return deepest;
    }
}

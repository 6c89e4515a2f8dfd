package dev.scorespec.processor.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.scorespec.annotations.Orient;
import dev.scorespec.annotations.internal.OpenApiVersion;
import java.util.List;
import java.util.Optional;

/**
 * A validated scoring class: everything the emitters need, and nothing from {@code javax.lang.model}.
 *
 * @param scoringClass the user's class
 * @param init the {@code @Init} method, if any
 * @param runMethod the name of the {@code run} method
 * @param parameters the parameters of {@code run}, in declaration order
 * @param returnType what {@code run} returns ({@code void} is allowed and answers {@code null})
 * @param output the {@code @OutputSchema} sample, if any
 * @param bodyKind how the server hands the request to the binder
 * @param documentVersions the versions of the service document the samples can be described in,
 *     oldest first
 * @param outputOrient the orient a {@code Table} that {@code run} returns is written in when no output
 *     sample says how; empty when an output sample says it, or {@code run} returns no table
 * @param names the documents' title, version and scoring operation id, as {@code @ScoringService} gives
 *     them
 * @param batching how concurrent requests are scored together, as {@code @Batching} asks; empty without it
 */
public record ScoringSpec(
        ClassName scoringClass,
        Optional<InitMethod> init,
        String runMethod,
        List<RunParameter> parameters,
        TypeName returnType,
        Optional<Sample> output,
        BodyKind bodyKind,
        List<OpenApiVersion> documentVersions,
        Optional<Orient> outputOrient,
        ServiceNames names,
        Optional<BatchPlan> batching) {

    public ScoringSpec {
        parameters = List.copyOf(parameters);
        documentVersions = List.copyOf(documentVersions);
    }

    /** How the body reaches {@code run}; the constants of the runtime's {@code BodyKind}, by name. */
    public enum BodyKind {
        /** The JSON body's properties, one per parameter, each checked against its sample. */
        JSON_PARAMETERS,
        /** The body text as it came, for a {@code run(String)} without any schema. */
        JSON_TEXT,
        /** The request as it came, for a {@code @RawHttp} run. */
        RAW_HTTP
    }

    /** The body parameters, in declaration order. */
    public List<RunParameter.Body> bodyParameters() {
        return parameters.stream()
                .filter(RunParameter.Body.class::isInstance)
                .map(RunParameter.Body.class::cast)
                .toList();
    }

    /**
     * Whether {@code run} is {@code @RawHttp}: it takes the request as it came and returns the response to
     * send, so there is no schema on either side.
     */
    public boolean rawHttp() {
        return bodyKind == BodyKind.RAW_HTTP;
    }

    /**
     * What the documents call the service and its scoring operation.
     *
     * @param title {@code info.title}, and the end of {@code info.description}
     * @param version {@code info.version}
     * @param operationId the {@code operationId} of {@code /score}, a Java identifier
     */
    public record ServiceNames(String title, String version, String operationId) {}

    /** The {@code @Init} method: its name, and whether it takes the {@code ModelDir}. */
    public record InitMethod(String name, boolean takesModelDir) {}

    /**
     * A sample: its validated type and its example, already normalized to what the schema says
     * (floats for float dtypes, RFC 3339 dates, JSON booleans).
     */
    public record Sample(ValueType type, JsonNode example) {}
}

package dev.scorespec.processor.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
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
 */
public record ScoringSpec(
        ClassName scoringClass,
        Optional<InitMethod> init,
        String runMethod,
        List<RunParameter> parameters,
        TypeName returnType,
        Optional<Sample> output) {

    public ScoringSpec {
        parameters = List.copyOf(parameters);
    }

    /** The body parameters, in declaration order. */
    public List<RunParameter.Body> bodyParameters() {
        return parameters.stream()
                .filter(RunParameter.Body.class::isInstance)
                .map(RunParameter.Body.class::cast)
                .toList();
    }

    /** Whether {@code run} takes the raw JSON text of the body. */
    public boolean takesJsonText() {
        return parameters.stream().anyMatch(RunParameter.JsonText.class::isInstance);
    }

    /**
     * Whether {@code run} is {@code @RawHttp}: it takes the request as it came and returns the response to
     * send, so there is no schema on either side.
     */
    public boolean rawHttp() {
        return parameters.stream().anyMatch(RunParameter.RawRequest.class::isInstance);
    }

    /** The {@code @Init} method: its name, and whether it takes the {@code ModelDir}. */
    public record InitMethod(String name, boolean takesModelDir) {
    }

    /**
     * A sample: its validated type and its example, already normalized to what the schema says
     * (floats for float dtypes, RFC 3339 dates, JSON booleans).
     */
    public record Sample(ValueType type, JsonNode example) {
    }
}

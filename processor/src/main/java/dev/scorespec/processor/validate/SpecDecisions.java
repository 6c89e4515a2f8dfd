package dev.scorespec.processor.validate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.scorespec.annotations.Orient;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.model.BatchPlan;
import dev.scorespec.processor.model.RunParameter;
import dev.scorespec.processor.model.ScoringSpec;
import dev.scorespec.processor.model.ScoringSpec.BodyKind;
import dev.scorespec.processor.model.ValueType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The decisions a validated spec carries, made once here so that the emitters only render them: how the
 * body reaches {@code run}, which document versions can describe the samples, and the orient of a table
 * returned without output sample.
 */
public final class SpecDecisions {

    private static final ClassName TABLE = ClassName.get("tech.tablesaw.api", "Table");

    private SpecDecisions() {}

    /** A validated scoring class without {@code @Batching}, with its decisions made. */
    public static ScoringSpec spec(
            ClassName scoringClass,
            Optional<ScoringSpec.InitMethod> init,
            String runMethod,
            List<RunParameter> parameters,
            TypeName returnType,
            Optional<ScoringSpec.Sample> output,
            ScoringSpec.ServiceNames names) {
        return spec(scoringClass, init, runMethod, parameters, returnType, output, names, Optional.empty());
    }

    /** A validated scoring class with its decisions made. */
    public static ScoringSpec spec(
            ClassName scoringClass,
            Optional<ScoringSpec.InitMethod> init,
            String runMethod,
            List<RunParameter> parameters,
            TypeName returnType,
            Optional<ScoringSpec.Sample> output,
            ScoringSpec.ServiceNames names,
            Optional<BatchPlan> batching) {
        return new ScoringSpec(
                scoringClass,
                init,
                runMethod,
                parameters,
                returnType,
                output,
                bodyKind(parameters),
                documentVersions(parameters, output),
                outputOrient(returnType, output),
                names,
                batching);
    }

    private static BodyKind bodyKind(List<RunParameter> parameters) {
        if (parameters.stream().anyMatch(RunParameter.RawRequest.class::isInstance)) {
            return BodyKind.RAW_HTTP;
        }
        return parameters.stream().anyMatch(RunParameter.JsonText.class::isInstance)
                ? BodyKind.JSON_TEXT
                : BodyKind.JSON_PARAMETERS;
    }

    /**
     * All three versions, oldest first, without Swagger 2.0 when a sample needs a union of types (a list
     * that mixes JSON types, a dataframe in orient values or split whose columns have several), which
     * 2.0 cannot write.
     */
    private static List<OpenApiVersion> documentVersions(
            List<RunParameter> parameters, Optional<ScoringSpec.Sample> output) {
        boolean union = parameters.stream()
                        .filter(RunParameter.Body.class::isInstance)
                        .map(p -> ((RunParameter.Body) p).sample().type())
                        .anyMatch(ValueType::needsUnion)
                || output.map(s -> s.type().needsUnion()).orElse(false);
        return Arrays.stream(OpenApiVersion.values())
                .filter(v -> !(union && v == OpenApiVersion.V2_0))
                .toList();
    }

    /**
     * pandas' default orient, columns, for a table without output sample: an object, as the output
     * schema {@code {"type": "object"}} says, each column written by its Tablesaw type.
     */
    private static Optional<Orient> outputOrient(TypeName returnType, Optional<ScoringSpec.Sample> output) {
        return output.isEmpty() && returnType.equals(TABLE) ? Optional.of(Orient.COLUMNS) : Optional.empty();
    }
}

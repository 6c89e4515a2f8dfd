package dev.scorespec.processor.emit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.scorespec.annotations.ColumnKind;
import dev.scorespec.annotations.Orient;
import dev.scorespec.annotations.internal.DType;
import dev.scorespec.processor.model.DataFrameType;
import dev.scorespec.processor.model.ListType;
import dev.scorespec.processor.model.NdArrayType;
import dev.scorespec.processor.model.ObjectType;
import dev.scorespec.processor.model.RunParameter;
import dev.scorespec.processor.model.ScalarKind;
import dev.scorespec.processor.model.ScalarType;
import dev.scorespec.processor.model.ScoringSpec;
import dev.scorespec.processor.model.UnionType;
import dev.scorespec.processor.model.ValueType;
import dev.scorespec.processor.validate.SpecDecisions;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Builds validated models by hand, as the reader and validator would for a scoring class, so the
 * emitters are tested without javac. Java types are plausible but not checked: emitters ignore them.
 */
final class TestSpecs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ClassName NDARRAY = ClassName.get("dev.scorespec.runtime", "NDArray");
    private static final ClassName LIST = ClassName.get("java.util", "List");
    private static final ClassName MAP = ClassName.get("java.util", "Map");
    private static final ClassName OBJECT = ClassName.get(Object.class);
    private static final ClassName TABLE = ClassName.get("tech.tablesaw.api", "Table");

    private TestSpecs() {}

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ScoringSpec.Sample sample(ValueType type, String exampleJson) {
        return new ScoringSpec.Sample(type, json(exampleJson));
    }

    /** {@code @ScoringService}'s defaults, which keep the documents as the Python server writes them. */
    static final ScoringSpec.ServiceNames DEFAULT_NAMES =
            new ScoringSpec.ServiceNames("ML service", "1.0", "RunMLService");

    static NdArrayType ndarray(DType dtype, Integer... shape) {
        return new NdArrayType(
                NDARRAY, NdArrayType.Target.NDARRAY, Optional.of(dtype), List.of(), Arrays.asList(shape), true);
    }

    static NdArrayType structured(List<NdArrayType.Field> fields, Integer... shape) {
        TypeName row = ArrayTypeName.of(ClassName.get("example", "Row"));
        return new NdArrayType(row, NdArrayType.Target.RECORDS, Optional.empty(), fields, Arrays.asList(shape), true);
    }

    static NdArrayType.Field field(String name, DType dtype, Integer... shape) {
        return new NdArrayType.Field(name, dtype, Arrays.asList(shape), OBJECT);
    }

    static ScalarType scalar(ScalarKind kind) {
        return new ScalarType(OBJECT, kind, false);
    }

    /** A date-time or time without offset ({@code LocalDateTime}, {@code LocalTime}). */
    static ScalarType naive(ScalarKind kind) {
        return new ScalarType(OBJECT, kind, true);
    }

    /** A Tablesaw-bound dataframe whose types and shape are enforced. */
    static DataFrameType frame(Orient orient, DataFrameType.Column... columns) {
        return new DataFrameType(TABLE, orient, List.of(columns), true, true);
    }

    static DataFrameType.Column column(String name, ColumnKind kind) {
        return new DataFrameType.Column(name, kind, false);
    }

    static DataFrameType.Column nullableColumn(String name, ColumnKind kind) {
        return new DataFrameType.Column(name, kind, true);
    }

    static ListType list(ValueType items) {
        return new ListType(ParameterizedTypeName.get(LIST, OBJECT), items, false);
    }

    static UnionType union(ScalarKind... kinds) {
        return new UnionType(OBJECT, List.of(kinds));
    }

    static ObjectType object(ObjectType.Property... properties) {
        return new ObjectType(
                ParameterizedTypeName.get(MAP, ClassName.get(String.class), OBJECT), List.of(properties), false);
    }

    static ObjectType.Property property(String name, ValueType type) {
        return new ObjectType.Property(name, type, true);
    }

    static ObjectType.Property optionalProperty(String name, ValueType type) {
        return new ObjectType.Property(name, type, false);
    }

    static Builder spec() {
        return new Builder();
    }

    static final class Builder {
        private final List<RunParameter> parameters = new ArrayList<>();
        private Optional<ScoringSpec.Sample> output = Optional.empty();

        Builder input(String name, ScoringSpec.Sample sample) {
            parameters.add(new RunParameter.Body(name, sample.type().javaType(), sample, false));
            return this;
        }

        Builder optionalInput(String name, ScoringSpec.Sample sample) {
            parameters.add(new RunParameter.Body(name, sample.type().javaType(), sample, true));
            return this;
        }

        Builder headers() {
            parameters.add(new RunParameter.Headers(
                    ParameterizedTypeName.get(MAP, ClassName.get(String.class), ClassName.get(String.class))));
            return this;
        }

        Builder jsonText() {
            parameters.add(new RunParameter.JsonText(ClassName.get(String.class)));
            return this;
        }

        /** A {@code @RawHttp run(ScoringRequest)}: use alone, as the validator allows no other parameter. */
        Builder rawHttp() {
            parameters.add(new RunParameter.RawRequest(ClassName.get("dev.scorespec.runtime", "ScoringRequest")));
            return this;
        }

        Builder output(ScoringSpec.Sample sample) {
            output = Optional.of(sample);
            return this;
        }

        ScoringSpec build() {
            TypeName returns = output.map(s -> s.type().javaType()).orElse(OBJECT);
            return SpecDecisions.spec(
                    ClassName.get("example", "Score"),
                    Optional.empty(),
                    "run",
                    parameters,
                    returns,
                    output,
                    DEFAULT_NAMES);
        }
    }
}

package dev.scorespec.processor.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorespec.annotations.internal.DType;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.kinds.dataframe.DataFrameSchemas;
import dev.scorespec.processor.model.RunParameter;
import dev.scorespec.processor.model.ScalarType;
import dev.scorespec.processor.model.ScoringSpec;
import dev.scorespec.processor.model.ValueType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON schemas of validated samples, in the shapes Python's inference-schema writes: the same keys,
 * the same key order, the same {@code format} names ({@code numpy.ndarray}, {@code int64}, ...) and the
 * same {@code example} placement, so clients written against the Python service keep working.
 *
 * <p>Where ScoreSpec departs from the reference on purpose (see the test resource
 * {@code golden/README.md}), the departure is made in the model or here and is listed there:
 * <ul>
 *   <li>a list whose items mix JSON types is described by {@code anyOf} over every kind present (the
 *       reference describes only the last item), and so is offered in OpenAPI 3.x only;
 *   <li>an object without keys has no {@code "required": []}, which draft 4 (Swagger 2.0, OpenAPI 3.0)
 *       forbids;
 *   <li>naive date-times and times say {@code date-time-local} and {@code time-local} (see
 *       {@link ScalarType#jsonFormat()} and {@link DType#DATETIME64});
 *   <li>dataframes, see {@link DataFrameSchemas}.
 * </ul>
 *
 * <p>Every method returns a new tree that the caller may change.
 */
public final class JsonSchemas {

    /** The {@code format} of a numpy array, on its outermost array schema. */
    public static final String NUMPY_FORMAT = "numpy.ndarray";
    /** The start of a dataframe's {@code format}, {@code pandas.DataFrame:<orient>}. */
    public static final String PANDAS_FORMAT = "pandas.DataFrame:";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonSchemas() {}

    /** The versions a document for this spec can be written in, oldest first, as the spec says. */
    public static List<OpenApiVersion> supportedVersions(ScoringSpec spec) {
        return spec.documentVersions();
    }

    /**
     * The request body's schema, the Python server's {@code ServiceInput}: one property per body
     * parameter, in declaration order, and one {@code example} object with every parameter's example.
     * Like the reference it has no {@code required} list, optional parameters or not; the documents
     * add one ({@link #serviceInputSchema}).
     *
     * <p>Without body parameters it is {@code {"type": "object"}} when there is an output sample (as
     * inference-schema answers for a function with only {@code @output_schema}), and
     * {@code {"type": "object", "example": {}}} when there is no sample at all (as the Python server
     * writes for an undecorated {@code run}). For a {@code @RawHttp} run it is any bytes,
     * {@code {"type": "string", "format": "binary"}} (the reference describes a raw run as the undecorated
     * one, an object, which a JPEG body is not).
     *
     * @throws IllegalArgumentException when {@code version} is not one of {@link #supportedVersions}
     */
    public static ObjectNode inputSchema(ScoringSpec spec, OpenApiVersion version) {
        requireSupported(spec, version);
        if (spec.rawHttp()) {
            return binary();
        }
        List<RunParameter.Body> body = spec.bodyParameters();
        if (body.isEmpty()) {
            return spec.output().isPresent() ? anyObject() : undecorated();
        }
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ObjectNode example = NODES.objectNode();
        for (RunParameter.Body parameter : body) {
            properties.set(parameter.name(), schema(parameter.sample().type(), version));
            example.set(parameter.name(), parameter.sample().example().deepCopy());
        }
        schema.set("example", example);
        return schema;
    }

    /**
     * The request body's schema as the service documents publish it: {@link #inputSchema} with, before
     * {@code properties} as inference-schema places it in an object's schema, a {@code required} list of the parameters that are not {@code optional = true},
     * in declaration order. The reference's documents have no {@code required} here, although its server
     * answers 400 without them; generated clients then treat every parameter as optional. No list is
     * written when every parameter is optional (draft 4 forbids an empty one).
     *
     * @throws IllegalArgumentException when {@code version} is not one of {@link #supportedVersions}
     */
    public static ObjectNode serviceInputSchema(ScoringSpec spec, OpenApiVersion version) {
        ObjectNode input = inputSchema(spec, version);
        List<String> required = spec.bodyParameters().stream()
                .filter(parameter -> !parameter.optional())
                .map(RunParameter.Body::name)
                .toList();
        if (spec.rawHttp() || required.isEmpty()) {
            return input;
        }
        ObjectNode schema = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : input.properties()) {
            if (field.getKey().equals("properties")) {
                required.forEach(schema.putArray("required")::add);
            }
            schema.set(field.getKey(), field.getValue());
        }
        return schema;
    }

    /**
     * What {@code run} answers, the Python server's {@code ServiceOutput}: the output sample's schema
     * with its example, {@code {"type": "object"}} without an output sample, or
     * {@code {"type": "object", "example": {}}} when there is no sample at all, or any bytes for a
     * {@code @RawHttp} run (see {@link #inputSchema}).
     *
     * @throws IllegalArgumentException when {@code version} is not one of {@link #supportedVersions}
     */
    public static ObjectNode outputSchema(ScoringSpec spec, OpenApiVersion version) {
        requireSupported(spec, version);
        if (spec.rawHttp()) {
            return binary();
        }
        return spec.output()
                .map(sample -> withExample(sample, version))
                .orElseGet(() -> spec.bodyParameters().isEmpty()
                        ? undecorated()
                        : spec.outputOrient().map(DataFrameSchemas::anyFrame).orElseGet(JsonSchemas::anyObject));
    }

    /**
     * A sample's schema with its {@code example}, placed where the reference places it: last, except
     * that a numpy array's {@code "format": "numpy.ndarray"} and a dataframe's
     * {@code "format": "pandas.DataFrame:<orient>"} come after it.
     */
    public static ObjectNode withExample(ScoringSpec.Sample sample, OpenApiVersion version) {
        ObjectNode bare = schema(sample.type(), version);
        ObjectNode schema = NODES.objectNode();
        boolean placed = false;
        for (Map.Entry<String, JsonNode> field : bare.properties()) {
            if (!placed
                    && field.getKey().equals("format")
                    && (field.getValue().asText().equals(NUMPY_FORMAT)
                            || field.getValue().asText().startsWith(PANDAS_FORMAT))) {
                schema.set("example", sample.example().deepCopy());
                placed = true;
            }
            schema.set(field.getKey(), field.getValue());
        }
        if (!placed) {
            schema.set("example", sample.example().deepCopy());
        }
        return schema;
    }

    /**
     * The schema of one value, without example, as its kind writes it.
     *
     * @throws IllegalArgumentException for a union in Swagger 2.0, which cannot describe it
     */
    public static ObjectNode schema(ValueType type, OpenApiVersion version) {
        return KindEmitters.of(type).schema(version);
    }

    private static void requireSupported(ScoringSpec spec, OpenApiVersion version) {
        if (!supportedVersions(spec).contains(version)) {
            throw new IllegalArgumentException("OpenAPI " + version + " cannot describe the samples of "
                    + spec.scoringClass() + "; it supports " + supportedVersions(spec));
        }
    }

    /** {@code {"type": type, "format": format}}, without format when there is none. */
    public static ObjectNode typeAndFormat(String type, Optional<String> format) {
        ObjectNode schema = NODES.objectNode().put("type", type);
        format.ifPresent(f -> schema.put("format", f));
        return schema;
    }

    private static ObjectNode anyObject() {
        return NODES.objectNode().put("type", "object");
    }

    /** Any bytes, in every version: OpenAPI 3.1 keeps {@code format} as an annotation that tools read. */
    private static ObjectNode binary() {
        return NODES.objectNode().put("type", "string").put("format", "binary");
    }

    private static ObjectNode undecorated() {
        ObjectNode schema = anyObject();
        schema.putObject("example");
        return schema;
    }
}

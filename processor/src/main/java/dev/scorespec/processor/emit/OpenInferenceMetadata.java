package dev.scorespec.processor.emit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorespec.annotations.ColumnKind;
import dev.scorespec.annotations.internal.DType;
import dev.scorespec.annotations.internal.OpenInferenceResource;
import dev.scorespec.processor.model.RunParameter;
import dev.scorespec.processor.model.ScalarKind;
import dev.scorespec.processor.model.ScoringSpec;
import java.util.List;

/**
 * The Open Inference Protocol (KServe V2) model metadata of a scoring class, from its samples: one
 * metadata tensor ({@code name}, {@code datatype}, {@code shape}, with {@code -1} for the batch
 * dimension) per input and output. The model's name and version are left to the server, which takes
 * them from its configuration.
 *
 * <p>Inputs: an ndarray is one tensor; a dataframe one tensor per column; a standard scalar a tensor of
 * shape {@code [1]}, a list of scalars one of shape {@code [-1]}; strings, bytes, dates and times are
 * {@code BYTES}. A record is carried by its components, each under its own path. What has no tensor
 * form (a map, whose keys the caller picks, a list that mixes types, a structured array) is listed with
 * the reason, and the server answers 400 with it: never a silently wrong value. Each input's
 * parameters say where it goes in the {@code /score} body ({@link OpenInferenceResource}).
 *
 * <p>Outputs are named as the server names them when it turns {@code run}'s JSON answer into tensors:
 * one {@code output} for an array or a scalar, one per member of an object, one per column of a table
 * or of a list of records.
 *
 * <p>Each kind's {@link KindEmitter} adds its own tensors ({@link InputTensors}, {@link OutputTensors}).
 */
public final class OpenInferenceMetadata {

    /** What the metadata names as the platform: the model runs in ScoreSpec's Java server. */
    static final String PLATFORM = "scorespec_java";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OpenInferenceMetadata() {}

    /** The metadata ({@link #document}) as pretty-printed JSON, for the {@link OpenInferenceResource#MEMBER}. */
    public static String render(ObjectNode document) {
        return PrettyJson.write(document);
    }

    /**
     * The metadata: {@code platform}, {@code version}, and the {@code inputs} and {@code outputs} tensors, each
     * with its {@code name}, {@code datatype}, {@code shape} and, for inputs, {@code parameters}.
     */
    public static ObjectNode document(ScoringSpec spec) {
        ObjectNode metadata = JSON.objectNode();
        metadata.put("platform", PLATFORM);
        metadata.put("version", spec.names().version());
        ArrayNode inputs = metadata.putArray("inputs");
        List<RunParameter.Body> parameters = spec.bodyParameters();
        for (RunParameter.Body parameter : parameters) {
            boolean wholeRequest = parameters.size() == 1;
            KindEmitters.of(parameter.sample().type())
                    .inputTensors(
                            new InputTensors(inputs, List.of(parameter.name()), !parameter.optional(), wholeRequest));
        }
        ArrayNode outputs = metadata.putArray("outputs");
        spec.output().ifPresent(output -> KindEmitters.of(output.type()).outputTensors(new OutputTensors(outputs, "")));
        return metadata;
    }

    /** A dtype's tensor datatype. */
    public static String datatype(DType dtype) {
        return switch (dtype) {
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, BOOL -> dtype.name();
            case FLOAT16 -> "FP16";
            case FLOAT32 -> "FP32";
            case FLOAT64 -> "FP64";
            case STR, BYTES, DATETIME64, DATETIME64_D, TIMEDELTA64 -> "BYTES";
        };
    }

    /** A dataframe column's tensor datatype. */
    public static String datatype(ColumnKind kind) {
        return switch (kind) {
            case LONG -> "INT64";
            case INTEGER -> "INT32";
            case DOUBLE -> "FP64";
            case BOOLEAN -> "BOOL";
            case STRING, DATE, DATE_TIME, INSTANT, TIME, TIMEDELTA -> "BYTES";
        };
    }

    /** A plain value's tensor datatype. */
    public static String datatype(ScalarKind kind) {
        return switch (kind) {
            case INT64 -> "INT64";
            case INT32 -> "INT32";
            case DOUBLE -> "FP64";
            case FLOAT -> "FP32";
            case BOOLEAN -> "BOOL";
            case STRING, BYTES, DATE, DATE_TIME, TIME -> "BYTES";
        };
    }
}

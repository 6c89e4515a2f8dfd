package dev.scorespec.processor.emit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorespec.annotations.ColumnKind;
import dev.scorespec.annotations.internal.DType;
import dev.scorespec.annotations.internal.OpenInferenceResource;
import dev.scorespec.processor.model.DataFrameType;
import dev.scorespec.processor.model.ListType;
import dev.scorespec.processor.model.NdArrayType;
import dev.scorespec.processor.model.ObjectType;
import dev.scorespec.processor.model.RunParameter;
import dev.scorespec.processor.model.ScalarKind;
import dev.scorespec.processor.model.ScalarType;
import dev.scorespec.processor.model.ScoringSpec;
import dev.scorespec.processor.model.SparkFrameType;
import dev.scorespec.processor.model.UnionType;
import dev.scorespec.processor.model.ValueType;
import java.util.ArrayList;
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
 */
public final class OpenInferenceMetadata {

    /** What the metadata names as the platform: the model runs in ScoreSpec's Java server. */
    static final String PLATFORM = "scorespec_java";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String OUTPUT = "output";

    private OpenInferenceMetadata() {}

    /** The metadata as pretty-printed JSON, for {@link OpenInferenceResource#of}. */
    public static String render(ScoringSpec spec) {
        ObjectNode metadata = JSON.objectNode();
        metadata.put("platform", PLATFORM);
        metadata.put("version", spec.names().version());
        ArrayNode inputs = metadata.putArray("inputs");
        List<RunParameter.Body> parameters = spec.bodyParameters();
        for (RunParameter.Body parameter : parameters) {
            List<String> path = List.of(parameter.name());
            boolean wholeRequest = parameters.size() == 1;
            parameter.sample().type().accept(new Inputs(inputs, path, !parameter.optional(), wholeRequest));
        }
        ArrayNode outputs = metadata.putArray("outputs");
        spec.output().ifPresent(output -> output.type().accept(new Outputs(outputs, "")));
        return PrettyJson.write(metadata);
    }

    /** Adds the input tensors of one value of the body, found at {@code path}. */
    private static final class Inputs implements ValueType.Visitor<Void> {
        private final ArrayNode inputs;
        private final List<String> path;
        private final boolean required;
        private final boolean wholeRequest;

        Inputs(ArrayNode inputs, List<String> path, boolean required, boolean wholeRequest) {
            this.inputs = inputs;
            this.path = path;
            this.required = required;
            this.wholeRequest = wholeRequest;
        }

        @Override
        public Void ndArray(NdArrayType array) {
            if (array.structured()) {
                return unsupported("a structured array, whose rows are records, has no tensor form");
            }
            DType dtype = array.dtype().orElseThrow();
            ObjectNode tensor = tensor(dotted(path), datatype(dtype), batchShape(array));
            parameters(tensor, "np");
            return null;
        }

        @Override
        public Void dataFrame(DataFrameType frame) {
            for (DataFrameType.Column column : frame.columns()) {
                // a frame that is the whole request has its columns as inputs by name, as MLServer's "pd" content
                // type; beside other inputs (another frame may have the same columns) they are under its name
                String name = wholeRequest ? column.name() : dotted(path) + "." + column.name();
                ObjectNode tensor = tensor(name, datatype(column.kind()), List.of(-1));
                ObjectNode parameters = parameters(tensor, "pd");
                parameters.put(OpenInferenceResource.COLUMN, column.name());
                parameters.put(OpenInferenceResource.ORIENT, frame.orient().pandasName());
            }
            return null;
        }

        @Override
        public Void sparkFrame(SparkFrameType frame) {
            // its rows could be columns as a dataframe's are; not mapped yet, so said to be unsupported
            return unsupported("a Spark frame is not mapped to tensors yet");
        }

        @Override
        public Void scalar(ScalarType scalar) {
            ObjectNode tensor = tensor(dotted(path), datatype(scalar.kind()), List.of(1));
            parameters(tensor, contentType(scalar.kind()));
            return null;
        }

        @Override
        public Void union(UnionType union) {
            return unsupported("a value that may be of several JSON types has no tensor datatype");
        }

        @Override
        public Void list(ListType list) {
            if (!(list.items() instanceof ScalarType items)) {
                return unsupported("a list of anything but plain values has no tensor form");
            }
            ObjectNode tensor = tensor(dotted(path), datatype(items.kind()), List.of(-1));
            parameters(tensor, contentType(items.kind()));
            return null;
        }

        @Override
        public Void object(ObjectType object) {
            if (!object.record()) {
                return unsupported("a map, whose keys the caller chooses, has no tensor form");
            }
            for (ObjectType.Property property : object.properties()) {
                List<String> inner = new ArrayList<>(path);
                inner.add(property.name());
                property.type().accept(new Inputs(inputs, inner, required && property.required(), false));
            }
            return null;
        }

        private Void unsupported(String reason) {
            ObjectNode tensor = tensor(dotted(path), "BYTES", List.of(-1));
            ObjectNode parameters = parameters(tensor, null);
            parameters.put(OpenInferenceResource.UNSUPPORTED, reason);
            parameters.put(OpenInferenceResource.REQUIRED, required);
            return null;
        }

        private ObjectNode tensor(String name, String datatype, List<Integer> shape) {
            ObjectNode tensor = inputs.addObject();
            tensor.put("name", name);
            tensor.put("datatype", datatype);
            shape.forEach(tensor.putArray("shape")::add);
            return tensor;
        }

        private ObjectNode parameters(ObjectNode tensor, String contentType) {
            ObjectNode parameters = tensor.putObject("parameters");
            if (contentType != null) {
                parameters.put(OpenInferenceResource.CONTENT_TYPE, contentType);
            }
            parameters.put(OpenInferenceResource.PATH, pointer(path));
            return parameters;
        }
    }

    /** Adds the output tensors of {@code run}'s answer, or of one member of it under {@code prefix}. */
    private static final class Outputs implements ValueType.Visitor<Void> {
        private final ArrayNode outputs;
        private final String prefix;

        Outputs(ArrayNode outputs, String prefix) {
            this.outputs = outputs;
            this.prefix = prefix;
        }

        @Override
        public Void ndArray(NdArrayType array) {
            if (array.structured()) {
                for (NdArrayType.Field field : array.fields()) {
                    List<Integer> shape = new ArrayList<>(List.of(-1));
                    shape.addAll(field.shape());
                    tensor(name(field.name()), datatype(field.dtype()), shape);
                }
                return null;
            }
            tensor(name(null), datatype(array.dtype().orElseThrow()), batchShape(array));
            return null;
        }

        @Override
        public Void dataFrame(DataFrameType frame) {
            for (DataFrameType.Column column : frame.columns()) {
                tensor(name(column.name()), datatype(column.kind()), List.of(-1));
            }
            return null;
        }

        @Override
        public Void sparkFrame(SparkFrameType frame) {
            return json();
        }

        @Override
        public Void scalar(ScalarType scalar) {
            tensor(name(null), datatype(scalar.kind()), List.of(1));
            return null;
        }

        @Override
        public Void union(UnionType union) {
            return json();
        }

        @Override
        public Void list(ListType list) {
            if (list.items() instanceof ScalarType items) {
                tensor(name(null), datatype(items.kind()), List.of(-1));
                return null;
            }
            if (list.items() instanceof ObjectType row
                    && row.properties().stream().allMatch(p -> p.type() instanceof ScalarType)) {
                // a list of records is a table: one tensor per column
                for (ObjectType.Property property : row.properties()) {
                    tensor(name(property.name()), datatype(((ScalarType) property.type()).kind()), List.of(-1));
                }
                return null;
            }
            return json();
        }

        @Override
        public Void object(ObjectType object) {
            for (ObjectType.Property property : object.properties()) {
                property.type().accept(new Outputs(outputs, name(property.name()) + "."));
            }
            return null;
        }

        /** What the server cannot split into tensors travels as its JSON text, one BYTES element. */
        private Void json() {
            tensor(name(null), "BYTES", List.of(1))
                    .putObject("parameters")
                    .put(OpenInferenceResource.CONTENT_TYPE, "json");
            return null;
        }

        private String name(String member) {
            if (member != null) {
                return prefix + member;
            }
            return prefix.isEmpty() ? OUTPUT : prefix.substring(0, prefix.length() - 1);
        }

        private ObjectNode tensor(String name, String datatype, List<Integer> shape) {
            ObjectNode tensor = outputs.addObject();
            tensor.put("name", name);
            tensor.put("datatype", datatype);
            shape.forEach(tensor.putArray("shape")::add);
            return tensor;
        }
    }

    /** The sample's shape with {@code -1} for the batch dimension, and for every dimension not enforced. */
    private static List<Integer> batchShape(NdArrayType array) {
        List<Integer> shape = new ArrayList<>();
        for (int i = 0; i < array.rank(); i++) {
            shape.add(i == 0 || !array.enforceShape() ? -1 : array.shape().get(i));
        }
        return shape;
    }

    static String datatype(DType dtype) {
        return switch (dtype) {
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, BOOL -> dtype.name();
            case FLOAT16 -> "FP16";
            case FLOAT32 -> "FP32";
            case FLOAT64 -> "FP64";
            case STR, BYTES, DATETIME64, DATETIME64_D, TIMEDELTA64 -> "BYTES";
        };
    }

    static String datatype(ColumnKind kind) {
        return switch (kind) {
            case LONG -> "INT64";
            case INTEGER -> "INT32";
            case DOUBLE -> "FP64";
            case BOOLEAN -> "BOOL";
            case STRING, DATE, DATE_TIME, INSTANT, TIME, TIMEDELTA -> "BYTES";
        };
    }

    static String datatype(ScalarKind kind) {
        return switch (kind) {
            case INT64 -> "INT64";
            case INT32 -> "INT32";
            case DOUBLE -> "FP64";
            case FLOAT -> "FP32";
            case BOOLEAN -> "BOOL";
            case STRING, BYTES, DATE, DATE_TIME, TIME -> "BYTES";
        };
    }

    /** MLServer's content type for a plain value, where it has one. */
    private static String contentType(ScalarKind kind) {
        return switch (kind) {
            case STRING -> "str";
            case BYTES -> "base64";
            case DATE, DATE_TIME, TIME -> "datetime";
            default -> null;
        };
    }

    private static String dotted(List<String> path) {
        return String.join(".", path);
    }

    /** RFC 6901: {@code ~} and {@code /} in a name are escaped. */
    private static String pointer(List<String> path) {
        StringBuilder pointer = new StringBuilder();
        for (String segment : path) {
            pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}

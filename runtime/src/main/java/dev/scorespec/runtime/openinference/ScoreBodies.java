package dev.scorespec.runtime.openinference;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.binding.BindingException;
import dev.scorespec.runtime.openinference.InferRequest.JsonNumber;
import dev.scorespec.runtime.openinference.InferRequest.Tensor;
import dev.scorespec.runtime.openinference.ModelMetadata.Input;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns an inference request into the {@code /score} body its tensors stand for, so that the generated
 * binder reads it with the checks and the messages of {@code /score}: each tensor reshaped to nested
 * arrays at its place in the body, a scalar written as a value, a dataframe's columns written as the
 * frame in its orient. What the protocol's own terms can get wrong (an unknown input name, a datatype
 * other than the model's, data that does not fill the shape, a tensor of the wrong rank) is refused here,
 * naming the input by its place in the request.
 */
public final class ScoreBodies {

    private final ModelMetadata metadata;
    private final Group body = new Group();
    private final Map<String, Input> inputsByName = new LinkedHashMap<>();
    /** Each dataframe by its dotted path, the name of the one BYTES tensor of JSON records it may come as. */
    private final Map<String, Frame> framesByName = new LinkedHashMap<>();

    public ScoreBodies(ModelMetadata metadata) {
        this.metadata = metadata;
        for (Input input : metadata.inputs()) {
            inputsByName.put(input.name(), input);
            Group group = body;
            List<String> path = input.path();
            for (String segment : path.subList(0, path.size() - 1)) {
                group = (Group) group.children.computeIfAbsent(segment, s -> new Group());
            }
            String last = path.get(path.size() - 1);
            if (input.column() != null) {
                Frame frame = (Frame)
                        group.children.computeIfAbsent(last, s -> new Frame(String.join(".", path), input.orient()));
                frame.columns.add(input);
                framesByName.putIfAbsent(frame.name, frame);
            } else {
                group.children.put(last, input);
            }
        }
    }

    /**
     * The {@code /score} body of a request.
     *
     * @throws BindingException when the request names an input the model does not have, or a tensor does
     *     not fit its input's datatype or rank, or the model has an input the protocol cannot carry
     */
    public byte[] body(InferRequest request) throws IOException {
        if (metadata.unsupported() != null) {
            throw BindingException.at(
                    "", "The Open Inference Protocol cannot call this model: " + metadata.unsupported() + ".");
        }
        Map<String, Tensor> given = new HashMap<>();
        for (Tensor tensor : request.inputs()) {
            if (!inputsByName.containsKey(tensor.name()) && !framesByName.containsKey(tensor.name())) {
                throw BindingException.at(
                        "inputs[" + tensor.index() + "].name",
                        "the model has no input '" + tensor.name() + "'; its inputs are " + names());
            }
            if (given.put(tensor.name(), tensor) != null) {
                throw BindingException.at(
                        "inputs[" + tensor.index() + "].name", "a second input named '" + tensor.name() + "'");
            }
        }
        for (Input input : metadata.inputs()) {
            Tensor tensor = given.get(input.name());
            if (input.unsupported() != null && (tensor != null || input.required())) {
                throw BindingException.at(
                        tensor == null ? "" : tensor.where(),
                        "the model's input '" + input.name() + "' cannot be sent as a tensor: " + input.unsupported()
                                + "; call /score");
            }
            if (tensor != null) {
                check(tensor, input);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = ScoringRequest.jsonFactory().createGenerator(out)) {
            writeGroup(json, body, given);
        }
        return out.toByteArray();
    }

    private String names() {
        return metadata.inputs().stream().map(i -> "'" + i.name() + "'").collect(Collectors.joining(", "));
    }

    /** The datatype, the data's count against the shape, and the rank. */
    private static void check(Tensor tensor, Input input) throws BindingException {
        if (!tensor.datatype().equals(input.datatype())) {
            throw BindingException.at(
                    tensor.where() + ".datatype",
                    "expected " + input.datatype() + ", the model's datatype, got " + tensor.datatype());
        }
        checkCount(tensor);
        int rank = tensor.shape().size();
        if (input.scalar()) {
            if (tensor.values().size() != 1 || rank > 1) {
                throw BindingException.at(
                        tensor.where() + ".shape", "expected [1], a single value, got " + tensor.shapeText());
            }
        } else if (input.column() != null) {
            if (rank != 1 && !(rank == 2 && tensor.shape().get(1) == 1)) {
                throw BindingException.at(
                        tensor.where() + ".shape", "expected [rows], one dataframe column, got " + tensor.shapeText());
            }
        } else if (rank != input.shape().size()) {
            throw BindingException.at(
                    tensor.where() + ".shape",
                    "expected " + input.shape().size() + " dimensions, as the model's shape " + input.shape() + ", got "
                            + tensor.shapeText());
        }
    }

    private static void checkCount(Tensor tensor) throws BindingException {
        long count = 1;
        for (long dimension : tensor.shape()) {
            try {
                count = Math.multiplyExact(count, dimension);
            } catch (ArithmeticException e) {
                count = Long.MAX_VALUE; // more than any body holds; a later 0 still makes it 0
            }
        }
        if (count != tensor.values().size()) {
            throw BindingException.at(
                    tensor.where() + ".data",
                    "shape " + tensor.shapeText() + " holds " + count + " values, the data has "
                            + tensor.values().size());
        }
    }

    private void writeGroup(JsonGenerator json, Group group, Map<String, Tensor> given) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, Object> child : group.children.entrySet()) {
            Object node = child.getValue();
            if (!present(node, given)) {
                continue; // left out: the binder says whether run requires it
            }
            json.writeFieldName(child.getKey());
            if (node instanceof Group inner) {
                writeGroup(json, inner, given);
            } else if (node instanceof Frame frame) {
                frame.write(json, given);
            } else {
                Input input = (Input) node;
                Tensor tensor = given.get(input.name());
                if (input.scalar()) {
                    writeValue(json, tensor.values().get(0));
                } else {
                    writeNested(json, tensor, 0, 0);
                }
            }
        }
        json.writeEndObject();
    }

    private static boolean present(Object node, Map<String, Tensor> given) {
        if (node instanceof Group group) {
            return group.children.values().stream().anyMatch(child -> present(child, given));
        }
        if (node instanceof Frame frame) {
            return given.containsKey(frame.name) || frame.columns.stream().anyMatch(c -> given.containsKey(c.name()));
        }
        return given.containsKey(((Input) node).name());
    }

    /** The values from {@code offset} as nested arrays of the tensor's shape from dimension {@code d}. */
    private static int writeNested(JsonGenerator json, Tensor tensor, int d, int offset) throws IOException {
        List<Long> shape = tensor.shape();
        json.writeStartArray();
        int next = offset;
        for (long i = 0; i < shape.get(d); i++) {
            if (d == shape.size() - 1) {
                writeValue(json, tensor.values().get(next++));
            } else {
                next = writeNested(json, tensor, d + 1, next);
            }
        }
        json.writeEndArray();
        return next;
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value instanceof JsonNumber number) {
            json.writeNumber(number.text());
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            json.writeNull();
        }
    }

    /** An object of the body: its members by name, each a {@link Group}, a {@link Frame} or an {@link Input}. */
    private static final class Group {
        final Map<String, Object> children = new LinkedHashMap<>();
    }

    /** A dataframe of the body: one input per column, or one BYTES tensor of JSON records. */
    private static final class Frame {
        final String name;
        final String orient;
        final List<Input> columns = new ArrayList<>();

        Frame(String name, String orient) {
            this.name = name;
            this.orient = orient;
        }

        void write(JsonGenerator json, Map<String, Tensor> given) throws IOException {
            Map<String, List<Object>> table = new LinkedHashMap<>();
            Tensor records = given.get(name);
            int rows = -1;
            Tensor first = null;
            if (records != null) {
                table = records(records);
                rows = table.isEmpty() ? 0 : table.values().iterator().next().size();
            }
            for (Input column : columns) {
                Tensor tensor = given.get(column.name());
                if (tensor == null) {
                    continue; // the binder names the missing column
                }
                if (records != null) {
                    throw BindingException.at(
                            tensor.where(),
                            "the dataframe '" + name + "' came as JSON records in " + records.where()
                                    + " already; send either its columns or its records");
                }
                if (first != null && tensor.values().size() != rows) {
                    throw BindingException.at(
                            tensor.where(),
                            "has " + tensor.values().size() + " rows, and " + first.where() + " has " + rows
                                    + "; the columns of a dataframe have one length");
                }
                first = first == null ? tensor : first;
                rows = tensor.values().size();
                table.put(column.column(), tensor.values());
            }
            writeOrient(json, table, Math.max(rows, 0));
        }

        /** A BYTES tensor of one element, the frame as JSON records: {@code [{"a": 1, "b": "x"}, ...]}. */
        private Map<String, List<Object>> records(Tensor tensor) throws IOException {
            if (!tensor.datatype().equals("BYTES")
                    || tensor.values().size() != 1
                    || !(tensor.values().get(0) instanceof String text)) {
                throw BindingException.at(
                        tensor.where(),
                        "the dataframe '" + name + "' as one tensor is BYTES of shape [1], a string of JSON records");
            }
            checkCount(tensor);
            String where = tensor.where() + ".data[0]";
            Map<String, List<Object>> table = new LinkedHashMap<>();
            try (JsonParser p = ScoringRequest.jsonFactory().createParser(text)) {
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw BindingException.at(where, "expected JSON records, a list of row objects");
                }
                int row = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() != JsonToken.START_OBJECT) {
                        throw BindingException.at(where, "row " + row + " is not a JSON object");
                    }
                    int seen = 0;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String column = p.currentName();
                        JsonToken value = p.nextToken();
                        List<Object> values = table.get(column);
                        if ((values == null && row > 0) || (values != null && values.size() != row)) {
                            throw BindingException.at(
                                    where,
                                    "row " + row + " has the column '" + column + "', which row 0 lacks, or twice");
                        }
                        if (values == null) {
                            values = new ArrayList<>();
                            table.put(column, values);
                        }
                        values.add(
                                switch (value) {
                                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonNumber(p.getText());
                                    case VALUE_STRING -> p.getText();
                                    case VALUE_TRUE -> true;
                                    case VALUE_FALSE -> false;
                                    case VALUE_NULL -> null;
                                    default ->
                                        throw BindingException.at(
                                                where, "row " + row + ", column '" + column + "' is not a plain value");
                                });
                        seen++;
                    }
                    if (seen != table.size()) {
                        throw BindingException.at(where, "row " + row + " lacks a column that row 0 has");
                    }
                    row++;
                }
                if (p.nextToken() != null) {
                    throw BindingException.at(where, "more content after the JSON records");
                }
            } catch (JsonProcessingException e) {
                throw BindingException.at(where, "not valid JSON: " + e.getOriginalMessage());
            }
            return table;
        }

        /** The frame as pandas writes it in {@link #orient}, which the binder reads. */
        private void writeOrient(JsonGenerator json, Map<String, List<Object>> table, int rows) throws IOException {
            switch (orient) {
                case "records" -> writeRows(json, table, rows, false);
                case "values" -> {
                    json.writeStartArray();
                    for (int r = 0; r < rows; r++) {
                        writeRow(json, table, r);
                    }
                    json.writeEndArray();
                }
                case "split" -> {
                    json.writeStartObject();
                    json.writeArrayFieldStart("columns");
                    for (String column : table.keySet()) {
                        json.writeString(column);
                    }
                    json.writeEndArray();
                    json.writeArrayFieldStart("index");
                    for (int r = 0; r < rows; r++) {
                        json.writeNumber(r);
                    }
                    json.writeEndArray();
                    json.writeArrayFieldStart("data");
                    for (int r = 0; r < rows; r++) {
                        writeRow(json, table, r);
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                case "columns" -> {
                    json.writeStartObject();
                    for (Map.Entry<String, List<Object>> column : table.entrySet()) {
                        json.writeObjectFieldStart(column.getKey());
                        for (int r = 0; r < rows; r++) {
                            json.writeFieldName(Integer.toString(r));
                            writeValue(json, column.getValue().get(r));
                        }
                        json.writeEndObject();
                    }
                    json.writeEndObject();
                }
                case "index" -> {
                    json.writeStartObject();
                    for (int r = 0; r < rows; r++) {
                        json.writeObjectFieldStart(Integer.toString(r));
                        writeMembers(json, table, r);
                        json.writeEndObject();
                    }
                    json.writeEndObject();
                }
                case "table" -> {
                    json.writeStartObject();
                    json.writeObjectFieldStart("schema");
                    json.writeArrayFieldStart("fields");
                    writeField(json, "index", "integer");
                    for (String column : table.keySet()) {
                        writeField(json, column, "any");
                    }
                    json.writeEndArray();
                    json.writeArrayFieldStart("primaryKey");
                    json.writeString("index");
                    json.writeEndArray();
                    json.writeStringField("pandas_version", "1.4.0");
                    json.writeEndObject();
                    json.writeFieldName("data");
                    writeRows(json, table, rows, true);
                    json.writeEndObject();
                }
                default -> throw new IllegalStateException("Unknown orient " + orient);
            }
        }

        private static void writeField(JsonGenerator json, String name, String type) throws IOException {
            json.writeStartObject();
            json.writeStringField("name", name);
            json.writeStringField("type", type);
            json.writeEndObject();
        }

        private static void writeRows(JsonGenerator json, Map<String, List<Object>> table, int rows, boolean labelled)
                throws IOException {
            json.writeStartArray();
            for (int r = 0; r < rows; r++) {
                json.writeStartObject();
                if (labelled) {
                    json.writeNumberField("index", r);
                }
                writeMembers(json, table, r);
                json.writeEndObject();
            }
            json.writeEndArray();
        }

        private static void writeMembers(JsonGenerator json, Map<String, List<Object>> table, int row)
                throws IOException {
            for (Map.Entry<String, List<Object>> column : table.entrySet()) {
                json.writeFieldName(column.getKey());
                writeValue(json, column.getValue().get(row));
            }
        }

        private static void writeRow(JsonGenerator json, Map<String, List<Object>> table, int row) throws IOException {
            json.writeStartArray();
            for (List<Object> column : table.values()) {
                writeValue(json, column.get(row));
            }
            json.writeEndArray();
        }
    }
}

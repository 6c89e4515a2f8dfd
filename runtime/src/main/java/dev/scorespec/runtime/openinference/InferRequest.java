package dev.scorespec.runtime.openinference;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.binding.BindingException;
import dev.scorespec.runtime.binding.JsonBody;
import dev.scorespec.runtime.binding.JsonValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An inference request of the Open Inference Protocol, read with Jackson's streaming parser: {@code id},
 * {@code inputs} (name, shape, datatype, data) and the names of the requested {@code outputs}. Tensor
 * data may be flat or nested; either way its values are kept in row-major order, numbers as their
 * JSON text, so that the {@code /score} body they go into holds exactly what the client sent.
 *
 * @param id the request's {@code id}, or null when it has none
 * @param inputs the input tensors, in request order
 * @param outputs the names of the requested outputs; empty for all of them
 */
public record InferRequest(String id, List<Tensor> inputs, List<String> outputs) {

    public InferRequest {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /**
     * One input tensor.
     *
     * @param index its position in {@code inputs}, for messages
     * @param shape its dimensions
     * @param values its elements, row-major: {@link Number} text as {@link JsonNumber}, {@link String},
     *     {@link Boolean}
     */
    public record Tensor(int index, String name, String datatype, List<Long> shape, List<Object> values) {

        /** {@code inputs[0] ('data')}: where a problem is, in the request's own terms. */
        public String where() {
            return "inputs[" + index + "] ('" + name + "')";
        }

        /** The shape as the request wrote it: {@code [2, 10]}. */
        public String shapeText() {
            return shape.toString();
        }
    }

    /** A JSON number, as its text: written back unchanged. */
    public record JsonNumber(String text) {}

    /**
     * Reads a request body.
     *
     * @throws BindingException naming the path in the request ({@code inputs[0].shape}) and the problem
     */
    public static InferRequest parse(byte[] body) throws IOException {
        JsonParser json = JsonBody.parser(ScoringRequest.of("POST", "/", java.util.Map.of(), body));
        try (json) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw BindingException.at(
                        "", "The request body must be a JSON object with 'inputs', got " + describe(json) + ".");
            }
            String id = null;
            List<Tensor> inputs = null;
            List<String> outputs = List.of();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String key = json.currentName();
                json.nextToken();
                switch (key) {
                    case "id" -> id = string(json);
                    case "inputs" -> inputs = inputs(json);
                    case "outputs" -> outputs = outputs(json);
                    case "parameters" -> {
                        JsonValues.expectStartObject(json);
                        json.skipChildren();
                    }
                    default -> json.skipChildren();
                }
            }
            if (json.nextToken() != null) {
                throw BindingException.at("", "The request body has more content after its JSON object.");
            }
            if (inputs == null) {
                throw BindingException.at("", "missing required property 'inputs'");
            }
            return new InferRequest(id, inputs, outputs);
        } catch (JsonProcessingException e) {
            throw JsonBody.malformed(json, e);
        }
    }

    private static List<Tensor> inputs(JsonParser json) throws IOException {
        JsonValues.expectStartArray(json);
        List<Tensor> inputs = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            inputs.add(tensor(json, inputs.size()));
        }
        return inputs;
    }

    private static Tensor tensor(JsonParser json, int index) throws IOException {
        JsonValues.expectStartObject(json);
        String name = null;
        String datatype = null;
        List<Long> shape = null;
        List<Object> values = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            json.nextToken();
            switch (key) {
                case "name" -> name = string(json);
                case "datatype" -> datatype = string(json);
                case "shape" -> shape = shape(json);
                case "data" -> {
                    values = new ArrayList<>();
                    data(json, values);
                }
                case "parameters" -> {
                    JsonValues.expectStartObject(json);
                    json.skipChildren();
                }
                default -> json.skipChildren();
            }
        }
        String[] required = {"name", "shape", "datatype", "data"};
        Object[] given = {name, shape, datatype, values};
        for (int i = 0; i < required.length; i++) {
            if (given[i] == null) {
                throw BindingException.at(json, "missing required property '" + required[i] + "'");
            }
        }
        return new Tensor(index, name, datatype, shape, values);
    }

    private static List<Long> shape(JsonParser json) throws IOException {
        JsonValues.expectStartArray(json);
        List<Long> dimensions = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            if (json.currentToken() != JsonToken.VALUE_NUMBER_INT
                    || json.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    || json.getLongValue() < 0) {
                throw BindingException.at(json, "expected a dimension, an integer of 0 or more, got " + describe(json));
            }
            dimensions.add(json.getLongValue());
        }
        return List.copyOf(dimensions);
    }

    /** The elements of flat or nested data, row-major. */
    private static void data(JsonParser json, List<Object> values) throws IOException {
        switch (json.currentToken()) {
            case START_ARRAY -> {
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    data(json, values);
                }
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> values.add(new JsonNumber(json.getText()));
            case VALUE_STRING -> values.add(json.getText());
            case VALUE_TRUE -> values.add(true);
            case VALUE_FALSE -> values.add(false);
            default ->
                throw BindingException.at(
                        json, "expected a number, string or boolean (tensor data), got " + describe(json));
        }
    }

    private static List<String> outputs(JsonParser json) throws IOException {
        JsonValues.expectStartArray(json);
        List<String> names = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            JsonValues.expectStartObject(json);
            String name = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String key = json.currentName();
                json.nextToken();
                if (key.equals("name")) {
                    name = string(json);
                } else {
                    json.skipChildren();
                }
            }
            if (name == null) {
                throw BindingException.at(json, "missing required property 'name'");
            }
            names.add(name);
        }
        return names;
    }

    private static String string(JsonParser json) throws IOException {
        return JsonValues.readString(json);
    }

    private static String describe(JsonParser json) throws IOException {
        return JsonValues.describe(json);
    }
}

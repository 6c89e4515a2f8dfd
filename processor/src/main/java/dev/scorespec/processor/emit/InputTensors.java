package dev.scorespec.processor.emit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorespec.annotations.internal.OpenInferenceResource;
import dev.scorespec.processor.model.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a {@link KindEmitter} adds the Open Inference Protocol input tensors of one value of the body, found
 * at {@link #path()}: each tensor's {@code name}, {@code datatype} and {@code shape}, and parameters that say
 * where its value goes in the {@code /score} body ({@link OpenInferenceResource}).
 */
public final class InputTensors {

    private final ArrayNode inputs;
    private final List<String> path;
    private final boolean required;
    private final boolean wholeRequest;

    InputTensors(ArrayNode inputs, List<String> path, boolean required, boolean wholeRequest) {
        this.inputs = inputs;
        this.path = List.copyOf(path);
        this.required = required;
        this.wholeRequest = wholeRequest;
    }

    /** The value's names from the body's top: its parameter, then the members of the records it is in. */
    public List<String> path() {
        return path;
    }

    /** The dotted path, the name of the value's tensor: {@code input1}, {@code customer.age}. */
    public String name() {
        return String.join(".", path);
    }

    /** Whether the value is the only input of {@code run}, the whole request. */
    public boolean wholeRequest() {
        return wholeRequest;
    }

    /**
     * Adds the value's tensor, named by its path, and returns its parameters for the kind to add to.
     *
     * @param contentType MLServer's decoding hint ({@code np}, {@code str}, ...), or null for none
     */
    public ObjectNode tensor(String datatype, List<Integer> shape, String contentType) {
        return tensor(name(), datatype, shape, contentType);
    }

    /** Adds a tensor of the value under a name of the kind's choosing (a dataframe's columns). */
    public ObjectNode tensor(String tensorName, String datatype, List<Integer> shape, String contentType) {
        ObjectNode tensor = inputs.addObject();
        tensor.put("name", tensorName);
        tensor.put("datatype", datatype);
        shape.forEach(tensor.putArray("shape")::add);
        ObjectNode parameters = tensor.putObject("parameters");
        if (contentType != null) {
            parameters.put(OpenInferenceResource.CONTENT_TYPE, contentType);
        }
        parameters.put(OpenInferenceResource.PATH, pointer(path));
        return parameters;
    }

    /** Lists the value with why the protocol cannot carry it; the server answers 400 with the reason. */
    public void unsupported(String reason) {
        ObjectNode parameters = tensor("BYTES", List.of(-1), null);
        parameters.put(OpenInferenceResource.UNSUPPORTED, reason);
        parameters.put(OpenInferenceResource.REQUIRED, required);
    }

    /** Adds the tensors of a member of this value (a record's component), each under its own path. */
    public void member(String memberName, boolean memberRequired, ValueType type) {
        List<String> inner = new ArrayList<>(path);
        inner.add(memberName);
        KindEmitters.of(type).inputTensors(new InputTensors(inputs, inner, required && memberRequired, false));
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

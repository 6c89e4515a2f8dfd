package dev.scorespec.processor.emit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorespec.annotations.internal.OpenInferenceResource;
import dev.scorespec.processor.model.ValueType;
import java.util.List;

/**
 * Where a {@link KindEmitter} adds the Open Inference Protocol output tensors of {@code run}'s answer, or of
 * one member of it, named as the server names them when it splits the JSON answer into tensors: one
 * {@code output} for an array or a scalar, one per member of an object, one per column of a table.
 */
public final class OutputTensors {

    private static final String OUTPUT = "output";

    private final ArrayNode outputs;
    private final String prefix;

    OutputTensors(ArrayNode outputs, String prefix) {
        this.outputs = outputs;
        this.prefix = prefix;
    }

    /** Adds the value's one tensor. */
    public void tensor(String datatype, List<Integer> shape) {
        add(name(null), datatype, shape);
    }

    /** Adds the tensor of one part of the value (a column, a field), named after the value. */
    public void tensor(String part, String datatype, List<Integer> shape) {
        add(name(part), datatype, shape);
    }

    /** What the server cannot split into tensors travels as its JSON text, one BYTES element. */
    public void json() {
        add(name(null), "BYTES", List.of(1)).putObject("parameters").put(OpenInferenceResource.CONTENT_TYPE, "json");
    }

    /** Adds the tensors of a member of an object. */
    public void member(String memberName, ValueType type) {
        KindEmitters.of(type).outputTensors(new OutputTensors(outputs, name(memberName) + "."));
    }

    private String name(String member) {
        if (member != null) {
            return prefix + member;
        }
        return prefix.isEmpty() ? OUTPUT : prefix.substring(0, prefix.length() - 1);
    }

    private ObjectNode add(String name, String datatype, List<Integer> shape) {
        ObjectNode tensor = outputs.addObject();
        tensor.put("name", name);
        tensor.put("datatype", datatype);
        shape.forEach(tensor.putArray("shape")::add);
        return tensor;
    }
}

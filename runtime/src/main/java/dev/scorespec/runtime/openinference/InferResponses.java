package dev.scorespec.runtime.openinference;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.scorespec.annotations.Orient;
import dev.scorespec.annotations.internal.OpenInferenceResource;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.binding.BindingException;
import dev.scorespec.runtime.binding.DataFrameWriter;
import dev.scorespec.runtime.binding.JsonBody;
import dev.scorespec.runtime.binding.ScoringBinder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Writes what {@code run} returned as an inference response: the binder writes it as JSON, as for
 * {@code /score}, and its JSON becomes tensors, named as the model metadata names them (an array or a
 * scalar is {@code output}; an object has a tensor per member, a table or a list of records one per
 * column), shaped as the answer is, and typed as the output sample says. What is neither a rectangular
 * array nor a plain value travels as its JSON text in a BYTES tensor of shape {@code [1]}, with the
 * content type {@code json}: never silently changed.
 */
public final class InferResponses {

    private static final String OUTPUT = "output";

    private final ModelMetadata metadata;

    public InferResponses(ModelMetadata metadata) {
        this.metadata = metadata;
    }

    /**
     * Writes the response.
     *
     * @param outputs the requested outputs' names; all outputs when empty
     * @throws BindingException naming a requested output that the answer does not have, before anything is
     *     written to {@code out}
     */
    public <R> void write(
            ScoringBinder<?, R> binder,
            R result,
            String modelName,
            String modelVersion,
            String id,
            List<String> outputs,
            JsonGenerator out)
            throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream(256);
        try (JsonGenerator json = ScoringRequest.jsonFactory().createGenerator(answer)) {
            if (result instanceof Table table) {
                DataFrameWriter.write(json, table, Orient.RECORDS); // columns by name, whatever the orient of /score
            } else {
                binder.write(result, json);
            }
        }
        Object tree;
        try (JsonParser parser = ScoringRequest.jsonFactory().createParser(answer.toByteArray())) {
            parser.nextToken();
            tree = JsonBody.readAny(parser);
        }
        List<Output> tensors = new ArrayList<>();
        split("", tree, tensors);
        List<Output> chosen = tensors;
        if (!outputs.isEmpty()) {
            chosen = new ArrayList<>();
            for (int i = 0; i < outputs.size(); i++) {
                String name = outputs.get(i);
                Output tensor = tensors.stream()
                        .filter(t -> t.name().equals(name))
                        .findFirst()
                        .orElse(null);
                if (tensor == null) {
                    // only a model without output sample gets here: the server checks the others' names first
                    throw BindingException.at(
                            "outputs[" + i + "].name",
                            "the answer has no output '" + name + "'; its outputs are "
                                    + tensors.stream().map(Output::name).toList());
                }
                chosen.add(tensor);
            }
        }
        out.writeStartObject();
        out.writeStringField("model_name", modelName);
        out.writeStringField("model_version", modelVersion);
        out.writeStringField("id", id);
        out.writeArrayFieldStart("outputs");
        for (Output tensor : chosen) {
            tensor.write(out);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /** The tensors of one value of the answer, {@code prefix} naming the member it is in. */
    private void split(String prefix, Object value, List<Output> tensors) throws IOException {
        String name = prefix.isEmpty() ? OUTPUT : prefix.substring(0, prefix.length() - 1);
        if (value instanceof Map<?, ?> object) {
            for (Map.Entry<?, ?> member : object.entrySet()) {
                split(prefix + member.getKey() + ".", member.getValue(), tensors);
            }
            return;
        }
        if (value instanceof List<?> rows && !rows.isEmpty() && records(rows)) {
            for (Object column : ((Map<?, ?>) rows.get(0)).keySet()) {
                List<Object> values = new ArrayList<>();
                rows.forEach(row -> values.add(((Map<?, ?>) row).get(column)));
                tensors.add(tensor(prefix + column, List.of((long) values.size()), values, value));
            }
            return;
        }
        List<Long> shape = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (!flatten(value, 0, shape, values)) {
            tensors.add(json(name, value));
            return;
        }
        tensors.add(tensor(name, shape, values, value));
    }

    /** Rows that are objects of the first row's columns, each a plain value: a table. */
    private static boolean records(List<?> rows) {
        if (!(rows.get(0) instanceof Map<?, ?> first) || first.isEmpty()) {
            return false;
        }
        for (Object row : rows) {
            if (!(row instanceof Map<?, ?> cells) || cells.size() != first.size()) {
                return false;
            }
            for (Object column : first.keySet()) {
                if (!plain(cells.get(column))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean plain(Object value) {
        return value != null && !(value instanceof Map) && !(value instanceof List);
    }

    /** A plain value, or nested arrays of the same length at each depth: its shape and values, row-major. */
    private static boolean flatten(Object value, int depth, List<Long> shape, List<Object> values) {
        if (plain(value)) {
            if (depth == 0) {
                shape.add(1L);
            } else if (shape.size() != depth) {
                return false;
            }
            values.add(value);
            return true;
        }
        if (!(value instanceof List<?> list)) {
            return false;
        }
        if (shape.size() == depth) {
            shape.add((long) list.size());
        } else if (shape.size() < depth || shape.get(depth) != list.size()) {
            return false;
        }
        for (Object item : list) {
            if (!flatten(item, depth + 1, shape, values)) {
                return false;
            }
        }
        // an empty array fixes no depth below it; a later sibling that has one would be ragged
        return !list.isEmpty() || shape.size() == depth + 1;
    }

    /** A tensor of plain values, typed as the output sample says, or as its values are when it says nothing. */
    private Output tensor(String name, List<Long> shape, List<Object> values, Object whole) throws IOException {
        String declared = metadata.outputDatatype(name);
        if (values.isEmpty()) {
            return new Output(name, declared == null ? "BYTES" : declared, shape, values, false);
        }
        String found = datatypeOf(values);
        if (found == null) {
            return json(name, whole);
        }
        // an integer answer fits any numeric datatype, a float one any FP datatype (JSON has one number type)
        boolean numeric = !"BOOL".equals(declared) && !"BYTES".equals(declared);
        boolean fits = declared != null
                && (declared.equals(found)
                        || (found.equals("INT64") && numeric)
                        || (found.equals("FP64") && declared.startsWith("FP")));
        return new Output(name, fits ? declared : found, shape, values, false);
    }

    private static String datatypeOf(List<Object> values) {
        boolean allBooleans = true;
        boolean allIntegers = true;
        boolean allNumbers = true;
        boolean allStrings = true;
        for (Object v : values) {
            allBooleans &= v instanceof Boolean;
            allIntegers &= v instanceof Long || v instanceof BigInteger;
            allNumbers &= v instanceof Number;
            allStrings &= v instanceof String;
        }
        return allBooleans ? "BOOL" : allIntegers ? "INT64" : allNumbers ? "FP64" : allStrings ? "BYTES" : null;
    }

    private static Output json(String name, Object value) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = ScoringRequest.jsonFactory().createGenerator(text)) {
            Values.write(json, value);
        }
        return new Output(name, "BYTES", List.of(1L), List.of(text.toString()), true);
    }

    /** One output tensor; {@code json} when its one element is the JSON text of the value. */
    private record Output(String name, String datatype, List<Long> shape, List<Object> data, boolean json) {

        void write(JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("name", name);
            out.writeStringField("datatype", datatype);
            out.writeArrayFieldStart("shape");
            for (long dimension : shape) {
                out.writeNumber(dimension);
            }
            out.writeEndArray();
            if (json) {
                out.writeObjectFieldStart("parameters");
                out.writeStringField(OpenInferenceResource.CONTENT_TYPE, "json");
                out.writeEndObject();
            }
            out.writeFieldName("data");
            Values.write(out, data);
            out.writeEndObject();
        }
    }
}

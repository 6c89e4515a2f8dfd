package dev.scorespec.runtime.openinference;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.scorespec.annotations.internal.OpenInferenceResource;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.binding.BodyKind;
import dev.scorespec.runtime.binding.CompiledResource;
import dev.scorespec.runtime.binding.JsonBody;
import dev.scorespec.runtime.binding.ScoringBinder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scoring class's Open Inference Protocol model metadata, as the processor wrote it from the samples
 * ({@link OpenInferenceResource}): the input tensors, with where each goes in the {@code /score} body,
 * and the output tensors' names and datatypes. Read once at start-up.
 */
public final class ModelMetadata {

    /** The document as written: {@code platform}, {@code version}, {@code inputs}, {@code outputs}. */
    private final Map<String, Object> document;

    private final List<Input> inputs;
    private final Map<String, String> outputDatatypes;
    private final List<String> outputNames;
    private final String unsupported;

    private ModelMetadata(Map<String, Object> document, String unsupported) {
        this.document = document;
        this.unsupported = unsupported;
        List<Input> in = new ArrayList<>();
        for (Map<String, Object> tensor : tensors(document, "inputs")) {
            in.add(Input.of(tensor));
        }
        this.inputs = List.copyOf(in);
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, Object> tensor : tensors(document, "outputs")) {
            out.put((String) tensor.get("name"), (String) tensor.get("datatype"));
        }
        this.outputDatatypes = Map.copyOf(out);
        this.outputNames = List.copyOf(out.keySet());
    }

    /**
     * The metadata of a binder's scoring class. A binder compiled before ScoreSpec wrote it, or one whose
     * {@code run} takes the raw request or the body text, has no tensors: its {@link #unsupported()} says
     * why, and {@code infer} answers 400 with it.
     */
    public static ModelMetadata of(ScoringBinder<?, ?> binder) {
        if (binder.bodyKind() == BodyKind.RAW_HTTP) {
            return empty("run takes the HTTP request as it came (@RawHttp), which tensors cannot carry; call /score");
        }
        if (binder.bodyKind() == BodyKind.JSON_TEXT) {
            return empty("run takes the body as JSON text without a schema, which tensors cannot carry; call /score");
        }
        String resource = binder.documentResource();
        try {
            Optional<byte[]> metadata = CompiledResource.member(binder, OpenInferenceResource.MEMBER);
            if (metadata.isEmpty()) {
                return empty("the scoring class was compiled without Open Inference Protocol metadata (" + resource
                        + "); rebuild it with this version of ScoreSpec");
            }
            return parse(metadata.get());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** From the metadata document itself. */
    @SuppressWarnings("unchecked")
    public static ModelMetadata parse(byte[] json) throws IOException {
        try (JsonParser parser = ScoringRequest.jsonFactory().createParser(json)) {
            parser.nextToken();
            return new ModelMetadata((Map<String, Object>) JsonBody.readAny(parser), null);
        }
    }

    private static ModelMetadata empty(String why) {
        return new ModelMetadata(Map.of("platform", "scorespec_java", "inputs", List.of(), "outputs", List.of()), why);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tensors(Map<String, Object> document, String side) {
        return (List<Map<String, Object>>) document.getOrDefault(side, List.of());
    }

    /** The service version the class was compiled with ({@code @ScoringService(version)}), if written. */
    public Optional<String> compiledVersion() {
        return Optional.ofNullable((String) document.get("version"));
    }

    /** The input tensors, in the order of {@code run}'s parameters. */
    public List<Input> inputs() {
        return inputs;
    }

    /** The datatype of a declared output, or null for one the output sample does not name. */
    public String outputDatatype(String name) {
        return outputDatatypes.get(name);
    }

    /** The outputs the output sample names, in its order; empty when there is no output sample. */
    public List<String> outputNames() {
        return outputNames;
    }

    /** Why no request can be turned into a call of {@code run}; null when requests can. */
    public String unsupported() {
        return unsupported;
    }

    /**
     * The answer to {@code GET /v2/models/{name}}: {@code name}, the versions (just {@code version}), {@code platform},
     * {@code inputs} and {@code outputs}.
     */
    public byte[] response(String name, String version) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = ScoringRequest.jsonFactory().createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringField("name", name);
            out.writeArrayFieldStart("versions");
            out.writeString(version);
            out.writeEndArray();
            out.writeStringField("platform", (String) document.get("platform"));
            out.writeFieldName("inputs");
            Values.write(out, document.get("inputs"));
            out.writeFieldName("outputs");
            Values.write(out, document.get("outputs"));
            if (unsupported != null) {
                out.writeObjectFieldStart("parameters");
                out.writeStringField(OpenInferenceResource.UNSUPPORTED, unsupported);
                out.writeEndObject();
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * One input tensor, and where its value goes in the {@code /score} body.
     *
     * @param shape the metadata shape, {@code -1} for any length
     * @param path the JSON pointer segments of its value in the body
     * @param column for a dataframe column, its name in the frame; null otherwise
     * @param orient for a dataframe column, the frame's orient in the body; null otherwise
     * @param unsupported why the protocol cannot carry this value; null when it can
     */
    public record Input(
            String name,
            String datatype,
            List<Integer> shape,
            List<String> path,
            String column,
            String orient,
            String unsupported,
            boolean required) {

        public Input {
            shape = List.copyOf(shape);
            path = List.copyOf(path);
        }

        /** A plain value of the body, such as a {@code double}: a tensor of shape {@code [1]}. */
        public boolean scalar() {
            return shape.equals(List.of(1));
        }

        @SuppressWarnings("unchecked")
        static Input of(Map<String, Object> tensor) {
            List<Integer> shape = new ArrayList<>();
            for (Object dimension : (List<Object>) tensor.get("shape")) {
                shape.add(((Number) dimension).intValue());
            }
            Map<String, Object> parameters = (Map<String, Object>) tensor.getOrDefault("parameters", Map.of());
            return new Input(
                    (String) tensor.get("name"),
                    (String) tensor.get("datatype"),
                    shape,
                    segments((String) parameters.getOrDefault(OpenInferenceResource.PATH, "")),
                    (String) parameters.get(OpenInferenceResource.COLUMN),
                    (String) parameters.get(OpenInferenceResource.ORIENT),
                    (String) parameters.get(OpenInferenceResource.UNSUPPORTED),
                    Boolean.TRUE.equals(parameters.get(OpenInferenceResource.REQUIRED)));
        }

        /** RFC 6901's segments of a pointer such as {@code /Inputs/input1}. */
        private static List<String> segments(String pointer) {
            List<String> segments = new ArrayList<>();
            for (String segment :
                    pointer.substring(Math.min(1, pointer.length())).split("/", -1)) {
                segments.add(segment.replace("~1", "/").replace("~0", "~"));
            }
            return segments;
        }
    }
}

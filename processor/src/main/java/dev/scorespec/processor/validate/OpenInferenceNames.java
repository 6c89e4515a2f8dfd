package dev.scorespec.processor.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorespec.annotations.internal.OpenInferenceResource;
import dev.scorespec.processor.model.Location;
import dev.scorespec.processor.model.ScoringClassDecl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that the Open Inference Protocol (KServe V2) names every input and every output tensor once.
 * Tensor names join a value's path with {@code .}, and a dataframe that is the whole request has its
 * columns named by themselves, beside the one BYTES tensor of its records named like the frame: a key or
 * a column holding a {@code .}, or a column named like its frame, can make two names equal. A request
 * could then not say which value a tensor is, so the class is refused with the fix rather than served
 * ambiguously.
 *
 * <p>The names are read from the model metadata the emitter writes ({@code inputs} and {@code outputs},
 * each input with its {@link OpenInferenceResource#PATH}), so that the check and the metadata can never
 * disagree about them.
 */
public final class OpenInferenceNames {

    private OpenInferenceNames() {}

    /** Reports each name given twice; returns whether there was none. */
    public static boolean check(ScoringClassDecl decl, JsonNode metadata, Report report) {
        boolean ok = true;
        Map<String, String> inputs = new HashMap<>();
        for (Tensor tensor : inputs(metadata)) {
            String first = inputs.putIfAbsent(tensor.name(), tensor.what());
            if (first != null) {
                ok = false;
                report.error(
                        where(decl, tensor.pointer()),
                        Message.V2_INPUT_NAME_TWICE,
                        tensor.name(),
                        first,
                        tensor.what());
            }
        }
        Map<String, String> outputs = new HashMap<>();
        int index = 0;
        for (JsonNode output : metadata.path("outputs")) {
            String name = output.get("name").asText();
            String what = "output tensor " + index++;
            String first = outputs.putIfAbsent(name, what);
            if (first != null) {
                ok = false;
                Location where = decl.runs().stream()
                        .flatMap(run -> run.output().stream())
                        .map(ScoringClassDecl.OutputDecl::where)
                        .findFirst()
                        .orElse(decl.where());
                report.error(where, Message.V2_OUTPUT_NAME_TWICE, name, first, what);
            }
        }
        return ok;
    }

    /** A tensor a request may send: its name, what it carries (for messages), and where it goes in the body. */
    private record Tensor(String name, String what, String pointer) {}

    /** The input tensors in order, each dataframe's JSON records tensor just before its first column. */
    private static List<Tensor> inputs(JsonNode metadata) {
        List<Tensor> tensors = new ArrayList<>();
        Set<String> frames = new HashSet<>();
        for (JsonNode input : metadata.path("inputs")) {
            JsonNode parameters = input.path("parameters");
            String pointer = parameters.path(OpenInferenceResource.PATH).asText();
            String name = input.get("name").asText();
            if (!parameters.has(OpenInferenceResource.COLUMN)) {
                tensors.add(new Tensor(name, "the value at " + pointer, pointer));
                continue;
            }
            if (frames.add(pointer)) {
                tensors.add(new Tensor(dotted(pointer), "the dataframe at " + pointer + " as JSON records", pointer));
            }
            String column = parameters.get(OpenInferenceResource.COLUMN).asText();
            tensors.add(new Tensor(name, "column '" + column + "' of the dataframe at " + pointer, pointer));
        }
        return tensors;
    }

    /** The {@code @InputSchema} of the parameter a value of the body belongs to. */
    private static Location where(ScoringClassDecl decl, String pointer) {
        String parameter = segments(pointer).get(0);
        return decl.runs().stream()
                .flatMap(run -> run.inputs().stream())
                .filter(input -> input.param().equals(parameter))
                .findFirst()
                .map(ScoringClassDecl.InputDecl::where)
                .orElse(decl.where());
    }

    private static String dotted(String pointer) {
        return String.join(".", segments(pointer));
    }

    /** RFC 6901: a pointer's segments, {@code ~1} and {@code ~0} unescaped. */
    private static List<String> segments(String pointer) {
        List<String> segments = new ArrayList<>();
        for (String segment : pointer.substring(1).split("/", -1)) {
            segments.add(segment.replace("~1", "/").replace("~0", "~"));
        }
        return segments;
    }
}

package dev.scorespec.samples.text;

import dev.scorespec.annotations.InputSchema;
import dev.scorespec.annotations.OutputSchema;
import dev.scorespec.annotations.RequestHeaders;
import dev.scorespec.annotations.Standard;
import java.util.List;
import java.util.Map;

/**
 * A model-free service with standard samples: counts the words of each text, and echoes the caller's
 * {@code x-ms-client-request-id} header. Shows records, lists, an optional parameter and request headers.
 */
public final class TextStatsScore {

    /** One text's statistics. */
    public record Stats(String text, long words, double meanWordLength) {}

    /** The answer: statistics per text, and who asked. */
    public record Answer(List<Stats> stats, String clientRequestId) {}

    @InputSchema(param = "texts", standard = @Standard(sample = "[\"the quick brown fox\", \"jumps\"]"))
    @InputSchema(param = "lowercase", optional = true, standard = @Standard(sample = "true"))
    @OutputSchema(standard = @Standard(sample = """
            {"stats": [{"text": "the quick brown fox", "words": 4, "meanWordLength": 4.0}], "clientRequestId": "abc"}"""))
    public Answer run(List<String> texts, Boolean lowercase, @RequestHeaders Map<String, String> headers) {
        List<Stats> stats = texts.stream()
                .map(text -> {
                    String shown = Boolean.TRUE.equals(lowercase) ? text.toLowerCase(java.util.Locale.ROOT) : text;
                    String[] words =
                            shown.isBlank() ? new String[0] : shown.trim().split("\\s+");
                    double mean = words.length == 0
                            ? 0
                            : java.util.Arrays.stream(words)
                                    .mapToInt(String::length)
                                    .average()
                                    .orElse(0);
                    return new Stats(shown, words.length, mean);
                })
                .toList();
        return new Answer(stats, headers.getOrDefault("x-ms-client-request-id", ""));
    }
}

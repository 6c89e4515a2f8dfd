package dev.scorespec.processor.emit;

import dev.scorespec.processor.model.ScoringSpec;
import java.util.Map;

/** Temporary stand-in until the documents emitter lands. */
public final class ServiceDocuments {
    private ServiceDocuments() {
    }

    public static Map<String, String> render(ScoringSpec spec) {
        return Map.of("3.0", "{}\n", "3.1", "{}\n");
    }
}

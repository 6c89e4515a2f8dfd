package dev.scorespec.annotations.internal;

/**
 * The one class-path resource the processor writes for a scoring class, and the runtime reads its
 * documents and metadata from: {@code META-INF/scorespec/<binary name>.json}, a JSON object whose members
 * are the {@linkplain OpenApiVersion#member() OpenAPI documents} ({@code swagger-2.0}, {@code openapi-3.0},
 * {@code openapi-3.1}; a version the samples cannot express is missing) and the Open Inference Protocol
 * model metadata ({@link OpenInferenceResource#MEMBER}; missing when {@code run} takes the raw request or
 * JSON text).
 *
 * <p>Each member is written exactly as the document would be on its own, pretty-printed and not indented
 * further, so the runtime hands out its bytes unchanged. One file per class rather than one per document:
 * javac's {@code Filer} checks every file it creates against all those created before it, which made the
 * resources the processor's largest cost.
 */
public final class ScoringResource {

    private ScoringResource() {}

    /** The class-path resource for a scoring class, by its binary name ({@code com.example.Outer$Inner}). */
    public static String of(String scoringClass) {
        return "META-INF/scorespec/" + scoringClass + ".json";
    }
}

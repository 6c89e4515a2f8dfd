package dev.scorespec.annotations.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The document versions ScoreSpec writes at compile time, as the Python server names them, and the
 * member of the class's {@link ScoringResource} each is written to: the processor writes there, the
 * runtime reads from there.
 */
public enum OpenApiVersion {
    /** Swagger 2.0: JSON Schema draft 4 subset, no unions. */
    V2_0("2.0", "swagger-2.0"),
    /** OpenAPI 3.0 ({@code "openapi": "3.0.3"}): draft 4-ish subset with {@code anyOf}. */
    V3_0("3.0", "openapi-3.0"),
    /** OpenAPI 3.1 ({@code "openapi": "3.1.0"}): full JSON Schema 2020-12. */
    V3_1("3.1", "openapi-3.1");

    private final String label;
    private final String member;

    OpenApiVersion(String label, String member) {
        this.label = label;
        this.member = member;
    }

    /** {@code "2.0"}, {@code "3.0"} or {@code "3.1"}. */
    public String label() {
        return label;
    }

    /**
     * The member of the {@link ScoringResource} that holds this version's document, {@code swagger-2.0} or
     * {@code openapi-3.x}.
     */
    public String member() {
        return member;
    }

    /** The version for a label such as {@code "3.1"}. */
    public static Optional<OpenApiVersion> forLabel(String label) {
        return Arrays.stream(values()).filter(v -> v.label.equals(label)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}

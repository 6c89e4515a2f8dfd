package dev.scorespec.processor.emit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorespec.annotations.internal.OpenApiVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What swagger-parser does not check about schemas: the keywords each version's schema dialect allows.
 * Swagger 2.0 has no {@code anyOf}/{@code oneOf}/{@code not}/{@code nullable}; 2.0 and 3.0 take a
 * single {@code type} and (draft 4) a non-empty {@code required}. Walks every schema of a document.
 */
final class SchemaSubset {

    private static final Set<String> NOT_IN_2_0 =
            Set.of("anyOf", "oneOf", "not", "nullable", "const", "examples", "$defs", "prefixItems");
    private static final Set<String> NOT_IN_3_0 = Set.of("const", "examples", "$defs", "prefixItems");

    private SchemaSubset() {}

    /** The problems of every schema in a document, each with its JSON pointer; empty when none. */
    static List<String> problems(JsonNode document, OpenApiVersion version) {
        List<String> problems = new ArrayList<>();
        JsonNode schemas = version == OpenApiVersion.V2_0
                ? document.path("definitions")
                : document.path("components").path("schemas");
        String base = version == OpenApiVersion.V2_0 ? "/definitions/" : "/components/schemas/";
        for (Map.Entry<String, JsonNode> entry : schemas.properties()) {
            check(entry.getValue(), base + entry.getKey(), version, problems);
        }
        return problems;
    }

    private static void check(JsonNode schema, String at, OpenApiVersion version, List<String> problems) {
        if (!schema.isObject()) {
            problems.add(at + ": a schema must be an object");
            return;
        }
        Set<String> forbidden = switch (version) {
            case V2_0 -> NOT_IN_2_0;
            case V3_0 -> NOT_IN_3_0;
            case V3_1 -> Set.of();
        };
        for (Map.Entry<String, JsonNode> entry : schema.properties()) {
            String keyword = entry.getKey();
            JsonNode value = entry.getValue();
            if (forbidden.contains(keyword)) {
                problems.add(at + ": " + keyword + " is not in OpenAPI " + version);
            }
            if (keyword.equals("type") && !value.isTextual() && version != OpenApiVersion.V3_1) {
                problems.add(at + ": type must be one name in OpenAPI " + version);
            }
            if (keyword.equals("required") && value.isEmpty() && version != OpenApiVersion.V3_1) {
                problems.add(at + ": required must not be empty in OpenAPI " + version);
            }
            switch (keyword) {
                case "items", "not", "additionalProperties" -> {
                    if (value.isObject()) {
                        check(value, at + "/" + keyword, version, problems);
                    }
                }
                case "properties" ->
                    value.properties()
                            .forEach(p -> check(p.getValue(), at + "/properties/" + p.getKey(), version, problems));
                case "anyOf", "oneOf", "allOf", "prefixItems" -> {
                    for (int i = 0; i < value.size(); i++) {
                        check(value.get(i), at + "/" + keyword + "/" + i, version, problems);
                    }
                }
                default -> {}
            }
        }
    }
}

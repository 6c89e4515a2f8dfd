package dev.scorespec.processor.kinds.standard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.emit.JsonSchemas;
import dev.scorespec.processor.model.ListType;
import dev.scorespec.processor.model.ObjectType;
import dev.scorespec.processor.model.ScalarKind;
import dev.scorespec.processor.model.ScalarType;
import dev.scorespec.processor.model.UnionType;
import java.util.ArrayList;
import java.util.List;

/** The JSON schemas of {@code @Standard} samples and of nested records: values, lists, objects, unions. */
public final class StandardSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StandardSchemas() {}

    public static ObjectNode scalar(ScalarType scalar) {
        return JsonSchemas.typeAndFormat(scalar.kind().jsonType(), scalar.jsonFormat());
    }

    /**
     * One option's schema, or {@code anyOf} the options: the plain kinds, then an array, then an object.
     *
     * @throws IllegalArgumentException in Swagger 2.0, which cannot describe a union
     */
    public static ObjectNode union(UnionType union, OpenApiVersion version) {
        if (version == OpenApiVersion.V2_0 && union.needsUnion()) {
            throw new IllegalArgumentException(
                    "Swagger 2.0 cannot describe a value that mixes JSON types; use OpenAPI 3.0 or 3.1");
        }
        List<ObjectNode> options = new ArrayList<>();
        union.kinds().forEach(k -> options.add(kind(k)));
        union.structures().forEach(s -> options.add(JsonSchemas.schema(s, version)));
        if (options.size() <= 1) {
            return options.isEmpty() ? NODES.objectNode() : options.get(0);
        }
        ObjectNode schema = NODES.objectNode();
        schema.putArray("anyOf").addAll(options);
        return schema;
    }

    public static ObjectNode list(ListType list, OpenApiVersion version) {
        ObjectNode schema = NODES.objectNode().put("type", "array");
        schema.set("items", JsonSchemas.schema(list.items(), version));
        return schema;
    }

    /** An object with every required key listed, as the reference writes it. */
    public static ObjectNode object(ObjectType object, OpenApiVersion version) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ArrayNode required = NODES.arrayNode();
        ObjectNode properties = NODES.objectNode();
        for (ObjectType.Property property : object.properties()) {
            if (property.required()) {
                required.add(property.name());
            }
            ObjectNode value = JsonSchemas.schema(property.type(), version);
            properties.set(property.name(), property.nullable() ? nullable(value, version) : value);
        }
        // The reference writes "required": [] for an empty object; draft 4 requires at least one
        // name, so an empty list would make the Swagger 2.0 and OpenAPI 3.0 documents invalid.
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.set("properties", properties);
        return schema;
    }

    /**
     * The schema with {@code null} allowed, as each version says it: {@code nullable} (3.0), a {@code "null"}
     * type (3.1), the common {@code x-nullable} extension (2.0). A schema of any value already allows it.
     */
    static ObjectNode nullable(ObjectNode schema, OpenApiVersion version) {
        if (schema.has("anyOf")) {
            if (version == OpenApiVersion.V3_1) {
                ((ArrayNode) schema.get("anyOf")).addObject().put("type", "null");
            } else {
                schema.get("anyOf").forEach(option -> nullable((ObjectNode) option, version));
            }
            return schema;
        }
        if (!schema.has("type")) {
            return schema;
        }
        switch (version) {
            case V3_1 -> {
                String type = schema.get("type").asText();
                schema.putArray("type").add(type).add("null");
            }
            case V3_0 -> schema.put("nullable", true);
            case V2_0 -> schema.put("x-nullable", true);
        }
        return schema;
    }

    private static ObjectNode kind(ScalarKind kind) {
        return JsonSchemas.typeAndFormat(kind.jsonType(), kind.jsonFormat());
    }
}

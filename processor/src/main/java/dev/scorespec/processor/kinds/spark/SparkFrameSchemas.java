package dev.scorespec.processor.kinds.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorespec.annotations.internal.spark.SparkJsonSchema;
import dev.scorespec.processor.model.SparkFrameType;
import java.util.List;
import java.util.Map;

/**
 * The JSON schema of a {@code @SparkFrame} value, as inference-schema's {@code SparkParameterType} writes it
 * ({@link SparkJsonSchema}, shared with the runtime's tests): an array of row objects with one property per
 * column. The same in every document version: it has no union and no nullable types.
 */
public final class SparkFrameSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SparkFrameSchemas() {}

    public static ObjectNode schema(SparkFrameType frame) {
        return (ObjectNode) node(SparkJsonSchema.dataFrame(frame.schema(), null));
    }

    /** The plain maps, lists and strings of {@link SparkJsonSchema} as a tree, in their order. */
    private static JsonNode node(Object value) {
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), node(v)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(item -> array.add(node(item)));
            return array;
        }
        return NODES.textNode(String.valueOf(value));
    }
}

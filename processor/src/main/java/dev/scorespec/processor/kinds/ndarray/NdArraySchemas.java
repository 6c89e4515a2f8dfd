package dev.scorespec.processor.kinds.ndarray;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorespec.annotations.internal.DType;
import dev.scorespec.processor.emit.JsonSchemas;
import dev.scorespec.processor.model.NdArrayType;

/** The JSON schema of an {@code @NdArray} sample, as inference-schema writes a numpy array's. */
public final class NdArraySchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private NdArraySchemas() {}

    /** Nested arrays of the dtype's values, one level per dimension, with {@code "format": "numpy.ndarray"}. */
    public static ObjectNode schema(NdArrayType array) {
        ObjectNode element = array.structured()
                ? structuredElement(array)
                : element(array.dtype().get());
        // inference-schema writes one array level even for a 0-d sample.
        ObjectNode schema = nest(element, Math.max(1, array.rank()));
        schema.put("format", JsonSchemas.NUMPY_FORMAT);
        return schema;
    }

    /** A record of a structured dtype: an object, a sub-array field nesting one array per dimension. */
    private static ObjectNode structuredElement(NdArrayType array) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (NdArrayType.Field field : array.fields()) {
            ObjectNode element = element(field.dtype());
            properties.set(
                    field.name(),
                    field.shape().isEmpty()
                            ? element
                            : nest(element, field.shape().size()));
        }
        return schema;
    }

    private static ObjectNode nest(ObjectNode items, int levels) {
        ObjectNode schema = items;
        for (int i = 0; i < levels; i++) {
            ObjectNode outer = NODES.objectNode().put("type", "array");
            outer.set("items", schema);
            schema = outer;
        }
        return schema;
    }

    private static ObjectNode element(DType dtype) {
        return JsonSchemas.typeAndFormat(dtype.jsonType(), dtype.jsonFormat());
    }
}

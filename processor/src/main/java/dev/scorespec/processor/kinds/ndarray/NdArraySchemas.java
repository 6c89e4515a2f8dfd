package dev.scorespec.processor.kinds.ndarray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorespec.annotations.internal.DType;
import dev.scorespec.processor.emit.JsonSchemas;
import dev.scorespec.processor.model.NdArrayType;
import java.math.BigInteger;

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

    /** The node a JSON parser makes of this integer (an int, a long or a big integer), so trees compare equal. */
    private static JsonNode integer(BigInteger value) {
        if (value.bitLength() < Integer.SIZE) {
            return NODES.numberNode(value.intValue());
        }
        return value.bitLength() < Long.SIZE ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
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

    /**
     * One value of a dtype: its type and format and, for numbers, the range the binder enforces (the
     * reference states none, so a client-side validator would pass {@code 300} as an int8).
     */
    private static ObjectNode element(DType dtype) {
        ObjectNode schema = JsonSchemas.typeAndFormat(dtype.jsonType(), dtype.jsonFormat());
        if (dtype.isInteger()) {
            schema.set("minimum", integer(dtype.min()));
            schema.set("maximum", integer(dtype.max()));
        } else if (dtype.isFloating() && dtype != DType.FLOAT64) {
            // float64's range is JSON's own: a number beyond it has no double, and every parser refuses it.
            schema.put("minimum", -dtype.maxMagnitude());
            schema.put("maximum", dtype.maxMagnitude());
        }
        return schema;
    }
}

package dev.scorespec.annotations.internal.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON schema of a Spark sample as inference-schema's {@code SparkParameterType} writes it: the
 * DataFrame is an array of row objects, each with one property per field, and each Spark type maps to a
 * JSON Schema type and format:
 *
 * <table>
 *   <caption>Spark types and their schemas</caption>
 *   <tr><th>Spark</th><th>type</th><th>format</th></tr>
 *   <tr><td>tinyint</td><td>integer</td><td>int8</td></tr>
 *   <tr><td>smallint</td><td>integer</td><td>int16</td></tr>
 *   <tr><td>int</td><td>integer</td><td>int32</td></tr>
 *   <tr><td>bigint</td><td>integer</td><td>int64</td></tr>
 *   <tr><td>boolean</td><td>boolean</td><td></td></tr>
 *   <tr><td>float</td><td>number</td><td>float</td></tr>
 *   <tr><td>double</td><td>number</td><td>double</td></tr>
 *   <tr><td>decimal(p,s)</td><td>number</td><td>decimal</td></tr>
 *   <tr><td>string</td><td>string</td><td></td></tr>
 *   <tr><td>binary</td><td>string</td><td>binary (base64 text on the wire)</td></tr>
 *   <tr><td>date</td><td>string</td><td>date</td></tr>
 *   <tr><td>timestamp</td><td>string</td><td>date-time</td></tr>
 *   <tr><td>timestamp_ntz</td><td>string</td><td>date-time-local (no offset; the reference has no such type)</td></tr>
 * </table>
 *
 * Arrays have {@code items}, maps {@code additionalProperties} (their keys are JSON member names), structs
 * nested {@code properties}. The schema is built as plain maps and lists in insertion order, so the
 * processor can hand it to any JSON library, and nothing here needs Spark.
 */
public final class SparkJsonSchema {

    private SparkJsonSchema() {}

    /**
     * The schema of a whole sample: {@code {"type": "array", "items": {"type": "object", "properties":
     * {...}}}}, with {@code "example"} set to {@code exampleRows} when they are given (not null).
     */
    public static Map<String, Object> dataFrame(SparkType.Struct schema, List<?> exampleRows) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("type", "array");
        result.put("items", of(schema));
        if (exampleRows != null) {
            result.put("example", exampleRows);
        }
        return result;
    }

    /** The schema of one value of a Spark type. */
    public static Map<String, Object> of(SparkType type) {
        Map<String, Object> schema = new LinkedHashMap<>();
        if (type instanceof SparkType.Atomic atomic) {
            switch (atomic) {
                case BYTE -> typed(schema, "integer", "int8");
                case SHORT -> typed(schema, "integer", "int16");
                case INTEGER -> typed(schema, "integer", "int32");
                case LONG -> typed(schema, "integer", "int64");
                case BOOLEAN -> typed(schema, "boolean", null);
                case FLOAT -> typed(schema, "number", "float");
                case DOUBLE -> typed(schema, "number", "double");
                case STRING -> typed(schema, "string", null);
                case BINARY -> typed(schema, "string", "binary");
                case DATE -> typed(schema, "string", "date");
                case TIMESTAMP -> typed(schema, "string", "date-time");
                // naive, as ScoreSpec says of every date-time without offset (README, differences)
                case TIMESTAMP_NTZ -> typed(schema, "string", "date-time-local");
            }
        } else if (type instanceof SparkType.Decimal) {
            typed(schema, "number", "decimal");
        } else if (type instanceof SparkType.Array array) {
            schema.put("type", "array");
            schema.put("items", of(array.element()));
        } else if (type instanceof SparkType.MapType map) {
            schema.put("type", "object");
            schema.put("additionalProperties", of(map.value()));
        } else if (type instanceof SparkType.Struct struct) {
            schema.put("type", "object");
            Map<String, Object> properties = new LinkedHashMap<>();
            for (SparkType.Field field : struct.fields()) {
                properties.put(field.name(), of(field.type()));
            }
            schema.put("properties", properties);
        }
        return schema;
    }

    private static void typed(Map<String, Object> schema, String type, String format) {
        schema.put("type", type);
        if (format != null) {
            schema.put("format", format);
        }
    }
}

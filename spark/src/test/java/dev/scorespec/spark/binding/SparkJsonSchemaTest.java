package dev.scorespec.spark.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorespec.annotations.internal.spark.SparkDdl;
import dev.scorespec.annotations.internal.spark.SparkInference;
import dev.scorespec.annotations.internal.spark.SparkJsonSchema;
import dev.scorespec.annotations.internal.spark.SparkType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON schema of Spark samples, against what inference-schema's {@code SparkParameterType} writes: the
 * reference's own two goldens, and one type of every kind.
 */
class SparkJsonSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The reference's input: {@code {name: [Sarah, John], state: [WA, CA]}} as parameter {@code param}. */
    @Test
    void referenceInputSchema() throws Exception {
        List<?> rows = JSON.readValue(
                "[{\"name\": \"Sarah\", \"state\": \"WA\"}, {\"name\": \"John\", \"state\": \"CA\"}]", List.class);
        Map<String, Object> param = SparkJsonSchema.dataFrame(SparkInference.inferRecords(rows), null);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("type", "object");
        input.put("properties", Map.of("param", param));
        input.put("example", Map.of("param", rows));
        assertEquals(
                JSON.readTree("{\"type\": \"object\", \"properties\": {\"param\": {\"type\": \"array\", \"items\":"
                        + " {\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}, \"state\": {\"type\":"
                        + " \"string\"}}}}}, \"example\": {\"param\": [{\"name\": \"Sarah\", \"state\": \"WA\"}, {\"name\":"
                        + " \"John\", \"state\": \"CA\"}]}}"),
                JSON.valueToTree(input));
    }

    /** The reference's output: {@code [{state: WA}, {state: CA}]}, an array of objects with the rows as example. */
    @Test
    void referenceOutputSchema() throws Exception {
        List<?> rows = JSON.readValue("[{\"state\": \"WA\"}, {\"state\": \"CA\"}]", List.class);
        assertEquals(
                JSON.readTree("{\"type\": \"array\", \"items\": {\"type\": \"object\", \"properties\": {\"state\":"
                        + " {\"type\": \"string\"}}}, \"example\": [{\"state\": \"WA\"}, {\"state\": \"CA\"}]}"),
                JSON.valueToTree(SparkJsonSchema.dataFrame(SparkInference.inferRecords(rows), rows)));
    }

    @Test
    void everyType() throws Exception {
        SparkType.Struct schema = SparkDdl.parseSchema("b BYTE, s SHORT, i INT, l BIGINT, t BOOLEAN, f FLOAT, d DOUBLE,"
                + " m DECIMAL(10,2), str STRING, bin BINARY, day DATE, at TIMESTAMP, scores ARRAY<DOUBLE>,"
                + " attrs MAP<STRING, INT>, address STRUCT<city: STRING, zip: STRING>");
        JsonNode expected = JSON.readTree("""
                {"type": "object", "properties": {
                  "b": {"type": "integer", "format": "int8"},
                  "s": {"type": "integer", "format": "int16"},
                  "i": {"type": "integer", "format": "int32"},
                  "l": {"type": "integer", "format": "int64"},
                  "t": {"type": "boolean"},
                  "f": {"type": "number", "format": "float"},
                  "d": {"type": "number", "format": "double"},
                  "m": {"type": "number", "format": "decimal"},
                  "str": {"type": "string"},
                  "bin": {"type": "string", "format": "binary"},
                  "day": {"type": "string", "format": "date"},
                  "at": {"type": "string", "format": "date-time"},
                  "scores": {"type": "array", "items": {"type": "number", "format": "double"}},
                  "attrs": {"type": "object", "additionalProperties": {"type": "integer", "format": "int32"}},
                  "address": {"type": "object", "properties": {"city": {"type": "string"}, "zip": {"type": "string"}}}
                }}""");
        JsonNode actual = JSON.valueToTree(SparkJsonSchema.of(schema));
        assertEquals(expected, actual);
        // Properties keep the schema's order, so documents are deterministic and read like the DDL.
        assertEquals(
                List.of(
                        "b", "s", "i", "l", "t", "f", "d", "m", "str", "bin", "day", "at", "scores", "attrs",
                        "address"),
                iterate(actual.get("properties").fieldNames()));
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}

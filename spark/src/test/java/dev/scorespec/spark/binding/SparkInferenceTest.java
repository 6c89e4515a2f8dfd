package dev.scorespec.spark.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorespec.annotations.internal.spark.SparkInference;
import dev.scorespec.annotations.internal.spark.SparkType;
import dev.scorespec.spark.TestSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Schema inference without Spark against {@code spark.read().json(...)} on the same rows. */
class SparkInferenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> SAMPLES = List.of(
            "[{\"name\": \"Sarah\", \"state\": \"WA\"}, {\"name\": \"John\", \"state\": \"CA\"}]",
            "[{\"b\": 1, \"a\": 2.5, \"c\": true, \"d\": \"x\"}]",
            "[{\"x\": 1}, {\"x\": 2.5}]",
            "[{\"x\": 1}, {\"x\": \"one\"}]",
            "[{\"x\": true}, {\"x\": 1}]",
            "[{\"x\": null}, {\"y\": 1}]",
            "[{\"x\": null}, {\"x\": 3}]",
            "[{\"v\": [1, 2, 3]}, {\"v\": [4.5]}, {\"v\": []}]",
            "[{\"v\": []}]",
            "[{\"v\": [[1], [2, 3]]}]",
            "[{\"v\": [1, \"a\"]}]",
            "[{\"s\": {\"z\": 1, \"a\": {\"m\": \"n\"}}}, {\"s\": {\"b\": [true]}}]",
            "[{\"s\": {}}, {\"t\": 1}]",
            "[{\"big\": 12345678901234567890}, {\"big\": 1}]",
            "[{\"big\": 123456789012345678901234567890123456789012}]",
            "[{\"big\": 12345678901234567890}, {\"big\": 0.5}]",
            "[{\"when\": \"2020-01-02T03:04:05Z\", \"day\": \"2020-01-02\"}]",
            "[{\"Upper\": 1, \"lower\": 2, \"_u\": 3, \"1\": 4}]",
            "[{\"a\": [{\"y\": 1}, {\"x\": \"s\"}]}]",
            "[{\"a\": {\"x\": 1}}, {\"a\": 5}]");

    @Test
    void infersAsSparkDoes() throws Exception {
        List<String> differences = new ArrayList<>();
        for (String sample : SAMPLES) {
            List<?> rows = JSON.readValue(sample, List.class);
            List<String> lines = new ArrayList<>();
            for (Object row : rows) {
                lines.add(JSON.writeValueAsString(row));
            }
            StructType spark = TestSpark.session()
                    .read()
                    .json(TestSpark.session().createDataset(lines, Encoders.STRING()))
                    .schema();
            StructType ours = SparkTypes.toSpark(SparkInference.inferRecords(rows));
            if (!spark.equals(ours)) {
                differences.add(sample + "\n  spark: " + spark.simpleString() + "\n  ours:  " + ours.simpleString());
            }
        }
        assertEquals("", String.join("\n", differences));
    }

    @Test
    void rowsMustBeObjects() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> SparkInference.inferRecords(List.of(Map.of("a", 1), List.of(1))));
        assertEquals(
                "row 1 is not an object: each row of a Spark sample is an object of column values", e.getMessage());
    }

    @Test
    void fieldsAreSortedByName() {
        SparkType.Struct struct = SparkInference.inferRecords(List.of(Map.of("b", 1L, "a", "x")));
        assertEquals("struct<a:string,b:bigint>", struct.simpleString());
    }
}

package dev.scorespec.spark.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorespec.spark.TestSpark;
import java.io.StringWriter;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Rows read from JSON go into a real DataFrame and come back out as the same JSON, in canonical text. */
class SparkRowWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesWhatItReadsThroughADataFrame() throws Exception {
        String ddl = "b BYTE, s SHORT, i INT, l BIGINT, t BOOLEAN, f FLOAT, d DOUBLE, m DECIMAL(10,2), str STRING,"
                + " bin BINARY, day DATE, at TIMESTAMP, scores ARRAY<DOUBLE>, grid ARRAY<ARRAY<INT>>,"
                + " attrs MAP<STRING, INT>, address STRUCT<city: STRING, tags: ARRAY<STRING>>";
        String records = "[{\"b\": 1, \"s\": 2, \"i\": 3, \"l\": 4, \"t\": true, \"f\": 1.5, \"d\": 0.25, \"m\": 12.5,"
                + " \"str\": \"WA\", \"bin\": \"AQID\", \"day\": \"2020-01-02\", \"at\": \"2020-01-02T04:04:05.5+01:00\","
                + " \"scores\": [1, null], \"grid\": [[1, 2], []], \"attrs\": {\"a\": 1, \"b\": null},"
                + " \"address\": {\"city\": \"Seattle\", \"tags\": [\"x\"]}},"
                + " {\"b\": null, \"s\": null, \"i\": null, \"l\": null, \"t\": null, \"f\": null, \"d\": null, \"m\": null,"
                + " \"str\": null, \"bin\": null, \"day\": null, \"at\": null, \"scores\": null, \"grid\": null,"
                + " \"attrs\": null, \"address\": null}]";
        List<Row> rows = SparkRowReaderTest.read(ddl, records);
        Dataset<Row> frame = TestSpark.session().createDataFrame(rows, StructType.fromDDL(ddl));

        StringWriter text = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(text)) {
            SparkRowWriter.writeRecords(g, frame);
        }
        String expected = records.replace("12.5", "12.50")
                .replace("\"2020-01-02T04:04:05.5+01:00\"", "\"2020-01-02T03:04:05.500Z\"")
                .replace("[1, null]", "[1.0, null]");
        assertEquals(JSON.readTree(expected), JSON.readTree(text.toString()));
    }
}

package dev.scorespec.spark.frames;

import dev.scorespec.annotations.InputSchema;
import dev.scorespec.annotations.OutputSchema;
import dev.scorespec.annotations.SparkFrame;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** inference-schema's own {@code SparkParameterType} test: names and states in, the states out. */
public class StateScore {

    @InputSchema(param = "param", spark = @SparkFrame(sample = """
            [{"name": "Sarah", "state": "WA"}, {"name": "John", "state": "CA"}]"""))
    @OutputSchema(spark = @SparkFrame(sample = "[{\"state\": \"WA\"}, {\"state\": \"CA\"}]"))
    public Dataset<Row> run(Dataset<Row> param) {
        return param.select("state");
    }
}

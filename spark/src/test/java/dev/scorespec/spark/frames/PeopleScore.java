package dev.scorespec.spark.frames;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.scorespec.annotations.InputSchema;
import dev.scorespec.annotations.OutputSchema;
import dev.scorespec.annotations.SparkFrame;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Every Spark type of a sample, pinned by DDL; the score is computed by Spark from some of them. */
public class PeopleScore {

    static final String DDL = "name STRING NOT NULL, age INT, small SMALLINT, tiny TINYINT, big BIGINT, ok BOOLEAN,"
            + " ratio FLOAT, score DOUBLE, price DECIMAL(10,2), photo BINARY, born DATE, joined TIMESTAMP,"
            + " scores ARRAY<DOUBLE>, attrs MAP<STRING, INT>, address STRUCT<city: STRING, zip: STRING>";

    @InputSchema(param = "people", spark = @SparkFrame(ddl = DDL, sample = """
            [{"name": "Sarah", "age": 31, "small": 7, "tiny": 1, "big": 9007199254740993, "ok": true,
              "ratio": 0.5, "score": 1.25, "price": 12.5, "photo": "AAEC", "born": "1990-01-02",
              "joined": "2020-01-02T03:04:05Z", "scores": [0.5, 1.0], "attrs": {"a": 1},
              "address": {"city": "Seattle", "zip": "98101"}}]"""))
    @OutputSchema(spark = @SparkFrame(ddl = "name STRING, total DOUBLE", sample = """
            [{"name": "Sarah", "total": 32.25}]"""))
    public Dataset<Row> run(Dataset<Row> people) {
        // age is INT: the sum is a double, as the output sample says; a returned int would be widened.
        return people.select(
                col("name"), col("age").plus(col("score")).plus(lit(0.0)).as("total"));
    }
}

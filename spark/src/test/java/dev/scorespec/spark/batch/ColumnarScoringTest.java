package dev.scorespec.spark.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorespec.spark.BatchOptions;
import dev.scorespec.spark.BatchScoring;
import dev.scorespec.spark.TestSpark;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Parquet dataset is scored from its scan's column batches; every row comes out as from Spark's rows (the
 * path of every other dataset, {@code columnar(false)}): kept values, outputs and refused rows alike.
 */
class ColumnarScoringTest {

    private static final String RIDGE = "dev.scorespec.samples.ridge.RidgeScore";

    @TempDir
    Path dir;

    private static SparkSession spark() {
        return TestSpark.session();
    }

    /** Scored both ways, ordered by id. */
    private static List<List<Row>> bothWays(Dataset<Row> input, String scoringClass, BatchOptions options) {
        return List.of(
                BatchScoring.score(input, scoringClass, options.columnar(true))
                        .orderBy("id")
                        .collectAsList(),
                BatchScoring.score(input, scoringClass, options.columnar(false))
                        .orderBy("id")
                        .collectAsList());
    }

    /**
     * 5,000 rows in one file (the reader's batches hold 4,096, so a scoring batch of 1,500 spans two), a kept
     * string, a NaN the binding refuses and nulls where the input takes none.
     */
    @Test
    void columnBatchesScoreAsSparksRows() {
        String path = dir.resolve("linear.parquet").toString();
        spark().range(5_000)
                .selectExpr(
                        "id",
                        "CONCAT('row ', id) AS name",
                        "IF(id % 1000 = 7, CAST('NaN' AS DOUBLE), CAST(id AS DOUBLE) / 100) AS x1",
                        "IF(id % 997 = 3, NULL, CAST(id % 7 AS DOUBLE)) AS x2",
                        "SQRT(CAST(id AS DOUBLE)) AS x3")
                .coalesce(1)
                .write()
                .parquet(path);
        Dataset<Row> input = spark().read().parquet(path);
        assertNotNull(ColumnarInput.of(input.select("id", "name", "x1", "x2", "x3")), "a columnar scan");

        List<List<Row>> scored = bothWays(
                input,
                LinearScore.class.getName(),
                BatchOptions.defaults()
                        .batchSize(1500)
                        .keepColumns("id", "name")
                        .onError(BatchOptions.OnError.COLUMN));
        List<Row> columnar = scored.get(0);
        assertEquals(5_000, columnar.size());
        assertEquals(scored.get(1), columnar);
        assertEquals("row 7", columnar.get(7).getString(1));
        assertEquals("x1: expected a finite number, got NaN", columnar.get(7).getString(3));
        assertEquals("x2: expected a value, got null", columnar.get(3).getString(3));
        assertNull(columnar.get(3).get(2));
        assertEquals(
                LinearScore.predict(new double[] {0.5, 1.0, -2.0, 0.25}, 49.99, 4_999 % 7, Math.sqrt(4_999)),
                columnar.get(4_999).getDouble(2),
                0.0);
    }

    /** The ridge sample's ten features from ten columns, one of them null in one row. */
    @Test
    void namedColumnsOfAColumnBatchScoreAsSparksRows() {
        String path = dir.resolve("ridge.parquet").toString();
        String[] names = new String[10];
        for (int c = 0; c < names.length; c++) {
            names[c] = "x" + c;
        }
        spark().range(2_000)
                .selectExpr(
                        "id",
                        "(id % 13) / 100.0D - 0.06 AS x0",
                        "(id % 7) / 100.0D AS x1",
                        "-(id % 5) / 100.0D AS x2",
                        "IF(id = 1234, NULL, (id % 3) / 50.0D) AS x3",
                        "0.01D AS x4",
                        "(id % 11) / 200.0D AS x5",
                        "-0.02D AS x6",
                        "(id % 2) / 40.0D AS x7",
                        "(id % 17) / 300.0D AS x8",
                        "0.03D AS x9")
                .repartition(2)
                .write()
                .parquet(path);

        List<List<Row>> scored = bothWays(
                spark().read().parquet(path),
                RIDGE,
                BatchOptions.defaults()
                        .keepColumns("id")
                        .arrayColumns("data", names)
                        .onError(BatchOptions.OnError.COLUMN));
        List<Row> columnar = scored.get(0);
        assertEquals(2_000, columnar.size());
        assertEquals(scored.get(1), columnar);
        assertEquals("data[3]: expected a value, got null", columnar.get(1234).getString(2));
        assertTrue(columnar.get(1233).getDouble(1) != 0.0);
    }

    /** Datasets that are not a columnar scan of columns as they are go through Spark's rows. */
    @Test
    void onlyAColumnarScanOfPlainColumnsIsReadAsColumnBatches() {
        String path = dir.resolve("plain.parquet").toString();
        spark().range(3).selectExpr("id", "CAST(id AS DOUBLE) AS x").write().parquet(path);
        assertNotNull(ColumnarInput.of(spark().read().parquet(path).select("x", "id", "x")));
        assertNull(ColumnarInput.of(spark().read().parquet(path).selectExpr("id", "CAST(x AS FLOAT) AS x")));
        assertNull(ColumnarInput.of(spark().range(3).selectExpr("id", "CAST(id AS DOUBLE) AS x")));
        String csv = dir.resolve("plain.csv").toString();
        spark().read().parquet(path).write().option("header", "true").csv(csv);
        assertNull(ColumnarInput.of(spark().read().option("header", "true").csv(csv)));
    }
}

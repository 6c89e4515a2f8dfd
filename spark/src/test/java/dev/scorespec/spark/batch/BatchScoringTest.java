package dev.scorespec.spark.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorespec.spark.BatchJob;
import dev.scorespec.spark.BatchOptions;
import dev.scorespec.spark.BatchScoring;
import dev.scorespec.spark.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch scoring of {@link LinearScore} through its hand-written tabular binder, in local mode. */
class BatchScoringTest {

    private static final double[] MODEL = {1.5, 2.0, -0.5, 3.0};

    @TempDir
    Path dir;

    private static SparkSession spark() {
        return TestSpark.session();
    }

    private static Dataset<Row> features(long rows) {
        return spark().range(rows)
                .selectExpr(
                        "id",
                        "CAST(id AS DOUBLE) / 100 AS x1",
                        "CAST(id % 7 AS DOUBLE) AS x2",
                        "SQRT(CAST(id AS DOUBLE)) AS x3");
    }

    private Path modelDir() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.writeString(models.resolve("linear.txt"), "1.5 2.0 -0.5 3.0\n");
        return models;
    }

    /** The README's command: 10,000 rows of Parquet in, Parquet out, every value checked. */
    @Test
    void scoresAParquetFileFromTheCommandLine() throws Exception {
        Path in = dir.resolve("in.parquet");
        Path out = dir.resolve("out.parquet");
        features(10_000).repartition(4).write().parquet(in.toString());
        int initsBefore = LinearScore_ScoreSpec.INITS.get();

        assertEquals(
                0,
                BatchJob.run(
                        "--scoring-class",
                        LinearScore.class.getName(),
                        "--input",
                        in.toString(),
                        "--output",
                        out.toString(),
                        "--model-dir",
                        modelDir().toString(),
                        "--batch-size",
                        "512"));

        Dataset<Row> scored = spark().read().parquet(out.toString());
        assertArrayEquals(new String[] {"id", "x1", "x2", "x3", "prediction"}, scored.columns());
        List<Row> rows = scored.collectAsList();
        assertEquals(10_000, rows.size());
        for (Row row : rows) {
            double expected = LinearScore.predict(MODEL, row.getDouble(1), row.getDouble(2), row.getDouble(3));
            assertEquals(expected, row.getDouble(4), 0.0, "row " + row.getLong(0));
        }
        assertEquals(10_000, scored.select("id").distinct().count());
        // One JVM, one model directory: @Init ran once for all four partitions.
        assertTrue(LinearScore_ScoreSpec.INITS.get() - initsBefore <= 1);
    }

    @Test
    void keepsTheNamedColumnsAndTakesCsvAndJsonLines() throws Exception {
        Path in = dir.resolve("in.csv");
        Path out = dir.resolve("out.json");
        features(20).write().option("header", "true").csv(in.toString());
        assertEquals(
                0,
                BatchJob.run(
                        "--scoring-class",
                        LinearScore.class.getName(),
                        "--input",
                        in.toString(),
                        "--output",
                        out.toString(),
                        "--keep-columns",
                        "id"));
        Dataset<Row> scored = spark().read().json(out.toString());
        assertEquals(20, scored.count());
        assertEquals(List.of("id", "prediction"), List.of(scored.columns()));
    }

    @Test
    void checksTheDatasetBeforeAnyJob() {
        IllegalArgumentException missing = assertThrows(
                IllegalArgumentException.class,
                () -> BatchScoring.score(features(3).drop("x2"), LinearScore.class, BatchOptions.defaults()));
        assertEquals(
                "The dataset has no input column (double without nulls) 'x2'; its columns are 'id', 'x1', 'x3'",
                missing.getMessage());

        IllegalArgumentException type = assertThrows(
                IllegalArgumentException.class,
                () -> BatchScoring.score(
                        features(3).selectExpr("id", "x1", "CAST(x2 AS STRING) AS x2", "x3"),
                        LinearScore.class,
                        BatchOptions.defaults()));
        assertEquals(
                "Column 'x2' is string, but " + LinearScore.class.getName() + " expects double without nulls"
                        + " (or tinyint, smallint, int, bigint, float, which widen to it)",
                type.getMessage());

        IllegalArgumentException clash = assertThrows(
                IllegalArgumentException.class,
                () -> BatchScoring.score(
                        features(3).withColumnRenamed("id", "prediction"), LinearScore.class, BatchOptions.defaults()));
        assertTrue(clash.getMessage().startsWith("Output column 'prediction' of "), clash.getMessage());
    }

    @Test
    void integerColumnsWidenToDouble() {
        Dataset<Row> ints =
                spark().range(5).selectExpr("id", "CAST(id AS INT) AS x1", "id AS x2", "CAST(1 AS FLOAT) AS x3");
        List<Row> rows = BatchScoring.score(ints, LinearScore.class, BatchOptions.defaults())
                .orderBy("id")
                .collectAsList();
        assertEquals(0.5 + 4 * 1.0 - 2.0 * 4 + 0.25, rows.get(4).getDouble(4), 0.0);
    }

    /** Row 2 has a NaN the binding refuses and row 3 a null: the other rows are still scored. */
    private static Dataset<Row> withBadRows() {
        return spark().range(6)
                .selectExpr(
                        "id",
                        "IF(id = 2, CAST('NaN' AS DOUBLE), CAST(id AS DOUBLE)) AS x1",
                        "IF(id = 3, NULL, 1.0D) AS x2",
                        "0.0D AS x3")
                .coalesce(1);
    }

    @Test
    void refusedRowsGetTheirMessageInTheErrorColumn() {
        List<Row> rows = BatchScoring.score(
                        withBadRows(),
                        LinearScore.class,
                        BatchOptions.defaults().batchSize(4).onError(BatchOptions.OnError.COLUMN))
                .orderBy("id")
                .collectAsList();
        assertEquals(6, rows.size());
        assertEquals("x1: expected a finite number, got NaN", rows.get(2).getString(5));
        assertNull(rows.get(2).get(4));
        assertEquals("x2: expected a value, got null", rows.get(3).getString(5));
        for (int id : new int[] {0, 1, 4, 5}) {
            assertNull(rows.get(id).get(5));
            assertEquals(0.5 + id - 2.0, rows.get(id).getDouble(4), 0.0);
        }
    }

    @Test
    void refusedRowsFailTheJobWithTheirCountAndMessages() {
        Exception e = assertThrows(
                Exception.class,
                () -> BatchScoring.score(
                                withBadRows(),
                                LinearScore.class,
                                BatchOptions.defaults().batchSize(4))
                        .collectAsList());
        assertTrue(
                e.getMessage()
                        .contains(
                                "2 rows of partition 0 refused by " + LinearScore.class.getName()
                                        + "; the first: row 2: x1: expected a finite number, got NaN; row 3: x2: expected a value, got null"),
                e.getMessage());
    }

    @Test
    void theCommandLineRefusesWhatItCannotDo() {
        String[] common = {
            "--scoring-class",
            LinearScore.class.getName(),
            "--output",
            dir.resolve("o.parquet").toString()
        };
        assertEquals(2, BatchJob.run(concat(common, "--input", "in.parquet", "--on-error", "skip")));
        assertEquals(1, BatchJob.run(concat(common, "--input", "in.txt")), "no format from the extension");
        assertEquals(2, BatchJob.run("--input", "in.parquet"), "required options missing");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

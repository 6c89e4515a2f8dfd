package dev.scorespec.spark.batch;

import dev.scorespec.spark.BatchOptions;
import dev.scorespec.spark.BatchScoring;
import dev.scorespec.spark.session.SparkSessionOwner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Rows per second of batch scoring in {@code local[2]}: a Parquet file of N rows of ten features (fixed
 * seed) scored by {@link RidgeLike_ScoreSpec}, or with {@code ridge} as third argument by the ridge sample
 * ({@code RidgeScore}, its generated binder's tabular path, the features named for its {@code data} input),
 * through {@code BatchScoring} and written as Parquet, the whole
 * job timed, after one untimed warm-up run; then the same jobs into Spark's no-op sink, without the write. Run by {@code benchmarks/spark-batch.sh}; never by the tests.
 */
public final class BatchBenchmark {

    private BatchBenchmark() {}

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        SparkSession spark = new SparkSessionOwner("local[2]", Map.of("spark.sql.shuffle.partitions", "2")).session();
        Path work = Files.createTempDirectory("scorespec-batch-bench");
        String in = work.resolve("in.parquet").toString();
        StringBuilder features = new StringBuilder();
        for (int c = 0; c < RidgeLike_ScoreSpec.FEATURES; c++) {
            features.append(c == 0 ? "" : ", ")
                    .append("(rand(")
                    .append(c)
                    .append(") - 0.5) * 0.2 AS x")
                    .append(c);
        }
        spark.range(rows)
                .selectExpr(columns(features.toString()))
                .repartition(2)
                .write()
                .parquet(in);

        String[] names = new String[RidgeLike_ScoreSpec.FEATURES];
        for (int c = 0; c < names.length; c++) {
            names[c] = "x" + c;
        }
        // The hand-written ridge-like binder, or with "ridge" the ridge sample (ONNX Runtime) through its
        // generated tabular binding
        boolean sample = args.length > 2 && args[2].equals("ridge");
        String scoringClass = sample ? "dev.scorespec.samples.ridge.RidgeScore" : RidgeLike_ScoreSpec.SCORING_CLASS;
        BatchOptions options = BatchOptions.defaults().batchSize(1000).keepColumns("id");
        if (sample) {
            options = options.arrayColumns("data", names);
        }
        System.out.println("scoring class: " + scoringClass);
        for (int run = 0; run <= runs; run++) {
            String out = work.resolve("out" + run + ".parquet").toString();
            long start = System.nanoTime();
            Dataset<Row> scored = BatchScoring.score(spark.read().parquet(in), scoringClass, options);
            scored.write().parquet(out);
            double seconds = (System.nanoTime() - start) / 1e9;
            long written = spark.read().parquet(out).count();
            System.out.printf(
                    "%s: %d rows in %.2f s, %.0f rows/s%n",
                    run == 0 ? "warm-up" : "run " + run, written, seconds, written / seconds);
        }
        // The same job into Spark's no-op sink: what the scoring costs without writing Parquet.
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            BatchScoring.score(spark.read().parquet(in), scoringClass, options)
                    .write()
                    .format("noop")
                    .mode("overwrite")
                    .save();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("no-op sink %d: %d rows in %.2f s, %.0f rows/s%n", run, rows, seconds, rows / seconds);
        }
        spark.stop();
    }

    private static String[] columns(String features) {
        String[] parts = features.split(", (?=\\()");
        String[] columns = new String[parts.length + 1];
        columns[0] = "id";
        System.arraycopy(parts, 0, columns, 1, parts.length);
        return columns;
    }
}

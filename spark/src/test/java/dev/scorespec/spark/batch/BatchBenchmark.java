package dev.scorespec.spark.batch;

import dev.scorespec.runtime.binding.ScoringBinder;
import dev.scorespec.runtime.binding.TabularBinding;
import dev.scorespec.spark.BatchOptions;
import dev.scorespec.spark.BatchScoring;
import dev.scorespec.spark.session.SparkSessionOwner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Rows per second of batch scoring in {@code local[2]}: a Parquet file of N rows of ten features (fixed
 * seed) scored through {@code BatchScoring} and written as Parquet, the whole job timed, after three untimed warm-up runs; then the
 * same jobs into Spark's no-op sink, without the write. The scoring class is the ridge
 * sample ({@code ridge}, the default: {@code RidgeScore}, ONNX Runtime, its generated binder's tabular path,
 * the features named for its {@code data} input) or {@code ridge-like} ({@link RidgeLike_ScoreSpec}, a
 * hand-written linear binder over the same columns: the batch path without ONNX Runtime).
 *
 * <p>With {@code breakdown} as fourth argument it also times the parts of the job, each the best of the runs:
 * Parquet read alone (into the no-op sink), read and the projection {@code BatchScoring} asks for, Parquet
 * read and write of two columns without scoring, the job written without and with Parquet's default settings
 * in turns (the writer tries a dictionary for the prediction's values, then drops it), a job over 1,000 rows
 * (the fixed cost of a job), and the scoring class alone on 1,000-row batches in this thread.
 * Run by {@code benchmarks/spark-batch.sh}; never by the tests.
 */
public final class BatchBenchmark {

    private static final String RIDGE = "dev.scorespec.samples.ridge.RidgeScore";
    private static final int FEATURES = 10;
    private static final int BATCH = 1000;
    /** Untimed runs first: 3 million rows, as many as the HTTP side's 3 s warm-up sends. */
    private static final int WARM_UP = 3;

    private BatchBenchmark() {}

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean ridgeLike = args.length > 2 && args[2].equals("ridge-like");
        boolean breakdown = args.length > 3 && args[3].equals("breakdown");
        SparkSession spark = new SparkSessionOwner("local[2]", Map.of("spark.sql.shuffle.partitions", "2")).session();
        Path work = Files.createTempDirectory("scorespec-batch-bench");
        String in = work.resolve("in.parquet").toString();
        String small = work.resolve("small.parquet").toString();
        String[] names = new String[FEATURES];
        Column[] columns = new Column[FEATURES + 1];
        columns[0] = functions.col("id");
        for (int c = 0; c < FEATURES; c++) {
            names[c] = "x" + c;
            columns[c + 1] = functions.rand(c).minus(0.5).multiply(0.2).as(names[c]);
        }
        spark.range(rows).select(columns).repartition(2).write().parquet(in);
        spark.range(BATCH).select(columns).repartition(2).write().parquet(small);

        String scoringClass = ridgeLike ? RidgeLike_ScoreSpec.SCORING_CLASS : RIDGE;
        BatchOptions options = BatchOptions.defaults().batchSize(BATCH).keepColumns("id");
        if (!ridgeLike) {
            options = options.arrayColumns("data", names);
        }
        BatchOptions chosen = options;
        String output = ridgeLike ? "prediction" : "result";
        System.out.println("scoring class: " + scoringClass);
        for (int run = 1 - WARM_UP; run <= runs; run++) {
            String out = work.resolve("out" + (run + WARM_UP) + ".parquet").toString();
            double seconds = timed(() -> BatchScoring.score(spark.read().parquet(in), scoringClass, chosen)
                    .write()
                    .parquet(out));
            long written = spark.read().parquet(out).count();
            System.out.printf(
                    "%s: %d rows in %.2f s, %.0f rows/s%n",
                    run < 1 ? "warm-up" : "run " + run, written, seconds, written / seconds);
        }
        // The same job into Spark's no-op sink: what the scoring costs without writing Parquet.
        for (int run = 1; run <= runs; run++) {
            double seconds = timed(() -> noop(BatchScoring.score(spark.read().parquet(in), scoringClass, chosen)));
            System.out.printf("no-op sink %d: %d rows in %.2f s, %.0f rows/s%n", run, rows, seconds, rows / seconds);
        }
        if (breakdown) {
            breakdown(spark, in, small, rows, runs, names, scoringClass, output, chosen);
        }
        spark.stop();
    }

    /** The parts of the job, each timed alone, best of {@code runs}. */
    private static void breakdown(
            SparkSession spark,
            String in,
            String small,
            long rows,
            int runs,
            String[] names,
            String scoringClass,
            String output,
            BatchOptions options)
            throws Exception {
        Column[] projected = {
            functions.col("id"),
            functions.array(java.util.Arrays.stream(names).map(functions::col).toArray(Column[]::new))
        };
        report(
                "Parquet read alone, no-op sink",
                rows,
                runs,
                () -> noop(spark.read().parquet(in)));
        report(
                "Parquet read and BatchScoring's projection, no-op sink",
                rows,
                runs,
                () -> noop(spark.read()
                        .parquet(in)
                        .select(options.arrayColumns().isEmpty() ? columnsOf(names) : projected)));
        report(
                "Parquet read and write of id and x0, no scoring",
                rows,
                runs,
                () -> spark.read()
                        .parquet(in)
                        .select("id", "x0")
                        .write()
                        .mode("overwrite")
                        .parquet(in + ".copy"));
        // The writer's settings, A against B in turns, so that neither gains from running later.
        double plain = Double.MAX_VALUE;
        double dictionary = Double.MAX_VALUE;
        for (int run = 0; run < runs; run++) {
            plain = Math.min(
                    plain,
                    timed(() -> BatchScoring.score(spark.read().parquet(in), scoringClass, options)
                            .write()
                            .mode("overwrite")
                            .option("parquet.enable.dictionary#" + output, "false")
                            .parquet(in + ".plain")));
            dictionary = Math.min(
                    dictionary,
                    timed(() -> BatchScoring.score(spark.read().parquet(in), scoringClass, options)
                            .write()
                            .mode("overwrite")
                            .parquet(in + ".default")));
        }
        System.out.printf(
                "the job, %s without dictionary encoding, in turns: %.3f s, %.0f rows/s%n",
                output, plain, rows / plain);
        System.out.printf(
                "the job, Parquet's default settings (a dictionary tried for %s), in turns: %.3f s, %.0f rows/s%n",
                output, dictionary, rows / dictionary);
        report(
                "a job over 1,000 rows, Parquet in and out",
                BATCH,
                runs,
                () -> BatchScoring.score(spark.read().parquet(small), scoringClass, options)
                        .write()
                        .mode("overwrite")
                        .parquet(small + ".out"));

        // The scoring class alone: run on 1,000-row batches, in this thread, as one task does.
        @SuppressWarnings("unchecked")
        ScoringBinder<Object, Object> binder =
                (ScoringBinder<Object, Object>) BinderCache.initialised(scoringClass, options.modelDir());
        TabularBinding<Object, Object> tabular = binder.tabular();
        Object[] batch = batchOf(tabular.inputColumns(), new Random(7));
        long batches = rows / BATCH;
        report("the scoring class alone, 1,000-row batches, one thread", batches * BATCH, runs, () -> {
            for (long b = 0; b < batches; b++) {
                tabular.columns(binder.run(tabular.arguments(batch, BATCH)));
            }
        });
    }

    private static Column[] columnsOf(String[] names) {
        Column[] columns = new Column[names.length + 1];
        columns[0] = functions.col("id");
        for (int c = 0; c < names.length; c++) {
            columns[c + 1] = functions.col(names[c]);
        }
        return columns;
    }

    /** One batch of float64 input columns, as the binding takes them. */
    private static Object[] batchOf(List<TabularBinding.Column> inputs, Random random) {
        Object[] columns = new Object[inputs.size()];
        for (int c = 0; c < columns.length; c++) {
            TabularBinding.Column column = inputs.get(c);
            if (column.type() != TabularBinding.ColumnType.FLOAT64) {
                throw new IllegalArgumentException("float64 inputs only, not " + column);
            }
            if (column.width() > 0) {
                double[][] values = new double[BATCH][column.width()];
                for (double[] row : values) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = (random.nextDouble() - 0.5) * 0.2;
                    }
                }
                columns[c] = values;
            } else {
                double[] values = new double[BATCH];
                for (int i = 0; i < BATCH; i++) {
                    values[i] = (random.nextDouble() - 0.5) * 0.2;
                }
                columns[c] = values;
            }
        }
        return columns;
    }

    private static void noop(Dataset<Row> dataset) {
        dataset.write().format("noop").mode("overwrite").save();
    }

    private static void report(String what, long rows, int runs, Job job) throws Exception {
        job.run(); // warm-up
        double best = Double.MAX_VALUE;
        for (int run = 0; run < runs; run++) {
            best = Math.min(best, timed(job));
        }
        System.out.printf("%s: %d rows in %.3f s, %.0f rows/s%n", what, rows, best, rows / best);
    }

    private static double timed(Job job) throws Exception {
        long start = System.nanoTime();
        job.run();
        return (System.nanoTime() - start) / 1e9;
    }

    @FunctionalInterface
    private interface Job {
        void run() throws Exception;
    }
}

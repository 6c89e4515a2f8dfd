package dev.scorespec.spark;

import dev.scorespec.spark.session.SparkSessionOwner;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Scores a file with a scoring class on Spark:
 * {@code spark-submit --class dev.scorespec.spark.BatchJob service.jar --scoring-class X --input in.parquet
 * --output out.parquet}. Parquet, CSV (with a header) and JSON lines, in and out, told by the file's
 * extension or {@code --input-format}/{@code --output-format}.
 */
@Command(
        name = "scorespec-batch",
        mixinStandardHelpOptions = true,
        description = "Scores a Parquet, CSV or JSON-lines dataset with a ScoreSpec scoring class on Spark.")
public final class BatchJob implements Callable<Integer> {

    enum Format {
        PARQUET,
        CSV,
        JSON
    }

    @Option(names = "--scoring-class", required = true, description = "The scoring class, fully qualified.")
    String scoringClass;

    @Option(names = "--input", required = true, description = "The dataset to score: a file or a folder of part files.")
    String input;

    @Option(
            names = "--output",
            required = true,
            description = "Where the scored dataset is written (a folder, as Spark writes).")
    String output;

    @Option(
            names = "--input-format",
            description = "parquet, csv or json (JSON lines); by default from the input's extension.")
    Format inputFormat;

    @Option(names = "--output-format", description = "parquet, csv or json; by default from the output's extension.")
    Format outputFormat;

    @Option(
            names = "--model-dir",
            description = "The model directory the scoring class's @Init gets, on every executor.")
    String modelDir;

    @Option(
            names = "--batch-size",
            defaultValue = "1000",
            description = "Rows scored at once (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
            names = "--keep-columns",
            split = ",",
            description = "Input columns written next to the outputs (default: all).")
    List<String> keepColumns = List.of();

    @Option(
            names = "--on-error",
            defaultValue = "fail",
            description =
                    "fail: a refused row fails the job; column: it is written with its message in --error-column.")
    BatchOptions.OnError onError;

    @Option(names = "--error-column", defaultValue = "scoring_error", description = "Default ${DEFAULT-VALUE}.")
    String errorColumn;

    @Option(
            names = "--array-columns",
            paramLabel = "INPUT=COLUMN,...",
            description = "For an ndarray input, the dataset's columns that hold its values, in the sample's order"
                    + " (repeat for each such input); by default the dataset's array column of the input's name.")
    Map<String, String> arrayColumns = new LinkedHashMap<>();

    @Option(names = "--overwrite", description = "Replace the output if it exists.")
    boolean overwrite;

    private final PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the job and returns its exit code: 0 done, 1 failed, 2 bad arguments. */
    public static int run(String... args) {
        CommandLine line = new CommandLine(new BatchJob()).setCaseInsensitiveEnumValuesAllowed(true);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("scorespec-batch: " + e.getMessage());
            return 1;
        });
        return line.execute(args);
    }

    @Override
    public Integer call() {
        BatchOptions.OnError choice = onError;
        BatchOptions options = BatchOptions.defaults()
                .modelDir(modelDir)
                .batchSize(batchSize)
                .keepColumns(keepColumns.toArray(String[]::new))
                .onError(choice)
                .errorColumn(errorColumn);
        for (Map.Entry<String, String> named : arrayColumns.entrySet()) {
            options = options.arrayColumns(named.getKey(), named.getValue().split(",", -1));
        }
        Format in = inputFormat == null ? formatOf(input) : inputFormat;
        Format outFormat = outputFormat == null ? formatOf(output) : outputFormat;
        SparkSession spark = SparkSessionOwner.shared().session();
        Dataset<Row> scored = BatchScoring.score(read(spark, in, input), scoringClass, options);
        write(scored, outFormat, output);

        Dataset<Row> written = read(spark, outFormat, output);
        long rows = written.count();
        out.println("Scored " + rows + " rows into " + output);
        if (choice == BatchOptions.OnError.COLUMN) {
            Dataset<Row> refused = written.filter(functions.col(errorColumn).isNotNull());
            long count = refused.count();
            if (count > 0) {
                out.println(count + " rows refused; the first:");
                for (Row row : refused.select(errorColumn).limit(5).collectAsList()) {
                    out.println("  " + row.getString(0));
                }
            }
        }
        return 0;
    }

    static Format formatOf(String path) {
        String name = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        if (name.endsWith(".parquet")) {
            return Format.PARQUET;
        } else if (name.endsWith(".csv")) {
            return Format.CSV;
        } else if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Format.JSON;
        }
        throw new IllegalArgumentException("Cannot tell the format of " + path
                + " from its extension (.parquet, .csv, .json, .jsonl): give --input-format or --output-format");
    }

    private static Dataset<Row> read(SparkSession spark, Format format, String path) {
        return switch (format) {
            case PARQUET -> spark.read().parquet(path);
            case CSV ->
                spark.read()
                        .option("header", "true")
                        .option("inferSchema", "true")
                        .csv(path);
            case JSON -> spark.read().json(path);
        };
    }

    private void write(Dataset<Row> data, Format format, String path) {
        var writer = data.write().mode(overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists);
        switch (format) {
            case PARQUET -> writer.parquet(path);
            case CSV -> writer.option("header", "true").csv(path);
            case JSON -> writer.json(path);
        }
    }
}

package dev.scorespec.spark;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link BatchScoring} scores a dataset. Start from {@link #defaults()} and change what differs:
 * {@code BatchOptions.defaults().modelDir("/models").batchSize(5000).keepColumns("id")}.
 *
 * @param modelDir the model directory the scoring class's {@code @Init} gets, on every executor; null for
 *     none (the executor's working directory, as the server does without {@code AZUREML_MODEL_DIR})
 * @param batchSize the rows given to {@code run} at once
 * @param keepColumns the input columns written next to the outputs; empty for all of them
 * @param onError what a row the scoring class's binding refuses does: fail the job, or get its message in
 *     {@code errorColumn} with null outputs
 * @param errorColumn the name of the error column when {@code onError} is {@link OnError#COLUMN}
 * @param arrayColumns for an ndarray input whose rows are records of numbers, the dataset's columns that hold
 *     its values, in the sample's order, by the input's name; an input not named here is the dataset's array
 *     column of its name
 * @param columnar whether a dataset read by a columnar scan (Parquet's vectorized reader) is scored from its
 *     column batches; false scores Spark's rows, as for every other dataset (the same values, more slowly)
 */
public record BatchOptions(
        String modelDir,
        int batchSize,
        List<String> keepColumns,
        OnError onError,
        String errorColumn,
        Map<String, List<String>> arrayColumns,
        boolean columnar)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public BatchOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size is at least 1, not " + batchSize);
        }
        keepColumns = List.copyOf(keepColumns);
        Objects.requireNonNull(onError, "onError");
        Objects.requireNonNull(errorColumn, "errorColumn");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        arrayColumns.forEach((input, columns) -> copy.put(input, List.copyOf(columns)));
        arrayColumns = Collections.unmodifiableMap(copy);
    }

    /** What a row that the binding refuses does. */
    public enum OnError {
        /** The job fails, naming how many rows were refused and the first messages. */
        FAIL,
        /** The row is written with null outputs and the message in the error column. */
        COLUMN
    }

    /**
     * No model directory, 1,000 rows a batch, every input column kept, fail on a refused row, column batches
     * when the scan has them.
     */
    public static BatchOptions defaults() {
        return new BatchOptions(null, 1000, List.of(), OnError.FAIL, "scoring_error", Map.of(), true);
    }

    public BatchOptions modelDir(String dir) {
        return new BatchOptions(dir, batchSize, keepColumns, onError, errorColumn, arrayColumns, columnar);
    }

    public BatchOptions batchSize(int rows) {
        return new BatchOptions(modelDir, rows, keepColumns, onError, errorColumn, arrayColumns, columnar);
    }

    public BatchOptions keepColumns(String... names) {
        return new BatchOptions(modelDir, batchSize, List.of(names), onError, errorColumn, arrayColumns, columnar);
    }

    public BatchOptions onError(OnError choice) {
        return new BatchOptions(modelDir, batchSize, keepColumns, choice, errorColumn, arrayColumns, columnar);
    }

    public BatchOptions errorColumn(String name) {
        return new BatchOptions(modelDir, batchSize, keepColumns, onError, name, arrayColumns, columnar);
    }

    /**
     * Names the dataset's columns that hold the values of the ndarray input {@code input}, in its sample's
     * order: {@code arrayColumns("data", "x0", "x1", ...)}.
     */
    public BatchOptions arrayColumns(String input, String... columns) {
        Map<String, List<String>> named = new LinkedHashMap<>(arrayColumns);
        named.put(input, List.of(columns));
        return new BatchOptions(modelDir, batchSize, keepColumns, onError, errorColumn, named, columnar);
    }

    /** Whether a columnar scan's batches are scored as they are (the default), or Spark's rows. */
    public BatchOptions columnar(boolean fromColumnBatches) {
        return new BatchOptions(
                modelDir, batchSize, keepColumns, onError, errorColumn, arrayColumns, fromColumnBatches);
    }
}

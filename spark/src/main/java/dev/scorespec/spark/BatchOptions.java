package dev.scorespec.spark;

import java.io.Serializable;
import java.util.List;
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
 */
public record BatchOptions(
        String modelDir, int batchSize, List<String> keepColumns, OnError onError, String errorColumn)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public BatchOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size is at least 1, not " + batchSize);
        }
        keepColumns = List.copyOf(keepColumns);
        Objects.requireNonNull(onError, "onError");
        Objects.requireNonNull(errorColumn, "errorColumn");
    }

    /** What a row that the binding refuses does. */
    public enum OnError {
        /** The job fails, naming how many rows were refused and the first messages. */
        FAIL,
        /** The row is written with null outputs and the message in the error column. */
        COLUMN
    }

    /** No model directory, 1,000 rows a batch, every input column kept, fail on a refused row. */
    public static BatchOptions defaults() {
        return new BatchOptions(null, 1000, List.of(), OnError.FAIL, "scoring_error");
    }

    public BatchOptions modelDir(String dir) {
        return new BatchOptions(dir, batchSize, keepColumns, onError, errorColumn);
    }

    public BatchOptions batchSize(int rows) {
        return new BatchOptions(modelDir, rows, keepColumns, onError, errorColumn);
    }

    public BatchOptions keepColumns(String... names) {
        return new BatchOptions(modelDir, batchSize, List.of(names), onError, errorColumn);
    }

    public BatchOptions onError(OnError choice) {
        return new BatchOptions(modelDir, batchSize, keepColumns, choice, errorColumn);
    }

    public BatchOptions errorColumn(String name) {
        return new BatchOptions(modelDir, batchSize, keepColumns, onError, name);
    }
}

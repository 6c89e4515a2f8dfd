package dev.scorespec.benchmarks.scoring;

import dev.scorespec.annotations.ColumnKind;
import dev.scorespec.annotations.DataFrame;
import dev.scorespec.annotations.InputSchema;
import tech.tablesaw.api.Table;

/**
 * The records frame of {@code DataFrameBinding} (int64, float64, str, bool and datetime64 columns), bound to
 * a Tablesaw {@link Table}: the binder the benchmark drives is the one the processor generates for this
 * class. {@code run} is never called.
 */
public final class RecordsFrameScore {

    @InputSchema(
            param = "data",
            dataframe =
                    @DataFrame(
                            sample =
                                    "[{\"id\": 100000, \"amount\": 7310.55, \"name\": \"Sarah\", \"active\": true, \"at\": \"2024-03-05T12:30:45.000\"}]",
                            columns = @DataFrame.Column(name = "at", type = ColumnKind.DATE_TIME)))
    public int run(Table data) {
        return data.rowCount();
    }
}

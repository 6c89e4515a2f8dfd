package test;

import dev.scorespec.annotations.*;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * PandasParameterType(pd.DataFrame({'i': [1, 2], 'f': [1.5, 2.5], 's': ['a', 'b'], 'b': [True, False],
 *     'dt': pd.to_datetime(['2020-01-01T00:00:00', '2020-06-15T12:30:45']), 'td': pd.to_timedelta(['1 days', '2 hours'])}),
 *     orient='table')
 * -> PandasParameterType(pd.DataFrame({'score': [0.25, 0.75]}), orient='table')
 */
public class PandasTableMixed {
    @InputSchema(param = "data", dataframe = @DataFrame(orient = Orient.TABLE, sample = """
            {"i": [1, 2], "f": [1.5, 2.5], "s": ["a", "b"], "b": [true, false],
             "dt": ["2020-01-01T00:00:00", "2020-06-15T12:30:45"], "td": ["P1D", "PT2H"]}"""))
    @OutputSchema(dataframe = @DataFrame(orient = Orient.TABLE, sample = "{\"score\": [0.25, 0.75]}"))
    public Table run(Table data) {
        DoubleColumn score = DoubleColumn.create("score");
        for (int row = 0; row < data.rowCount(); row++) {
            score.append(row % 2 == 0 ? 0.25 : 0.75);
        }
        return Table.create("scores", score);
    }
}

package test;

import dev.scorespec.annotations.*;
import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * input_data: PandasParameterType(pd.DataFrame({'sentence1': ['this is a string starting with']}), orient='split')
 * params: StandardPythonParameterType({'num_beams': 1, 'max_length': 2}), optional=True
 * run(input_data, params=None), no output schema
 */
public class MultiInputOptional {
    @InputSchema(param = "input_data", dataframe = @DataFrame(orient = Orient.SPLIT,
            sample = "{\"sentence1\": [\"this is a string starting with\"]}"))
    @InputSchema(param = "params", optional = true,
            standard = @Standard(sample = "{\"num_beams\": 1, \"max_length\": 2}"))
    public Map<String, Object> run(Table input_data, Map<String, Long> params) {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("rows", input_data.rowCount());
        echo.put("params", params); // null when the request leaves params out
        return echo;
    }
}

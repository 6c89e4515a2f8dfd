package test;

import dev.scorespec.annotations.*;
import java.util.List;
import java.util.Map;

/** {'name': ['Sarah', 'John'], 'state': ['WA', 'CA']} -> {'state': ['WA', 'CA']} */
public class StandardDict {
    @InputSchema(param = "data", standard = @Standard(sample = "{\"name\": [\"Sarah\", \"John\"], \"state\": [\"WA\", \"CA\"]}"))
    @OutputSchema(standard = @Standard(sample = "{\"state\": [\"WA\", \"CA\"]}"))
    public Map<String, List<String>> run(Map<String, List<String>> data) {
        return Map.of("state", data.get("state"));
    }
}

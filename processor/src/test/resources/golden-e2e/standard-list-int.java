package test;

import dev.scorespec.annotations.*;
import java.util.List;

/** StandardPythonParameterType([1, 2, 3]) -> StandardPythonParameterType([4, 5]) */
public class StandardListInt {
    @InputSchema(param = "data", standard = @Standard(sample = "[1, 2, 3]"))
    @OutputSchema(standard = @Standard(sample = "[4, 5]"))
    public List<Long> run(List<Long> data) {
        return data.stream().map(v -> v + 3).toList();
    }
}

package test;

import dev.scorespec.annotations.*;
import java.util.List;

/** StandardPythonParameterType(['foo', 1]) -> StandardPythonParameterType(5): the items mix strings and integers */
public class StandardListMixed {
    @InputSchema(param = "data", standard = @Standard(sample = "[\"foo\", 1]"))
    @OutputSchema(standard = @Standard(sample = "5"))
    public long run(List<Object> data) {
        return data.size();
    }
}

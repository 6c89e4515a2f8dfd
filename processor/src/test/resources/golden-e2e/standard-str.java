package test;

import dev.scorespec.annotations.*;

/** StandardPythonParameterType('hello') -> StandardPythonParameterType('world') */
public class StandardStr {
    @InputSchema(param = "data", standard = @Standard(sample = "\"hello\""))
    @OutputSchema(standard = @Standard(sample = "\"world\""))
    public String run(String data) {
        return data.isEmpty() ? "world" : data;
    }
}

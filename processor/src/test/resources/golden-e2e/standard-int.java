package test;

import dev.scorespec.annotations.*;

/** StandardPythonParameterType(5) -> StandardPythonParameterType(10) */
public class StandardInt {
    @InputSchema(param = "data", standard = @Standard(sample = "5"))
    @OutputSchema(standard = @Standard(sample = "10"))
    public long run(long data) {
        return 2 * data;
    }
}

package test;

import dev.scorespec.annotations.*;

/** StandardPythonParameterType(True) -> StandardPythonParameterType(False) */
public class StandardBool {
    @InputSchema(param = "data", standard = @Standard(sample = "true"))
    @OutputSchema(standard = @Standard(sample = "false"))
    public boolean run(boolean data) {
        return !data;
    }
}

package test;

import dev.scorespec.annotations.*;

/** StandardPythonParameterType(1.5) -> StandardPythonParameterType(2.5) */
public class StandardFloat {
    @InputSchema(param = "data", standard = @Standard(sample = "1.5"))
    @OutputSchema(standard = @Standard(sample = "2.5"))
    public double run(double data) {
        return data + 1;
    }
}

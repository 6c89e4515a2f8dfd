package test;

import dev.scorespec.annotations.*;
import java.time.LocalTime;

/** StandardPythonParameterType(datetime.time(13, 45, 30, 123)) -> StandardPythonParameterType(datetime.time(1, 2, 3)), both without tzinfo */
public class StandardTimeNaive {
    @InputSchema(param = "data", standard = @Standard(sample = "\"13:45:30.000123\""))
    @OutputSchema(standard = @Standard(sample = "\"01:02:03\""))
    public LocalTime run(LocalTime data) {
        return data.minusHours(12);
    }
}

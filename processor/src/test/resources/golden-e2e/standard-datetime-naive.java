package test;

import dev.scorespec.annotations.*;
import java.time.LocalDateTime;

/**
 * StandardPythonParameterType(datetime.datetime(2020, 1, 2, 3, 4, 5, 678000))
 * -> StandardPythonParameterType(datetime.datetime(2021, 6, 7, 8, 9, 10)), both without tzinfo
 */
public class StandardDatetimeNaive {
    @InputSchema(param = "data", standard = @Standard(sample = "\"2020-01-02T03:04:05.678\""))
    @OutputSchema(standard = @Standard(sample = "\"2021-06-07T08:09:10\""))
    public LocalDateTime run(LocalDateTime data) {
        return data.plusHours(1);
    }
}

package test;

import dev.scorespec.annotations.*;
import java.time.LocalDate;

/** StandardPythonParameterType(datetime.date(2020, 1, 2)) -> StandardPythonParameterType(datetime.date(2021, 3, 4)) */
public class StandardDate {
    @InputSchema(param = "data", standard = @Standard(sample = "\"2020-01-02\""))
    @OutputSchema(standard = @Standard(sample = "\"2021-03-04\""))
    public LocalDate run(LocalDate data) {
        return data.plusDays(1);
    }
}

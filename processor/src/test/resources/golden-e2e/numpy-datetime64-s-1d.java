package test;

import dev.scorespec.annotations.*;
import java.time.LocalDateTime;

/** np.array(['2020-01-01T00:00:00', '2021-02-03T04:05:06'], dtype='datetime64[s]') -> np.array(['2020-01-01T00:00:00'], dtype='datetime64[s]') */
public class NumpyDatetime64 {
    @InputSchema(param = "data", ndarray = @NdArray(sample = "[\"2020-01-01T00:00:00\", \"2021-02-03T04:05:06\"]", dtype = "datetime64"))
    @OutputSchema(ndarray = @NdArray(sample = "[\"2020-01-01T00:00:00\"]", dtype = "datetime64"))
    public LocalDateTime[] run(LocalDateTime[] data) {
        return data;
    }
}

package test;

import dev.scorespec.annotations.*;
import java.time.Duration;

/** np.array([1, 3600], dtype='timedelta64[s]'), no output schema */
public class NumpyTimedelta64 {
    @InputSchema(param = "data", ndarray = @NdArray(sample = "[\"1 seconds\", \"3600 seconds\"]", dtype = "timedelta64"))
    public Duration run(Duration[] data) {
        Duration total = Duration.ZERO;
        for (Duration d : data) {
            total = total.plus(d);
        }
        return total;
    }
}

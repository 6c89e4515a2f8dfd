package test;

import dev.scorespec.annotations.*;

/** np.array(['apple', 'banana'], dtype='U10') -> np.array(['fruit'], dtype='U10') */
public class NumpyStrU10 {
    @InputSchema(param = "data", ndarray = @NdArray(sample = "[\"apple\", \"banana\"]", dtype = "U10"))
    @OutputSchema(ndarray = @NdArray(sample = "[\"fruit\"]", dtype = "U10"))
    public String[] run(String[] data) {
        return new String[] {"fruit"};
    }
}

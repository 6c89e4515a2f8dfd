package test;

import dev.scorespec.annotations.*;

/** NumpyParameterType(np.array([True, False, True])) -> NumpyParameterType(np.array([False])) */
public class NumpyBool1d {
    @InputSchema(param = "data", ndarray = @NdArray(sample = "[true, false, true]"))
    @OutputSchema(ndarray = @NdArray(sample = "[false]"))
    public boolean[] run(boolean[] data) {
        return new boolean[] {data.length == 0};
    }
}

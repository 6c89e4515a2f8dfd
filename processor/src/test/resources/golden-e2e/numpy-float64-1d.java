package test;

import dev.scorespec.annotations.*;

/** np.array([1.0, 2.5, -3.25], dtype='float64') -> np.array([0.5], dtype='float64') */
public class NumpyFloat641d {
    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0, 2.5, -3.25]", dtype = "float64"))
    @OutputSchema(ndarray = @NdArray(sample = "[0.5]", dtype = "float64"))
    public double[] run(double[] data) {
        return new double[] {data.length / 2.0};
    }
}

package test;

import dev.scorespec.annotations.*;

/** np.array([[1.0, 2.5, 3.0], [4.0, 5.0, 6.5]], dtype='float64') -> np.array([1.5, 2.5], dtype='float64') */
public class NumpyFloat642d {
    @InputSchema(param = "data", ndarray = @NdArray(sample = "[[1.0, 2.5, 3.0], [4.0, 5.0, 6.5]]", dtype = "float64"))
    @OutputSchema(ndarray = @NdArray(sample = "[1.5, 2.5]", dtype = "float64"))
    public double[] run(double[][] data) {
        double[] means = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            for (double v : data[i]) {
                means[i] += v / data[i].length;
            }
        }
        return means;
    }
}

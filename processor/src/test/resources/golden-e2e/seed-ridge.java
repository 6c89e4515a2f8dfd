package test;

import dev.scorespec.annotations.*;

/** The Azure ML docs' ridge example: np.array([[10, 9, 8, 7, 6, 5, 4, 3, 2, 1]]) -> np.array([3726.995]) */
public class Ridge {
    @InputSchema(param = "data", ndarray = @NdArray(sample = "[[10,9,8,7,6,5,4,3,2,1]]"))
    @OutputSchema(ndarray = @NdArray(sample = "[3726.995]"))
    public double[] run(long[][] data) {
        double[] out = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            for (long v : data[i]) {
                out[i] += 67.76 * v;
            }
        }
        return out;
    }
}

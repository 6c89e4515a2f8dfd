package dev.scorespec.benchmarks.scoring;

import dev.scorespec.annotations.InputSchema;
import dev.scorespec.annotations.NdArray;
import dev.scorespec.annotations.OutputSchema;
import dev.scorespec.runtime.NDArray;

/**
 * The ridge sample's signature, bound to {@link NDArray} (flat storage, no row arrays). {@code run} is
 * never called by the benchmarks.
 */
public final class RidgeNdArrayScore {

    @InputSchema(param = "data", ndarray = @NdArray(sample = "[[10,9,8,7,6,5,4,3,2,1]]", dtype = "float64"))
    @OutputSchema(ndarray = @NdArray(sample = "[3830.0435194872953]"))
    public double[] run(NDArray data) {
        int rows = data.shape(0);
        int columns = data.shape(1);
        double[] values = data.doubles();
        double[] sums = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                sums[i] += values[i * columns + j];
            }
        }
        return sums;
    }
}

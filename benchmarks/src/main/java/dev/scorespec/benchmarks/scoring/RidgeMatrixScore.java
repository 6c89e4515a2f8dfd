package dev.scorespec.benchmarks.scoring;

import dev.scorespec.annotations.InputSchema;
import dev.scorespec.annotations.NdArray;
import dev.scorespec.annotations.OutputSchema;

/**
 * The ridge sample's signature, bound to {@code double[][]}: the binder the benchmarks drive is the one
 * the processor generates for this class. {@code run} is never called; a row sum stands in for the model.
 */
public final class RidgeMatrixScore {

    @InputSchema(param = "data", ndarray = @NdArray(sample = "[[10,9,8,7,6,5,4,3,2,1]]", dtype = "float64"))
    @OutputSchema(ndarray = @NdArray(sample = "[3830.0435194872953]"))
    public double[] run(double[][] data) {
        double[] sums = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            for (double v : data[i]) {
                sums[i] += v;
            }
        }
        return sums;
    }
}

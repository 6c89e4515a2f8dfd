package dev.scorespec.spark.batch;

import dev.scorespec.annotations.InputSchema;
import dev.scorespec.annotations.NdArray;
import dev.scorespec.annotations.OutputSchema;

/** An ndarray input one value wide: each row's only feature, doubled. */
public final class DoubleScore {

    @InputSchema(param = "data", ndarray = @NdArray(sample = "[[1.5]]", dtype = "float64"))
    @OutputSchema(ndarray = @NdArray(sample = "[3.0]"))
    public double[] run(double[][] data) {
        double[] doubled = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            doubled[i] = 2 * data[i][0];
        }
        return doubled;
    }
}

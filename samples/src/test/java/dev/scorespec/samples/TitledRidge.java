package dev.scorespec.samples;

import dev.scorespec.annotations.Init;
import dev.scorespec.annotations.InputSchema;
import dev.scorespec.annotations.NdArray;
import dev.scorespec.annotations.OutputSchema;
import dev.scorespec.annotations.ScoringService;
import dev.scorespec.samples.ridge.DiabetesRidge;
import java.io.IOException;

/**
 * The ridge sample with a compiled title and version, for the tests of what a title reaches: the
 * {@code /docs} page. (The ridge sample itself keeps the reference's default names.)
 */
@ScoringService(title = "Diabetes progression", version = "2.1.0")
public final class TitledRidge {

    private DiabetesRidge model;

    @Init
    void init() throws IOException {
        model = DiabetesRidge.loadBundled();
    }

    @InputSchema(param = "data", ndarray = @NdArray(sample = "[[10,9,8,7,6,5,4,3,2,1]]", dtype = "float64"))
    @OutputSchema(ndarray = @NdArray(sample = "[3830.0435194872953]"))
    public double[] run(double[][] data) {
        return model.predict(data);
    }
}

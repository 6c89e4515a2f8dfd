package dev.scorespec.samples.ridge;

import dev.scorespec.annotations.Batching;
import dev.scorespec.annotations.Init;
import dev.scorespec.annotations.InputSchema;
import dev.scorespec.annotations.NdArray;
import dev.scorespec.annotations.OutputSchema;
import dev.scorespec.runtime.ModelDir;
import java.io.IOException;

/**
 * {@link RidgeScore} with {@code @Batching}: concurrent requests are scored in one ONNX Runtime call, their
 * rows concatenated, and each gets its own rows' predictions back. The model scores each row on its own, so
 * the answers are those of {@link RidgeScore}.
 */
@Batching(maxRows = 256, maxDelayMs = 5)
public final class BatchedRidgeScore {

    private DiabetesRidge model;

    /** As {@link RidgeScore}'s: the model directory's {@code ridge.onnx}, or the bundled one. */
    @Init
    void init(ModelDir models) throws IOException {
        model = models.isConfigured() ? DiabetesRidge.load(models.resolve("ridge.onnx")) : DiabetesRidge.loadBundled();
    }

    @InputSchema(param = "data", ndarray = @NdArray(sample = "[[10,9,8,7,6,5,4,3,2,1]]", dtype = "float64"))
    @OutputSchema(ndarray = @NdArray(sample = "[3830.0435194872953]"))
    public double[] run(double[][] data) {
        return model.predict(data);
    }
}

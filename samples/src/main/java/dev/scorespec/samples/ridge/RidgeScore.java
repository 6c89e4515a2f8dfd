package dev.scorespec.samples.ridge;

import dev.scorespec.annotations.Init;
import dev.scorespec.annotations.InputSchema;
import dev.scorespec.annotations.NdArray;
import dev.scorespec.annotations.OutputSchema;
import dev.scorespec.runtime.ModelDir;
import java.io.IOException;

/**
 * The Azure ML docs' scoring script in Java: a ridge regression on scikit-learn's diabetes data set
 * (10 features), run with ONNX Runtime. POST {@code {"data": [[10,9,8,7,6,5,4,3,2,1]]}} to
 * {@code /score} and get one prediction per row.
 */
public final class RidgeScore {

    private DiabetesRidge model;

    /**
     * Loads {@code ridge.onnx} from {@code AZUREML_MODEL_DIR} (laid out as {@code models/diabetes-ridge/1/}),
     * or the copy bundled in the jar when no model directory is configured.
     */
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

package ${package};

import dev.scorespec.annotations.Init;
import dev.scorespec.annotations.InputSchema;
import dev.scorespec.annotations.NdArray;
import dev.scorespec.annotations.OutputSchema;
import dev.scorespec.runtime.ModelDir;
import java.io.IOException;

/**
 * The service: POST {@code {"data": [[age, bmi, blood_pressure], ...]}} to {@code /score} and get one
 * prediction per row. The annotations are checked at compile time, where ScoreSpec also writes the
 * request binder and the Swagger/OpenAPI documents.
 */
public final class LinearScore {

    private LinearModel model;

    /**
     * Runs once before the first request. {@code models} is {@code AZUREML_MODEL_DIR}: the project's
     * {@code models} folder locally, {@code /var/azureml-app/models} in the container image, or the
     * one-model folder Azure ML mounts ({@code .../linear/<version>}).
     */
    @Init
    void init(ModelDir models) throws IOException {
        model = LinearModel.load(models.path("linear").resolve("model.json"));
    }

    @InputSchema(param = "data", ndarray = @NdArray(sample = "[[50, 24.5, 80]]", dtype = "float64"))
    @OutputSchema(ndarray = @NdArray(sample = "[119.0]"))
    public double[] run(double[][] data) {
        return model.predict(data);
    }
}

package dev.scorespec.samples.risk;

import dev.scorespec.annotations.Init;
import dev.scorespec.annotations.InputSchema;
import dev.scorespec.annotations.NdArray;
import dev.scorespec.annotations.OutputSchema;
import dev.scorespec.annotations.Standard;
import dev.scorespec.runtime.ModelDir;
import dev.scorespec.samples.ridge.DiabetesRidge;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Two models from one model directory, in Azure ML's several-models layout ({@code <name>/<version>/}):
 * the diabetes ridge regression predicts each row's disease progression, and the progression-bands model
 * says whether that is low, moderate or high. Serve it with {@code AZUREML_MODEL_DIR=samples/models}.
 */
public final class RiskScore {

    /** One row's prediction and its band. */
    public record Risk(double progression, String band) {}

    private DiabetesRidge ridge;
    private ProgressionBands bands;

    /**
     * Each model's latest version: {@code Model.get_model_path(name)} in Python. Both are found, and the plain
     * Java one read, before ONNX Runtime loads anything: a start that fails leaves no native session behind
     * for the JVM's exit to trip over.
     */
    @Init
    void init(ModelDir models) throws IOException {
        Path ridgeFile = models.path("diabetes-ridge").resolve("ridge.onnx");
        Path bandsFile = models.path("progression-bands").resolve("bands.json");
        bands = ProgressionBands.load(bandsFile);
        ridge = DiabetesRidge.load(ridgeFile);
    }

    @InputSchema(param = "data", ndarray = @NdArray(sample = "[[10,9,8,7,6,5,4,3,2,1]]", dtype = "float64"))
    @OutputSchema(standard = @Standard(sample = "[{\"progression\": 3830.0435194872953, \"band\": \"high\"}]"))
    public List<Risk> run(double[][] data) {
        double[] progressions = ridge.predict(data);
        List<Risk> risks = new ArrayList<>(progressions.length);
        for (double progression : progressions) {
            risks.add(new Risk(progression, bands.band(progression)));
        }
        return risks;
    }
}

package dev.scorespec.samples.powerbi;

import dev.scorespec.annotations.DataFrame;
import dev.scorespec.annotations.Init;
import dev.scorespec.annotations.InputSchema;
import dev.scorespec.annotations.NdArray;
import dev.scorespec.annotations.OutputSchema;
import dev.scorespec.annotations.ScoringService;
import dev.scorespec.annotations.Standard;
import dev.scorespec.runtime.InvalidInputException;
import dev.scorespec.runtime.ModelDir;
import dev.scorespec.samples.ridge.DiabetesRidge;
import java.io.IOException;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The Azure ML docs' Power BI example, serving the diabetes ridge model: Power BI sends one request with
 * the named inputs under {@code Inputs} and the optional {@code GlobalParameters}, and reads the
 * predictions from {@code Results}. {@code powerBi = true} has the processor check that shape at compile
 * time.
 *
 * <p>What the inputs mean here: {@code input1} holds the ten diabetes features of each patient (one row
 * each), {@code input2} who those patients are (a frame of names and ages, one row per patient),
 * {@code input3} an offset added to every prediction, and {@code GlobalParameters} a factor every
 * prediction is multiplied by (1.0 when Power BI leaves it out).
 */
@ScoringService(powerBi = true)
public final class PowerBiScore {

    /** The docs' {@code Inputs}: a 2x10 float64 array, a frame of names and ages, and a number. */
    public record Inputs(
            @NdArray(sample = "[[1,2,3,4,5,6,7,8,9,10], [10,9,8,7,6,5,4,3,2,1]]", dtype = "float64")
            double[][] input1,

            @DataFrame(sample = "{\"name\": [\"Sarah\", \"John\"], \"age\": [25, 26]}")
            Table input2,

            @Standard(sample = "0.0") double input3) {}

    private DiabetesRidge model;

    /** The same model as the ridge sample: from {@code AZUREML_MODEL_DIR}, or the copy in the jar. */
    @Init
    void init(ModelDir models) throws IOException {
        model = models.isConfigured() ? DiabetesRidge.load(models.resolve("ridge.onnx")) : DiabetesRidge.loadBundled();
    }

    @InputSchema(param = "Inputs")
    @InputSchema(param = "GlobalParameters", standard = @Standard(sample = "1.0"), optional = true)
    @OutputSchema(standard = @Standard(sample = "{\"Results\": [1.0, 1.0]}"))
    public Map<String, double[]> run(Inputs Inputs, Double GlobalParameters) {
        if (Inputs.input2().rowCount() != Inputs.input1().length) {
            throw new InvalidInputException("Inputs.input2: " + Inputs.input2().rowCount()
                    + " rows, but Inputs.input1 has " + Inputs.input1().length + "; give one row per patient in each");
        }
        double factor = GlobalParameters == null ? 1.0 : GlobalParameters;
        double[] results = model.predict(Inputs.input1());
        for (int i = 0; i < results.length; i++) {
            results[i] = results[i] * factor + Inputs.input3();
        }
        return Map.of("Results", results);
    }
}

package test;

import dev.scorespec.annotations.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Power BI compatible entry script of Azure ML's documentation, in Java:
 * <pre>
 * Inputs: {'input1': NumpyParameterType(float64 2x10), 'input2': PandasParameterType(DataFrame), 'input3': 0.0}
 * GlobalParameters: 1.0
 * output: {'Results': [1.0, 1.0]}
 * </pre>
 */
@ScoringService(powerBi = true)
public class PowerBiDocs {

    public record PowerBiInputs(
            @NdArray(sample = "[[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]]", dtype = "float64")
            double[][] input1,
            @DataFrame(sample = "{\"name\": [\"Sarah\", \"John\"], \"age\": [25, 26]}")
            tech.tablesaw.api.Table input2,
            @Standard(sample = "0.0")
            double input3) {}

    @InputSchema(param = "Inputs")
    @InputSchema(param = "GlobalParameters", optional = true, standard = @Standard(sample = "1.0"))
    @OutputSchema(standard = @Standard(sample = "{\"Results\": [1.0, 1.0]}"))
    public Map<String, List<Double>> run(PowerBiInputs Inputs, Double GlobalParameters) {
        double scale = GlobalParameters == null ? 1.0 : GlobalParameters;
        List<Double> results = new ArrayList<>();
        for (double[] row : Inputs.input1()) {
            double sum = Inputs.input3();
            for (double value : row) {
                sum += value;
            }
            results.add(sum * scale);
        }
        return Map.of("Results", results);
    }
}

package dev.scorespec.benchmarks.scoring;

import dev.scorespec.annotations.DataFrame;
import dev.scorespec.annotations.InputSchema;
import dev.scorespec.annotations.NdArray;
import dev.scorespec.annotations.OutputSchema;
import dev.scorespec.annotations.ScoringService;
import dev.scorespec.annotations.Standard;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The samples module's Power BI service, its signature only: nested {@code Inputs} holding a float64
 * array, a {@code {name, age}} frame and a value, and an optional {@code GlobalParameters}. The binder the
 * benchmark drives is the one the processor generates for this class; {@code run} is never called.
 */
@ScoringService(powerBi = true)
public final class PowerBiScore {

    /** The docs' {@code Inputs}. */
    public record Inputs(
            @NdArray(sample = "[[1,2,3,4,5,6,7,8,9,10], [10,9,8,7,6,5,4,3,2,1]]", dtype = "float64")
            double[][] input1,

            @DataFrame(sample = "{\"name\": [\"Sarah\", \"John\"], \"age\": [25, 26]}")
            Table input2,

            @Standard(sample = "0.0") double input3) {}

    @InputSchema(param = "Inputs")
    @InputSchema(param = "GlobalParameters", standard = @Standard(sample = "1.0"), optional = true)
    @OutputSchema(standard = @Standard(sample = "{\"Results\": [1.0, 1.0]}"))
    public Map<String, double[]> run(Inputs Inputs, Double GlobalParameters) {
        return Map.of("Results", new double[Inputs.input1().length]);
    }
}

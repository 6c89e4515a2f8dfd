package dev.scorespec.benchmarks.scoring;

import dev.scorespec.annotations.Batching;
import dev.scorespec.annotations.Init;
import dev.scorespec.annotations.InputSchema;
import dev.scorespec.annotations.NdArray;
import dev.scorespec.annotations.OutputSchema;
import dev.scorespec.benchmarks.FixedCostModel;

/**
 * The ridge sample's signature over {@link FixedCostModel}, served by {@code benchmarks/serve-batching.sh}:
 * 2 ms of waiting per {@code run} call (as for a device or a remote runtime) plus 5 us of computing per row.
 * Its {@code run} is measured, through the server, with batching on and off ({@code --batch-max-rows 0}).
 */
@Batching(maxRows = 256, maxDelayMs = 5)
public final class FixedCostScore {

    private FixedCostModel model;

    @Init
    void init() {
        model = new FixedCostModel(
                Long.getLong("fixedCost.perCallNanos", 2_000_000L),
                Long.getLong("fixedCost.perRowNanos", 5_000L),
                false);
    }

    @InputSchema(param = "data", ndarray = @NdArray(sample = "[[10,9,8,7,6,5,4,3,2,1]]", dtype = "float64"))
    @OutputSchema(ndarray = @NdArray(sample = "[3830.0435194872953]"))
    public double[] run(double[][] data) {
        return model.run(data);
    }
}

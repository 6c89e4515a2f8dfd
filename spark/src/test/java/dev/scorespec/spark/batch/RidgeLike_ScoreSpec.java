package dev.scorespec.spark.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.scorespec.runtime.ModelDir;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.binding.BodyKind;
import dev.scorespec.runtime.binding.JsonOutput;
import dev.scorespec.runtime.binding.ScoringBinder;
import dev.scorespec.runtime.binding.TabularBinding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written tabular binder for a ridge-like linear model over the ridge sample's ten features
 * ({@code x0}..{@code x9}), for {@link BatchBenchmark}: the batch path's cost, with a model as cheap as
 * the sample's.
 */
public final class RidgeLike_ScoreSpec
        implements ScoringBinder<double[][], double[]>, TabularBinding<double[][], double[]> {

    static final String SCORING_CLASS = "dev.scorespec.spark.batch.RidgeLike";
    static final int FEATURES = 10;
    private static final double INTERCEPT = 152.0;
    private static final double[] COEFFICIENTS = {-10.0, -239.8, 519.8, 324.4, -792.2, 476.7, 101.0, 177.1, 751.3, 67.6
    };

    @Override
    public String scoringClass() {
        return SCORING_CLASS;
    }

    @Override
    public List<String> documentVersions() {
        return List.of();
    }

    @Override
    public BodyKind bodyKind() {
        return BodyKind.JSON_PARAMETERS;
    }

    @Override
    public void init(ModelDir models) {}

    @Override
    public double[][] bind(ScoringRequest request) {
        throw new UnsupportedOperationException("batch only");
    }

    @Override
    public double[] run(double[][] columns) {
        double[] predictions = new double[columns[0].length];
        java.util.Arrays.fill(predictions, INTERCEPT);
        for (int c = 0; c < FEATURES; c++) {
            double[] column = columns[c];
            for (int i = 0; i < predictions.length; i++) {
                predictions[i] += COEFFICIENTS[c] * column[i];
            }
        }
        return predictions;
    }

    @Override
    public void write(double[] result, JsonGenerator out) throws IOException {
        JsonOutput.write(out, result);
    }

    @Override
    public TabularBinding<double[][], double[]> tabular() {
        return this;
    }

    @Override
    public List<Column> inputColumns() {
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < FEATURES; c++) {
            columns.add(new Column("x" + c, ColumnType.FLOAT64, false));
        }
        return columns;
    }

    @Override
    public List<Column> outputColumns() {
        return List.of(new Column("prediction", ColumnType.FLOAT64, false));
    }

    @Override
    public double[][] arguments(Object[] columns, int rows) {
        double[][] features = new double[FEATURES][];
        for (int c = 0; c < FEATURES; c++) {
            features[c] = (double[]) columns[c];
        }
        return features;
    }

    @Override
    public int rows(double[] result) {
        return result.length;
    }

    @Override
    public Object[] columns(double[] result) {
        return new Object[] {result};
    }
}

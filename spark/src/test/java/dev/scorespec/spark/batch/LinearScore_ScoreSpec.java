package dev.scorespec.spark.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.scorespec.runtime.ModelDir;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.binding.BindingException;
import dev.scorespec.runtime.binding.BodyKind;
import dev.scorespec.runtime.binding.JsonOutput;
import dev.scorespec.runtime.binding.ScoringBinder;
import dev.scorespec.runtime.binding.TabularBinding;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A binder written by hand as the processor would generate one for {@link LinearScore}, with the typed path
 * for tables. It refuses a feature that is not a finite number, so tests can see refused rows.
 */
public final class LinearScore_ScoreSpec
        implements ScoringBinder<LinearScore.Features, double[]>, TabularBinding<LinearScore.Features, double[]> {

    /** How often {@link #init} ran in this JVM. */
    static final AtomicInteger INITS = new AtomicInteger();

    private LinearScore score;

    @Override
    public String scoringClass() {
        return LinearScore.class.getName();
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
    public void init(ModelDir models) throws Exception {
        INITS.incrementAndGet();
        score = new LinearScore();
        score.init(models);
    }

    @Override
    public LinearScore.Features bind(ScoringRequest request) {
        throw new UnsupportedOperationException("batch only");
    }

    @Override
    public double[] run(LinearScore.Features arguments) {
        return score.run(arguments);
    }

    @Override
    public void write(double[] result, JsonGenerator out) throws IOException {
        JsonOutput.write(out, result);
    }

    @Override
    public TabularBinding<LinearScore.Features, double[]> tabular() {
        return this;
    }

    @Override
    public List<Column> inputColumns() {
        return List.of(
                new Column("x1", ColumnType.FLOAT64, false),
                new Column("x2", ColumnType.FLOAT64, false),
                new Column("x3", ColumnType.FLOAT64, false));
    }

    @Override
    public List<Column> outputColumns() {
        return List.of(new Column("prediction", ColumnType.FLOAT64, false));
    }

    @Override
    public LinearScore.Features arguments(Object[] columns, int rows) throws BindingException {
        String[] names = {"x1", "x2", "x3"};
        for (int c = 0; c < columns.length; c++) {
            double[] values = (double[]) columns[c];
            for (int i = 0; i < rows; i++) {
                if (!Double.isFinite(values[i])) {
                    throw BindingException.at(names[c], "expected a finite number, got " + values[i]);
                }
            }
        }
        return new LinearScore.Features((double[]) columns[0], (double[]) columns[1], (double[]) columns[2]);
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

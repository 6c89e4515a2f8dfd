package dev.scorespec.spark.batch;

import dev.scorespec.runtime.ModelDir;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;

/** A ridge-like linear model over three features, its coefficients read from the model directory. */
public final class LinearScore {

    /** The features of many rows, one array per column. */
    public record Features(double[] x1, double[] x2, double[] x3) {}

    /** Intercept, then one coefficient per feature. */
    private double[] coefficients = {0.5, 1.0, -2.0, 0.25};

    public void init(ModelDir models) throws IOException {
        if (models.isConfigured()) {
            coefficients = Arrays.stream(Files.readString(models.resolve("linear.txt"))
                            .trim()
                            .split("\\s+"))
                    .mapToDouble(Double::parseDouble)
                    .toArray();
        }
    }

    public double[] run(Features f) {
        double[] predictions = new double[f.x1().length];
        for (int i = 0; i < predictions.length; i++) {
            predictions[i] = predict(coefficients, f.x1()[i], f.x2()[i], f.x3()[i]);
        }
        return predictions;
    }

    public static double predict(double[] c, double x1, double x2, double x3) {
        return c[0] + c[1] * x1 + c[2] * x2 + c[3] * x3;
    }
}

package ${package};

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A linear regression read from {@code model.json}: a prediction is the intercept plus each feature
 * times its coefficient. Replace it with your own model; the scoring class only calls {@link #load} and
 * {@link #predict}.
 */
record LinearModel(List<String> features, double intercept, double[] coefficients) {

    LinearModel {
        if (features == null || coefficients == null || features.size() != coefficients.length) {
            // A model file that does not add up must stop the start, not answer wrong numbers.
            throw new IllegalArgumentException("The model names " + (features == null ? 0 : features.size())
                    + " features but has " + (coefficients == null ? 0 : coefficients.length) + " coefficients");
        }
        features = List.copyOf(features);
        coefficients = coefficients.clone();
    }

    static LinearModel load(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), LinearModel.class);
    }

    /** One prediction per row; every row holds one value per feature (the server checks the count). */
    double[] predict(double[][] rows) {
        double[] predictions = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            double sum = intercept;
            for (int f = 0; f < coefficients.length; f++) {
                sum += coefficients[f] * rows[r][f];
            }
            predictions[r] = sum;
        }
        return predictions;
    }
}

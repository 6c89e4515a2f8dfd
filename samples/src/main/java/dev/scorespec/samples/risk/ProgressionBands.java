package dev.scorespec.samples.risk;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The second model of the two-model sample: thresholds that sort a predicted disease progression into
 * labelled bands. {@code samples/models/make_ridge.py} writes it as {@code bands.json}, from the terciles of
 * the diabetes data set's target:
 *
 * <pre>{@code {"thresholds": [100.0, 184.0], "labels": ["low", "moderate", "high"]}}</pre>
 *
 * <p>A value below {@code thresholds[i]} (and not below an earlier one) is {@code labels[i]}; a value at or
 * above the last threshold is the last label. Immutable and thread-safe.
 */
public final class ProgressionBands {

    /** The file as written; {@code description} is for people. */
    private record File(String description, List<Double> thresholds, List<String> labels) {}

    private final double[] thresholds;
    private final List<String> labels;

    private ProgressionBands(double[] thresholds, List<String> labels) {
        this.thresholds = thresholds;
        this.labels = labels;
    }

    /**
     * Reads a {@code bands.json}.
     *
     * @throws IOException if the file cannot be read or is not such a model: thresholds strictly increasing,
     *     one label more than thresholds
     */
    public static ProgressionBands load(Path bandsJson) throws IOException {
        File file = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
                .readValue(bandsJson.toFile(), File.class);
        if (file.thresholds() == null || file.labels() == null) {
            throw new IOException(bandsJson + ": 'thresholds' and 'labels' are required");
        }
        double[] thresholds =
                file.thresholds().stream().mapToDouble(Double::doubleValue).toArray();
        for (int i = 1; i < thresholds.length; i++) {
            if (!(thresholds[i - 1] < thresholds[i])) {
                throw new IOException(bandsJson + ": thresholds must increase, but " + thresholds[i - 1]
                        + " comes before " + thresholds[i]);
            }
        }
        if (file.labels().size() != thresholds.length + 1) {
            throw new IOException(bandsJson + ": " + thresholds.length + " thresholds need " + (thresholds.length + 1)
                    + " labels, not " + file.labels().size());
        }
        return new ProgressionBands(thresholds, List.copyOf(file.labels()));
    }

    /** The band of a value. */
    public String band(double progression) {
        for (int i = 0; i < thresholds.length; i++) {
            if (progression < thresholds[i]) {
                return labels.get(i);
            }
        }
        return labels.get(thresholds.length);
    }
}

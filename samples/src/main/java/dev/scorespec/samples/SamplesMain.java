package dev.scorespec.samples;

import dev.scorespec.runtime.server.Launcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The samples jar's entry point: the ScoreSpec server, serving the ridge sample unless
 * {@code --scoring-class} (or {@code SCORESPEC_SCORING_CLASS}) picks another sample:
 *
 * <ul>
 *   <li>{@code dev.scorespec.samples.ridge.RidgeScore}: one ONNX model (the default);</li>
 *   <li>{@code dev.scorespec.samples.ridge.BatchedRidgeScore}: the same with {@code @Batching};</li>
 *   <li>{@code dev.scorespec.samples.risk.RiskScore}: two models from a several-models directory,
 *       {@code AZUREML_MODEL_DIR=samples/models};</li>
 *   <li>{@code dev.scorespec.samples.text.TextStatsScore}: no model;</li>
 *   <li>{@code dev.scorespec.samples.image.ImageSummaryScore}: raw HTTP, a PNG or JPEG body;</li>
 *   <li>{@code dev.scorespec.samples.powerbi.PowerBiScore}: the docs' Power BI example, nested {@code Inputs}
 *       with an array, a dataframe and a value.</li>
 * </ul>
 */
public final class SamplesMain {

    static final String DEFAULT_SAMPLE = "dev.scorespec.samples.ridge.RidgeScore";

    private SamplesMain() {}

    public static void main(String[] args) {
        Launcher.main(withDefaultSample(args, System.getenv("SCORESPEC_SCORING_CLASS")));
    }

    static String[] withDefaultSample(String[] args, String fromEnvironment) {
        boolean chosen = (fromEnvironment != null && !fromEnvironment.isEmpty())
                || Arrays.stream(args)
                        .anyMatch(a -> a.equals("--scoring-class")
                                || a.startsWith("--scoring-class=")
                                || a.equals("--scoring_class")
                                || a.startsWith("--scoring_class="));
        if (chosen) {
            return args;
        }
        List<String> all = new ArrayList<>(List.of("--scoring-class", DEFAULT_SAMPLE));
        all.addAll(Arrays.asList(args));
        return all.toArray(new String[0]);
    }
}

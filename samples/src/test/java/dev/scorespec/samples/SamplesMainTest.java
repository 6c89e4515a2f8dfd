package dev.scorespec.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class SamplesMainTest {

    @Test
    void servesTheRidgeSampleUnlessAnotherIsChosen() {
        assertArrayEquals(
                new String[] {"--scoring-class", SamplesMain.DEFAULT_SAMPLE, "--port", "8080"},
                SamplesMain.withDefaultSample(new String[] {"--port", "8080"}, null));
        assertArrayEquals(
                new String[] {"--scoring-class=x.Y"},
                SamplesMain.withDefaultSample(new String[] {"--scoring-class=x.Y"}, null));
        assertArrayEquals(
                new String[] {"--port", "1"}, SamplesMain.withDefaultSample(new String[] {"--port", "1"}, "x.Y"));
    }
}

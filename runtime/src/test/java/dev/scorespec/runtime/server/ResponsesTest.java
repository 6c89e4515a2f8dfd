package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResponsesTest {

    @Test
    void millisHasThreeDecimalsRoundedHalfUp() {
        assertEquals("0.000", Responses.millis(0));
        assertEquals("0.000", Responses.millis(499));
        assertEquals("0.001", Responses.millis(500));
        assertEquals("0.040", Responses.millis(39_600));
        assertEquals("1.234", Responses.millis(1_234_499));
        assertEquals("1.235", Responses.millis(1_234_500));
        assertEquals("1000.000", Responses.millis(999_999_999_999L / 1000));
        assertEquals("30000.000", Responses.millis(30_000_000_000L));
        assertEquals("-2.500", Responses.millis(-2_500_000));
    }

    @Test
    void millisPrintsWhatStringFormatPrints() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            long nanos = random.nextLong(0, i % 2 == 0 ? 10_000_000L : 100_000_000_000L);
            assertEquals(
                    String.format(Locale.ROOT, "%.3f", nanos / 1_000_000.0), Responses.millis(nanos), "nanos " + nanos);
        }
    }
}

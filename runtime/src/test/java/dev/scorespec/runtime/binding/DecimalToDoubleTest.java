package dev.scorespec.runtime.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DecimalToDouble} against {@link Double#parseDouble}, bit for bit: it may decline (NaN, for the
 * general parser), never differ.
 */
class DecimalToDoubleTest {

    private static final BigInteger MAX_SIGNIFICAND = new BigInteger("9999999999999999999");

    @ParameterizedTest
    @ValueSource(
            strings = {
                // 17-digit values that round-trip, as the ridge sample writes them
                "-0.061582654269395284",
                "0.1",
                "0.30000000000000004",
                "1.7976931348623157e308",
                "2.2250738585072014e-308", // the smallest normal
                "2.225073858507201e-308", // a subnormal
                "4.9e-324",
                "2.5e-324", // half the smallest subnormal
                "2.4e-324",
                "1e-400",
                "1e400",
                "1.8e308",
                "9007199254740993", // 2^53 + 1: halfway, ties to even (down)
                "9007199254740995", // 2^53 + 3: halfway, ties to even (up)
                "9007199254740993e3",
                "18014398509481985", // 2^54 + 1
                "18014398509481986", // 2^54 + 2: halfway
                "18014398509481990", // 2^54 + 6: halfway
                "1152921504606846977e1",
                "9223372036854775807",
                "9223372036854775808",
                "9999999999999999999",
                "9999999999999999999e-342",
                "1e22",
                "1e23",
                "8.98846567431158e307",
                "4.35679716e-308",
                "7.1e-10",
                "123456789012345678e-5",
                "0.000001",
                "1e-22",
                "1e-23",
                "3.4028235e38",
                "2.9802322387695312e-8",
                "1.00000000000000011102230246251565404236316680908203125", // too many digits
                "0e10",
                "-0.0",
                "-0e-400"
            })
    void agreesWithParseDouble(String number) {
        BigDecimal decimal = new BigDecimal(number);
        boolean negative = decimal.signum() < 0 || number.startsWith("-");
        BigDecimal magnitude = decimal.abs().stripTrailingZeros();
        if (magnitude.unscaledValue().compareTo(MAX_SIGNIFICAND) > 0) {
            return; // more than 19 digits: never given to it
        }
        check(negative, magnitude.unscaledValue().longValue(), -magnitude.scale());
    }

    @Test
    void negativeZero() {
        assertEquals(
                Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(DecimalToDouble.toDouble(true, 0, 5)));
        assertEquals(
                Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(DecimalToDouble.toDouble(false, 0, -5)));
    }

    @Test
    void decidesTheRidgeSamplesValuesItself() {
        // A fast path that always declines would pass the other tests.
        assertTrue(!Double.isNaN(DecimalToDouble.toDouble(true, 61582654269395284L, -18)));
        assertTrue(!Double.isNaN(DecimalToDouble.toDouble(false, 1234567890123456789L, -300)));
    }

    @Test
    void randomSignificandsAndExponents() {
        SplittableRandom random = new SplittableRandom(17);
        int decided = 0;
        int runs = 200_000;
        for (int i = 0; i < runs; i++) {
            int digits = random.nextInt(1, 20);
            long w = random.nextLong(1, digits == 19 ? Long.MAX_VALUE : pow10(digits));
            if (digits == 19 && random.nextBoolean()) {
                w = Long.parseUnsignedLong("9999999999999999999") - random.nextLong(1_000_000_000_000_000_000L);
            }
            int q = random.nextInt(-360, 330);
            decided += check(random.nextBoolean(), w, q);
        }
        assertTrue(decided > runs / 2, decided + " of " + runs + " decided");
    }

    @Test
    void shortestFormsOfRandomDoubles() {
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < 200_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE);
            if (!Double.isFinite(d)) {
                continue;
            }
            BigDecimal decimal = new BigDecimal(Double.toString(d)).stripTrailingZeros();
            check(false, decimal.unscaledValue().longValue(), -decimal.scale());
        }
    }

    /** Numbers exactly halfway between two adjacent doubles, and one unit of their last digit off. */
    @Test
    void halfwayCases() {
        SplittableRandom random = new SplittableRandom(19);
        int halfways = 0;
        for (int i = 0; i < 200_000; i++) {
            // Doubles from 2^53 up to 10^19, where midpoints are integers of at most 19 digits; also
            // scaled down by powers of ten, where they are decimals of the same digits.
            double d = (double) random.nextLong(1L << 53, Long.MAX_VALUE);
            BigDecimal midpoint = new BigDecimal(d)
                    .add(new BigDecimal(Math.nextUp(d)))
                    .divide(BigDecimal.valueOf(2))
                    .stripTrailingZeros();
            if (midpoint.unscaledValue().compareTo(MAX_SIGNIFICAND) > 0) {
                continue;
            }
            halfways++;
            long w = midpoint.unscaledValue().longValue();
            int q = -midpoint.scale() - random.nextInt(0, 3);
            check(false, w, q);
            check(true, w - 1, q);
            check(false, w + 1, q);
        }
        assertTrue(halfways > 1000, halfways + " halfway cases");
    }

    @Test
    void subnormalsAndTheEdgesOfTheRange() {
        SplittableRandom random = new SplittableRandom(20);
        for (int i = 0; i < 100_000; i++) {
            long w = random.nextLong(1, 10_000_000_000_000_000L);
            int q = random.nextBoolean() ? random.nextInt(-345, -300) : random.nextInt(280, 312);
            check(random.nextBoolean(), w, q);
        }
    }

    /** 1 when it decided, 0 when it declined; fails when it decided otherwise than parseDouble. */
    private static int check(boolean negative, long w, int q) {
        String text = (negative ? "-" : "") + Long.toUnsignedString(w) + "e" + q;
        double actual = DecimalToDouble.toDouble(negative, w, q);
        if (Double.isNaN(actual)) {
            return 0;
        }
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(actual), text);
        return 1;
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}

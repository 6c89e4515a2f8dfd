package dev.scorespec.runtime.binding;

import java.math.BigInteger;

/**
 * The double nearest to a decimal {@code ±w × 10^q} whose significand {@code w} has at most 19 digits,
 * rounded as {@link Double#parseDouble} rounds (to nearest, ties to even), for {@link FastArrays}, which
 * collects {@code w} and {@code q} while it scans a number, so that the number's bytes are read once.
 *
 * <p>Two exact methods, tried in turn:
 *
 * <ul>
 *   <li>Clinger's: when {@code w < 2^53} and {@code |q| <= 22}, both {@code w} and {@code 10^|q|} are
 *       doubles exactly, and one IEEE multiplication or division rounds their product or quotient once,
 *       correctly.
 *   <li>Eisel and Lemire's (D. Lemire, "Number Parsing at a Gigabyte per Second", 2021; N. Mushtak and
 *       D. Lemire, "Fast Number Parsing Without Fallback", 2023): the normalized {@code w} times a 128-bit
 *       truncation of {@code 5^q} gives the top 54 bits of the exact product, or says it cannot tell.
 * </ul>
 *
 * <p>Whatever these do not decide exactly (subnormal results, overflow, exponents outside the table,
 * the rare product whose low bits are ambiguous) comes back as {@link Double#NaN}, never a rounded guess:
 * the caller then parses the number's bytes with an exact general parser.
 */
final class DecimalToDouble {

    /** The smallest and largest {@code q} of the table; beyond them the result is zero or infinity. */
    static final int MIN_EXPONENT = -342;

    static final int MAX_EXPONENT = 308;

    private static final double[] EXACT_POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };

    private DecimalToDouble() {}

    /**
     * {@code ±w × 10^q}, with {@code w} read as unsigned (up to 19 decimal digits), or {@link Double#NaN}
     * when only a general parser can tell.
     */
    static double toDouble(boolean negative, long w, int q) {
        if (w == 0) {
            return negative ? -0.0 : 0.0;
        }
        if (w > 0 && w <= 1L << 53 && q >= -22 && q <= 22) {
            double d = (double) w;
            d = q < 0 ? d / EXACT_POWERS_OF_TEN[-q] : d * EXACT_POWERS_OF_TEN[q];
            return negative ? -d : d;
        }
        if (q < MIN_EXPONENT || q > MAX_EXPONENT) {
            return Double.NaN;
        }
        int leadingZeros = Long.numberOfLeadingZeros(w);
        long normalized = w << leadingZeros;
        long[] powers = Powers.FIVE;
        int index = 2 * (q - MIN_EXPONENT);
        long high = unsignedMultiplyHigh(normalized, powers[index]);
        long low = normalized * powers[index];
        // The 55 bits kept (54 and the one that tells the rounding) are right unless all the bits below
        // them are ones, when the truncated low half of the power might carry into them: add it.
        if ((high & 0x1FF) == 0x1FF) {
            long carry = unsignedMultiplyHigh(normalized, powers[index + 1]);
            long sum = low + carry;
            if (Long.compareUnsigned(sum, carry) < 0) {
                high++;
            }
            low = sum;
            // Still all ones: the product's exact bits are beyond these 128, outside the exponents where
            // the truncated power is exact. Rare; the general parser decides.
            if (low == -1L && (q < -27 || q > 55)) {
                return Double.NaN;
            }
        }
        int upperBit = (int) (high >>> 63);
        int shift = upperBit + 64 - 52 - 3;
        long mantissa = high >>> shift;
        int biasedExponent = binaryExponent(q) + upperBit - leadingZeros + 1023;
        if (biasedExponent <= 0) {
            return Double.NaN; // subnormal or zero: rounded twice here, so left to the general parser
        }
        // A tie rounds to even: only for exponents where the product can be exact (5^q fits 64 bits or
        // w × 5^q is exact in 128), when the bits below the kept ones are zero and the kept ones end in 1.
        if (Long.compareUnsigned(low, 1) <= 0
                && q >= -4
                && q <= 23
                && (mantissa & 3) == 1
                && (mantissa << shift) == high) {
            mantissa &= ~1L;
        }
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if (mantissa >= 2L << 52) {
            mantissa = 1L << 52;
            biasedExponent++;
        }
        if (biasedExponent >= 0x7FF) {
            return Double.NaN; // infinite: the caller's out-of-range error
        }
        long bits = (mantissa & ~(1L << 52)) | (long) biasedExponent << 52 | (negative ? Long.MIN_VALUE : 0);
        return Double.longBitsToDouble(bits);
    }

    /** floor(q × log2(10)) + 63, exact for the table's range of q. */
    private static int binaryExponent(int q) {
        return (((152170 + 65536) * q) >> 16) + 63;
    }

    /** The high 64 bits of the unsigned 128-bit product (Java 18's Math.unsignedMultiplyHigh). */
    private static long unsignedMultiplyHigh(long x, long y) {
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }

    /**
     * 5^q for each q of the table, scaled by a power of two into [2^127, 2^128) and kept as two longs
     * (high, low): truncated for q >= 0; for q < 0, the reciprocal's quotient plus one, computed with 128
     * bits for 5^-q < 2^64 and with more then truncated beyond. Built once, on the first use.
     */
    private static final class Powers {
        static final long[] FIVE = table();

        private static long[] table() {
            long[] table = new long[2 * (MAX_EXPONENT - MIN_EXPONENT + 1)];
            BigInteger five = BigInteger.valueOf(5);
            BigInteger power = BigInteger.ONE;
            for (int q = 0; q <= MAX_EXPONENT; q++) {
                put(table, q, scaleTo128Bits(power));
                power = power.multiply(five);
            }
            power = five;
            for (int q = -1; q >= MIN_EXPONENT; q--) {
                int bits = power.bitLength(); // 2^(bits - 1) < 5^-q < 2^bits
                BigInteger reciprocal;
                if (q >= -27) {
                    reciprocal =
                            BigInteger.ONE.shiftLeft(bits + 127).divide(power).add(BigInteger.ONE);
                } else {
                    reciprocal = scaleTo128Bits(BigInteger.ONE
                            .shiftLeft(2 * bits + 128)
                            .divide(power)
                            .add(BigInteger.ONE));
                }
                put(table, q, reciprocal);
                power = power.multiply(five);
            }
            return table;
        }

        private static BigInteger scaleTo128Bits(BigInteger value) {
            int shift = value.bitLength() - 128;
            return shift >= 0 ? value.shiftRight(shift) : value.shiftLeft(-shift);
        }

        private static void put(long[] table, int q, BigInteger value) {
            int index = 2 * (q - MIN_EXPONENT);
            table[index] = value.shiftRight(64).longValue();
            table[index + 1] = value.longValue();
        }
    }
}

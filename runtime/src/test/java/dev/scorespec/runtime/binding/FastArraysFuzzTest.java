package dev.scorespec.runtime.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.scorespec.runtime.DType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * The fast path for arrays of numbers ({@link FastArrays}) against the careful path alone, on the same
 * bodies: random arrays of every numeric dtype, rank 1 to 3, read as {@code NDArray} and as Java arrays,
 * with numbers written in every form JSON allows and some it does not, random white space and line
 * breaks, rows of wrong lengths, and random damage; and arbitrary bytes. Both must give the same value
 * and leave the parser at the same place, or fail with the same error ({@link FastPathDifferential}).
 *
 * <p>{@code mvn verify} fuzzes this for {@code fuzz.seconds} with a fixed seed; a longer run:
 * {@code mvn -B -pl runtime -am verify -Dfuzz.only=true -Dfuzz.include=FastArraysFuzzTest
 * -Dfuzz.seconds=3600 -Dfuzz.seed=0}.
 */
class FastArraysFuzzTest {

    private static final DType[] DTYPES = {
        DType.FLOAT64,
        DType.FLOAT32,
        DType.FLOAT16,
        DType.INT64,
        DType.INT32,
        DType.INT16,
        DType.INT8,
        DType.UINT64,
        DType.UINT32,
        DType.UINT16,
        DType.UINT8,
        DType.BOOL
    };

    private static final String[] WHITE_SPACE = {"", "", "", " ", "\n", "\r\n", "\r", "\t", "  \n "};

    private static final String[] ODD_NUMBERS = {
        "-0",
        "-0.0",
        "0",
        "1e400",
        "-1e400",
        "1e-400",
        "123456789012345678",
        "1234567890123456789",
        "-9223372036854775808",
        "9223372036854775807",
        "18446744073709551615",
        "7.0",
        "7e2",
        "01",
        "1.",
        ".5",
        "-",
        "+1",
        "1e",
        "1e+",
        "NaN",
        "Infinity",
        "0x10",
        "3.4028235e38",
        "3.4028236e38",
        "1.7976931348623157e308",
        "4.9e-324",
        "2.5e-324",
        "65535",
        "65536",
        "-129",
        "255",
        "256",
        "\"1\"",
        "true",
        "null",
        "[]",
        "{}",
        "1_000",
        "1/2",
        "2147483648",
        "-2147483649",
        "4294967295",
        "4294967296",
        // Conversions that are hard to get exactly right: ties, subnormals, 17 to 20 digits
        "9007199254740993.0",
        "9007199254740995e0",
        "18014398509481986.0",
        "2.2250738585072014e-308",
        "2.225073858507201e-308",
        "2.4e-324",
        "-0.0e-400",
        "0.000000000000000000000000000000001234567890123456789",
        "1.00000000000000011102230246251565404236316680908203125",
        "9999999999999999999.5e-10",
        "123456789012345678.9",
        "1e23",
        "8.98846567431158e307"
    };

    @FuzzTest
    void fastAndCarefulAgree(FuzzedDataProvider data) {
        DType dtype = data.pickValue(DTYPES);
        int rank = data.consumeInt(1, 3);
        int[] sampleShape = new int[rank];
        sampleShape[0] = 1;
        for (int d = 1; d < rank; d++) {
            sampleShape[d] = data.consumeInt(0, 4);
        }
        FastPathDifferential.Target target =
                new FastPathDifferential.Target(dtype, sampleShape, data.consumeBoolean(), data.consumeBoolean());
        byte[] body = data.consumeBoolean()
                ? data.consumeRemainingAsBytes()
                : generated(data, target).getBytes(StandardCharsets.UTF_8);
        assertEquals(
                FastPathDifferential.careful(body, target),
                FastPathDifferential.fast(body, target),
                () -> target + ", body " + new String(body, StandardCharsets.UTF_8));
    }

    /** A body of mostly well-formed arrays of numbers, which are what the fast path reads. */
    private static String generated(FuzzedDataProvider data, FastPathDifferential.Target target) {
        StringBuilder out = new StringBuilder();
        out.append(space(data)).append('{').append(space(data));
        if (data.consumeBoolean()) {
            out.append("\"before\": [1, {\"x\": \"y\"}],").append(space(data));
        }
        out.append("\"data\"").append(space(data)).append(':').append(space(data));
        array(data, out, 0, target);
        out.append(space(data));
        if (data.consumeBoolean()) {
            out.append(',').append(space(data)).append("\"after\": ").append(data.consumeBoolean() ? "[2.5]" : "x");
        }
        out.append('}').append(space(data));
        String body = out.toString();
        int damage = data.consumeInt(-8, 2);
        for (int i = 0; i < damage && !body.isEmpty(); i++) {
            int at = data.consumeInt(0, body.length() - 1);
            body = body.substring(0, at) + data.consumeString(2) + body.substring(at + (data.consumeBoolean() ? 1 : 0));
        }
        return body;
    }

    private static void array(
            FuzzedDataProvider data, StringBuilder out, int depth, FastPathDifferential.Target target) {
        int rank = target.sampleShape().length;
        out.append('[').append(space(data));
        int length = depth == 0
                ? data.consumeInt(0, 6)
                : data.consumeInt(0, 9) < 8 ? target.sampleShape()[depth] : data.consumeInt(0, 5);
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                out.append(space(data)).append(',').append(space(data));
            }
            if (depth + 1 < rank) {
                array(data, out, depth + 1, target);
            } else {
                out.append(number(data));
            }
        }
        out.append(space(data)).append(']');
    }

    private static String number(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 9)) {
            case 0:
                return data.pickValue(ODD_NUMBERS);
            case 1:
                return Long.toString(data.consumeLong());
            case 2:
                return Integer.toString(data.consumeInt(-300, 300));
            case 3:
                return Float.toString(data.consumeFloat());
            case 4:
                return data.consumeInt(-9, 9) + "." + data.consumeInt(0, Integer.MAX_VALUE) + "e"
                        + data.consumeInt(-330, 330);
            case 5:
                // up to 21 significant digits, leading zeros, any exponent: the scan's own conversion and
                // the general parser it falls back to
                String digits = Long.toUnsignedString(data.consumeLong());
                String mantissa = data.consumeBoolean()
                        ? "0.000" + digits
                        : digits + (data.consumeBoolean() ? "." + data.consumeInt(0, 999) : "");
                return (data.consumeBoolean() ? "-" : "") + mantissa + "e" + data.consumeInt(-345, 310);
            case 6:
                // the exact decimal value of a double, or of the midpoint to the next: ties to even
                double d = data.consumeRegularDouble();
                BigDecimal exact = new BigDecimal(d);
                if (data.consumeBoolean() && Double.isFinite(Math.nextUp(d))) {
                    exact = exact.add(new BigDecimal(Math.nextUp(d))).divide(BigDecimal.valueOf(2));
                }
                return exact.toString().replace("E", "e");
            default:
                return Double.toString(data.consumeRegularDouble()).replace("E", data.consumeBoolean() ? "e" : "E");
        }
    }

    private static String space(FuzzedDataProvider data) {
        return data.pickValue(WHITE_SPACE);
    }
}

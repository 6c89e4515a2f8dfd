package dev.scorespec.processor.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorespec.processor.model.JavaType;
import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * What the samples of every kind share: how a JSON value reads in a message, and the checks of text
 * values that ndarray and standard samples both make.
 */
public final class SampleValues {

    /** The Java type of a dataframe sample. */
    public static final String TABLE = "tech.tablesaw.api.Table";
    private static final Pattern TIMEDELTA = Pattern.compile(
            "-?\\d+ (days|hours|minutes|seconds|milliseconds|microseconds|nanoseconds)", Pattern.CASE_INSENSITIVE);

    private SampleValues() {
    }

    /** A Tablesaw table takes a dataframe sample; say so rather than list the types other samples bind to. */
    public static void requireNotTable(String subject, JavaType target) throws Misfit {
        if (target.is(TABLE)) {
            throw new Misfit(Message.UNSUPPORTED_TYPE, subject, target.name(),
                    "a Tablesaw Table takes a dataframe sample, dataframe = @DataFrame(sample = ...)");
        }
    }

    public static boolean isIntegral(JsonNode node) {
        return node.isIntegralNumber() || (node.isNumber() && node.decimalValue().stripTrailingZeros().scale() <= 0);
    }

    public static boolean timedelta(String text) {
        if (TIMEDELTA.matcher(text.trim()).matches()) {
            return true;
        }
        try {
            Duration.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    public static boolean base64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return text.length() % 4 == 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** How a JSON value reads in a message. */
    public static String describe(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isNull()) {
            return "null";
        }
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    /** The closed range {@code [min, max]}. */
    public static BigInteger[] range(long min, long max) {
        return new BigInteger[] {BigInteger.valueOf(min), BigInteger.valueOf(max)};
    }
}

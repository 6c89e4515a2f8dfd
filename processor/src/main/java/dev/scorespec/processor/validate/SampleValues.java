package dev.scorespec.processor.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorespec.processor.model.JavaType;

/**
 * What the samples of every kind share: how a JSON value reads in a message, whether a number is
 * whole, and that a table takes a dataframe sample.
 */
public final class SampleValues {

    /** The Java type of a dataframe sample. */
    public static final String TABLE = "tech.tablesaw.api.Table";

    private SampleValues() {}

    /** A Tablesaw table takes a dataframe sample; say so rather than list the types other samples bind to. */
    public static void requireNotTable(String subject, JavaType target) throws Misfit {
        if (target.is(TABLE)) {
            throw new Misfit(
                    Message.UNSUPPORTED_TYPE,
                    subject,
                    target.name(),
                    "a Tablesaw Table takes a dataframe sample, dataframe = @DataFrame(sample = ...)");
        }
    }

    public static boolean isIntegral(JsonNode node) {
        return node.isIntegralNumber()
                || (node.isNumber() && node.decimalValue().stripTrailingZeros().scale() <= 0);
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
}

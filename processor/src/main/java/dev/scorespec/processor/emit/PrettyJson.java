package dev.scorespec.processor.emit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;

/**
 * Writes JSON trees the same way on every machine: two-space indents, {@code "\n"} line ends (never
 * the platform's), {@code "key": value}, {@code []} and {@code {}} for empty containers, members in
 * tree order, and a final newline.
 */
final class PrettyJson {

    private static final DefaultPrettyPrinter PRINTER;
    private static final ObjectWriter WRITER;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        PRINTER = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        WRITER = new ObjectMapper().writer(PRINTER);
    }

    private PrettyJson() {}

    static String write(JsonNode tree) {
        return write(WRITER, tree);
    }

    /**
     * Writes any value with {@code mapper}'s serializers (Swagger Core's for its models) in this layout.
     * Values are written directly, never through a tree: Jackson's trees strip trailing zeros from
     * decimals, which would turn an example {@code 1.0} into {@code 1}. Swagger Core holds OpenAPI 3.0
     * number examples as {@code BigDecimal} and its mapper writes them in plain notation; that is turned
     * off so {@code 1.0E300} keeps its text instead of becoming 301 digits.
     */
    // Swagger Core's mapper turns on the deprecated databind feature; only that feature turns it off
    // (the stream feature does not), as ServiceDocumentsTest.numberExamplesKeepTheirText checks.
    @SuppressWarnings("deprecation")
    static String write(ObjectMapper mapper, Object value) {
        return write(mapper.writer(PRINTER).without(SerializationFeature.WRITE_BIGDECIMAL_AS_PLAIN), value);
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

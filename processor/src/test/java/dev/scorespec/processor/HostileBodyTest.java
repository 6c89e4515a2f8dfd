package dev.scorespec.processor;

import static dev.scorespec.processor.BinderTest.bind;
import static dev.scorespec.processor.BinderTest.binder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.binding.BindingException;
import dev.scorespec.runtime.binding.ScoringBinder;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated binders against bodies a fuzzer or an attacker sends: bytes that are not UTF-8, values
 * over Jackson's read limits, JSON that is not JSON, and results JSON cannot carry. Each is a
 * {@link BindingException} in our words, or, for a result, a failed write; none is a value changed.
 */
class HostileBodyTest {

    private static final String ECHO = """
            public final class Echo {
                @InputSchema(param = "text", standard = @Standard(sample = "\\"hello\\""))
                @OutputSchema(standard = @Standard(sample = "\\"hello\\""))
                public String run(String text) {
                    return text;
                }
            }
            """;

    private static ScoringBinder<Record, Object> echo;
    private static ScoringBinder<Record, Object> ridge;

    @BeforeAll
    static void compile() throws Exception {
        echo = binder("Echo", ECHO);
        ridge = binder("Ridge", BinderTest.RIDGE);
    }

    private static String reject(ScoringBinder<Record, Object> binder, String body) {
        return reject(binder, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String reject(ScoringBinder<Record, Object> binder, byte[] body) {
        ScoringRequest request = ScoringRequest.of("POST", "/score", Map.of("content-type", "application/json"), body);
        return assertThrows(BindingException.class, () -> binder.bind(request)).getMessage();
    }

    private static byte[] bytes(String before, int[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        for (int b : middle) {
            out.write(b);
        }
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void overlongAndOutOfRangeUtf8IsRefusedAtItsOffset() {
        // C0 AF is an overlong '/', which Jackson decodes as '/'
        assertEquals(
                "The request body is not valid UTF-8: byte 0xC0 at offset 10 starts an overlong encoding.",
                reject(echo, bytes("{\"text\": \"", new int[] {0xc0, 0xaf}, "\"}")));
        // F4 90 80 80 would be U+110000, which Jackson decodes as two lone surrogates
        assertEquals(
                "The request body is not valid UTF-8: byte 0x90 at offset 11 makes a code point beyond U+10FFFF.",
                reject(echo, bytes("{\"text\": \"", new int[] {0xf4, 0x90, 0x80, 0x80}, "\"}")));
        assertEquals(
                "The request body is not valid UTF-8: byte 0xA0 at offset 11 makes a UTF-16 surrogate, which UTF-8"
                        + " cannot encode.",
                reject(echo, bytes("{\"text\": \"", new int[] {0xed, 0xa0, 0x80}, "\"}")));
    }

    @Test
    void nulBytesThatJacksonWouldTakeForUtf16Or32AreRefused() {
        // found by BinderFuzzTest: Jackson's own CharConversionException escaped bind
        assertEquals(
                "The request body is not valid JSON: a NUL byte at offset 1; JSON bodies are UTF-8 text, where"
                        + " a NUL is written \\u0000 inside a string.",
                reject(echo, new byte[] {0x0a, 0, 4, 0, 0}));
        // ASCII as UTF-16LE is well-formed UTF-8 byte by byte, and was decoded as UTF-16
        assertEquals(
                "The request body is not valid JSON: a NUL byte at offset 1; JSON bodies are UTF-8 text, where"
                        + " a NUL is written \\u0000 inside a string.",
                reject(echo, "{\"text\": \"hi\"}".getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(
                "The request body is not valid JSON: a NUL byte at offset 0; JSON bodies are UTF-8 text, where"
                        + " a NUL is written \\u0000 inside a string.",
                reject(echo, "{\"text\": \"hi\"}".getBytes(StandardCharsets.UTF_16BE)));
    }

    @Test
    void wellFormedUtf8ArrivesAsSent() throws Exception {
        Record args = bind(echo, "{\"text\": \"naïve ☃ 😀 /\"}");
        assertEquals("naïve ☃ 😀 /", args.getClass().getMethod("text").invoke(args));
    }

    @Test
    void valuesOverTheReadLimitsAreRefusedWithTheirPath() {
        assertEquals(
                "text: a string is longer than the limit of 20,000,000 characters (line 1, column 10)",
                reject(echo, "{\"text\": \"" + "x".repeat(20_000_001) + "\"}"));
        assertEquals(
                "data[0][0]: a number is longer than the limit of 1,000 characters (line 1, column 12)",
                reject(ridge, "{\"data\": [[" + "1".repeat(1_001) + "]]}"));
        assertEquals(
                "a property name is longer than the limit of 50,000 characters (line 1, column 50009)",
                reject(echo, "{\"" + "n".repeat(50_001) + "\": 1}"));
        // in a property that names no parameter, skipped unread
        assertEquals(
                "The request body is over a limit: arrays and objects are nested deeper than the limit of 1,000"
                        + " levels (line 1, column 1006)",
                reject(echo, "{\"x\": " + "[".repeat(1_003) + "]".repeat(1_003) + "}"));
    }

    @Test
    void invalidJsonIsWordedWithoutJacksonsInternals() {
        assertEquals(
                "The request body is not valid JSON: NaN is not a JSON number: JSON has no NaN or infinity"
                        + " (line 1, column 15)",
                reject(ridge, "{\"data\": [[NaN, 1, 2, 3, 4, 5, 6, 7, 8, 9]]}"));
        assertEquals(
                "The request body is not valid JSON: the body ends before the array is closed (line 1, column 15)",
                reject(ridge, "{\"data\": [[1,2"));
    }

    @Test
    void aOneDimensionalBodyForATwoDimensionalSampleSaysWhatArrived() {
        assertEquals(
                "data[0]: expected an array of 10 values, got the number 10",
                reject(ridge, "{\"data\": [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]}"));
    }

    @Test
    void aResultJsonCannotCarryFailsTheWrite() throws Exception {
        // ten values of 1e308 sum to infinity, which used to be answered as [null]
        Object result = ridge.run(bind(ridge, "{\"data\": [[" + "1e308, ".repeat(9) + "1e308]]}"));
        StringWriter text = new StringWriter();
        try (JsonGenerator out = ScoringRequest.jsonFactory().createGenerator(text)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ridge.write(result, out));
            assertEquals(
                    "Cannot write the result as JSON: it holds Infinity at result[0], and JSON has no NaN or"
                            + " infinity; a null in its place would not be the number the output schema promises",
                    e.getMessage());
        }
    }
}

package dev.scorespec.runtime.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Utf8Test {

    /** {@code "ab<hex bytes>"}: two ASCII bytes, so offsets in the messages start at 2. */
    private static String problem(String hex) {
        byte[] tail = HexFormat.of().parseHex(hex);
        byte[] bytes = new byte[tail.length + 2];
        bytes[0] = 'a';
        bytes[1] = 'b';
        System.arraycopy(tail, 0, bytes, 2, tail.length);
        return Utf8.problem(bytes);
    }

    @Test
    void wellFormedTextPasses() {
        assertNull(Utf8.problem(new byte[0]));
        assertNull(Utf8.problem(
                "{\"data\": [1, 2, 3]} with a long run of ASCII after it".getBytes(StandardCharsets.UTF_8)));
        // the first and last code point of every length, and the code points next to the surrogates
        String edges = "\u0000\u007f\u0080\u07ff\u0800\ud7ff\ue000\uffff\ud800\udc00\udbff\udfff naïve ☃ 😀";
        assertNull(Utf8.problem(edges.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "c0af       | byte 0xC0 at offset 2 starts an overlong encoding",
                "c181       | byte 0xC1 at offset 2 starts an overlong encoding",
                "e080af     | byte 0x80 at offset 3 makes an overlong encoding",
                "f08080af   | byte 0x80 at offset 3 makes an overlong encoding",
                "eda080     | byte 0xA0 at offset 3 makes a UTF-16 surrogate, which UTF-8 cannot encode",
                "edbfbf     | byte 0xBF at offset 3 makes a UTF-16 surrogate, which UTF-8 cannot encode",
                "f4908080   | byte 0x90 at offset 3 makes a code point beyond U+10FFFF",
                "f5808080   | byte 0xF5 at offset 2 never occurs in UTF-8",
                "ff         | byte 0xFF at offset 2 never occurs in UTF-8",
                "80         | byte 0x80 at offset 2 is a continuation byte with no character to continue",
                "c3a9bf     | byte 0xBF at offset 4 is a continuation byte with no character to continue",
                "c341       | byte 0x41 at offset 3 where the character that starts at offset 2 needs a continuation byte",
                "e282c3a9   | byte 0xC3 at offset 4 where the character that starts at offset 2 needs a continuation byte",
                "e282       | the bytes end inside the character that starts at offset 2",
                "f09f98     | the bytes end inside the character that starts at offset 2",
            })
    void theFirstByteThatCannotBeThereIsNamed(String hex, String expected) {
        assertEquals(expected, problem(hex));
    }

    @Test
    void aBadByteAfterLongAsciiRunsIsFoundAtItsOffset() {
        byte[] latin1 = ("x".repeat(37) + "é and more ASCII").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(
                "byte 0x20 at offset 38 where the character that starts at offset 37 needs a continuation byte",
                Utf8.problem(latin1));
    }

    /** ASCII is skipped 32 and 8 bytes at a time: a bad byte at any offset of a run, or just after it, is found. */
    @Test
    void aBadByteIsFoundAtEveryOffsetOfAsciiRuns() {
        for (int length = 1; length <= 100; length++) {
            for (int at = 0; at < length; at++) {
                byte[] bytes = "y".repeat(length).getBytes(StandardCharsets.US_ASCII);
                bytes[at] = (byte) 0x80;
                assertEquals(
                        "byte 0x80 at offset " + at + " is a continuation byte with no character to continue",
                        Utf8.problem(bytes),
                        () -> "length " + bytes.length);
            }
            assertEquals(null, Utf8.problem("y".repeat(length).getBytes(StandardCharsets.US_ASCII)));
        }
    }
}

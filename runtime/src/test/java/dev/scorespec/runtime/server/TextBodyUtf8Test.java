package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A {@code run(String body)} gets its body only once it decodes as UTF-8 (the check the server applies
 * to text bodies): the overlong and out-of-range sequences that Jackson would decode are refused there
 * too, at the offset where the sequence starts.
 */
class TextBodyUtf8Test {

    @Test
    void overlongSurrogateAndOutOfRangeSequencesAreRefused() {
        assertEquals(
                RequestBodies.NOT_UTF8 + "invalid byte 0xc0 at position 1",
                RequestBodies.utf8Problem(new byte[] {'a', (byte) 0xc0, (byte) 0xaf}));
        assertEquals(
                RequestBodies.NOT_UTF8 + "invalid byte 0xf4 at position 1",
                RequestBodies.utf8Problem(new byte[] {'a', (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}));
        assertEquals(
                RequestBodies.NOT_UTF8 + "invalid byte 0xed at position 1",
                RequestBodies.utf8Problem(new byte[] {'a', (byte) 0xed, (byte) 0xa0, (byte) 0x80}));
        assertEquals(
                RequestBodies.NOT_UTF8 + "invalid byte 0xe0 at position 1",
                RequestBodies.utf8Problem(new byte[] {'a', (byte) 0xe0, (byte) 0x80, (byte) 0xaf}));
    }
}

package dev.scorespec.runtime.binding;

import static dev.scorespec.runtime.binding.ByteCursor.HIGH_BITS;
import static dev.scorespec.runtime.binding.ByteCursor.LONGS;

import java.util.Locale;

/**
 * Checks that bytes are well-formed UTF-8, as RFC 3629 defines it: no overlong encodings
 * ({@code C0 AF} for {@code /}), no UTF-16 surrogates ({@code ED A0 80}), nothing beyond U+10FFFF
 * ({@code F4 90 80 80}), no stray or missing continuation bytes. Jackson decodes some of these
 * without complaint (an overlong {@code /} as {@code /}, U+110000 as two lone surrogates), so JSON
 * bodies are checked before they are parsed.
 *
 * <p>ASCII, most of any JSON body, is skipped 32 bytes at a time.
 */
public final class Utf8 {

    private Utf8() {}

    /**
     * Why the bytes are not UTF-8, naming the offset of the first byte that cannot be where it is:
     * {@code byte 0xC0 at offset 6 starts an overlong encoding}; null when they are UTF-8.
     */
    public static String problem(byte[] bytes) {
        return problem(bytes, 0, bytes.length);
    }

    /** Whether {@code bytes[from]} up to {@code bytes[to]} are UTF-8, characters whole. */
    static boolean isWellFormed(byte[] bytes, int from, int to) {
        return problem(bytes, from, to) == null;
    }

    private static String problem(byte[] bytes, int from, int length) {
        int i = from;
        while (i < length) {
            // Runs of ASCII 32 bytes at a time, with one branch for four words.
            if (i + 32 <= length
                    && (((long) LONGS.get(bytes, i)
                                            | (long) LONGS.get(bytes, i + 8)
                                            | (long) LONGS.get(bytes, i + 16)
                                            | (long) LONGS.get(bytes, i + 24))
                                    & HIGH_BITS)
                            == 0) {
                i += 32;
                continue;
            }
            if (i + 8 <= length && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
                i += 8;
                continue;
            }
            int lead = bytes[i] & 0xff;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int needed;
            int min = 0x80;
            int max = 0xbf; // the range of the second byte, narrower after some lead bytes
            if (lead < 0xc0) {
                return at(bytes, i, "is a continuation byte with no character to continue");
            } else if (lead < 0xc2) {
                return at(bytes, i, "starts an overlong encoding");
            } else if (lead < 0xe0) {
                needed = 1;
            } else if (lead < 0xf0) {
                needed = 2;
                if (lead == 0xe0) {
                    min = 0xa0;
                } else if (lead == 0xed) {
                    max = 0x9f;
                }
            } else if (lead < 0xf5) {
                needed = 3;
                if (lead == 0xf0) {
                    min = 0x90;
                } else if (lead == 0xf4) {
                    max = 0x8f;
                }
            } else {
                return at(bytes, i, "never occurs in UTF-8");
            }
            for (int k = 1; k <= needed; k++) {
                if (i + k >= length) {
                    return String.format(Locale.ROOT, "the bytes end inside the character that starts at offset %d", i);
                }
                int b = bytes[i + k] & 0xff;
                int low = k == 1 ? min : 0x80;
                int high = k == 1 ? max : 0xbf;
                if (b < low || b > high) {
                    return at(
                            bytes,
                            i + k,
                            b < 0x80 || b > 0xbf
                                    ? "where the character that starts at offset " + i + " needs a continuation byte"
                                    : lead == 0xed
                                            ? "makes a UTF-16 surrogate, which UTF-8 cannot encode"
                                            : lead == 0xf4
                                                    ? "makes a code point beyond U+10FFFF"
                                                    : "makes an overlong encoding");
                }
            }
            i += needed + 1;
        }
        return null;
    }

    private static String at(byte[] bytes, int offset, String why) {
        return String.format(Locale.ROOT, "byte 0x%02X at offset %d %s", bytes[offset] & 0xff, offset, why);
    }
}

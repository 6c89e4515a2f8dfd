package dev.scorespec.annotations.internal;

import java.util.Base64;

/**
 * Base64 text as RFC 4648 defines it and JSON Schema's {@code "format": "byte"} means it: the standard
 * alphabet ({@code +} and {@code /}), padded with {@code =} to a multiple of four characters, no line
 * breaks or other characters, and only the canonical encoding (section 3.5: the unused bits of the last
 * group are zero). {@code "QR=="} decodes to the same byte as {@code "QQ=="} in lenient decoders, so
 * accepting it would read two texts as one value; the writer never produces it.
 */
public final class Base64Text {

    private Base64Text() {}

    /** The bytes of canonical base64 text, or null when the text is not that. The empty text is no bytes. */
    public static byte[] decode(String text) {
        int length = text.length();
        if (length % 4 != 0) {
            return null;
        }
        if (length > 0) {
            int unusedBitsMask;
            int last;
            if (text.charAt(length - 2) == '=') {
                unusedBitsMask = 0x0F;
                last = length - 3;
            } else if (text.charAt(length - 1) == '=') {
                unusedBitsMask = 0x03;
                last = length - 2;
            } else {
                unusedBitsMask = 0;
                last = length - 1;
            }
            if (unusedBitsMask != 0) {
                int sextet = sextet(text.charAt(last));
                if (sextet < 0 || (sextet & unusedBitsMask) != 0) {
                    return null;
                }
            }
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        } else if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        } else if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        } else if (c == '+') {
            return 62;
        } else if (c == '/') {
            return 63;
        }
        return -1;
    }
}

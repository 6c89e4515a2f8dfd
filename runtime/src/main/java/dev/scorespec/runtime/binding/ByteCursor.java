package dev.scorespec.runtime.binding;

import ch.randelshofer.fastdoubleparser.JsonDoubleParser;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A position in a {@link BodyParser}'s bytes, with Jackson's line count, for the fast readers
 * ({@link FastArrays}, {@link FastRecords}): white space, punctuation and JSON numbers read from the bytes,
 * throwing {@link HandOver} at anything it is not sure of; {@link #finish} then moves the parser past what
 * was read, as if Jackson had read it.
 */
class ByteCursor {

    /** Integers are read into a {@code long} up to this many digits, which always fit. */
    static final int MAX_LONG_DIGITS = 18;

    /**
     * A number's significand is read into a {@code long} up to 18 significant digits: another digit is
     * taken while the significand is below this, eight more while it is below the next.
     */
    private static final long MAX_SIGNIFICAND_BEFORE_ONE = 100_000_000_000_000_000L;

    private static final long MAX_SIGNIFICAND_BEFORE_EIGHT = 10_000_000_000L;

    /** Eight bytes of an array as a {@code long}, the first in its lowest byte. */
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long ONES = 0x0101_0101_0101_0101L;

    /** The high bit of each of a word's eight bytes: a byte with it set is not ASCII. */
    static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    /** Exponents are read up to beyond any double's range; larger ones are kept at this. */
    private static final int MAX_EXPONENT = 100_000;

    final BodyParser parser;
    final byte[] b;
    final int end;
    private final int maxNumberLength;
    int pos;
    private int line;
    private int lineStart;

    ByteCursor(BodyParser parser) {
        this.parser = parser;
        this.b = parser.bytes();
        this.end = parser.end();
        this.maxNumberLength = parser.maxNumberLength();
        this.pos = parser.position();
        this.line = parser.line();
        this.lineStart = parser.lineStart();
    }

    /** Moves the parser to the array's closing bracket, which the cursor is now after. */
    final void finish() throws IOException {
        parser.skipArray(pos, line, lineStart);
    }

    // Numbers: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, as JSON writes them.
    int start;
    boolean negative;
    long integer;
    boolean fraction;
    /** A number with a fraction or an exponent is significand × 10^exponent10, exactly unless truncated. */
    private long significand;

    private int exponent10;
    private boolean truncated;

    /**
     * Scans one number from {@code pos}, once: sets {@link #start}, {@link #negative}, the value of its
     * integer part when it is all there is ({@link #integer}, up to 18 digits) and whether it has a
     * fraction or an exponent ({@link #fraction}); for those, its first 18 significant digits
     * ({@link #significand}), the power of ten that scales them ({@link #exponent10}) and whether a
     * digit other than 0 came after them ({@link #truncated}). Leaves {@code pos} after it.
     */
    final void scanNumber() throws HandOver {
        start = pos;
        int p = pos;
        if (p < end && b[p] == '-') {
            p++;
        }
        negative = p > pos;
        if (p >= end) {
            throw new HandOver();
        }
        int c = b[p];
        long v;
        if (c == '0') {
            v = 0;
            p++;
        } else if (c >= '1' && c <= '9') {
            v = (long) c - '0';
            int digitsEnd = Math.min(end, p + MAX_LONG_DIGITS);
            p++;
            while (p < digitsEnd && (c = b[p]) >= '0' && c <= '9') {
                v = 10 * v + (c - '0');
                p++;
            }
            if (p < end && (c = b[p]) >= '0' && c <= '9') {
                throw new HandOver(); // 19 digits or more: the careful reader knows BigInteger
            }
        } else {
            throw new HandOver();
        }
        integer = v;
        if (p < end && ((c = b[p]) == '.' || (c | 0x20) == 'e')) {
            p = scanFraction(p, v);
        } else {
            fraction = false;
        }
        if (p - start > maxNumberLength) {
            throw new HandOver();
        }
        pos = p;
    }

    /**
     * Scans a number's fraction and exponent from {@code p}, at its {@code .} or {@code e}, after an
     * integer part of value {@code w}; returns the number's end.
     */
    private int scanFraction(int p, long w) throws HandOver {
        fraction = true;
        int exponent = 0;
        boolean dropped = false;
        int c;
        if (b[p] == '.') {
            int q = ++p;
            // Eight digits at a time while the significand has room for them, then one at a time.
            while (w < MAX_SIGNIFICAND_BEFORE_EIGHT && p + 8 <= end) {
                long chunk = (long) LONGS.get(b, p);
                if (!areEightDigits(chunk)) {
                    break;
                }
                w = w * 100_000_000L + eightDigits(chunk);
                exponent -= 8;
                p += 8;
            }
            while (p < end && (c = b[p]) >= '0' && c <= '9') {
                if (w < MAX_SIGNIFICAND_BEFORE_ONE) {
                    w = 10 * w + (c - '0');
                    exponent--;
                } else if (c != '0') {
                    dropped = true;
                }
                p++;
            }
            if (p == q) {
                throw new HandOver();
            }
        }
        if (p < end && (b[p] | 0x20) == 'e') {
            p++;
            boolean negativeExponent = false;
            if (p < end && (b[p] == '+' || b[p] == '-')) {
                negativeExponent = b[p] == '-';
                p++;
            }
            int q = p;
            int e = 0;
            while (p < end && (c = b[p]) >= '0' && c <= '9') {
                if (e < MAX_EXPONENT) {
                    e = 10 * e + (c - '0');
                }
                p++;
            }
            if (p == q) {
                throw new HandOver();
            }
            exponent += negativeExponent ? -e : e;
        }
        significand = w;
        exponent10 = exponent;
        truncated = dropped;
        return p;
    }

    /**
     * The bytes of {@code word} (the first in its lowest byte) that a JSON string cannot hold as they are
     * or that are not ASCII: a quote, a backslash, a control character, or a byte of 0x80 and above. Its
     * lowest set bit is the high bit of the first such byte, exactly; bits above it may be set wrongly
     * (the borrow of a subtraction), so only the lowest one means anything. 0 when there is none.
     */
    static long stringSpecialBytes(long word) {
        long quote = word ^ 0x2222_2222_2222_2222L;
        long backslash = word ^ 0x5C5C_5C5C_5C5C_5C5CL;
        long quotes = (quote - ONES) & ~quote;
        long backslashes = (backslash - ONES) & ~backslash;
        long controls = (word - 0x2020_2020_2020_2020L) & ~word;
        return (quotes | backslashes | controls | word) & HIGH_BITS;
    }

    /** Whether the eight bytes of {@code chunk} (the first in its lowest byte) are all ASCII digits. */
    private static boolean areEightDigits(long chunk) {
        // Each byte's high nibble 3, and its low nibble at most 9: adding 6 leaves the high nibble 3.
        return (chunk & 0xF0F0F0F0F0F0F0F0L) == 0x3030303030303030L
                && ((chunk + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) == 0x3030303030303030L;
    }

    /** The value of eight ASCII digits, the first in the lowest byte, as a decimal number. */
    private static long eightDigits(long chunk) {
        long digits = chunk - 0x3030303030303030L;
        // Pairs of digits into bytes 0, 2, 4, 6 (first digit × 10 + second), then pairs of pairs and the
        // two halves, each step a multiply and a shift.
        long pairs = (digits * 10 + (digits >>> 8)) & 0x00FF00FF00FF00FFL;
        long quads = (pairs * 100 + (pairs >>> 16)) & 0x0000FFFF0000FFFFL;
        return (quads * 10_000 + (quads >>> 32)) & 0xFFFFFFFFL;
    }

    final double readDouble() throws HandOver {
        scanNumber();
        if (!fraction) {
            // As Jackson converts a JSON integer: through a long, so -0 is 0.0.
            return negative ? -integer : integer;
        }
        double v = truncated ? Double.NaN : DecimalToDouble.toDouble(negative, significand, exponent10);
        if (Double.isNaN(v)) {
            // What only a general parser decides: more than 18 digits, subnormals, overflow.
            v = JsonDoubleParser.parseDouble(b, start, pos - start);
            if (!Double.isFinite(v)) {
                throw new HandOver(); // out of range: the careful reader's error
            }
        }
        return v;
    }

    /** After an element: true at the array's {@code ]}, false after a {@code ,}; white space around either. */
    final boolean endOfArray() throws HandOver {
        return endOf(']');
    }

    /** After a member's value: true at the object's <code>}</code>, false after a {@code ,}; white space around either. */
    final boolean endOfObject() throws HandOver {
        return endOf('}');
    }

    private boolean endOf(char close) throws HandOver {
        byte c;
        if (pos < end && (c = b[pos]) > ' ') {
            // the usual case: no white space before the comma or the bracket
        } else {
            skipWhiteSpace();
            if (pos >= end) {
                throw new HandOver();
            }
            c = b[pos];
        }
        pos++;
        if (c == ',') {
            skipWhiteSpace();
            return false;
        }
        if (c == close) {
            return true;
        }
        throw new HandOver();
    }

    final void expect(char c) throws HandOver {
        if (pos >= end || b[pos] != c) {
            throw new HandOver();
        }
        pos++;
    }

    /** Skips white space; then, if the next character is {@code c}, moves after it and returns true. */
    final boolean skipWhiteSpaceTo(char c) {
        skipWhiteSpace();
        if (pos < end && b[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** JSON's white space, counting line breaks as Jackson does: CR, LF and CR LF each end a line. */
    final void skipWhiteSpace() {
        // Mostly there is none, or one space before a value.
        if (pos < end && b[pos] > ' ') {
            return;
        }
        if (pos + 1 < end && b[pos] == ' ' && b[pos + 1] > ' ') {
            pos++;
            return;
        }
        while (pos < end) {
            byte c = b[pos];
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (c == '\r') {
                pos++;
                if (pos < end && b[pos] == '\n') {
                    pos++;
                }
                line++;
                lineStart = pos;
            } else {
                return;
            }
        }
    }
}

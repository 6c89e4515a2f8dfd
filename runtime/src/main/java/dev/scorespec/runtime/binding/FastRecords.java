package dev.scorespec.runtime.binding;

import com.fasterxml.jackson.core.JsonParser;
import dev.scorespec.annotations.ColumnKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Month;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.booleans.BitSetBooleanData;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.times.PackedLocalTime;

/**
 * The fast path of {@link DataFrameReader} for frames in orient {@code records} whose columns and shape
 * are enforced: reads the rows straight from the request's bytes into per-thread arrays, one per column,
 * and makes each Tablesaw column once, at its size.
 *
 * <p>It reads only what it is sure of: rows whose keys are the sample's column names written plainly
 * (in any order, each once, none missing, no other), and values of their columns' kinds in their plainest
 * form: integers of up to 18 digits, JSON numbers for doubles, strings of UTF-8 without escapes,
 * {@code true} and {@code false}, and date-times {@code yyyy-MM-ddTHH:mm:ss[.fff]} of whole milliseconds.
 * On anything else (a null, an escape, another kind of column, an empty frame, a key it does not know) it
 * returns {@code null} without having moved the parser, and the careful reader reads the frame from its
 * start: values, errors, messages and paths are the careful reader's, and {@code FastRecordsFuzzTest}
 * checks that both give the same frames.
 */
final class FastRecords {

    /** Scratch rows beyond this are dropped after a request, not kept per thread. */
    private static final int MAX_KEPT_ROWS = 1 << 16;

    // A date-time's first sixteen bytes as two little-endian words: "yyyy-MM-" and "ddTHH:mm".
    private static final long DATE_DIGITS = 0x00FF_FF00_FFFF_FFFFL;
    private static final long DATE_SEPARATORS = 0xFF00_00FF_0000_0000L;
    private static final long DATE_SEPARATOR_BYTES = 0x2D00_002D_0000_0000L; // '-' at 4 and 7
    private static final long TIME_DIGITS = 0xFFFF_00FF_FF00_FFFFL;
    private static final long TIME_SEPARATORS = 0x0000_FF00_00FF_0000L;
    private static final long TIME_SEPARATOR_BYTES = 0x0000_3A00_0074_0000L; // 't' at 2, ':' at 5

    /** {@code true} and {@code false} as little-endian words. */
    private static final long TRUE = 0x6575_7274L;

    private static final long FALSE = 0x65_736C_6166L;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private FastRecords() {}

    /** {@link DataFrameReader#read}'s frame, or {@code null} for the careful reader to read it. */
    static Table read(JsonParser p, DataFrameSpec spec) throws IOException {
        Plan plan = spec.fastRecords();
        if (plan == null || !(p instanceof BodyParser body) || !body.atArrayStart()) {
            return null;
        }
        Scratch scratch = SCRATCH.get();
        try {
            Cursor cursor = new Cursor(body, spec, plan, scratch.forColumns(plan.width()));
            int rows = cursor.readRows();
            Table table = Table.create(spec.tableName(), cursor.columns(rows));
            cursor.finish();
            return table;
        } catch (HandOver e) {
            return null;
        } finally {
            scratch.release();
        }
    }

    /**
     * What the fast path needs of a frame's spec, made once per spec: the columns' kinds, and their names
     * as the bytes of a plain JSON key followed by its closing quote, also as little-endian words to compare
     * eight bytes at a time (the last word masked to the key's length).
     */
    static final class Plan {
        final ColumnKind[] kinds;
        final boolean[] nullable;
        final byte[][] keys;
        final long[][] keyWords;
        final long[] lastKeyWordMasks;

        private Plan(ColumnKind[] kinds, boolean[] nullable, byte[][] keys) {
            this.kinds = kinds;
            this.nullable = nullable;
            this.keys = keys;
            this.keyWords = new long[keys.length][];
            this.lastKeyWordMasks = new long[keys.length];
            for (int c = 0; c < keys.length; c++) {
                byte[] key = keys[c];
                long[] words = new long[(key.length + 7) / 8];
                for (int i = 0; i < key.length; i++) {
                    words[i / 8] |= (key[i] & 0xFFL) << (8 * (i % 8));
                }
                int tail = key.length % 8;
                keyWords[c] = words;
                lastKeyWordMasks[c] = tail == 0 ? -1L : (1L << (8 * tail)) - 1;
            }
        }

        /**
         * The plan for a frame with these columns, or {@code null} when the fast path leaves it to the careful
         * reader: types or shape not enforced, a column of a kind only the careful reader reads, or a name
         * that a request could only write with an escape.
         */
        static Plan of(boolean enforceColumnType, boolean enforceShape, List<DataFrameSpec.Column> columns) {
            if (!enforceColumnType || !enforceShape) {
                return null;
            }
            int width = columns.size();
            ColumnKind[] kinds = new ColumnKind[width];
            boolean[] nullable = new boolean[width];
            byte[][] keys = new byte[width][];
            for (int c = 0; c < width; c++) {
                DataFrameSpec.Column column = columns.get(c);
                switch (column.kind()) {
                    case LONG, INTEGER, DOUBLE, STRING, BOOLEAN, DATE_TIME -> kinds[c] = column.kind();
                    default -> {
                        return null;
                    }
                }
                nullable[c] = column.nullable();
                byte[] name = column.name().getBytes(StandardCharsets.UTF_8);
                for (byte x : name) {
                    if (x == '"' || x == '\\' || (x >= 0 && x < 0x20)) {
                        return null;
                    }
                }
                keys[c] = Arrays.copyOf(name, name.length + 1);
                keys[c][name.length] = '"';
            }
            return new Plan(kinds, nullable, keys);
        }

        int width() {
            return kinds.length;
        }
    }

    /**
     * Per-thread storage: a column's values as longs (numbers, booleans, packed date-times) or strings.
     * Every column's arrays have the same capacity, whichever frame they last held.
     */
    private static final class Scratch {
        private static final int INITIAL_CAPACITY = 64;

        /** Slots of the table of short strings; it takes at most three quarters as many strings. */
        static final int INTERNED_SLOTS = 256;

        static final int MAX_INTERNED = INTERNED_SLOTS / 4 * 3;

        int capacity = INITIAL_CAPACITY;
        long[][] numbers = new long[0][];
        String[][] texts = new String[0][];
        /** The rows that may hold strings of the frame being read. */
        int rowsUsed;

        Scratch forColumns(int width) {
            if (numbers.length < width) {
                int old = numbers.length;
                numbers = Arrays.copyOf(numbers, width);
                texts = Arrays.copyOf(texts, width);
                for (int c = old; c < width; c++) {
                    numbers[c] = new long[capacity];
                    texts[c] = new String[capacity];
                }
            }
            return this;
        }

        void grow() throws HandOver {
            if (capacity >= Integer.MAX_VALUE / 2 - 8) {
                throw new HandOver(); // the careful reader says how many rows are too many
            }
            capacity *= 2;
            for (int c = 0; c < numbers.length; c++) {
                numbers[c] = Arrays.copyOf(numbers[c], capacity);
                texts[c] = Arrays.copyOf(texts[c], capacity);
            }
        }

        /**
         * Short ASCII strings already made for this frame, by their bytes: an open-addressing table whose
         * slot holds the bytes as two little-endian words (zero beyond the string) and the length plus one
         * (0: empty slot). Repeated values, usual in a frame's text columns, become one {@code String}, made
         * once, whose hash the string column's dictionary then computes once.
         */
        final long[] internedLow = new long[INTERNED_SLOTS];

        final long[] internedHigh = new long[INTERNED_SLOTS];
        final int[] internedLength = new int[INTERNED_SLOTS];
        final String[] interned = new String[INTERNED_SLOTS];
        /** The slots taken, in the order taken: only these are emptied after a frame, usually a few. */
        final int[] internedSlots = new int[MAX_INTERNED];

        int internedCount;

        /** Drops storage too large to keep, and the strings, which belong to the frame read. */
        void release() {
            for (int i = 0; i < internedCount; i++) {
                int slot = internedSlots[i];
                internedLength[slot] = 0;
                interned[slot] = null;
            }
            internedCount = 0;
            if (capacity > MAX_KEPT_ROWS) {
                capacity = INITIAL_CAPACITY;
                for (int c = 0; c < numbers.length; c++) {
                    numbers[c] = new long[capacity];
                    texts[c] = new String[capacity];
                }
            } else {
                for (String[] column : texts) {
                    Arrays.fill(column, 0, rowsUsed, null);
                }
            }
            rowsUsed = 0;
        }
    }

    /** The rows of one frame read from the bytes. */
    private static final class Cursor extends ByteCursor {
        private final DataFrameSpec spec;
        private final Plan plan;
        private final ColumnKind[] kinds;
        private final Scratch scratch;
        private final int width;
        private final int maxStringLength;
        /** The row (plus one) in which each column was last given. */
        private final int[] givenInRow;

        Cursor(BodyParser parser, DataFrameSpec spec, Plan plan, Scratch scratch) {
            super(parser);
            this.spec = spec;
            this.plan = plan;
            this.kinds = plan.kinds;
            this.scratch = scratch;
            this.width = kinds.length;
            this.maxStringLength = parser.maxStringLength();
            this.givenInRow = new int[width];
        }

        /** Reads the rows, after the array's {@code [}, through its {@code ]}; returns how many. */
        int readRows() throws HandOver {
            if (skipWhiteSpaceTo(']')) {
                throw new HandOver(); // no rows: the careful reader makes the empty frame
            }
            int row = 0;
            do {
                expect('{');
                if (row == scratch.capacity) {
                    scratch.grow();
                }
                scratch.rowsUsed = row + 1;
                readRow(row++);
            } while (!endOfArray());
            return row;
        }

        /** One row object, after its <code>{</code>, through its <code>}</code>. */
        private void readRow(int row) throws HandOver {
            int stamp = row + 1;
            int next = 0;
            int given = 0;
            skipWhiteSpace();
            do {
                expect('"');
                int c = column(next);
                if (givenInRow[c] == stamp) {
                    throw new HandOver(); // given twice: the careful reader's error
                }
                givenInRow[c] = stamp;
                given++;
                next = c + 1;
                skipWhiteSpace();
                expect(':');
                skipWhiteSpace();
                readValue(c, row);
            } while (!endOfObject());
            if (given != width) {
                throw new HandOver(); // one missing (none was given twice): the careful reader's error
            }
        }

        /** The column whose name is the key after the cursor's {@code "}; moves after the key's {@code "}. */
        private int column(int next) throws HandOver {
            // Rows mostly repeat the sample's order: the column after the last one first.
            if (next < width && isKey(next)) {
                pos += plan.keys[next].length;
                return next;
            }
            for (int c = 0; c < width; c++) {
                if (isKey(c)) {
                    pos += plan.keys[c].length;
                    return c;
                }
            }
            throw new HandOver(); // another key, or one with escapes
        }

        /** Whether the bytes at the cursor are column {@code c}'s name and the key's closing quote. */
        private boolean isKey(int c) {
            long[] words = plan.keyWords[c];
            int last = words.length - 1;
            if (pos + 8 * words.length <= end) {
                for (int i = 0; i < last; i++) {
                    if ((long) LONGS.get(b, pos + 8 * i) != words[i]) {
                        return false;
                    }
                }
                return ((long) LONGS.get(b, pos + 8 * last) & plan.lastKeyWordMasks[c]) == words[last];
            }
            byte[] key = plan.keys[c];
            int keyEnd = pos + key.length;
            return keyEnd <= end && Arrays.equals(b, pos, keyEnd, key, 0, key.length);
        }

        private void readValue(int c, int row) throws HandOver {
            long[] numbers = scratch.numbers[c];
            switch (kinds[c]) {
                case LONG -> numbers[row] = readInteger();
                case INTEGER -> {
                    long v = readInteger();
                    // Tablesaw's missing value, Integer.MIN_VALUE, is refused by the careful reader.
                    if (v <= Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                        throw new HandOver();
                    }
                    numbers[row] = v;
                }
                case DOUBLE -> numbers[row] = Double.doubleToRawLongBits(readDouble());
                case STRING -> scratch.texts[c][row] = readString(plan.nullable[c]);
                case BOOLEAN -> numbers[row] = readBoolean() ? 1 : 0;
                case DATE_TIME -> numbers[row] = readDateTime();
                default -> throw new HandOver();
            }
        }

        /** An integer of up to 18 digits; {@code 7.0}, which the careful reader takes too, is its to read. */
        private long readInteger() throws HandOver {
            scanNumber();
            if (fraction) {
                throw new HandOver();
            }
            return negative ? -integer : integer;
        }

        /** A string without escapes or control characters; an empty one where null is allowed too is refused. */
        private String readString(boolean nullable) throws HandOver {
            expect('"');
            int from = pos;
            int p = pos;
            // Eight bytes at a time up to the first that is not plain ASCII text: usually the closing quote.
            while (p + 8 <= end) {
                long special = stringSpecialBytes((long) LONGS.get(b, p));
                if (special != 0) {
                    p += Long.numberOfTrailingZeros(special) >>> 3;
                    break;
                }
                p += 8;
            }
            boolean ascii = true;
            byte x;
            while (p < end && (x = b[p]) != '"') {
                if (x < 0x20) {
                    if (x >= 0) {
                        throw new HandOver(); // a control character: the careful reader's error
                    }
                    ascii = false; // a byte of a multi-byte character
                } else if (x == '\\') {
                    throw new HandOver();
                }
                p++;
            }
            int length = p - from;
            if (p >= end || length > maxStringLength || (length == 0 && nullable)) {
                throw new HandOver();
            }
            pos = p + 1;
            if (ascii) {
                return asciiString(from, length);
            }
            // Bodies are checked before they are parsed, but a parser may be given bytes that were not:
            // only well-formed UTF-8 decodes as Jackson decodes it.
            if (!Utf8.isWellFormed(b, from, p)) {
                throw new HandOver();
            }
            return new String(b, from, length, StandardCharsets.UTF_8);
        }

        /**
         * The ASCII string of {@code length} bytes at {@code from}: for up to 16 bytes, the one this frame
         * already has for them, if any.
         */
        private String asciiString(int from, int length) {
            if (length > 16 || from + 16 > end) {
                return new String(b, from, length, StandardCharsets.ISO_8859_1);
            }
            if (length == 0) {
                return "";
            }
            // The bytes past the string (its quote and what follows) masked off.
            long low = (long) LONGS.get(b, from);
            long high = 0;
            if (length < 8) {
                low &= (1L << (8 * length)) - 1;
            } else if (length > 8) {
                high = (long) LONGS.get(b, from + 8);
                if (length < 16) {
                    high &= (1L << (8 * (length - 8))) - 1;
                }
            }
            Scratch table = scratch;
            int mask = Scratch.INTERNED_SLOTS - 1;
            long mixed = (low ^ Long.rotateLeft(high, 29) ^ length) * 0x9E37_79B9_7F4A_7C15L;
            for (int slot = (int) (mixed >>> 56); ; slot = (slot + 1) & mask) {
                int slotLength = table.internedLength[slot];
                if (slotLength == 0) {
                    String text = new String(b, from, length, StandardCharsets.ISO_8859_1);
                    if (table.internedCount < Scratch.MAX_INTERNED) {
                        table.internedLow[slot] = low;
                        table.internedHigh[slot] = high;
                        table.internedLength[slot] = length + 1;
                        table.interned[slot] = text;
                        table.internedSlots[table.internedCount++] = slot;
                    }
                    return text;
                }
                if (slotLength == length + 1 && table.internedLow[slot] == low && table.internedHigh[slot] == high) {
                    return table.interned[slot];
                }
            }
        }

        private boolean readBoolean() throws HandOver {
            if (pos + 8 <= end) {
                long word = (long) LONGS.get(b, pos);
                if ((word & 0xFFFF_FFFFL) == TRUE) {
                    pos += 4;
                    return true;
                }
                if ((word & 0xFF_FFFF_FFFFL) == FALSE) {
                    pos += 5;
                    return false;
                }
                throw new HandOver();
            }
            if (matches("true")) {
                pos += 4;
                return true;
            }
            if (matches("false")) {
                pos += 5;
                return false;
            }
            throw new HandOver();
        }

        private boolean matches(String literal) {
            if (pos + literal.length() > end) {
                return false;
            }
            for (int i = 0; i < literal.length(); i++) {
                if (b[pos + i] != literal.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * {@code "yyyy-MM-ddTHH:mm:ss[.fff]"}, a valid date and time of whole milliseconds (fraction digits
         * after the third all zeros), packed as Tablesaw's {@code DateTimeColumn} stores it.
         */
        private long readDateTime() throws HandOver {
            expect('"');
            int p = pos;
            if (p + 20 > end) {
                throw new HandOver();
            }
            // "yyyy-MM-" and "ddTHH:mm" checked a word at a time, then their digits taken out.
            long yearMonth = (long) LONGS.get(b, p);
            long dayHourMinute = (long) LONGS.get(b, p + 8) | (0x20L << 16); // 'T' or 't' as 't'
            if ((yearMonth & DATE_SEPARATORS) != DATE_SEPARATOR_BYTES
                    || (dayHourMinute & TIME_SEPARATORS) != TIME_SEPARATOR_BYTES
                    || !areDigits(yearMonth, DATE_DIGITS)
                    || !areDigits(dayHourMinute, TIME_DIGITS)
                    || b[p + 16] != ':') {
                throw new HandOver();
            }
            int year = 1000 * digit(yearMonth, 0)
                    + 100 * digit(yearMonth, 1)
                    + 10 * digit(yearMonth, 2)
                    + digit(yearMonth, 3);
            int month = 10 * digit(yearMonth, 5) + digit(yearMonth, 6);
            int day = 10 * digit(dayHourMinute, 0) + digit(dayHourMinute, 1);
            int hour = 10 * digit(dayHourMinute, 3) + digit(dayHourMinute, 4);
            int minute = 10 * digit(dayHourMinute, 6) + digit(dayHourMinute, 7);
            int second = digits(p + 17, 2);
            p += 19;
            int millis = 0;
            if (p < end && b[p] == '.') {
                int digitsStart = ++p;
                int scale = 100;
                while (p < end && b[p] >= '0' && b[p] <= '9') {
                    if (scale > 0) {
                        millis += (b[p] - '0') * scale;
                        scale /= 10;
                    } else if (b[p] != '0') {
                        throw new HandOver(); // finer than a millisecond: the careful reader's error
                    }
                    p++;
                }
                if (p == digitsStart) {
                    throw new HandOver();
                }
            }
            if (p >= end
                    || b[p] != '"'
                    || month < 1
                    || month > 12
                    || day < 1
                    || day > Month.of(month).length(Year.isLeap(year))
                    || hour > 23
                    || minute > 59
                    || second > 59) {
                throw new HandOver();
            }
            pos = p + 1;
            int date = PackedLocalDate.pack(year, month, day);
            int time = PackedLocalTime.of(hour, minute, second, millis);
            return ((long) date << 32) | (time & 0xFFFFFFFFL);
        }

        /** Of {@code word}, the bytes of {@code mask} (0xFF each) are ASCII digits. */
        private static boolean areDigits(long word, long mask) {
            long digits = word & mask;
            long zeros = 0x3030_3030_3030_3030L & mask;
            // Each byte's high nibble 3, and its low nibble at most 9: adding 6 leaves the high nibble 3.
            return (digits & 0xF0F0_F0F0_F0F0_F0F0L) == zeros
                    && ((digits + (0x0606_0606_0606_0606L & mask)) & 0xF0F0_F0F0_F0F0_F0F0L) == zeros;
        }

        /** The value of the ASCII digit at byte {@code i} of {@code word}, the first byte the lowest. */
        private static int digit(long word, int i) {
            return (int) (word >>> (8 * i)) & 0xF;
        }

        /** The number in {@code count} ASCII digits at {@code p}. */
        private int digits(int p, int count) throws HandOver {
            int v = 0;
            for (int i = p; i < p + count; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    throw new HandOver();
                }
                v = 10 * v + d;
            }
            return v;
        }

        /**
         * A boolean column of {@code rows} values, 1 or 0, made as Tablesaw stores it (the rows that are true,
         * those that are false, none missing) rather than one value at a time, each of which measures the
         * column's size again.
         */
        private static BooleanColumn booleanColumn(String name, long[] values, int rows) {
            long[] trues = new long[(rows + 63) >>> 6];
            for (int i = 0; i < rows; i++) {
                trues[i >>> 6] |= values[i] << i; // a shift by i is by i mod 64
            }
            long[] falses = new long[trues.length];
            for (int w = 0; w < trues.length; w++) {
                falses[w] = ~trues[w];
            }
            if ((rows & 63) != 0) {
                falses[falses.length - 1] &= (1L << rows) - 1;
            }
            return new BooleanColumn(
                    name, new BitSetBooleanData(BitSet.valueOf(trues), BitSet.valueOf(falses), new BitSet()));
        }

        /** The finished columns of {@code rows} rows, in the sample's order, as the careful reader types them. */
        List<Column<?>> columns(int rows) {
            List<Column<?>> columns = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                String name = spec.name(c);
                long[] values = scratch.numbers[c];
                columns.add(
                        switch (kinds[c]) {
                            case LONG -> LongColumn.create(name, Arrays.copyOf(values, rows));
                            case INTEGER -> {
                                int[] ints = new int[rows];
                                for (int i = 0; i < rows; i++) {
                                    ints[i] = (int) values[i];
                                }
                                yield IntColumn.create(name, ints);
                            }
                            case DOUBLE -> {
                                double[] doubles = new double[rows];
                                for (int i = 0; i < rows; i++) {
                                    doubles[i] = Double.longBitsToDouble(values[i]);
                                }
                                yield DoubleColumn.create(name, doubles);
                            }
                            case STRING ->
                                StringColumn.create(
                                        name, Arrays.asList(scratch.texts[c]).subList(0, rows));
                            case BOOLEAN -> booleanColumn(name, values, rows);
                            case DATE_TIME -> DateTimeColumn.createInternal(name, Arrays.copyOf(values, rows));
                            default -> throw new IllegalStateException("Not read by the fast path: " + kinds[c]);
                        });
            }
            return columns;
        }
    }
}

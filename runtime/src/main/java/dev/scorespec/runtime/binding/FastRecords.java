package dev.scorespec.runtime.binding;

import com.fasterxml.jackson.core.JsonParser;
import dev.scorespec.annotations.ColumnKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Month;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
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

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private FastRecords() {}

    /** {@link DataFrameReader#read}'s frame, or {@code null} for the careful reader to read it. */
    static Table read(JsonParser p, DataFrameSpec spec) throws IOException {
        if (!spec.enforceColumnType()
                || !spec.enforceShape()
                || !(p instanceof BodyParser body)
                || !body.atArrayStart()) {
            return null;
        }
        ColumnKind[] kinds = kinds(spec);
        byte[][] names = names(spec);
        if (kinds == null || names == null) {
            return null;
        }
        Scratch scratch = SCRATCH.get();
        try {
            Cursor cursor = new Cursor(body, spec, kinds, names, scratch.forColumns(kinds.length));
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

    /** The columns' kinds, or {@code null} when one is a kind only the careful reader reads. */
    private static ColumnKind[] kinds(DataFrameSpec spec) {
        ColumnKind[] kinds = new ColumnKind[spec.size()];
        for (int c = 0; c < kinds.length; c++) {
            ColumnKind kind = spec.columns().get(c).kind();
            switch (kind) {
                case LONG, INTEGER, DOUBLE, STRING, BOOLEAN, DATE_TIME -> kinds[c] = kind;
                default -> {
                    return null;
                }
            }
        }
        return kinds;
    }

    /**
     * The columns' names as the bytes of a plain JSON key, or {@code null} when one would need an escape:
     * a request could only write it with one, which the careful reader reads.
     */
    private static byte[][] names(DataFrameSpec spec) {
        byte[][] names = new byte[spec.size()][];
        for (int c = 0; c < names.length; c++) {
            byte[] name = spec.name(c).getBytes(StandardCharsets.UTF_8);
            for (byte x : name) {
                if (x == '"' || x == '\\' || (x >= 0 && x < 0x20)) {
                    return null;
                }
            }
            names[c] = name;
        }
        return names;
    }

    /**
     * Per-thread storage: a column's values as longs (numbers, booleans, packed date-times) or strings.
     * Every column's arrays have the same capacity, whichever frame they last held.
     */
    private static final class Scratch {
        private static final int INITIAL_CAPACITY = 64;

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

        /** Drops storage too large to keep, and the strings, which belong to the frame read. */
        void release() {
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
        private final ColumnKind[] kinds;
        private final byte[][] names;
        private final Scratch scratch;
        private final int width;
        private final int maxStringLength;
        /** The row (plus one) in which each column was last given. */
        private final int[] givenInRow;

        Cursor(BodyParser parser, DataFrameSpec spec, ColumnKind[] kinds, byte[][] names, Scratch scratch) {
            super(parser);
            this.spec = spec;
            this.kinds = kinds;
            this.names = names;
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
            skipWhiteSpace();
            do {
                expect('"');
                int c = column(next);
                if (givenInRow[c] == stamp) {
                    throw new HandOver(); // given twice: the careful reader's error
                }
                givenInRow[c] = stamp;
                next = c + 1;
                skipWhiteSpace();
                expect(':');
                skipWhiteSpace();
                readValue(c, row);
            } while (!endOfObject());
            for (int c = 0; c < width; c++) {
                if (givenInRow[c] != stamp) {
                    throw new HandOver(); // missing: the careful reader's error
                }
            }
        }

        /** The column whose name is the key after the cursor's {@code "}; moves after the key's {@code "}. */
        private int column(int next) throws HandOver {
            // Rows mostly repeat the sample's order: the column after the last one first.
            if (next < width && isKey(names[next])) {
                pos += names[next].length + 1;
                return next;
            }
            for (int c = 0; c < width; c++) {
                if (isKey(names[c])) {
                    pos += names[c].length + 1;
                    return c;
                }
            }
            throw new HandOver(); // another key, or one with escapes
        }

        private boolean isKey(byte[] name) {
            int keyEnd = pos + name.length;
            return keyEnd < end && b[keyEnd] == '"' && Arrays.equals(b, pos, keyEnd, name, 0, name.length);
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
                case STRING ->
                    scratch.texts[c][row] = readString(spec.columns().get(c).nullable());
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
                return new String(b, from, length, StandardCharsets.ISO_8859_1);
            }
            // Bodies are checked before they are parsed, but a parser may be given bytes that were not:
            // only well-formed UTF-8 decodes as Jackson decodes it.
            if (!Utf8.isWellFormed(b, from, p)) {
                throw new HandOver();
            }
            return new String(b, from, length, StandardCharsets.UTF_8);
        }

        private boolean readBoolean() throws HandOver {
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
            if (p + 20 > end
                    || b[p + 4] != '-'
                    || b[p + 7] != '-'
                    || (b[p + 10] != 'T' && b[p + 10] != 't')
                    || b[p + 13] != ':'
                    || b[p + 16] != ':') {
                throw new HandOver();
            }
            int year = digits(p, 4);
            int month = digits(p + 5, 2);
            int day = digits(p + 8, 2);
            int hour = digits(p + 11, 2);
            int minute = digits(p + 14, 2);
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
                            case BOOLEAN -> {
                                boolean[] booleans = new boolean[rows];
                                for (int i = 0; i < rows; i++) {
                                    booleans[i] = values[i] != 0;
                                }
                                yield BooleanColumn.create(name, booleans);
                            }
                            case DATE_TIME -> DateTimeColumn.createInternal(name, Arrays.copyOf(values, rows));
                            default -> throw new IllegalStateException("Not read by the fast path: " + kinds[c]);
                        });
            }
            return columns;
        }
    }
}

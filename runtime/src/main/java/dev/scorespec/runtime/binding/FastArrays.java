package dev.scorespec.runtime.binding;

import ch.randelshofer.fastdoubleparser.JavaFloatParser;
import com.fasterxml.jackson.core.JsonParser;
import dev.scorespec.runtime.DType;
import dev.scorespec.runtime.NDArray;
import java.io.IOException;
import java.lang.reflect.Array;
import java.util.Arrays;

/**
 * The fast path of {@link NdArrayReader} for arrays of numbers: reads the array straight from the
 * request's bytes, without Jackson's tokens, when the parser is a {@link BodyParser}.
 *
 * <p>It reads only what it is sure of: JSON numbers in plain form, white space, brackets and commas,
 * and rows of the lengths the shape wants. On anything else (another token, a number out of range, an
 * integer longer than 18 digits, a row of the wrong length, the end of the body) it returns
 * {@code null} without having moved the parser, and the careful reader reads the same array from its
 * start: values, errors, messages and paths are the careful reader's by construction, and
 * {@code FastArraysFuzzTest} checks that both give the same values.
 *
 * <p>The values go into scratch arrays kept per thread and are copied once into arrays of the exact
 * size: no growth by copying, and the bytes allocated are those of the result.
 */
final class FastArrays {

    /** Scratch storage larger than this (in elements) is dropped after a request, not kept per thread. */
    private static final int MAX_KEPT_SCRATCH = 1 << 18;

    // The unsigned ranges are the processor's (it checks samples against them): one declaration.
    private static final long UINT32_MAX = dev.scorespec.annotations.internal.DType.UINT32.maxLong();
    private static final float HALF_MAX = (float) dev.scorespec.annotations.internal.DType.FLOAT16.maxMagnitude();
    private static final long UINT16_MAX = dev.scorespec.annotations.internal.DType.UINT16.maxLong();
    private static final long UINT8_MAX = dev.scorespec.annotations.internal.DType.UINT8.maxLong();

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private FastArrays() {}

    /** {@link NdArrayReader#read}'s result, or {@code null} for the careful reader to read the array. */
    static NDArray read(JsonParser p, DType dtype, int[] sampleShape, boolean enforceShape) throws IOException {
        Storage storage = Storage.of(dtype);
        if (storage == null || sampleShape.length == 0 || !(p instanceof BodyParser body) || !body.atArrayStart()) {
            return null;
        }
        Scratch scratch = SCRATCH.get();
        try {
            Cursor cursor = new Cursor(body, storage, scratch);
            int rank = sampleShape.length;
            int[] dims = expectedDims(sampleShape, enforceShape);
            int[] shape = new int[rank];
            shape[0] = cursor.readFlat(0, rank - 1, dims, enforceShape);
            for (int d = 1; d < rank; d++) {
                shape[d] = Math.max(dims[d], 0);
            }
            NDArray array = NDArray.of(dtype, shape, storage.copy(scratch, 0, cursor.size));
            cursor.finish();
            return array;
        } catch (HandOver e) {
            return null;
        } finally {
            scratch.release();
        }
    }

    /** {@link NdArrayReader#readJavaArray}'s result for rank 2 or more, or {@code null} for the careful reader. */
    static Object readJavaArray(JsonParser p, DType dtype, int[] sampleShape, boolean enforceShape) throws IOException {
        Storage storage = Storage.of(dtype);
        if (storage == null || sampleShape.length < 2 || !(p instanceof BodyParser body) || !body.atArrayStart()) {
            return null;
        }
        Scratch scratch = SCRATCH.get();
        try {
            Cursor cursor = new Cursor(body, storage, scratch);
            int leaf = sampleShape.length - 1;
            // rowTypes[d]: the component type of an array at depth d, from double[] at depth leaf - 1 up.
            Class<?>[] rowTypes = new Class<?>[leaf];
            rowTypes[leaf - 1] = dtype.elementType().arrayType();
            for (int d = leaf - 2; d >= 0; d--) {
                rowTypes[d] = rowTypes[d + 1].arrayType();
            }
            Object result = cursor.readNested(0, leaf, expectedDims(sampleShape, enforceShape), enforceShape, rowTypes);
            cursor.finish();
            return result;
        } catch (HandOver e) {
            return null;
        } finally {
            scratch.release();
        }
    }

    /** dims[d], d >= 1: the length every array at depth d must have; -1 until the first one fixes it. */
    private static int[] expectedDims(int[] sampleShape, boolean enforceShape) {
        int[] dims = new int[sampleShape.length];
        for (int d = 1; d < dims.length; d++) {
            dims[d] = enforceShape ? sampleShape[d] : -1;
        }
        return dims;
    }

    /** How the values of a dtype are read and stored: as doubles, floats or integers in a range. */
    private enum Storage {
        DOUBLE(0, 0),
        FLOAT(0, 0),
        HALF(0, 0),
        LONG(Long.MIN_VALUE, Long.MAX_VALUE),
        UINT32(0, UINT32_MAX),
        // Integers of up to 18 digits, all below 2^63, are stored as they are by the careful reader too.
        UINT64(0, Long.MAX_VALUE),
        INT(Integer.MIN_VALUE, Integer.MAX_VALUE),
        UINT16(0, UINT16_MAX),
        SHORT(Short.MIN_VALUE, Short.MAX_VALUE),
        UINT8(0, UINT8_MAX),
        BYTE(Byte.MIN_VALUE, Byte.MAX_VALUE);

        final long min;
        final long max;

        Storage(long min, long max) {
            this.min = min;
            this.max = max;
        }

        /** The storage of a dtype of numbers, or {@code null} for the others, which only the careful reader reads. */
        static Storage of(DType dtype) {
            switch (dtype) {
                case FLOAT64:
                    return DOUBLE;
                case FLOAT32:
                    return FLOAT;
                case FLOAT16:
                    return HALF;
                case INT64:
                    return LONG;
                case UINT32:
                    return UINT32;
                case UINT64:
                    return UINT64;
                case INT32:
                    return INT;
                case UINT16:
                    return UINT16;
                case INT16:
                    return SHORT;
                case UINT8:
                    return UINT8;
                case INT8:
                    return BYTE;
                default:
                    return null;
            }
        }

        /** Scratch values {@code from} to {@code to} in an array of the dtype's element type. */
        Object copy(Scratch scratch, int from, int to) {
            switch (this) {
                case DOUBLE:
                    return Arrays.copyOfRange(scratch.doubles, from, to);
                case FLOAT:
                case HALF:
                    return Arrays.copyOfRange(scratch.floats, from, to);
                case LONG:
                case UINT32:
                case UINT64:
                    return Arrays.copyOfRange(scratch.longs, from, to);
                case INT:
                case UINT16: {
                    int[] a = new int[to - from];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = (int) scratch.longs[from + i];
                    }
                    return a;
                }
                case SHORT:
                case UINT8: {
                    short[] a = new short[to - from];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = (short) scratch.longs[from + i];
                    }
                    return a;
                }
                case BYTE: {
                    byte[] a = new byte[to - from];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = (byte) scratch.longs[from + i];
                    }
                    return a;
                }
            }
            throw new AssertionError(this);
        }
    }

    /** Per-thread storage the values are read into before they are copied out at their exact size. */
    private static final class Scratch {
        double[] doubles = new double[256];
        float[] floats = new float[256];
        long[] longs = new long[256];
        /** rows[d]: the arrays read so far at depth d + 1 of {@link Cursor#readNested}. */
        Object[][] rows = new Object[0][];

        /** Drops storage too large to keep for the next request. */
        void release() {
            if (doubles.length > MAX_KEPT_SCRATCH) {
                doubles = new double[256];
            }
            if (floats.length > MAX_KEPT_SCRATCH) {
                floats = new float[256];
            }
            if (longs.length > MAX_KEPT_SCRATCH) {
                longs = new long[256];
            }
            for (int d = 0; d < rows.length; d++) {
                if (rows[d].length > MAX_KEPT_SCRATCH) {
                    rows[d] = new Object[16];
                }
            }
        }

        Object[] rows(int depth) {
            if (depth >= rows.length) {
                Object[][] more = Arrays.copyOf(rows, depth + 1);
                for (int d = rows.length; d <= depth; d++) {
                    more[d] = new Object[16];
                }
                rows = more;
            }
            return rows[depth];
        }
    }

    /** A position in the body's bytes and the values read so far. */
    private static final class Cursor extends ByteCursor {
        private final Storage storage;
        private final Scratch scratch;
        /** Values in the scratch storage. */
        int size;

        Cursor(BodyParser parser, Storage storage, Scratch scratch) {
            super(parser);
            this.storage = storage;
            this.scratch = scratch;
        }

        /**
         * Reads the array at {@code depth}, after its {@code [}, through its {@code ]}, appending its values
         * to the scratch storage; returns its length.
         */
        int readFlat(int depth, int leaf, int[] dims, boolean enforceShape) throws HandOver {
            if (depth == leaf) {
                return readValues();
            }
            int n = 0;
            if (skipWhiteSpaceTo(']')) {
                return 0;
            }
            while (true) {
                expect('[');
                int length = readFlat(depth + 1, leaf, dims, enforceShape);
                checkLength(depth + 1, length, dims, enforceShape);
                n++;
                if (endOfArray()) {
                    return n;
                }
            }
        }

        /** Reads the array at {@code depth} into nested Java arrays, one per level, as {@link #readFlat} reads it. */
        Object readNested(int depth, int leaf, int[] dims, boolean enforceShape, Class<?>[] rowTypes) throws HandOver {
            scratch.rows(depth);
            int n = readRows(depth, leaf, dims, enforceShape, rowTypes);
            Object[] rows = scratch.rows[depth];
            Object level = Array.newInstance(rowTypes[depth], n);
            System.arraycopy(rows, 0, level, 0, n);
            // The rows belong to the caller now: the scratch storage must not keep them alive.
            Arrays.fill(rows, 0, n, null);
            return level;
        }

        /** Reads the rows of the array at {@code depth} into {@code scratch.rows[depth]}; returns how many. */
        private int readRows(int depth, int leaf, int[] dims, boolean enforceShape, Class<?>[] rowTypes)
                throws HandOver {
            Object[] rows = scratch.rows[depth];
            int n = 0;
            try {
                if (skipWhiteSpaceTo(']')) {
                    return 0;
                }
                while (true) {
                    expect('[');
                    Object row;
                    int length;
                    if (depth + 1 == leaf && storage == Storage.DOUBLE && dims[leaf] > 0) {
                        length = dims[leaf];
                        row = readDoubleRow(length);
                    } else if (depth + 1 == leaf) {
                        int from = size;
                        length = readValues();
                        row = storage.copy(scratch, from, size);
                        size = from;
                    } else {
                        row = readNested(depth + 1, leaf, dims, enforceShape, rowTypes);
                        length = Array.getLength(row);
                    }
                    checkLength(depth + 1, length, dims, enforceShape);
                    if (n == rows.length) {
                        rows = Arrays.copyOf(rows, 2 * n);
                        scratch.rows[depth] = rows;
                    }
                    rows[n++] = row;
                    if (endOfArray()) {
                        return n;
                    }
                }
            } catch (HandOver e) {
                Arrays.fill(rows, 0, n, null); // rows no one will use: not kept alive by the scratch storage
                throw e;
            }
        }

        /**
         * An innermost array of doubles whose length is known, after its {@code [}, through its {@code ]},
         * read straight into its own array; another length is the careful reader's error.
         */
        private double[] readDoubleRow(int length) throws HandOver {
            double[] row = new double[length];
            if (skipWhiteSpaceTo(']')) {
                throw new HandOver();
            }
            int i = 0;
            do {
                if (i == length) {
                    throw new HandOver();
                }
                row[i++] = readDouble();
            } while (!endOfArray());
            if (i != length) {
                throw new HandOver();
            }
            return row;
        }

        /** As the careful reader checks the length of an array that ended: any mismatch is its error to report. */
        private static void checkLength(int depth, int length, int[] dims, boolean enforceShape) throws HandOver {
            int expected = dims[depth];
            if (expected == length) {
                return;
            }
            if (!enforceShape && expected < 0) {
                dims[depth] = length;
                return;
            }
            throw new HandOver();
        }

        /** Reads the numbers of an innermost array, after its {@code [}, through its {@code ]}; returns how many. */
        private int readValues() throws HandOver {
            int from = size;
            if (skipWhiteSpaceTo(']')) {
                return 0;
            }
            switch (storage) {
                case DOUBLE:
                    do {
                        double v = readDouble();
                        if (size == scratch.doubles.length) {
                            scratch.doubles = Arrays.copyOf(scratch.doubles, grow(size));
                        }
                        scratch.doubles[size++] = v;
                    } while (!endOfArray());
                    break;
                case FLOAT:
                case HALF:
                    do {
                        float v = readFloat();
                        if (size == scratch.floats.length) {
                            scratch.floats = Arrays.copyOf(scratch.floats, grow(size));
                        }
                        scratch.floats[size++] = v;
                    } while (!endOfArray());
                    break;
                default:
                    do {
                        long v = readLong();
                        if (size == scratch.longs.length) {
                            scratch.longs = Arrays.copyOf(scratch.longs, grow(size));
                        }
                        scratch.longs[size++] = v;
                    } while (!endOfArray());
            }
            return size - from;
        }

        private static int grow(int size) throws HandOver {
            if (size >= Integer.MAX_VALUE / 2 - 8) {
                throw new HandOver(); // the careful reader says how many values are too many
            }
            return 2 * size;
        }

        private float readFloat() throws HandOver {
            scanNumber();
            float v;
            if (fraction) {
                v = JavaFloatParser.parseFloat(b, start, pos - start);
            } else {
                v = negative ? -integer : integer;
            }
            // A value at the dtype's largest magnitude may be a rounded value beyond it (3.40282356e38 for
            // float32), and one past it is out of range: the careful reader decides both, with its error.
            if (!(Math.abs(v) < (storage == Storage.HALF ? HALF_MAX : Float.MAX_VALUE))) {
                throw new HandOver();
            }
            return v;
        }

        private long readLong() throws HandOver {
            scanNumber();
            long v = negative ? -integer : integer;
            if (fraction || v < storage.min || v > storage.max) {
                throw new HandOver(); // 7.0 is an integer to the careful reader; out of range is its error
            }
            return v;
        }
    }
}

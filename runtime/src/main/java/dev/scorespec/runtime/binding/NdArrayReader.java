package dev.scorespec.runtime.binding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scorespec.runtime.DType;
import dev.scorespec.runtime.NDArray;
import java.io.IOException;
import java.lang.reflect.Array;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads nested JSON arrays into an {@link NDArray}, checking them against an {@code @NdArray} sample in
 * the same pass: the number of dimensions, the size of every dimension but the first, and the dtype of
 * every element.
 *
 * <p>The elements go straight from the parser into flat primitive storage, with no boxing, no tree and
 * no second walk. The storage grows in chunks, each as large as all the values before it, joined into one
 * array of the exact size at the end: each value is copied once, and the bytes allocated stay near twice
 * the result's size. Each storage type has its own loop, chosen once per row, so the loop over the values
 * of a row makes no virtual calls. {@link #readJavaArray} reads nested Java arrays without the flat
 * storage: each innermost row into an array of its own.
 *
 * <p>Arrays of numbers in a request body first go to {@link FastArrays}, which reads them straight from
 * the bytes and hands anything unusual back to the loops here.
 *
 * <p>Elements are converted as {@link JsonValues} does: float dtypes take any JSON number; integer
 * dtypes take integers, and numbers with a zero fraction ({@code 7.0}), within the dtype's range
 * (uint64 up to 2<sup>64</sup>-1, stored as two's complement); bool takes {@code true}/{@code false};
 * str takes strings; bytes takes strict base64 text ({@link JsonValues#readBase64}); datetime64 takes
 * RFC 3339 date-times without offset, as its schema's {@code date-time-local} says
 * ({@link JsonValues#readLocalDateTime}); datetime64[D] takes RFC 3339 full-dates, {@code "2021-05-06"}
 * ({@link JsonValues#readDate}); timedelta64 takes {@code "3600 seconds"} or ISO-8601
 * {@code "PT1H"} ({@link JsonValues#readTimedelta}).
 */
public final class NdArrayReader {

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final int MAX_INITIAL_CAPACITY = 1 << 16;
    // The unsigned ranges are the processor's too (it checks samples against them): one declaration.
    private static final long UINT32_MAX = dev.scorespec.annotations.internal.DType.UINT32.maxLong();
    private static final int UINT16_MAX = (int) dev.scorespec.annotations.internal.DType.UINT16.maxLong();
    private static final int UINT8_MAX = (int) dev.scorespec.annotations.internal.DType.UINT8.maxLong();

    private NdArrayReader() {}

    /**
     * Reads one array value.
     *
     * <p>Before: the parser is on the value's first token (generated code calls {@code nextToken()}
     * after the field name). After: it is on the value's last token, the outermost {@code ]}.
     *
     * <p>The rank is {@code sampleShape.length}. Dimension 0 is free: any number of rows, including
     * none ({@code []} reads as shape {@code [0, ...]}). With {@code enforceShape}, every other dimension
     * must equal the sample's. Without, the rows must still be rectangular: every row at a level is as
     * long as the first row at that level. Dimensions below an empty level that no row fixed are 0.
     *
     * <p>A sample of rank 0 (a single scalar) reads one scalar value as shape {@code []}.
     *
     * @throws BindingException at the offending token: {@code data[1]: expected 10 values, got 9}
     */
    public static NDArray read(JsonParser p, DType dtype, int[] sampleShape, boolean enforceShape) throws IOException {
        Objects.requireNonNull(dtype, "dtype");
        int rank = sampleShape.length;
        if (rank == 0) {
            Buffer one = new Buffer(dtype, 1);
            one.readOne(p);
            return NDArray.of(dtype, new int[0], one.finish());
        }
        NDArray fast = FastArrays.read(p, dtype, sampleShape, enforceShape);
        if (fast != null) {
            return fast;
        }
        JsonValues.expectStartArray(p);
        Buffer buffer = new Buffer(dtype, initialCapacity(sampleShape, enforceShape));
        int[] shape = new int[rank];
        if (rank == 1) {
            shape[0] = buffer.readRow(p);
            return NDArray.of(dtype, shape, buffer.finish());
        }

        // dims[d], d >= 1: the size every array at depth d must have; -1 until the first one ends.
        int[] dims = new int[rank];
        for (int d = 1; d < rank; d++) {
            dims[d] = enforceShape ? sampleShape[d] : -1;
        }
        // counts[d]: the values read so far in the open array at depth d.
        int[] counts = new int[rank];
        int leaf = rank - 1;
        int depth = 0;
        while (true) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                counts[depth]++;
                if (depth + 1 == leaf) {
                    checkLength(p, buffer.readRow(p), leaf, dims, enforceShape);
                } else {
                    depth++;
                    counts[depth] = 0;
                }
            } else if (t == JsonToken.END_ARRAY) {
                if (depth == 0) {
                    break;
                }
                checkLength(p, counts[depth], depth, dims, enforceShape);
                depth--;
            } else {
                int expected = dims[depth + 1];
                String what = enforceShape ? "expected an array of " + values(expected) : "expected an array";
                throw BindingException.at(p, what + ", got " + JsonValues.describeKind(p));
            }
        }
        shape[0] = counts[0];
        for (int d = 1; d < rank; d++) {
            shape[d] = Math.max(dims[d], 0);
        }
        return NDArray.of(dtype, shape, buffer.finish());
    }

    /**
     * Reads one array value into nested Java arrays, one level per dimension: a {@code double[][]} for a
     * float64 matrix. The checks, their messages and the parser's position before and after are those of
     * {@link #read}, and the result equals {@code read(...).toJavaArray()}.
     *
     * <p>Each innermost row is read into an array of its own, allocated at the row length the shape
     * expects, and kept as it is when the row has that length: the values are stored once, with no flat
     * storage to copy them out of. Arrays of rank 0 and 1 are read by {@link #read}, whose storage is
     * already the Java array.
     */
    public static Object readJavaArray(JsonParser p, DType dtype, int[] sampleShape, boolean enforceShape)
            throws IOException {
        Objects.requireNonNull(dtype, "dtype");
        int rank = sampleShape.length;
        if (rank < 2) {
            return read(p, dtype, sampleShape, enforceShape).toJavaArray();
        }
        Object fast = FastArrays.readJavaArray(p, dtype, sampleShape, enforceShape);
        if (fast != null) {
            return fast;
        }
        JsonValues.expectStartArray(p);
        int leaf = rank - 1;
        int[] dims = new int[rank];
        for (int d = 1; d < rank; d++) {
            dims[d] = enforceShape ? sampleShape[d] : -1;
        }
        // rowTypes[d]: the component type of an array at depth d, from double[] at depth leaf - 1 up.
        Class<?>[] rowTypes = new Class<?>[leaf];
        rowTypes[leaf - 1] = dtype.elementType().arrayType();
        for (int d = leaf - 2; d >= 0; d--) {
            rowTypes[d] = rowTypes[d + 1].arrayType();
        }
        // open[d], counts[d]: the rows read so far into the open array at depth d.
        Object[][] open = new Object[leaf][];
        int[] counts = new int[rank];
        open[0] = (Object[]) Array.newInstance(rowTypes[0], 16);
        Buffer rows = new Buffer(dtype, Math.max(dims[leaf], 0));
        int depth = 0;
        while (true) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                if (depth + 1 == leaf) {
                    Object row = rows.readOwnRow(p, Math.max(dims[leaf], 0));
                    checkLength(p, Array.getLength(row), leaf, dims, enforceShape);
                    open[depth] = append(p, open[depth], counts[depth]++, row);
                } else {
                    depth++;
                    open[depth] = (Object[]) Array.newInstance(rowTypes[depth], Math.max(dims[depth], 1));
                    counts[depth] = 0;
                }
            } else if (t == JsonToken.END_ARRAY) {
                if (depth > 0) {
                    checkLength(p, counts[depth], depth, dims, enforceShape);
                }
                Object[] level =
                        counts[depth] == open[depth].length ? open[depth] : Arrays.copyOf(open[depth], counts[depth]);
                if (depth == 0) {
                    return level;
                }
                open[depth] = null;
                depth--;
                open[depth] = append(p, open[depth], counts[depth]++, level);
            } else {
                int expected = dims[depth + 1];
                String what = enforceShape ? "expected an array of " + values(expected) : "expected an array";
                throw BindingException.at(p, what + ", got " + JsonValues.describeKind(p));
            }
        }
    }

    /** Stores {@code row} at {@code index} of {@code rows}, growing it by doubling; returns the array now in use. */
    private static Object[] append(JsonParser p, Object[] rows, int index, Object row) throws BindingException {
        Object[] a = index < rows.length ? rows : Arrays.copyOf(rows, Buffer.grow(p, rows.length));
        a[index] = row;
        return a;
    }

    /** Checks the length of the array at {@code depth} that just ended; the parser is on its {@code ]}. */
    private static void checkLength(JsonParser p, int length, int depth, int[] dims, boolean enforceShape)
            throws BindingException {
        int expected = dims[depth];
        if (expected == length) {
            return;
        }
        if (enforceShape) {
            throw BindingException.at(p, "expected " + values(expected) + ", got " + length);
        }
        if (expected < 0) {
            dims[depth] = length;
            return;
        }
        throw BindingException.at(p, "expected " + values(expected) + " like the first row, got " + length);
    }

    private static String values(int n) {
        return n == 1 ? "1 value" : n + " values";
    }

    private static int initialCapacity(int[] sampleShape, boolean enforceShape) {
        long rowSize = 1;
        if (enforceShape) {
            for (int d = 1; d < sampleShape.length; d++) {
                rowSize *= Math.max(sampleShape[d], 0);
                if (rowSize > MAX_INITIAL_CAPACITY) {
                    return MAX_INITIAL_CAPACITY;
                }
            }
        }
        return (int) Math.max(16, Math.min(rowSize * 4, MAX_INITIAL_CAPACITY));
    }

    /**
     * The flat storage while it grows. Only the array of the dtype's storage type is allocated; each
     * storage type has its own row loop.
     */
    private static final class Buffer {
        private final DType dtype;
        private double[] doubles;
        private float[] floats;
        private long[] longs;
        private int[] ints;
        private short[] shorts;
        private byte[] bytes;
        private boolean[] booleans;
        private Object[] objects;
        /** Values in the current storage. */
        private int size;
        /** Full storage arrays, in order, holding the first {@code spilled} values; see {@link #spill}. */
        private final List<Object> chunks = new ArrayList<>();

        private int spilled;

        /** True when the storage has been handed over as a row by {@link #readOwnRow}. */
        private boolean taken;

        Buffer(DType dtype, int capacity) {
            this.dtype = dtype;
            allocate(capacity);
        }

        /** Replaces the storage with a new, empty one of the dtype's storage type. */
        private void allocate(int capacity) {
            size = 0;
            chunks.clear();
            spilled = 0;
            switch (dtype) {
                case FLOAT64:
                    doubles = new double[capacity];
                    break;
                case FLOAT32:
                case FLOAT16:
                    floats = new float[capacity];
                    break;
                case INT64:
                case UINT32:
                case UINT64:
                    longs = new long[capacity];
                    break;
                case INT32:
                case UINT16:
                    ints = new int[capacity];
                    break;
                case INT16:
                case UINT8:
                    shorts = new short[capacity];
                    break;
                case INT8:
                    bytes = new byte[capacity];
                    break;
                case BOOL:
                    booleans = new boolean[capacity];
                    break;
                case STR:
                    objects = new String[capacity];
                    break;
                case BYTES:
                    objects = new byte[capacity][];
                    break;
                case DATETIME64:
                    objects = new LocalDateTime[capacity];
                    break;
                case DATETIME64_D:
                    objects = new LocalDate[capacity];
                    break;
                case TIMEDELTA64:
                    objects = new Duration[capacity];
                    break;
                default:
                    throw new IllegalArgumentException("Unsupported dtype " + dtype);
            }
        }

        /** Reads the values of one innermost array, after its {@code [}, through its {@code ]}. */
        int readRow(JsonParser p) throws IOException {
            switch (dtype) {
                case FLOAT64:
                    return readDoubles(p);
                case FLOAT32:
                case FLOAT16:
                    return readFloats(p);
                case INT64:
                    return readLongs(p, Long.MIN_VALUE, Long.MAX_VALUE);
                case UINT32:
                    return readLongs(p, 0, UINT32_MAX);
                case UINT64:
                    return readUint64s(p);
                case INT32:
                    return readInts(p, Integer.MIN_VALUE, Integer.MAX_VALUE);
                case UINT16:
                    return readInts(p, 0, UINT16_MAX);
                case INT16:
                    return readShorts(p, Short.MIN_VALUE, Short.MAX_VALUE);
                case UINT8:
                    return readShorts(p, 0, UINT8_MAX);
                case INT8:
                    return readBytes(p);
                case BOOL:
                    return readBooleans(p);
                default:
                    return readObjects(p);
            }
        }

        /**
         * Reads one innermost array, after its {@code [}, through its {@code ]}, into an array of its own:
         * the storage itself when the row fills it exactly, which the next row then replaces with new
         * storage of {@code expectedLength}, otherwise a trimmed copy. {@code expectedLength} is 0 when
         * no row has fixed it yet.
         */
        Object readOwnRow(JsonParser p, int expectedLength) throws IOException {
            if (taken || (expectedLength > 0 && Array.getLength(storage()) != expectedLength)) {
                allocate(expectedLength);
                taken = false;
            }
            size = 0;
            readRow(p);
            Object storage = storage();
            Object row = finish();
            taken = row == storage;
            return row;
        }

        private Object storage() {
            switch (dtype) {
                case FLOAT64:
                    return doubles;
                case FLOAT32:
                case FLOAT16:
                    return floats;
                case INT64:
                case UINT32:
                case UINT64:
                    return longs;
                case INT32:
                case UINT16:
                    return ints;
                case INT16:
                case UINT8:
                    return shorts;
                case INT8:
                    return bytes;
                case BOOL:
                    return booleans;
                default:
                    return objects;
            }
        }

        /** Reads the current token as the one element of a rank-0 array. */
        void readOne(JsonParser p) throws IOException {
            switch (dtype) {
                case FLOAT64:
                    doubles[0] = JsonValues.readDouble(p);
                    break;
                case FLOAT32:
                    floats[0] = JsonValues.readFloat(p);
                    break;
                case FLOAT16:
                    floats[0] = JsonValues.readHalf(p);
                    break;
                case INT64:
                    longs[0] = JsonValues.readLong(p);
                    break;
                case UINT32:
                    longs[0] = JsonValues.readInteger(p, 0, UINT32_MAX);
                    break;
                case UINT64:
                    longs[0] = JsonValues.readUint64(p);
                    break;
                case INT32:
                    ints[0] = JsonValues.readInt(p);
                    break;
                case UINT16:
                    ints[0] = (int) JsonValues.readInteger(p, 0, UINT16_MAX);
                    break;
                case INT16:
                    shorts[0] = JsonValues.readShort(p);
                    break;
                case UINT8:
                    shorts[0] = (short) JsonValues.readInteger(p, 0, UINT8_MAX);
                    break;
                case INT8:
                    bytes[0] = JsonValues.readByte(p);
                    break;
                case BOOL:
                    booleans[0] = JsonValues.readBoolean(p);
                    break;
                default:
                    objects[0] = readObject(p);
            }
            size = 1;
        }

        /**
         * The values read, in one array of exactly their number: the storage itself when it is full and
         * nothing was spilled, otherwise the chunks and the storage joined once. The buffer can then read
         * another row from {@code size = 0}, which {@link #readOwnRow} does after replacing storage it
         * handed out.
         */
        Object finish() {
            Object storage = storage();
            int total = spilled + size;
            if (chunks.isEmpty() && Array.getLength(storage) == total) {
                return storage;
            }
            Object joined = Array.newInstance(storage.getClass().getComponentType(), total);
            int at = 0;
            for (Object chunk : chunks) {
                int length = Array.getLength(chunk);
                System.arraycopy(chunk, 0, joined, at, length);
                at += length;
            }
            System.arraycopy(storage, 0, joined, at, size);
            chunks.clear();
            spilled = 0;
            return joined;
        }

        /**
         * Keeps a full storage array as a chunk and returns an empty one to go on in, as large as all the
         * values so far: growing never copies a value, and {@link #finish} copies each value once.
         */
        private Object spill(JsonParser p, Object full) throws BindingException {
            int length = Array.getLength(full);
            int total = spilled + length;
            int next = grow(p, total) - total;
            if (length > 0) {
                chunks.add(full);
            }
            spilled = total;
            return Array.newInstance(full.getClass().getComponentType(), next);
        }

        private int readDoubles(JsonParser p) throws IOException {
            double[] a = doubles;
            int n = size;
            final int start = spilled + n;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                double v;
                if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
                    v = p.getDoubleValue();
                    if (!Double.isFinite(v)) {
                        JsonValues.checkNonFinite(p, JsonValues.FLOAT64_RANGE);
                    }
                } else {
                    v = JsonValues.readDouble(p); // throws: not a number
                }
                if (n == a.length) {
                    a = (double[]) spill(p, a);
                    n = 0;
                }
                a[n++] = v;
            }
            doubles = a;
            size = n;
            return spilled + n - start;
        }

        private int readFloats(JsonParser p) throws IOException {
            boolean half = dtype == DType.FLOAT16;
            float[] a = floats;
            int n = size;
            final int start = spilled + n;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                float v = half ? JsonValues.readHalf(p) : JsonValues.readFloat(p);
                if (n == a.length) {
                    a = (float[]) spill(p, a);
                    n = 0;
                }
                a[n++] = v;
            }
            floats = a;
            size = n;
            return spilled + n - start;
        }

        private int readLongs(JsonParser p, long min, long max) throws IOException {
            long[] a = longs;
            int n = size;
            final int start = spilled + n;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                long v = JsonValues.readInteger(p, min, max);
                if (n == a.length) {
                    a = (long[]) spill(p, a);
                    n = 0;
                }
                a[n++] = v;
            }
            longs = a;
            size = n;
            return spilled + n - start;
        }

        private int readUint64s(JsonParser p) throws IOException {
            long[] a = longs;
            int n = size;
            final int start = spilled + n;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                long v = JsonValues.readUint64(p);
                if (n == a.length) {
                    a = (long[]) spill(p, a);
                    n = 0;
                }
                a[n++] = v;
            }
            longs = a;
            size = n;
            return spilled + n - start;
        }

        private int readInts(JsonParser p, int min, int max) throws IOException {
            int[] a = ints;
            int n = size;
            final int start = spilled + n;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                int v = (int) JsonValues.readInteger(p, min, max);
                if (n == a.length) {
                    a = (int[]) spill(p, a);
                    n = 0;
                }
                a[n++] = v;
            }
            ints = a;
            size = n;
            return spilled + n - start;
        }

        private int readShorts(JsonParser p, int min, int max) throws IOException {
            short[] a = shorts;
            int n = size;
            final int start = spilled + n;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                short v = (short) JsonValues.readInteger(p, min, max);
                if (n == a.length) {
                    a = (short[]) spill(p, a);
                    n = 0;
                }
                a[n++] = v;
            }
            shorts = a;
            size = n;
            return spilled + n - start;
        }

        private int readBytes(JsonParser p) throws IOException {
            byte[] a = bytes;
            int n = size;
            final int start = spilled + n;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                byte v = JsonValues.readByte(p);
                if (n == a.length) {
                    a = (byte[]) spill(p, a);
                    n = 0;
                }
                a[n++] = v;
            }
            bytes = a;
            size = n;
            return spilled + n - start;
        }

        private int readBooleans(JsonParser p) throws IOException {
            boolean[] a = booleans;
            int n = size;
            final int start = spilled + n;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                boolean v = JsonValues.readBoolean(p);
                if (n == a.length) {
                    a = (boolean[]) spill(p, a);
                    n = 0;
                }
                a[n++] = v;
            }
            booleans = a;
            size = n;
            return spilled + n - start;
        }

        private int readObjects(JsonParser p) throws IOException {
            Object[] a = objects;
            int n = size;
            final int start = spilled + n;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                Object v = readObject(p);
                if (n == a.length) {
                    a = (Object[]) spill(p, a);
                    n = 0;
                }
                a[n++] = v;
            }
            objects = a;
            size = n;
            return spilled + n - start;
        }

        private Object readObject(JsonParser p) throws IOException {
            switch (dtype) {
                case STR:
                    return JsonValues.readString(p);
                case BYTES:
                    return JsonValues.readBase64(p);
                case DATETIME64:
                    return JsonValues.readLocalDateTime(p);
                case DATETIME64_D:
                    return JsonValues.readDate(p);
                case TIMEDELTA64:
                    return JsonValues.readTimedelta(p);
                default:
                    throw new AssertionError(dtype);
            }
        }

        /** The next capacity after {@code length}: double, at least 16, at most the largest Java array. */
        private static int grow(JsonParser p, int length) throws BindingException {
            if (length >= MAX_ARRAY) {
                throw BindingException.at(p, "expected at most " + MAX_ARRAY + " values in all");
            }
            return (int) Math.min(MAX_ARRAY, Math.max(16L, 2L * length));
        }
    }
}

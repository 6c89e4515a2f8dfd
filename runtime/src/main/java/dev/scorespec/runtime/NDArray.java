package dev.scorespec.runtime;

import java.lang.reflect.Array;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Objects;

/**
 * An n-dimensional array as numpy keeps one: a {@link DType}, a shape, and flat row-major storage.
 *
 * <p>The storage is a single Java array whose component type is {@link DType#elementType()}:
 * {@code double[]} for float64, {@code float[]} for float32 and float16, {@code long[]} for int64,
 * uint32 and uint64 (uint64 as two's complement), {@code int[]} for int32 and uint16, {@code short[]}
 * for int16 and uint8, {@code byte[]} for int8, {@code boolean[]} for bool, {@code String[]} for str,
 * {@code byte[][]} for bytes, {@code LocalDateTime[]} for datetime64, {@code LocalDate[]} for datetime64[D] and {@code Duration[]} for
 * timedelta64. Element {@code (i, j, k)} of a shape {@code [a, b, c]} is at {@code (i * b + j) * c + k}.
 *
 * <p>The storage is shared, not copied: {@link #data()} and the typed accessors return it as it is,
 * and {@link #of} keeps the array it is given. An array of rank 0 (shape {@code []}) holds one element.
 */
public final class NDArray {

    private final DType dtype;
    private final int[] shape;
    private final Object data;
    private final int size;

    private NDArray(DType dtype, int[] shape, Object data, int size) {
        this.dtype = dtype;
        this.shape = shape;
        this.data = data;
        this.size = size;
    }

    /**
     * An array over existing flat storage, which it keeps without copying.
     *
     * @param flatData a Java array of {@code dtype.elementType()}, such as {@code double[]} for
     *     float64, holding exactly {@code product(shape)} elements in row-major order
     * @throws IllegalArgumentException when the storage has the wrong type or length, or a dimension is
     *     negative
     */
    public static NDArray of(DType dtype, int[] shape, Object flatData) {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(flatData, "flatData");
        Class<?> expected = dtype.elementType().arrayType();
        if (flatData.getClass() != expected) {
            throw new IllegalArgumentException("A " + dtype.numpyName() + " NDArray is stored in "
                    + expected.getSimpleName() + ", not " + flatData.getClass().getSimpleName());
        }
        int[] copy = shape.clone();
        int size = sizeOf(copy);
        int length = Array.getLength(flatData);
        if (length != size) {
            throw new IllegalArgumentException(
                    "Shape " + Arrays.toString(copy) + " needs " + size + " elements, but the storage holds " + length);
        }
        return new NDArray(dtype, copy, flatData, size);
    }

    /**
     * An array copied from nested Java arrays, one level per dimension, such as a {@code double[][]}
     * for a float64 matrix. The innermost component type must be {@code dtype.elementType()}.
     *
     * <p>The shape is read along the first row of every level; every other row must match it. A level
     * of length zero leaves the dimensions below it at zero ({@code new double[0][5]} has shape
     * {@code [0, 0]}, as Java cannot tell).
     *
     * @throws IllegalArgumentException when the element type is wrong, a row is null, or the rows are
     *     not all the same length
     */
    public static NDArray fromJavaArray(DType dtype, Object nested) {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(nested, "nested");
        Class<?> element = dtype.elementType();
        int rank = 0;
        Class<?> c = nested.getClass();
        while (c != element) {
            if (!c.isArray()) {
                throw new IllegalArgumentException(
                        "A " + dtype.numpyName() + " NDArray is built from nested " + element.getSimpleName()
                                + " arrays, not " + nested.getClass().getSimpleName());
            }
            c = c.getComponentType();
            rank++;
        }
        if (rank == 0) {
            throw new IllegalArgumentException("A " + dtype.numpyName() + " NDArray is built from an array of "
                    + element.getSimpleName() + ", not a single " + element.getSimpleName());
        }
        int[] shape = new int[rank];
        Object level = nested;
        for (int d = 0; d < rank; d++) {
            int length = Array.getLength(level);
            shape[d] = length;
            if (length == 0) {
                break;
            }
            if (d < rank - 1) {
                level = Array.get(level, 0);
                if (level == null) {
                    throw new IllegalArgumentException("Row " + "[0]".repeat(d + 1) + " is null");
                }
            }
        }
        int size = sizeOf(shape);
        Object flat = Array.newInstance(element, size);
        copyIn(nested, 0, shape, flat, 0, new StringBuilder());
        return new NDArray(dtype, shape, flat, size);
    }

    private static int copyIn(Object level, int d, int[] shape, Object flat, int offset, StringBuilder path) {
        int length = Array.getLength(level);
        if (length != shape[d]) {
            throw new IllegalArgumentException("Not rectangular: row " + (path.length() == 0 ? "[]" : path) + " has "
                    + length + " elements, but the first row at that level has " + shape[d]);
        }
        if (d == shape.length - 1) {
            System.arraycopy(level, 0, flat, offset, length);
            return offset + length;
        }
        Object[] rows = (Object[]) level;
        for (int i = 0; i < length; i++) {
            int mark = path.length();
            path.append('[').append(i).append(']');
            if (rows[i] == null) {
                throw new IllegalArgumentException("Row " + path + " is null");
            }
            offset = copyIn(rows[i], d + 1, shape, flat, offset, path);
            path.setLength(mark);
        }
        return offset;
    }

    private static int sizeOf(int[] shape) {
        long size = 1;
        for (int dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("Negative dimension in shape " + Arrays.toString(shape));
            }
            size *= dim;
            if (size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "Shape " + Arrays.toString(shape) + " has more than " + Integer.MAX_VALUE + " elements");
            }
        }
        return (int) size;
    }

    public DType dtype() {
        return dtype;
    }

    /** The size of every dimension, as a copy. */
    public int[] shape() {
        return shape.clone();
    }

    /** The size of one dimension. */
    public int shape(int dim) {
        return shape[dim];
    }

    /** The number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** The number of elements. */
    public int size() {
        return size;
    }

    /** The flat row-major storage itself, not a copy. */
    public Object data() {
        return data;
    }

    /** The storage of a float64 array. */
    public double[] doubles() {
        return storage(double[].class);
    }

    /** The storage of a float32 or float16 array. */
    public float[] floats() {
        return storage(float[].class);
    }

    /** The storage of an int64, uint32 or uint64 array (uint64 as two's complement). */
    public long[] longs() {
        return storage(long[].class);
    }

    /** The storage of an int32 or uint16 array. */
    public int[] ints() {
        return storage(int[].class);
    }

    /** The storage of an int16 or uint8 array. */
    public short[] shorts() {
        return storage(short[].class);
    }

    /** The storage of an int8 array. For bytes arrays see {@link #byteStrings()}. */
    public byte[] bytes() {
        return storage(byte[].class);
    }

    /** The storage of a bool array. */
    public boolean[] booleans() {
        return storage(boolean[].class);
    }

    /** The storage of a str array. */
    public String[] strings() {
        return storage(String[].class);
    }

    /** The storage of a bytes array. */
    public byte[][] byteStrings() {
        return storage(byte[][].class);
    }

    /** The storage of a datetime64 array. */
    public LocalDateTime[] dateTimes() {
        return storage(LocalDateTime[].class);
    }

    /** The storage of a datetime64[D] array, dates without time. */
    public LocalDate[] dates() {
        return storage(LocalDate[].class);
    }

    /** The storage of a timedelta64 array. */
    public Duration[] timedeltas() {
        return storage(Duration[].class);
    }

    /** The storage of a str, bytes, datetime64 or timedelta64 array, whose elements are objects. */
    public Object[] objects() {
        if (data instanceof Object[] array) {
            return array;
        }
        throw new IllegalStateException(
                this + " is stored in " + data.getClass().getSimpleName() + ", not an array of objects");
    }

    private <T> T storage(Class<T> type) {
        if (data.getClass() == type) {
            return type.cast(data);
        }
        throw new IllegalStateException(
                this + " is stored in " + data.getClass().getSimpleName() + ", not " + type.getSimpleName());
    }

    /**
     * The elements as nested Java arrays, one level per dimension, with component type
     * {@code dtype().elementType()}: a {@code double[][]} for a float64 matrix. An array of rank 1
     * returns its storage itself, without copying; higher ranks copy into new rows. An array of rank 0
     * returns its one element, boxed when primitive.
     */
    public Object toJavaArray() {
        if (shape.length == 0) {
            return Array.get(data, 0);
        }
        if (shape.length == 1) {
            return data;
        }
        Object nested = Array.newInstance(dtype.elementType(), shape);
        fill(nested, 0, 0);
        return nested;
    }

    private int fill(Object level, int d, int offset) {
        if (d == shape.length - 1) {
            int length = shape[d];
            System.arraycopy(data, offset, level, 0, length);
            return offset + length;
        }
        for (Object row : (Object[]) level) {
            offset = fill(row, d + 1, offset);
        }
        return offset;
    }

    /** Equal when dtype, shape and every element are equal (floats compared as {@link Double#equals}). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NDArray other)) {
            return false;
        }

        return dtype == other.dtype && Arrays.equals(shape, other.shape) && dataEquals(data, other.data);
    }

    private static boolean dataEquals(Object a, Object b) {
        if (a instanceof double[] array) {
            return Arrays.equals(array, (double[]) b);
        } else if (a instanceof float[] array) {
            return Arrays.equals(array, (float[]) b);
        } else if (a instanceof long[] array) {
            return Arrays.equals(array, (long[]) b);
        } else if (a instanceof int[] array) {
            return Arrays.equals(array, (int[]) b);
        } else if (a instanceof short[] array) {
            return Arrays.equals(array, (short[]) b);
        } else if (a instanceof byte[] array) {
            return Arrays.equals(array, (byte[]) b);
        } else if (a instanceof boolean[] array) {
            return Arrays.equals(array, (boolean[]) b);
        } else {
            return Arrays.deepEquals((Object[]) a, (Object[]) b);
        }
    }

    @Override
    public int hashCode() {
        int h = dtype.hashCode() * 31 + Arrays.hashCode(shape);
        Object d = data;
        int dataHash;
        if (d instanceof double[] array) {
            dataHash = Arrays.hashCode(array);
        } else if (d instanceof float[] array) {
            dataHash = Arrays.hashCode(array);
        } else if (d instanceof long[] array) {
            dataHash = Arrays.hashCode(array);
        } else if (d instanceof int[] array) {
            dataHash = Arrays.hashCode(array);
        } else if (d instanceof short[] array) {
            dataHash = Arrays.hashCode(array);
        } else if (d instanceof byte[] array) {
            dataHash = Arrays.hashCode(array);
        } else if (d instanceof boolean[] array) {
            dataHash = Arrays.hashCode(array);
        } else {
            dataHash = Arrays.deepHashCode((Object[]) d);
        }
        return h * 31 + dataHash;
    }

    /** Such as {@code NDArray(float64, shape=[2, 3])}; the elements are left out. */
    @Override
    public String toString() {
        return "NDArray(" + dtype.numpyName() + ", shape=" + Arrays.toString(shape) + ")";
    }
}

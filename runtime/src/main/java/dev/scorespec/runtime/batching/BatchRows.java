package dev.scorespec.runtime.batching;

import dev.scorespec.runtime.InvalidInputException;
import dev.scorespec.runtime.NDArray;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of the common batched types, concatenated and split along the first dimension, for
 * {@link BatchShape} implementations to call: Java arrays of any element type ({@code double[][]},
 * {@code long[]}, {@code String[]}...), {@link NDArray} and lists. Dataframes are in {@link TableRows}.
 *
 * <p>A split gives each request rows of its own: arrays and ndarrays are copied, and the rows of a
 * nested array ({@code double[]} of a {@code double[][]}) are shared, not copied, as {@code run} made
 * them.
 */
public final class BatchRows {

    private BatchRows() {}

    /**
     * The rows of a request with several batched inputs, which must agree: they are concatenated row for
     * row, so inputs of different lengths would pair rows of different requests.
     *
     * @param names the inputs' names, as the body gives them
     * @param rows their rows, in the same order
     * @throws InvalidInputException (a 400) naming the inputs when their rows differ
     */
    public static int sameRows(List<String> names, int... rows) {
        for (int i = 1; i < rows.length; i++) {
            if (rows[i] != rows[0]) {
                throw new InvalidInputException(names.get(i) + ": " + rows[i] + " rows, but " + names.get(0) + " has "
                        + rows[0] + "; the service batches requests, and pairs the inputs' rows one for one.");
            }
        }
        return rows[0];
    }

    /** The length of a Java array of any type: its rows. */
    public static int arrayRows(Object array) {
        return Array.getLength(array);
    }

    /**
     * The lengths of the dimensions after the first of a Java array of two or more dimensions, from its
     * first row, for a {@link BatchShape#key}: requests concatenate only when these are equal, so that
     * {@code run} never sees rows of different lengths. Bound arrays are rectangular, so the first row
     * speaks for the others; an array without rows gives none.
     */
    public static List<Integer> arrayKey(Object array) {
        List<Integer> dimensions = new ArrayList<>();
        Object level = array;
        while (level.getClass().getComponentType().isArray() && Array.getLength(level) > 0) {
            level = Array.get(level, 0);
            if (level == null) {
                break;
            }
            dimensions.add(Array.getLength(level));
        }
        return dimensions;
    }

    /**
     * Java arrays of one type, one after the other: {@code double[][]}s into a {@code double[][]} of all
     * their rows, {@code long[]}s into a {@code long[]}.
     */
    public static <T> T concatArrays(List<T> arrays) {
        Object first = arrays.get(0);
        int total = 0;
        for (T array : arrays) {
            total += Array.getLength(array);
        }
        @SuppressWarnings("unchecked") // an array of the first one's component type is of the first one's type
        T all = (T) Array.newInstance(first.getClass().getComponentType(), total);
        int offset = 0;
        for (T array : arrays) {
            int length = Array.getLength(array);
            System.arraycopy(array, 0, all, offset, length);
            offset += length;
        }
        return all;
    }

    /** A Java array cut into consecutive arrays of these lengths, which must sum to its length. */
    public static <T> List<T> splitArray(T array, int[] rowsPerPart) {
        checkSum(Array.getLength(array), rowsPerPart);
        Class<?> component = array.getClass().getComponentType();
        List<T> parts = new ArrayList<>(rowsPerPart.length);
        int offset = 0;
        for (int rows : rowsPerPart) {
            @SuppressWarnings("unchecked") // as in concatArrays
            T part = (T) Array.newInstance(component, rows);
            System.arraycopy(array, offset, part, 0, rows);
            parts.add(part);
            offset += rows;
        }
        return parts;
    }

    /** The first dimension of an ndarray; an array of rank 0 has no rows to batch. */
    public static int ndArrayRows(NDArray array) {
        if (array.rank() == 0) {
            throw new IllegalArgumentException("An NDArray of rank 0 has no first dimension to batch along");
        }
        return array.shape(0);
    }

    /**
     * The dimensions of an ndarray after the first, for a {@link BatchShape#key}: two ndarrays concatenate
     * only when these and their dtypes are equal.
     */
    public static List<Object> ndArrayKey(NDArray array) {
        int[] shape = array.shape();
        List<Object> key = new ArrayList<>(shape.length);
        key.add(array.dtype());
        for (int d = 1; d < shape.length; d++) {
            key.add(shape[d]);
        }
        return key;
    }

    /** Ndarrays of one dtype and the same dimensions after the first, along the first. */
    public static NDArray concatNdArrays(List<NDArray> arrays) {
        NDArray first = arrays.get(0);
        int[] shape = first.shape();
        List<Object> key = ndArrayKey(first);
        List<Object> storage = new ArrayList<>(arrays.size());
        int rows = 0;
        for (NDArray array : arrays) {
            if (!ndArrayKey(array).equals(key)) {
                throw new IllegalArgumentException("Cannot concatenate an NDArray of "
                        + array.dtype().numpyName()
                        + " " + Arrays.toString(array.shape()) + " to one of "
                        + first.dtype().numpyName() + " "
                        + Arrays.toString(shape) + ": their dtypes and dimensions after the first must be equal");
            }
            rows += array.shape(0);
            storage.add(array.data());
        }
        shape[0] = rows;
        return NDArray.of(first.dtype(), shape, concatArrays(storage));
    }

    /** An ndarray cut along the first dimension into consecutive ndarrays of these rows. */
    public static List<NDArray> splitNdArray(NDArray array, int[] rowsPerPart) {
        int[] shape = array.shape();
        checkSum(ndArrayRows(array), rowsPerPart);
        int rowSize = shape[0] == 0 ? 0 : array.size() / shape[0];
        int[] lengths = new int[rowsPerPart.length];
        for (int i = 0; i < rowsPerPart.length; i++) {
            lengths[i] = rowsPerPart[i] * rowSize;
        }
        List<Object> storage = splitArray(array.data(), lengths);
        List<NDArray> parts = new ArrayList<>(rowsPerPart.length);
        for (int i = 0; i < rowsPerPart.length; i++) {
            int[] partShape = shape.clone();
            partShape[0] = rowsPerPart[i];
            parts.add(NDArray.of(array.dtype(), partShape, storage.get(i)));
        }
        return parts;
    }

    /** Lists (a list of records sample, say), one after the other. */
    public static <T> List<T> concatLists(List<? extends List<? extends T>> lists) {
        int total = 0;
        for (List<? extends T> list : lists) {
            total += list.size();
        }
        List<T> all = new ArrayList<>(total);
        for (List<? extends T> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    /** A list cut into consecutive lists of these sizes, each a copy. */
    public static <T> List<List<T>> splitList(List<T> list, int[] rowsPerPart) {
        checkSum(list.size(), rowsPerPart);
        List<List<T>> parts = new ArrayList<>(rowsPerPart.length);
        int offset = 0;
        for (int rows : rowsPerPart) {
            parts.add(new ArrayList<>(list.subList(offset, offset + rows)));
            offset += rows;
        }
        return parts;
    }

    static void checkSum(int rows, int[] rowsPerPart) {
        long sum = 0;
        for (int part : rowsPerPart) {
            if (part < 0) {
                throw new IllegalArgumentException("A part of " + part + " rows");
            }
            sum += part;
        }
        if (sum != rows) {
            throw new BatchOutputException("Cannot split " + rows + " rows into parts of "
                    + Arrays.toString(rowsPerPart) + " rows, which add up to " + sum);
        }
    }
}

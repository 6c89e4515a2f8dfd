package dev.scorespec.benchmarks;

/**
 * Shallow heap sizes on a 64-bit HotSpot JVM with compressed oops and class pointers (the default below
 * 32 GiB of heap): 12-byte object headers, 16-byte array headers, 4-byte references, 8-byte alignment.
 * The report divides the bytes a binder allocates per request by the size of what it returns.
 */
public final class HeapSizes {

    public static final int REFERENCE = 4;
    private static final int OBJECT_HEADER = 12;
    private static final int ARRAY_HEADER = 16;

    private HeapSizes() {}

    /** An array of {@code length} elements of {@code elementBytes} each (a reference is {@link #REFERENCE}). */
    public static long array(long length, int elementBytes) {
        return align(ARRAY_HEADER + length * elementBytes);
    }

    /** An object whose fields take {@code fieldBytes} in all. */
    public static long object(int fieldBytes) {
        return align(OBJECT_HEADER + fieldBytes);
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}

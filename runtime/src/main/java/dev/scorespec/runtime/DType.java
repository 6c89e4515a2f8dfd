package dev.scorespec.runtime;

/**
 * The numpy dtypes an {@code @NdArray} sample may name, each with the Java storage an {@link NDArray} of
 * that dtype uses: {@code byte} for int8, {@code short} for int16 and uint8 (widened, so every value is
 * non-negative), {@code int} for int32 and uint16, {@code long} for int64, uint32 and uint64 (uint64 as two's
 * complement: print it with {@link Long#toUnsignedString(long)}), {@code float} for float16 and float32,
 * {@code double} for float64, {@code String} for str, {@code byte[]} for bytes (base64 on the wire),
 * {@code LocalDateTime} for datetime64, {@code LocalDate} for datetime64[D] ({@code "2021-05-06"} on the wire) and {@code Duration} for timedelta64 ({@code "3600 seconds"} on the
 * wire, as numpy prints it).
 *
 * <p>The names, storage types and ranges are the annotation processor's too: they are declared once, in the
 * annotations artifact, and each constant here stands for the one of the same name there.
 */
public enum DType {
    INT8,
    INT16,
    INT32,
    INT64,
    UINT8,
    UINT16,
    UINT32,
    UINT64,
    FLOAT16,
    FLOAT32,
    FLOAT64,
    BOOL,
    STR,
    BYTES,
    DATETIME64,
    DATETIME64_D,
    TIMEDELTA64;

    /** The shared facts; {@code valueOf} fails at class initialisation if the two lists ever differ. */
    private final dev.scorespec.annotations.internal.DType facts =
            dev.scorespec.annotations.internal.DType.valueOf(name());

    /** The name numpy gives this dtype. */
    public String numpyName() {
        return facts.numpyName();
    }

    /** The Java type of one element in storage and in Java arrays of this dtype. */
    public Class<?> elementType() {
        return facts.elementType();
    }
}

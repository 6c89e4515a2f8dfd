package dev.scorespec.processor.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The numpy dtypes of {@code @NdArray}, with the JSON Schema type and format inference-schema gives
 * each (its {@code Dtype2Swagger} table) and the Java element type the runtime stores them in.
 * Mirrors {@code dev.scorespec.runtime.DType}, which generated code refers to by constant name.
 */
public enum DType {
    INT8("int8", "integer", "int8", JavaElement.BYTE),
    INT16("int16", "integer", "int16", JavaElement.SHORT),
    INT32("int32", "integer", "int32", JavaElement.INT),
    INT64("int64", "integer", "int64", JavaElement.LONG),
    UINT8("uint8", "integer", "uint8", JavaElement.SHORT),
    UINT16("uint16", "integer", "uint16", JavaElement.INT),
    UINT32("uint32", "integer", "uint32", JavaElement.LONG),
    UINT64("uint64", "integer", "uint64", JavaElement.LONG),
    FLOAT16("float16", "number", "float", JavaElement.FLOAT),
    FLOAT32("float32", "number", "float", JavaElement.FLOAT),
    FLOAT64("float64", "number", "double", JavaElement.DOUBLE),
    BOOL("bool", "boolean", null, JavaElement.BOOLEAN),
    STR("str", "string", null, JavaElement.STRING),
    /**
     * inference-schema says {@code "format": "binary"}, which no JSON body can carry; ScoreSpec sends
     * base64 and says {@code "byte"}.
     */
    BYTES("bytes", "string", "byte", JavaElement.BYTES),
    /**
     * inference-schema says {@code "format": "date-time"}, which JSON Schema defines as RFC 3339 with a
     * UTC offset; numpy's datetime64 has none, so ScoreSpec says {@code "date-time-local"} (OpenAPI
     * format registry: an RFC 3339 date-time without offset) and its examples validate.
     */
    DATETIME64("datetime64", "string", "date-time-local", JavaElement.LOCAL_DATE_TIME),
    TIMEDELTA64("timedelta64", "string", "timedelta", JavaElement.DURATION);

    private final String numpyName;
    private final String jsonType;
    private final String jsonFormat;
    private final JavaElement element;

    DType(String numpyName, String jsonType, String jsonFormat, JavaElement element) {
        this.numpyName = numpyName;
        this.jsonType = jsonType;
        this.jsonFormat = jsonFormat;
        this.element = element;
    }

    public String numpyName() {
        return numpyName;
    }

    /** JSON Schema {@code type}. */
    public String jsonType() {
        return jsonType;
    }

    /** JSON Schema {@code format}, if any. */
    public Optional<String> jsonFormat() {
        return Optional.ofNullable(jsonFormat);
    }

    /** The Java element type of arrays of this dtype. */
    public JavaElement element() {
        return element;
    }

    public boolean isInteger() {
        return jsonType.equals("integer");
    }

    public boolean isFloating() {
        return jsonType.equals("number");
    }

    /**
     * The dtype for a numpy name, accepting numpy's aliases ({@code float}, {@code int}, {@code f8},
     * {@code U10}, {@code datetime64[s]}, ...).
     */
    public static Optional<DType> forName(String name) {
        String n = name.trim().toLowerCase(java.util.Locale.ROOT);
        if (n.startsWith("datetime64") || n.startsWith("<m8") || n.startsWith("m8")) {
            return Optional.of(DATETIME64);
        }
        if (n.startsWith("timedelta64")) {
            return Optional.of(TIMEDELTA64);
        }
        if (n.matches("<?u\\d*") || n.equals("unicode") || n.equals("str_") || n.equals("object")) {
            return Optional.of(STR);
        }
        if (n.matches("s\\d*") || n.equals("bytes_")) {
            return Optional.of(BYTES);
        }
        switch (n) {
            case "int", "i8", "long": return Optional.of(INT64);
            case "i4": return Optional.of(INT32);
            case "i2": return Optional.of(INT16);
            case "i1", "byte": return Optional.of(INT8);
            case "u1", "ubyte": return Optional.of(UINT8);
            case "u2": return Optional.of(UINT16);
            case "u4": return Optional.of(UINT32);
            case "u8": return Optional.of(UINT64);
            case "float", "double", "f8", "d": return Optional.of(FLOAT64);
            case "f4", "single": return Optional.of(FLOAT32);
            case "f2", "half": return Optional.of(FLOAT16);
            case "bool_", "?", "boolean": return Optional.of(BOOL);
            case "string", "string_": return Optional.of(STR);
            default:
                return Arrays.stream(values()).filter(d -> d.numpyName.equals(n)).findFirst();
        }
    }

    /** The numpy names, for error messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(DType::numpyName).toList());
    }
}

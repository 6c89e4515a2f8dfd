package dev.scorespec.processor.model;

import dev.scorespec.annotations.internal.DType;

/** The Java element types that array samples bind to. */
public enum JavaElement {
    BYTE("byte"),
    SHORT("short"),
    INT("int"),
    LONG("long"),
    FLOAT("float"),
    DOUBLE("double"),
    BOOLEAN("boolean"),
    STRING("java.lang.String"),
    BYTES("byte[]"),
    LOCAL_DATE_TIME("java.time.LocalDateTime"),
    LOCAL_DATE("java.time.LocalDate"),
    DURATION("java.time.Duration");

    private final String javaName;

    JavaElement(String javaName) {
        this.javaName = javaName;
    }

    /** The Java source name of the element type. */
    public String javaName() {
        return javaName;
    }

    /** The element type the runtime stores a dtype in. */
    public static JavaElement of(DType dtype) {
        String name = dtype.elementType().getCanonicalName();
        for (JavaElement e : values()) {
            if (e.javaName.equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("No Java element for " + dtype);
    }

    public boolean isPrimitive() {
        return switch (this) {
            case BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, BOOLEAN -> true;
            case STRING, BYTES, LOCAL_DATE_TIME, LOCAL_DATE, DURATION -> false;
        };
    }
}

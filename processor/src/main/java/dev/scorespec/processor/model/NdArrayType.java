package dev.scorespec.processor.model;

import com.palantir.javapoet.TypeName;
import dev.scorespec.annotations.internal.DType;
import java.util.List;
import java.util.Optional;

/**
 * A numpy-style array sample.
 *
 * @param javaType the Java target: a primitive/String array of {@link #rank()} dimensions,
 *     {@code NDArray}, or an array of records
 * @param target which of those it is
 * @param dtype the element dtype; empty for a structured dtype, whose elements are {@link #fields()}
 * @param fields the fields of a structured dtype, in order; empty otherwise
 * @param shape the sample's shape; its first dimension is the number of rows and is not enforced
 * @param enforceShape whether every dimension but the first must match {@link #shape()}
 */
public record NdArrayType(
        TypeName javaType,
        Target target,
        Optional<DType> dtype,
        List<Field> fields,
        List<Integer> shape,
        boolean enforceShape)
        implements ValueType {

    @Override
    public boolean needsUnion() {
        return false;
    }

    @Override
    public Optional<String> nestedObject() {
        return Optional.empty();
    }

    @Override
    public String noun() {
        return "an array";
    }

    @Override
    public BatchPlan.Rows rows() {
        if (rank() == 0) {
            return BatchPlan.Rows.NONE;
        }
        return switch (target) {
            case NDARRAY -> BatchPlan.Rows.NDARRAY;
            case RECORDS, JAVA_ARRAY -> rank() > 1 && !enforceShape ? BatchPlan.Rows.OPEN_ARRAY : BatchPlan.Rows.ARRAY;
        };
    }

    @Override
    public String batchNoun() {
        return "an @NdArray of no dimension";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.ndArray(this);
    }

    public NdArrayType {
        fields = List.copyOf(fields);
        shape = List.copyOf(shape);
    }

    /** The number of dimensions. */
    public int rank() {
        return shape.size();
    }

    public boolean structured() {
        return dtype.isEmpty();
    }

    /** The Java forms an array sample binds to. */
    public enum Target {
        /** {@code double[][]}, {@code String[]}, ...: element type from the dtype, one level per dimension. */
        JAVA_ARRAY,
        /** {@code dev.scorespec.runtime.NDArray}: any rank, flat storage. */
        NDARRAY,
        /** An array of Java records, one component per field of a structured dtype. */
        RECORDS
    }

    /**
     * One field of a structured dtype, bound to a record component.
     *
     * @param name the field's name in JSON: the component's {@code @JsonName}, or else its name
     * @param javaName the record component's name
     * @param shape the field's sub-array dimensions; empty for a scalar field
     * @param javaType the record component's type
     */
    public record Field(String name, String javaName, DType dtype, List<Integer> shape, TypeName javaType) {
        public Field {
            shape = List.copyOf(shape);
        }

        /** A field bound to the component of the same name. */
        public Field(String name, DType dtype, List<Integer> shape, TypeName javaType) {
            this(name, name, dtype, shape, javaType);
        }
    }
}

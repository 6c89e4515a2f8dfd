package dev.scorespec.processor.validate;

import dev.scorespec.processor.model.DataFrameType;
import dev.scorespec.processor.model.NdArrayType;
import dev.scorespec.processor.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one item type of a list of arrays or of frames, made from its items' samples: arrays agree when
 * all but their first dimension (their rows) agree, frames when their columns have the same names and
 * kinds (a column is nullable when any item's is).
 */
final class ItemTypes {

    private ItemTypes() {}

    /** The type both items fit, or empty when they disagree. */
    static Optional<ValueType> merge(ValueType first, ValueType other) {
        if (first instanceof NdArrayType a && other instanceof NdArrayType b) {
            return a.equals(b) || withoutRows(a).equals(withoutRows(b)) ? Optional.of(a) : Optional.empty();
        }
        if (first instanceof DataFrameType a && other instanceof DataFrameType b) {
            if (a.columns().size() != b.columns().size()) {
                return Optional.empty();
            }
            List<DataFrameType.Column> columns = new ArrayList<>();
            for (int i = 0; i < a.columns().size(); i++) {
                DataFrameType.Column x = a.columns().get(i);
                DataFrameType.Column y = b.columns().get(i);
                if (!x.name().equals(y.name()) || x.kind() != y.kind()) {
                    return Optional.empty();
                }
                columns.add(new DataFrameType.Column(x.name(), x.kind(), x.nullable() || y.nullable()));
            }
            return Optional.of(
                    new DataFrameType(a.javaType(), a.orient(), columns, a.enforceColumnType(), a.enforceShape()));
        }
        return first.equals(other) ? Optional.of(first) : Optional.empty();
    }

    /** The array with its first dimension, which requests may change, set to zero. */
    private static NdArrayType withoutRows(NdArrayType array) {
        List<Integer> shape = new ArrayList<>(array.shape());
        if (!shape.isEmpty()) {
            shape.set(0, 0);
        }
        return new NdArrayType(
                array.javaType(), array.target(), array.dtype(), array.fields(), shape, array.enforceShape());
    }

    /** For messages: {@code a float64 array of shape [2, 3]}, {@code a frame with columns a (LONG), b (STRING)}. */
    static String describe(ValueType type) {
        if (type instanceof NdArrayType array) {
            return (array.structured()
                            ? "an array of records"
                            : "a " + array.dtype().orElseThrow().numpyName() + " array")
                    + " of shape " + array.shape();
        }
        if (type instanceof DataFrameType frame) {
            return "a frame with columns "
                    + frame.columns().stream()
                            .map(c -> c.name() + " (" + c.kind() + ")")
                            .collect(Collectors.joining(", "));
        }
        return type.noun();
    }
}

package dev.scorespec.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.Optional;

/**
 * A list (or tuple) sample whose items all fit {@link #items()}.
 *
 * @param javaType {@code List<T>} or a Java array {@code T[]}
 * @param javaArray whether {@code javaType} is an array rather than a {@code List}
 */
public record ListType(TypeName javaType, ValueType items, boolean javaArray) implements ValueType {

    @Override
    public boolean needsUnion() {
        return items.needsUnion();
    }

    @Override
    public Optional<String> nestedObject() {
        return items.nestedObject()
                .map(inner -> "list of "
                        + (inner.startsWith("list of ")
                                ? "lists of " + inner.substring("list of ".length())
                                : inner + "s"));
    }

    @Override
    public String noun() {
        return "a list";
    }

    @Override
    public BatchPlan.Rows rows() {
        return javaArray ? BatchPlan.Rows.ARRAY : BatchPlan.Rows.LIST;
    }

    @Override
    public String batchNoun() {
        return "a list";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.list(this);
    }
}

package dev.scorespec.processor.model;

import com.palantir.javapoet.TypeName;

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
    public <R> R accept(Visitor<R> visitor) {
        return visitor.list(this);
    }
}

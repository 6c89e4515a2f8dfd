package dev.scorespec.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;

/**
 * The items of a list sample that mixes JSON types ({@code ["foo", 1]}), bound to {@code Object}.
 * Only OpenAPI 3.x can describe it, so a service with one offers no Swagger 2.0 document.
 *
 * @param kinds the kinds the items may take, in the sample's order of first appearance
 */
public record UnionType(TypeName javaType, List<ScalarKind> kinds) implements ValueType {

    @Override
    public boolean needsUnion() {
        return true;
    }

    @Override
    public Optional<String> nestedObject() {
        return Optional.empty();
    }

    @Override
    public String noun() {
        return "a single value";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.union(this);
    }

    public UnionType {
        kinds = List.copyOf(kinds);
    }
}

package dev.scorespec.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;

/**
 * A value bound to {@code Object} whose sample holds several JSON types: the items of a list that mixes
 * them ({@code ["foo", 1]}, {@code [[1, 2], 2]}), or a key whose value differs from one object of a list
 * to the next ({@code [{"a": 1}, {"a": "x"}]}). Only OpenAPI 3.x can describe it, so a service with one
 * offers no Swagger 2.0 document. Without options it is any value: a sample's {@code null}, bound to
 * {@code Object}, says nothing more.
 *
 * @param kinds the plain kinds the value may take, in the sample's order of first appearance
 * @param structures the arrays and objects it may be: at most one {@link ListType} and one
 *     {@link ObjectType}, each merged from every such value of the sample
 */
public record UnionType(TypeName javaType, List<ScalarKind> kinds, List<ValueType> structures) implements ValueType {

    /** Whether it has several options; with none it is any value, which every version can say. */
    @Override
    public boolean needsUnion() {
        return kinds.size() + structures.size() > 1;
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
    public BatchPlan.Rows rows() {
        return BatchPlan.Rows.NONE;
    }

    @Override
    public String batchNoun() {
        return "a single value";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.union(this);
    }

    public UnionType {
        kinds = List.copyOf(kinds);
        structures = List.copyOf(structures);
    }

    /** A union of plain kinds only. */
    public UnionType(TypeName javaType, List<ScalarKind> kinds) {
        this(javaType, kinds, List.of());
    }

    /** The array option, if the value may be an array. */
    public Optional<ListType> list() {
        return structures.stream()
                .filter(ListType.class::isInstance)
                .map(ListType.class::cast)
                .findFirst();
    }

    /** The object option, if the value may be an object. */
    public Optional<ObjectType> object() {
        return structures.stream()
                .filter(ObjectType.class::isInstance)
                .map(ObjectType.class::cast)
                .findFirst();
    }
}

package dev.scorespec.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;

/**
 * An object sample: a JSON object with the sample's keys, every one required (as inference-schema
 * says), bound to a Java record (one component per key) or a {@code Map<String, V>}.
 *
 * @param record whether {@code javaType} is a record; otherwise it is a {@code Map<String, V>}
 */
public record ObjectType(TypeName javaType, List<Property> properties, boolean record) implements ValueType {

    @Override
    public boolean needsUnion() {
        return properties.stream().anyMatch(p -> p.type().needsUnion());
    }

    @Override
    public Optional<String> nestedObject() {
        return Optional.of("object");
    }

    @Override
    public String noun() {
        return "an object";
    }

    @Override
    public BatchPlan.Rows rows() {
        return BatchPlan.Rows.NONE;
    }

    @Override
    public String batchNoun() {
        return "an object";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.object(this);
    }

    public ObjectType {
        properties = List.copyOf(properties);
    }

    /**
     * One key of the object.
     *
     * @param name the JSON key: the record component's {@code @JsonName}, or else its name
     * @param javaName the record component's name, which its accessor and the constructor's parameter
     *     have; for a map, the key
     * @param required whether the body must carry it (false only for a nullable component marked optional)
     * @param nullable whether its value may be {@code null}: its sample is a null (Python's {@code None})
     */
    public record Property(String name, String javaName, ValueType type, boolean required, boolean nullable) {

        /** A record component's key, whose value is never null. */
        public Property(String name, String javaName, ValueType type, boolean required) {
            this(name, javaName, type, required, false);
        }

        /** A key whose Java name is the key itself: a map's, or a component's without {@code @JsonName}. */
        public Property(String name, ValueType type, boolean required, boolean nullable) {
            this(name, name, type, required, nullable);
        }

        /** Such a key, whose value is never null. */
        public Property(String name, ValueType type, boolean required) {
            this(name, name, type, required, false);
        }
    }
}

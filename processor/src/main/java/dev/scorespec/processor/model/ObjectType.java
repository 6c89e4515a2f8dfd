package dev.scorespec.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

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
    public <R> R accept(Visitor<R> visitor) {
        return visitor.object(this);
    }

    public ObjectType {
        properties = List.copyOf(properties);
    }

    /**
     * One key of the object.
     *
     * @param name the JSON key, which is also the record component's name
     * @param required whether the body must carry it (false only for a nullable component marked optional)
     * @param nullable whether its value may be {@code null}: its sample is a null (Python's {@code None})
     */
    public record Property(String name, ValueType type, boolean required, boolean nullable) {

        /** A key whose value is never null. */
        public Property(String name, ValueType type, boolean required) {
            this(name, type, required, false);
        }
    }
}

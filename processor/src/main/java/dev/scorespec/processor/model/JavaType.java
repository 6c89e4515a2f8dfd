package dev.scorespec.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;

/**
 * A Java type as the processor sees it, read once from {@code javax.lang.model} so the validator and
 * emitters never touch type mirrors.
 */
public sealed interface JavaType {

    /** The type as JavaPoet writes it. */
    TypeName name();

    /** {@code double}, {@code long}, {@code boolean}, ... */
    record Primitive(TypeName name) implements JavaType {}

    /** An array; {@code component} may itself be an array. */
    record Array(TypeName name, JavaType component) implements JavaType {}

    /**
     * A class or interface other than a record: {@code String}, {@code Long}, {@code List<Double>},
     * {@code Map<String, Object>}, {@code LocalDate}, {@code NDArray}, ...
     *
     * @param qualifiedName the erasure's qualified name, such as {@code java.util.List}
     * @param arguments the type arguments, if any
     */
    record Declared(TypeName name, String qualifiedName, List<JavaType> arguments) implements JavaType {
        public Declared {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * A record type with its components in declaration order, whose canonical constructor the binder
     * calls.
     *
     * @param name the record's class, without type arguments
     * @param accessible whether generated code in the scoring class's package can construct it
     * @param generic whether the record declares type parameters, which leave its components' types open
     */
    @SuppressWarnings("JavaLangClash") // always written JavaType.Record, never imported alone
    record Record(ClassName name, List<Component> components, boolean accessible, boolean generic) implements JavaType {
        public Record {
            components = List.copyOf(components);
        }
    }

    /**
     * A record component.
     *
     * @param jsonName the key given by {@code @JsonName}, when the component has one
     * @param samples the sample annotations on the component ({@code @NdArray}, {@code @Standard}, ...),
     *     which describe it when the record is a nested parameter; usually none
     * @param where the component
     */
    record Component(
            String name,
            Optional<ScoringClassDecl.Named> jsonName,
            JavaType type,
            List<ScoringClassDecl.SampleDecl> samples,
            Location where) {
        public Component {
            samples = List.copyOf(samples);
        }

        /** The component's key in JSON: its {@code @JsonName}, or else its name. */
        public String key() {
            return jsonName.map(ScoringClassDecl.Named::value).orElse(name);
        }
    }

    /** Anything ScoreSpec cannot bind: a type variable, wildcard, recursive record, or unresolved type. */
    record Unsupported(TypeName name, String why) implements JavaType {}

    /** Whether this is the declared type {@code qualifiedName}, ignoring type arguments. */
    default boolean is(String qualifiedName) {
        return this instanceof Declared d && d.qualifiedName().equals(qualifiedName);
    }
}

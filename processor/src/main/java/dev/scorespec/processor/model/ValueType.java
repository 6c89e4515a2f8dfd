package dev.scorespec.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * A validated sample paired with its Java target: what the JSON schema says and what the binder
 * builds. The kinds are closed: every concern that depends on the kind (schema, reader, writer,
 * description, document versions) is a {@link Visitor}, so a new kind is a compile error at each of
 * them until it is handled.
 */
public sealed interface ValueType
        permits NdArrayType, ScalarType, ListType, ObjectType, UnionType, DataFrameType, SparkFrameType {

    /** The Java type the binder produces (or the writer consumes) for this value. */
    TypeName javaType();

    /**
     * Whether its schema needs a union of types ({@code anyOf}), which Swagger 2.0 cannot write: the
     * validator then leaves Swagger 2.0 out of the spec's document versions.
     */
    boolean needsUnion();

    /** Calls the visitor's method for this kind. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One concern, answered for every kind. (Java 17 has no pattern {@code switch} over a sealed type;
     * an interface with one method per kind gives the same exhaustiveness.)
     */
    interface Visitor<R> {
        /** An {@code @NdArray} sample, or an {@code @NdArray} component of a nested record. */
        R ndArray(NdArrayType array);

        /** A {@code @DataFrame} sample. */
        R dataFrame(DataFrameType frame);

        /** A {@code @SparkFrame} sample. */
        R sparkFrame(SparkFrameType frame);

        /** A plain value of a {@code @Standard} sample. */
        R scalar(ScalarType scalar);

        /** The items of a {@code @Standard} list that mixes JSON types. */
        R union(UnionType union);

        /** A {@code @Standard} list, or a list of nested records. */
        R list(ListType list);

        /** A {@code @Standard} object, or a nested record whose components carry their own samples. */
        R object(ObjectType object);
    }
}

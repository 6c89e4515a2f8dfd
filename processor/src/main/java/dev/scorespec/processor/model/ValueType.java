package dev.scorespec.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.Optional;

/**
 * A validated sample paired with its Java target: what the JSON schema says and what the binder
 * builds. The kinds are closed: every concern that depends on the kind is an abstract method here (the
 * facts about its JSON shape and its rows) or a {@link Visitor} (the emitters' one, which names each kind's
 * {@code KindEmitter}), so a new kind is a compile error at each of them until it is handled.
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

    /**
     * What makes this value a JSON object inside its parent, as messages name it: {@code object},
     * {@code list of objects}, {@code list of lists of objects}; empty when it is none (an array, structured
     * or not, a dataframe, a plain value, or a list of those). Power BI reads each field of {@code Inputs}
     * one level deep, where such a field is a second level.
     */
    Optional<String> nestedObject();

    /** The value as messages name it: {@code an array}, {@code a dataframe}, {@code a single number}, ... */
    String noun();

    /**
     * How the value has rows along a first dimension, for {@code @Batching}: how requests' values of it are
     * counted, concatenated and split; {@link BatchPlan.Rows#NONE} when it has none.
     */
    BatchPlan.Rows rows();

    /**
     * The value as {@code @Batching}'s messages name it when it has no rows: {@code a single value},
     * {@code an object}, ...
     */
    String batchNoun();

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

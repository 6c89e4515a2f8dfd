package dev.scorespec.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * A validated sample paired with its Java target: what the JSON schema says and what the binder
 * builds. Emitters switch over the permitted kinds.
 */
public sealed interface ValueType
        permits NdArrayType, ScalarType, ListType, ObjectType, UnionType, DataFrameType {

    /** The Java type the binder produces (or the writer consumes) for this value. */
    TypeName javaType();
}

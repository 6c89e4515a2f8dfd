package dev.scorespec.processor.model;

import com.palantir.javapoet.TypeName;

/** One parameter of {@code run}, in declaration order. */
public sealed interface RunParameter {

    /** The Java type of the parameter. */
    TypeName javaType();

    /**
     * A value from the JSON body, under the {@code @InputSchema} name.
     *
     * @param optional whether the body may leave it out; the parameter then receives {@code null}
     */
    record Body(String name, TypeName javaType, ScoringSpec.Sample sample, boolean optional) implements RunParameter {}

    /** The {@code @RequestHeaders} map. */
    record Headers(TypeName javaType) implements RunParameter {}

    /** The raw JSON body text, for a {@code run(String)} without any schema. */
    record JsonText(TypeName javaType) implements RunParameter {}

    /** The request as it came, for a {@code @RawHttp run(ScoringRequest)}. */
    record RawRequest(TypeName javaType) implements RunParameter {}
}

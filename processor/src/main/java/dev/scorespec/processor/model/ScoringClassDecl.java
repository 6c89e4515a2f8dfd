package dev.scorespec.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;

/**
 * A scoring class as read from the source, before any check: the first layer's output. The
 * validator turns it into a {@link ScoringSpec} or into diagnostics.
 *
 * @param type the class
 * @param where the class element
 * @param constructible whether generated code in the same package can call a no-argument constructor
 *     (a non-abstract, top-level or static nested class that is not private, with such a constructor)
 * @param inits methods annotated {@code @Init}
 * @param runs methods named {@code run}, and methods carrying a schema annotation or {@code @RawHttp} whatever
 *     their name
 * @param powerBi where {@code @ScoringService(powerBi = true)} asks for the shape Power BI consumes;
 *     empty when nothing asks for it
 */
public record ScoringClassDecl(
        ClassName type,
        Location where,
        boolean constructible,
        List<InitDecl> inits,
        List<RunDecl> runs,
        Optional<Location> powerBi) {

    public ScoringClassDecl {
        inits = List.copyOf(inits);
        runs = List.copyOf(runs);
    }

    /** An {@code @Init} method. */
    public record InitDecl(
            String name, Location where, List<JavaType> parameters, boolean returnsVoid, boolean isPrivate, boolean isStatic) {
        public InitDecl {
            parameters = List.copyOf(parameters);
        }
    }

    /**
     * A candidate scoring method.
     *
     * @param inputs its {@code @InputSchema} annotations, in source order
     * @param output its {@code @OutputSchema}, if any
     * @param rawHttp its {@code @RawHttp}, if any
     */
    public record RunDecl(
            String name,
            Location where,
            boolean isPublic,
            boolean isStatic,
            List<ParamDecl> parameters,
            JavaType returnType,
            List<InputDecl> inputs,
            Optional<OutputDecl> output,
            Optional<Location> rawHttp) {
        public RunDecl {
            parameters = List.copyOf(parameters);
            inputs = List.copyOf(inputs);
        }

        public boolean hasSchema() {
            return !inputs.isEmpty() || output.isPresent();
        }
    }

    /** A parameter of the scoring method, by its source name. */
    public record ParamDecl(String name, JavaType type, boolean requestHeaders, Location where) {
    }

    /** One {@code @InputSchema}; without samples, it describes a nested parameter (a record of samples). */
    public record InputDecl(String param, List<SampleDecl> samples, boolean optional, Location where, Location paramWhere) {
        public InputDecl {
            samples = List.copyOf(samples);
        }
    }

    /** The {@code @OutputSchema}; without samples, it describes a nested record that run returns. */
    public record OutputDecl(List<SampleDecl> samples, Location where) {
        public OutputDecl {
            samples = List.copyOf(samples);
        }
    }

    /**
     * One {@code @NdArray} or {@code @Standard} sample, in a schema annotation or on a record component.
     *
     * @param json the sample's JSON text, from {@code sample} or read from {@code sampleResource}
     * @param source where the text came from, for messages: {@code sample} or {@code sampleResource "x.json"}
     * @param problem why the text could not be had (both or neither attribute given, resource not found)
     * @param dtype the {@code dtype} attribute of {@code @NdArray}; empty for {@code @Standard}
     */
    public record SampleDecl(
            Kind kind, String json, String source, Optional<String> problem, String dtype, boolean enforceShape, Location where) {

        public enum Kind {
            NDARRAY("@NdArray", "ndarray"),
            STANDARD("@Standard", "standard");

            private static final String PACKAGE = "dev.scorespec.annotations.";

            private final String annotation;
            private final String attribute;

            Kind(String annotation, String attribute) {
                this.annotation = annotation;
                this.attribute = attribute;
            }

            public String annotation() {
                return annotation;
            }

            /** The attribute of {@code @InputSchema}/{@code @OutputSchema} that holds this kind. */
            public String attribute() {
                return attribute;
            }

            /** The annotation's qualified name, as found on a record component of a nested parameter. */
            public String qualifiedName() {
                return PACKAGE + annotation.substring(1);
            }
        }
    }
}

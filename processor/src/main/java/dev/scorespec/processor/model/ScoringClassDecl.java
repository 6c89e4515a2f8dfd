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
 * @param service the names {@code @ScoringService} gives the documents (its defaults without it)
 * @param batching the class's {@code @Batching}, if any
 */
public record ScoringClassDecl(
        ClassName type,
        Location where,
        boolean constructible,
        List<InitDecl> inits,
        List<RunDecl> runs,
        Optional<Location> powerBi,
        ServiceDecl service,
        Optional<BatchingDecl> batching) {

    public ScoringClassDecl {
        inits = List.copyOf(inits);
        runs = List.copyOf(runs);
    }

    /**
     * The document names of {@code @ScoringService}, each with where it is written (the attribute's value
     * when the source gives one).
     */
    public record ServiceDecl(Named title, Named version, Named operationId) {}

    /**
     * {@code @Batching} as written: its limits, each with where to point at it (the attribute's value when
     * the source gives one, else the annotation).
     */
    public record BatchingDecl(
            int maxRows, Location maxRowsWhere, int maxDelayMs, Location maxDelayWhere, Location where) {}

    /** A name written in an annotation ({@code @ScoringService}'s, {@code @JsonName}'s): its value and where to point at it. */
    public record Named(String value, Location where) {}

    /** An {@code @Init} method. */
    public record InitDecl(
            String name,
            Location where,
            List<JavaType> parameters,
            boolean returnsVoid,
            boolean isPrivate,
            boolean isStatic) {
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
    public record ParamDecl(String name, JavaType type, boolean requestHeaders, Location where) {}

    /** One {@code @InputSchema}; without samples, it describes a nested parameter (a record of samples). */
    public record InputDecl(
            String param, List<SampleDecl> samples, boolean optional, Location where, Location paramWhere) {
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
     * One {@code @NdArray}, {@code @Standard}, {@code @DataFrame} or {@code @SparkFrame} sample, in a schema annotation or on a record
     * component.
     *
     * @param json the sample's text, from {@code sample} or read from {@code sampleResource}: JSON, or
     *     CSV for a dataframe's {@code .csv} resource
     * @param source where the text came from, for messages: {@code sample} or {@code sampleResource "x.json"}
     * @param problem why the text could not be had (both or neither attribute given, resource not found or
     *     not UTF-8)
     * @param dtype the {@code dtype} attribute of {@code @NdArray}; empty otherwise
     * @param enforceShape the {@code enforceShape} attribute of {@code @NdArray} and {@code @DataFrame}
     * @param frame the other attributes of {@code @DataFrame}; empty for other kinds
     * @param ddl the {@code ddl} attribute of {@code @SparkFrame}; empty for other kinds and without one
     */
    public record SampleDecl(
            Kind kind,
            String json,
            String source,
            Optional<Problem> problem,
            String dtype,
            boolean enforceShape,
            Location where,
            Optional<FrameDecl> frame,
            String ddl) {

        /** A sample of a kind other than {@code @DataFrame} and {@code @SparkFrame}. */
        public SampleDecl(
                Kind kind,
                String json,
                String source,
                Optional<Problem> problem,
                String dtype,
                boolean enforceShape,
                Location where) {
            this(kind, json, source, problem, dtype, enforceShape, where, Optional.empty(), "");
        }

        /** The same sample, reported at another place. */
        public SampleDecl at(Location other) {
            return new SampleDecl(kind, json, source, problem, dtype, enforceShape, other, frame, ddl);
        }

        /** Why a sample's text could not be had: {@code detail} completes "The @NdArray sample for 'x' ...". */
        public record Problem(Cause cause, String detail) {

            public static Optional<Problem> of(Cause cause, String detail) {
                return Optional.of(new Problem(cause, detail));
            }
        }

        public enum Cause {
            /** Both or neither of {@code sample} and {@code sampleResource}, or a resource that is not there. */
            SOURCE,
            /** A resource whose bytes are not UTF-8. */
            ENCODING
        }

        public enum Kind {
            NDARRAY("@NdArray", "ndarray"),
            STANDARD("@Standard", "standard"),
            DATAFRAME("@DataFrame", "dataframe"),
            SPARK("@SparkFrame", "spark");

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

    /**
     * The attributes of a {@code @DataFrame} besides its sample.
     *
     * @param orient the {@code Orient} constant's name
     * @param pins the pinned column types, in source order
     * @param csv whether the sample text is CSV (a {@code .csv} resource) rather than JSON
     */
    public record FrameDecl(String orient, List<PinDecl> pins, boolean enforceColumnType, boolean csv) {
        public FrameDecl {
            pins = List.copyOf(pins);
        }
    }

    /** One {@code @DataFrame.Column(name, type)}: {@code kind} is the {@code ColumnKind} constant's name. */
    public record PinDecl(String name, String kind) {}
}

package dev.scorespec.processor.kinds.spark;

import static dev.scorespec.processor.emit.RuntimeNames.DATASET_BINDING;
import static dev.scorespec.processor.emit.RuntimeNames.SPARK_FRAME_SPEC;
import static dev.scorespec.processor.emit.RuntimeNames.STRUCT_TYPE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.scorespec.annotations.internal.spark.SparkDdl;
import dev.scorespec.annotations.internal.spark.SparkType;
import dev.scorespec.processor.emit.BinderFile;
import dev.scorespec.processor.emit.BinderNames;
import dev.scorespec.processor.model.RunParameter;
import dev.scorespec.processor.model.ScoringSpec;
import dev.scorespec.processor.model.SparkFrameType;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * The binder's code for {@code @SparkFrame} samples: a constant with the sample's columns in Spark's DDL,
 * which the {@code scorespec-spark} runtime reads requests into a {@code Dataset<Row>} by and writes run's
 * datasets by.
 */
public final class SparkFrameBinders {

    private final BinderFile file;

    public SparkFrameBinders(BinderFile file) {
        this.file = file;
    }

    /** An expression that reads JSON records at the parser's current token into a dataset. */
    public CodeBlock read(SparkFrameType frame, String context) {
        return CodeBlock.of(
                "$L.read(json)",
                specConstant(context, frame, "the sample of {@code " + name(context) + "}", "what requests must have"));
    }

    /** A statement that writes a dataset as JSON records, by the output sample's columns. */
    public CodeBlock write(SparkFrameType frame, String expression, String context) {
        return CodeBlock.of(
                "$L.write(out, $L)",
                specConstant(
                        context,
                        frame,
                        context.equals("Result")
                                ? "the output sample"
                                : "the output sample's {@code " + name(context) + "}",
                        "how run's datasets are written"),
                expression);
    }

    /** Whether any input or the output of run is a {@code @SparkFrame}: the binder then needs a session. */
    public static boolean usesSpark(ScoringSpec spec) {
        return spec.parameters().stream()
                        .anyMatch(p -> p instanceof RunParameter.Body body
                                && body.sample().type() instanceof SparkFrameType)
                || spec.output().map(o -> o.type() instanceof SparkFrameType).orElse(false);
    }

    /**
     * The batch path, when run takes exactly one {@code @SparkFrame} dataset and returns one: the binder
     * implements {@code DatasetBinding}, through which a Spark job scores a whole dataset with one call of run.
     * Added to the binder by {@code BinderEmitter}; empty for any other scoring class.
     */
    public static Optional<DatasetBinding> datasetBinding(ScoringSpec spec) {
        if (spec.parameters().size() != 1
                || !(spec.parameters().get(0) instanceof RunParameter.Body input)
                || !(input.sample().type() instanceof SparkFrameType inputFrame)
                || spec.output().isEmpty()
                || !(spec.output().get().type() instanceof SparkFrameType outputFrame)) {
            return Optional.empty();
        }
        return Optional.of(
                new DatasetBinding(BinderNames.upper(BinderNames.javaName(input.name())), inputFrame, outputFrame));
    }

    /** The batch path of a binder: the interface it implements and its two methods. */
    public record DatasetBinding(String inputContext, SparkFrameType input, SparkFrameType output) {

        public ClassName type() {
            return DATASET_BINDING;
        }

        public List<MethodSpec> methods(BinderFile file, String runMethod) {
            SparkFrameBinders binders = file.part(SparkFrameBinders.class, SparkFrameBinders::new);
            String in = binders.specConstant(inputContext, input, "", "");
            String out = binders.specConstant("Result", output, "", "");
            TypeName dataset = input.javaType();
            return List.of(
                    MethodSpec.methodBuilder("inputSchema")
                            .addAnnotation(Override.class)
                            .addModifiers(Modifier.PUBLIC)
                            .returns(STRUCT_TYPE)
                            .addStatement("return $L.schema()", in)
                            .build(),
                    MethodSpec.methodBuilder("score")
                            .addAnnotation(Override.class)
                            .addModifiers(Modifier.PUBLIC)
                            .returns(dataset)
                            .addParameter(dataset, "input")
                            .addException(Exception.class)
                            .addStatement("return $L.output(scoring().$L($L.input(input)))", out, runMethod, in)
                            .build());
        }
    }

    /** For Javadoc: {@code a Spark DataFrame as records with the columns name (string), age (int)}. */
    public static String describe(SparkFrameType frame) {
        return "a Spark DataFrame as records with the columns "
                + frame.schema().fields().stream()
                        .map(SparkFrameBinders::describe)
                        .collect(Collectors.joining(", "));
    }

    private static String describe(SparkType.Field field) {
        return field.name() + " (" + field.type().simpleString() + (field.nullable() ? "" : ", not null") + ")";
    }

    String specConstant(String context, SparkFrameType frame, String sample, String use) {
        String constant = BinderNames.constantName(context) + "_SPARK";
        if (!file.hasConstant(constant)) {
            file.addConstant(FieldSpec.builder(
                            SPARK_FRAME_SPEC, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The columns of $L, in Spark's DDL: $L.\n", sample, use)
                    .initializer("$T.of($S, $S)", SPARK_FRAME_SPEC, name(context), SparkDdl.format(frame.schema()))
                    .build());
        }
        return constant;
    }

    /** The value's JSON name as a Java name, {@code data}; {@code result} for run's output. */
    private static String name(String context) {
        return Character.toLowerCase(context.charAt(0)) + context.substring(1);
    }
}

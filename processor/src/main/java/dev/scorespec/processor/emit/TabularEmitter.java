package dev.scorespec.processor.emit;

import static dev.scorespec.processor.emit.RuntimeNames.BINDING_EXCEPTION;
import static dev.scorespec.processor.emit.RuntimeNames.TABULAR_BINDING;
import static dev.scorespec.processor.emit.RuntimeNames.TABULAR_COLUMN;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.scorespec.processor.kinds.spark.SparkFrameBinders;
import dev.scorespec.processor.model.RunParameter;
import dev.scorespec.processor.model.ScoringSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The binder's typed path for batch scoring, when every input of run and its output sample are columns of a
 * table: its {@code tabular()} method and the {@code TabularBinding} it returns, which names the columns with
 * their types (from the samples, so that a batch job checks a dataset before it starts) and turns a batch's
 * columns into run's arguments and run's result into columns, with no JSON in between. Each kind's emitter
 * says whether and how its value is columns ({@link KindEmitter#tabularInput}, {@link KindEmitter#tabularOutput}).
 */
final class TabularEmitter {

    /** The column of a result that is one value per row, without a name of its own. */
    static final String RESULT_COLUMN = "result";

    private final ClassName arguments;
    private final TypeName result;
    private final ClassName tabular;
    private final List<TabularParts.Input> inputs;
    private final TabularParts.Output output;

    private TabularEmitter(
            ClassName arguments, TypeName result, List<TabularParts.Input> inputs, TabularParts.Output output) {
        this.arguments = arguments;
        this.result = result;
        this.tabular = arguments.peerClass("Tabular");
        this.inputs = List.copyOf(inputs);
        this.output = output;
    }

    /**
     * The typed path of a scoring class, or empty when its inputs or output are not all tables: a raw or
     * schema-less run, an input or output of another kind, no output sample, no input of one value per row, or
     * two columns of one name (Spark's column names are not case-sensitive, so neither are these).
     */
    static Optional<TabularEmitter> of(ScoringSpec spec, BinderFile file, ClassName arguments, TypeName result) {
        if (spec.bodyKind() != ScoringSpec.BodyKind.JSON_PARAMETERS
                || spec.output().isEmpty()
                || SparkFrameBinders.datasetBinding(spec).isPresent()) {
            return Optional.empty();
        }
        List<TabularParts.Input> inputs = new ArrayList<>();
        for (RunParameter parameter : spec.parameters()) {
            if (!(parameter instanceof RunParameter.Body body)) {
                return Optional.empty();
            }
            Optional<TabularParts.Input> input = file.tabularInput(
                    body.sample().type(),
                    body.name(),
                    BinderNames.upper(BinderNames.javaName(body.name())),
                    body.optional());
            if (input.isEmpty()) {
                return Optional.empty();
            }
            inputs.add(input.get());
        }
        Optional<TabularParts.Output> output =
                file.tabularOutput(spec.output().get().type(), RESULT_COLUMN);
        if (output.isEmpty()) {
            return Optional.empty();
        }
        List<TabularParts.Column> inputColumns =
                inputs.stream().flatMap(i -> i.columns().stream()).toList();
        if (inputColumns.stream().allMatch(TabularParts.Column::shared)
                || !distinct(inputColumns)
                || !distinct(output.get().columns())) {
            return Optional.empty();
        }
        return Optional.of(new TabularEmitter(arguments, result, inputs, output.get()));
    }

    private static boolean distinct(List<TabularParts.Column> columns) {
        Set<String> seen = new HashSet<>();
        return columns.stream().allMatch(c -> seen.add(c.name().toLowerCase(Locale.ROOT)));
    }

    /** Adds the constant, the method and the binding class to the binder. */
    void addTo(TypeSpec.Builder binder) {
        TypeName bindingType = ParameterizedTypeName.get(TABULAR_BINDING, arguments, result);
        binder.addField(FieldSpec.builder(bindingType, "TABULAR", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The typed path for batch scoring: run's arguments and result as columns.\n")
                        .initializer("new $T()", tabular)
                        .build())
                .addMethod(MethodSpec.methodBuilder("tabular")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(bindingType)
                        .addStatement("return TABULAR")
                        .build())
                .addType(bindingClass(bindingType));
    }

    private TypeSpec bindingClass(TypeName bindingType) {
        TypeName columnList = ParameterizedTypeName.get(ClassName.get(List.class), TABULAR_COLUMN);
        List<CodeBlock> argumentValues = new ArrayList<>();
        List<CodeBlock> inputDeclarations = new ArrayList<>();
        int offset = 0;
        for (TabularParts.Input input : inputs) {
            argumentValues.add(input.argument().apply(offset));
            input.columns().forEach(c -> inputDeclarations.add(c.declaration()));
            offset += input.columns().size();
        }
        List<CodeBlock> outputDeclarations =
                output.columns().stream().map(TabularParts.Column::declaration).toList();
        return TypeSpec.classBuilder(tabular)
                .addJavadoc("The columns of the arguments and result of run, as the samples name them: a batch job"
                        + " checks a dataset against them before it starts.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(bindingType)
                .addField(FieldSpec.builder(columnList, "INPUTS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$T.of(\n$>$L$<)", List.class, CodeBlock.join(inputDeclarations, ",\n"))
                        .build())
                .addField(FieldSpec.builder(columnList, "OUTPUTS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$T.of(\n$>$L$<)", List.class, CodeBlock.join(outputDeclarations, ",\n"))
                        .build())
                .addMethod(override("inputColumns", columnList)
                        .addStatement("return INPUTS")
                        .build())
                .addMethod(override("outputColumns", columnList)
                        .addStatement("return OUTPUTS")
                        .build())
                .addMethod(override("arguments", arguments)
                        .addParameter(Object[].class, "columns")
                        .addParameter(TypeName.INT, "rows")
                        .addException(BINDING_EXCEPTION)
                        .addStatement("return new $T(\n$>$>$L$<$<)", arguments, CodeBlock.join(argumentValues, ",\n"))
                        .build())
                .addMethod(override("rows", TypeName.INT)
                        .addParameter(result, "result")
                        .addStatement("return $L", output.rows().apply(CodeBlock.of("result")))
                        .build())
                .addMethod(override("columns", ArrayTypeName.of(ClassName.OBJECT))
                        .addParameter(result, "result")
                        .addStatement(
                                "return new Object[] {$L}",
                                CodeBlock.join(output.values().apply(CodeBlock.of("result")), ", "))
                        .build())
                .build();
    }

    private static MethodSpec.Builder override(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(returns);
    }
}

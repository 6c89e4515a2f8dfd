package dev.scorespec.processor.emit;

import static dev.scorespec.processor.emit.RuntimeNames.BATCH_KEY;
import static dev.scorespec.processor.emit.RuntimeNames.BATCH_ROWS;
import static dev.scorespec.processor.emit.RuntimeNames.BATCH_SHAPE;
import static dev.scorespec.processor.emit.RuntimeNames.BATCH_SPEC;
import static dev.scorespec.processor.emit.RuntimeNames.TABLE_ROWS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.scorespec.processor.model.BatchPlan;
import dev.scorespec.processor.model.BatchPlan.Rows;
import dev.scorespec.processor.model.RunParameter;
import dev.scorespec.processor.model.ScoringSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The binder's part for {@code @Batching}: its {@code batching()} method, and the {@code BatchShape} of the
 * arguments and result, which counts rows along the first dimension of each batched input, keys requests by
 * what must be equal across a batch, concatenates and splits, with the runtime's {@code BatchRows} and
 * {@code TableRows}.
 */
final class BatchShapeEmitter {

    private final ScoringSpec spec;
    private final BatchPlan plan;
    private final ClassName arguments;
    private final TypeName result;
    private final ClassName shape;
    /** The components of {@code Arguments}, one per parameter of run. */
    private final List<String> names;

    BatchShapeEmitter(ScoringSpec spec, BatchPlan plan, ClassName arguments, TypeName result, List<String> names) {
        this.spec = spec;
        this.plan = plan;
        this.arguments = arguments;
        this.result = result;
        this.shape = arguments.peerClass("ArgumentRows");
        this.names = List.copyOf(names);
    }

    /** Adds the constant, the method and the shape class to the binder. */
    void addTo(TypeSpec.Builder binder) {
        TypeName specType = ParameterizedTypeName.get(BATCH_SPEC, arguments, result);
        binder.addField(FieldSpec.builder(specType, "BATCHING", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc(
                                "As {@code @Batching} on {@link $T} asks: at most $L rows in one call of run, a wait of at"
                                        + " most $L ms for others.\n",
                                spec.scoringClass(),
                                plan.maxRows(),
                                plan.maxDelayMs())
                        .initializer("new $T<>(new $T(), $L, $L)", BATCH_SPEC, shape, plan.maxRows(), plan.maxDelayMs())
                        .build())
                .addMethod(MethodSpec.methodBuilder("batching")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(specType)
                        .addStatement("return BATCHING")
                        .build())
                .addType(shapeClass());
    }

    private TypeSpec shapeClass() {
        TypeSpec.Builder type = TypeSpec.classBuilder(shape)
                .addJavadoc("$L\n", javadoc())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(BATCH_SHAPE, arguments, result));
        List<CodeBlock> inputNames = new ArrayList<>();
        List<CodeBlock> inputRows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (plan.parameters().get(i).batched()) {
                inputNames.add(CodeBlock.of(
                        "$S", ((RunParameter.Body) spec.parameters().get(i)).name()));
                inputRows.add(rows(plan.parameters().get(i), "arguments." + names.get(i) + "()"));
            }
        }
        MethodSpec.Builder rowsMethod = override("rows", TypeName.INT).addParameter(arguments, "arguments");
        if (inputRows.size() == 1) {
            rowsMethod.addStatement("return $L", inputRows.get(0));
        } else {
            // inputs concatenated row for row must agree, or rows of different requests would be paired
            rowsMethod.addStatement(
                    "return $T.sameRows($T.of($L),\n$L)",
                    BATCH_ROWS,
                    List.class,
                    CodeBlock.join(inputNames, ", "),
                    CodeBlock.join(inputRows, ",\n"));
        }
        type.addMethod(rowsMethod.build());
        List<CodeBlock> key = new ArrayList<>();
        List<CodeBlock> concatenated = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String value = "arguments." + names.get(i) + "()";
            Rows rows = plan.parameters().get(i);
            switch (rows) {
                case NONE -> key.add(CodeBlock.of("$L", value));
                case OPEN_ARRAY -> key.add(CodeBlock.of("$T.arrayKey($L)", BATCH_ROWS, value));
                case NDARRAY -> key.add(CodeBlock.of("$T.ndArrayKey($L)", BATCH_ROWS, value));
                case TABLE -> key.add(CodeBlock.of("$T.key($L)", TABLE_ROWS, value));
                case ARRAY, LIST -> {}
            }
            concatenated.add(concat(rows, names.get(i)));
        }
        if (!key.isEmpty()) {
            type.addMethod(override("key", ClassName.OBJECT)
                    .addParameter(arguments, "arguments")
                    .addStatement("return $T.of($L)", BATCH_KEY, CodeBlock.join(key, ", "))
                    .build());
        }
        type.addMethod(override("concat", arguments)
                .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), arguments), "requests")
                .addStatement("return new $T($L)", arguments, CodeBlock.join(concatenated, ",\n"))
                .build());
        type.addMethod(override("resultRows", TypeName.INT)
                .addParameter(result, "result")
                .addStatement("return $L", rows(plan.result(), "result"))
                .build());
        type.addMethod(override("split", ParameterizedTypeName.get(ClassName.get(List.class), result))
                .addParameter(result, "result")
                .addParameter(int[].class, "rowsPerRequest")
                .addStatement("return $L", split(plan.result()))
                .build());
        return type.build();
    }

    private String javadoc() {
        List<String> batched = new ArrayList<>();
        List<String> equal = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            (plan.parameters().get(i).batched() ? batched : equal).add("{@code " + names.get(i) + "}");
        }
        String text = "The rows of the arguments and result of {@link "
                + spec.scoringClass().simpleName() + "#"
                + spec.runMethod() + "}: " + String.join(", ", batched)
                + (batched.size() == 1 ? " is" : " are") + " concatenated along the first dimension";
        return text
                + (equal.isEmpty()
                        ? "."
                        : "; requests share a batch only when " + String.join(", ", equal)
                                + (equal.size() == 1 ? " is" : " are") + " equal.");
    }

    private static MethodSpec.Builder override(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(returns);
    }

    private static CodeBlock rows(Rows rows, String value) {
        return switch (rows) {
            case ARRAY, OPEN_ARRAY -> CodeBlock.of("$T.arrayRows($L)", BATCH_ROWS, value);
            case NDARRAY -> CodeBlock.of("$T.ndArrayRows($L)", BATCH_ROWS, value);
            case LIST -> CodeBlock.of("$L.size()", value);
            case TABLE -> CodeBlock.of("$T.rows($L)", TABLE_ROWS, value);
            case NONE -> throw new IllegalArgumentException("not batched");
        };
    }

    /** One argument of the concatenation: the batched inputs end to end, the others from the first request. */
    private CodeBlock concat(Rows rows, String name) {
        CodeBlock values = CodeBlock.of("requests.stream().map($T::$L).toList()", arguments, name);
        return switch (rows) {
            case NONE -> CodeBlock.of("requests.get(0).$L()", name);
            case ARRAY, OPEN_ARRAY -> CodeBlock.of("$T.concatArrays($L)", BATCH_ROWS, values);
            case NDARRAY -> CodeBlock.of("$T.concatNdArrays($L)", BATCH_ROWS, values);
            case LIST -> CodeBlock.of("$T.concatLists($L)", BATCH_ROWS, values);
            case TABLE -> CodeBlock.of("$T.concat($L)", TABLE_ROWS, values);
        };
    }

    private static CodeBlock split(Rows rows) {
        return switch (rows) {
            case ARRAY, OPEN_ARRAY -> CodeBlock.of("$T.splitArray(result, rowsPerRequest)", BATCH_ROWS);
            case NDARRAY -> CodeBlock.of("$T.splitNdArray(result, rowsPerRequest)", BATCH_ROWS);
            case LIST -> CodeBlock.of("$T.splitList(result, rowsPerRequest)", BATCH_ROWS);
            case TABLE -> CodeBlock.of("$T.split(result, rowsPerRequest)", TABLE_ROWS);
            case NONE -> throw new IllegalArgumentException("not batched");
        };
    }
}

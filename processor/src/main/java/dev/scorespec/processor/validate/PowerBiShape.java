package dev.scorespec.processor.validate;

import dev.scorespec.processor.kinds.nested.NestedSamples;
import dev.scorespec.processor.model.JavaType;
import dev.scorespec.processor.model.Location;
import dev.scorespec.processor.model.ObjectType;
import dev.scorespec.processor.model.RunParameter;
import dev.scorespec.processor.model.ScoringClassDecl.InputDecl;
import dev.scorespec.processor.model.ScoringClassDecl.ParamDecl;
import dev.scorespec.processor.model.ScoringClassDecl.RunDecl;
import dev.scorespec.processor.model.ScoringClassDecl.SampleDecl;
import dev.scorespec.processor.model.ScoringSpec.Sample;
import dev.scorespec.processor.model.ValueType;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The shape Power BI consumes, checked when {@code @ScoringService(powerBi = true)} asks for it. Azure
 * ML's documentation of a "Power BI compatible endpoint" asks for a first parameter named
 * {@code Inputs} that is nested (its own example holds a numpy array, a pandas dataframe and a plain
 * value), an optional second one named {@code GlobalParameters} that is a plain value, and a dictionary
 * as the result, whose key {@code Results} it calls case-sensitive. From that:
 * <ul>
 *   <li>the first body parameter of {@code run} is {@code Inputs}, a nested record (not a list of them);
 *   <li>each component of {@code Inputs} is a dataframe, an array or a plain value (a scalar or a list of
 *       them): a component that is itself an object or a record would be a second level of nesting,
 *       which the documentation never shows;
 *   <li>{@code GlobalParameters}, when present, has a {@code @Standard} sample and is optional;
 *   <li>no other body parameter, since Power BI sends no other;
 *   <li>an {@code @OutputSchema} that describes an object with a {@code Results} key.
 * </ul>
 * It does not require a dataframe among the inputs: the documentation's own example mixes kinds.
 */
final class PowerBiShape {

    static final String INPUTS = "Inputs";
    static final String GLOBAL_PARAMETERS = "GlobalParameters";
    static final String RESULTS = "Results";

    private PowerBiShape() {}

    /**
     * Reports every departure from the Power BI shape. Parameters and outputs that failed their own
     * checks are absent from {@code parameters} and {@code output}; what depends on them is skipped.
     */
    static void check(
            Location powerBi, RunDecl run, List<RunParameter> parameters, Optional<Sample> output, Report report) {
        List<String> body = run.parameters().stream()
                .filter(p -> !p.requestHeaders())
                .map(ParamDecl::name)
                .toList();
        Optional<InputDecl> inputs = input(run, INPUTS);
        if (body.isEmpty() || !body.get(0).equals(INPUTS)) {
            if (inputs.isPresent() && body.contains(INPUTS)) {
                report.error(
                        inputs.get().where(), Message.POWER_BI_INPUTS, "'Inputs' comes after '" + body.get(0) + "'");
            } else {
                report.error(
                        powerBi,
                        Message.POWER_BI_INPUTS,
                        body.isEmpty()
                                ? "run has no body parameter"
                                : "run has no parameter named 'Inputs' (its parameters are: " + String.join(", ", body)
                                        + ")");
            }
        }
        for (String name : body) {
            if (!name.equals(INPUTS) && !name.equals(GLOBAL_PARAMETERS)) {
                input(run, name).ifPresent(input -> report.error(input.paramWhere(), Message.POWER_BI_PARAMETER, name));
            }
        }
        if (inputs.isPresent() && body.contains(INPUTS)) {
            checkInputs(inputs.get(), param(run, INPUTS), body(parameters, INPUTS), report);
        }
        if (body.contains(GLOBAL_PARAMETERS)) {
            input(run, GLOBAL_PARAMETERS).ifPresent(g -> checkGlobalParameters(g, report));
        }
        checkOutput(run, output, report);
    }

    private static void checkInputs(InputDecl inputs, JavaType type, Optional<RunParameter.Body> bound, Report report) {
        if (!inputs.samples().isEmpty()) {
            report.error(
                    inputs.where(),
                    Message.POWER_BI_INPUTS_NOT_NESTED,
                    "it has a sample, " + inputs.samples().get(0).kind().annotation()
                            + "(...), which describes it whole");
            return;
        }
        if (!(type instanceof JavaType.Record record)) {
            if (NestedSamples.isNested(type)) {
                report.error(
                        inputs.where(),
                        Message.POWER_BI_INPUTS_NOT_NESTED,
                        "it is a list of records (" + Message.simple(type.name()) + "), not one record");
            }
            return; // otherwise not nested at all, which SS133 has reported
        }
        Optional<ObjectType> object = bound.map(b -> b.sample().type())
                .filter(ObjectType.class::isInstance)
                .map(ObjectType.class::cast);
        for (JavaType.Component component : record.components()) {
            if (component.samples().isEmpty()) {
                if (NestedSamples.isNested(component.type())) {
                    report.error(
                            component.where(),
                            Message.POWER_BI_INPUT_FIELD,
                            component.name(),
                            component.type() instanceof JavaType.Record
                                    ? "a nested record"
                                    : "a list of nested records");
                }
                continue; // without a sample and not nested, SS180 has reported it
            }
            Optional<ValueType> field = object.flatMap(o -> o.properties().stream()
                    .filter(p -> p.javaName().equals(component.name()))
                    .map(ObjectType.Property::type)
                    .findFirst());
            Optional<String> problem = field.flatMap(ValueType::nestedObject);
            problem.ifPresent(p -> report.error(
                    component.samples().get(0).where(),
                    Message.POWER_BI_INPUT_FIELD,
                    component.name(),
                    (p.startsWith("o") ? "an " : "a ") + p));
        }
    }

    private static void checkGlobalParameters(InputDecl global, Report report) {
        if (global.samples().isEmpty()) {
            report.error(global.where(), Message.POWER_BI_GLOBAL_PARAMETERS, "is nested");
            return;
        }
        SampleDecl sample = global.samples().get(0);
        if (sample.kind() != SampleDecl.Kind.STANDARD) {
            report.error(
                    global.where(),
                    Message.POWER_BI_GLOBAL_PARAMETERS,
                    "has the sample " + sample.kind().attribute() + " = "
                            + sample.kind().annotation() + "(...)");
            return;
        }
        if (!global.optional()) {
            report.error(global.where(), Message.POWER_BI_GLOBAL_OPTIONAL);
        }
    }

    private static void checkOutput(RunDecl run, Optional<Sample> output, Report report) {
        if (run.output().isEmpty()) {
            report.error(run.where(), Message.POWER_BI_OUTPUT, "run has no @OutputSchema");
            return;
        }
        if (output.isEmpty()) {
            return; // the output's own problems are reported
        }
        if (!(output.get().type() instanceof ObjectType object)) {
            report.error(
                    run.output().get().where(),
                    Message.POWER_BI_OUTPUT,
                    "its @OutputSchema describes " + output.get().type().noun());
            return;
        }
        if (object.properties().stream().noneMatch(p -> p.name().equals(RESULTS))) {
            report.error(
                    run.output().get().where(),
                    Message.POWER_BI_RESULTS,
                    object.properties().isEmpty()
                            ? "no keys"
                            : "the keys "
                                    + object.properties().stream()
                                            .map(p -> "'" + p.name() + "'")
                                            .collect(Collectors.joining(", ")));
        }
    }

    private static Optional<InputDecl> input(RunDecl run, String param) {
        return run.inputs().stream().filter(i -> i.param().equals(param)).findFirst();
    }

    private static JavaType param(RunDecl run, String name) {
        return run.parameters().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow()
                .type();
    }

    private static Optional<RunParameter.Body> body(List<RunParameter> parameters, String name) {
        return parameters.stream()
                .filter(RunParameter.Body.class::isInstance)
                .map(RunParameter.Body.class::cast)
                .filter(b -> b.name().equals(name))
                .findFirst();
    }
}

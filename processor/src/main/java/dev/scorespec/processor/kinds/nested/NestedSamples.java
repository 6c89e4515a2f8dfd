package dev.scorespec.processor.kinds.nested;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorespec.processor.model.JavaType;
import dev.scorespec.processor.model.ListType;
import dev.scorespec.processor.model.Location;
import dev.scorespec.processor.model.ObjectType;
import dev.scorespec.processor.model.ScoringClassDecl.SampleDecl;
import dev.scorespec.processor.model.ScoringSpec.Sample;
import dev.scorespec.processor.validate.Message;
import dev.scorespec.processor.validate.Report;
import dev.scorespec.processor.validate.ScoringClassValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Nested parameters and outputs, Python's {@code StandardPythonParameterType({'a': NumpyParameterType(...),
 * ...})}: a record whose every component carries its own sample annotation, or is itself such a record,
 * or a {@code List} or array of one, to any depth. Each component's sample goes through the same checks
 * as a parameter's ({@link ScoringClassValidator#sample(SampleDecl, String, JavaType, Report)}), its
 * problems reported on the component's annotation. The result is an {@link ObjectType} whose properties
 * are the components' types, every one required as in the reference, and whose example is made of the
 * components' examples.
 */
public final class NestedSamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ScoringClassValidator samples;
    /** The subject of messages for a JSON path, such as {@code 'Inputs.input1'}. */
    private final UnaryOperator<String> subject;

    private final Report report;

    public NestedSamples(ScoringClassValidator samples, UnaryOperator<String> subject, Report report) {
        this.samples = samples;
        this.subject = subject;
        this.report = report;
    }

    /**
     * Whether a type given without a sample is meant to be nested: a record, or a {@code List} or array
     * of records, with a sample annotation on some component at any depth. (A record without any is more
     * likely a forgotten sample, which SS133 says.)
     */
    public static boolean isNested(JavaType type) {
        if (type instanceof JavaType.Record record) {
            return record.components().stream().anyMatch(c -> !c.samples().isEmpty() || isNested(c.type()));
        }
        return element(type).map(NestedSamples::isNested).orElse(false);
    }

    /** A record component that carries a sample annotation, inside a type that a sample describes whole. */
    public record Annotated(JavaType.Record record, JavaType.Component component, SampleDecl sample) {}

    /**
     * The first record component with a sample annotation anywhere inside {@code type}: there the
     * annotation would be ignored, since a sample of the whole type already says what every part is.
     */
    public static Optional<Annotated> annotatedComponent(JavaType type) {
        if (type instanceof JavaType.Record record) {
            for (JavaType.Component component : record.components()) {
                if (!component.samples().isEmpty()) {
                    return Optional.of(
                            new Annotated(record, component, component.samples().get(0)));
                }
                Optional<Annotated> inner = annotatedComponent(component.type());
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (type instanceof JavaType.Array array) {
            return annotatedComponent(array.component());
        } else if (type instanceof JavaType.Declared declared) {
            for (JavaType argument : declared.arguments()) {
                Optional<Annotated> inner = annotatedComponent(argument);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The nested sample of {@code type}, which {@link #isNested} accepts, or empty once every problem
     * is reported.
     *
     * @param path the JSON path of the value, such as {@code Inputs}; empty for the output
     * @param where where to report a problem with the type as a whole
     */
    public Optional<Sample> sample(JavaType type, String path, Location where) {
        if (type instanceof JavaType.Record record) {
            return record(record, path, where);
        }
        JavaType item = element(type).orElseThrow(() -> new IllegalArgumentException("Not nested: " + type));
        return sample(item, path + "[]", where)
                .map(sample -> new Sample(
                        new ListType(type.name(), sample.type(), type instanceof JavaType.Array),
                        NODES.arrayNode().add(sample.example())));
    }

    private Optional<Sample> record(JavaType.Record record, String path, Location where) {
        if (record.generic()) {
            report.error(where, Message.GENERIC_RECORD, subject.apply(path), record.name());
            return Optional.empty();
        }
        if (!record.accessible()) {
            report.error(
                    where,
                    Message.UNSUPPORTED_TYPE,
                    subject.apply(path),
                    record.name(),
                    "the record is private; make it package-private or public");
            return Optional.empty();
        }
        List<ObjectType.Property> properties = new ArrayList<>();
        ObjectNode example = NODES.objectNode();
        boolean complete = true;
        for (JavaType.Component component : record.components()) {
            String componentPath = path.isEmpty() ? component.key() : path + "." + component.key();
            Optional<Sample> sample = component(record, component, path, componentPath);
            if (sample.isPresent()) {
                properties.add(new ObjectType.Property(
                        component.key(), component.name(), sample.get().type(), true));
                example.set(component.key(), sample.get().example());
            } else {
                complete = false;
            }
        }
        return complete
                ? Optional.of(new Sample(new ObjectType(record.name(), properties, true), example))
                : Optional.empty();
    }

    /** One component: its own sample, or a nested record (or list of them) below it. */
    private Optional<Sample> component(
            JavaType.Record record, JavaType.Component component, String recordPath, String path) {
        List<SampleDecl> annotations = component.samples();
        if (annotations.size() > 1) {
            report.error(
                    component.where(),
                    Message.COMPONENT_SAMPLES,
                    component.name(),
                    record.name().simpleName(),
                    annotations.size(),
                    annotations.stream().map(s -> s.kind().annotation()).collect(Collectors.joining(" and ")));
            return Optional.empty();
        }
        if (annotations.size() == 1) {
            return samples.sample(annotations.get(0), subject.apply(path), component.type(), report);
        }
        if (isNested(component.type())) {
            return sample(component.type(), path, component.where());
        }
        report.error(
                component.where(),
                Message.COMPONENT_WITHOUT_SAMPLE,
                component.name(),
                record.name().simpleName(),
                subject.apply(recordPath),
                component.name());
        return Optional.empty();
    }

    /** The item type of a {@code List<T>} or {@code T[]} (not {@code byte[]}, which is bytes). */
    private static Optional<JavaType> element(JavaType type) {
        if (type instanceof JavaType.Array array && !(array.component() instanceof JavaType.Primitive)) {
            return Optional.of(array.component());
        }
        if (type instanceof JavaType.Declared declared
                && declared.is("java.util.List")
                && declared.arguments().size() == 1) {
            return Optional.of(declared.arguments().get(0));
        }
        return Optional.empty();
    }
}

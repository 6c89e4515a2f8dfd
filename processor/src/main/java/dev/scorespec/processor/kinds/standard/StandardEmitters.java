package dev.scorespec.processor.kinds.standard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.CodeBlock;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.emit.BinderFile;
import dev.scorespec.processor.emit.InputTensors;
import dev.scorespec.processor.emit.KindEmitter;
import dev.scorespec.processor.emit.KindEmitters;
import dev.scorespec.processor.emit.OpenInferenceMetadata;
import dev.scorespec.processor.emit.OutputTensors;
import dev.scorespec.processor.model.ListType;
import dev.scorespec.processor.model.ObjectType;
import dev.scorespec.processor.model.ScalarKind;
import dev.scorespec.processor.model.ScalarType;
import dev.scorespec.processor.model.UnionType;
import java.util.List;

/** What the emitters write for the values of {@code @Standard} samples and of nested records. */
public final class StandardEmitters {

    private StandardEmitters() {}

    private static StandardBinders binders(BinderFile file) {
        return file.part(StandardBinders.class, StandardBinders::new);
    }

    /** A plain value: JsonOutput writes it, except bytes, which go as base64 text. */
    public record ScalarValue(ScalarType scalar) implements KindEmitter {
        @Override
        public ObjectNode schema(OpenApiVersion version) {
            return StandardSchemas.scalar(scalar);
        }

        @Override
        public String describe() {
            return StandardBinders.describe(scalar);
        }

        @Override
        public CodeBlock read(BinderFile file, String context) {
            return StandardBinders.readScalar(scalar);
        }

        @Override
        public boolean readsInOwnMethod() {
            return false;
        }

        @Override
        public boolean needsWriter() {
            return scalar.kind() == ScalarKind.BYTES;
        }

        @Override
        public CodeBlock write(BinderFile file, String expression, String context) {
            return binders(file).writeBytes(scalar, expression, context);
        }

        /** A tensor of shape {@code [1]}. */
        @Override
        public void inputTensors(InputTensors tensors) {
            tensors.tensor(OpenInferenceMetadata.datatype(scalar.kind()), List.of(1), contentType(scalar.kind()));
        }

        @Override
        public void outputTensors(OutputTensors tensors) {
            tensors.tensor(OpenInferenceMetadata.datatype(scalar.kind()), List.of(1));
        }
    }

    /** The items of a list that mixes JSON types: JsonOutput writes them. */
    public record UnionValue(UnionType union) implements KindEmitter {
        @Override
        public ObjectNode schema(OpenApiVersion version) {
            return StandardSchemas.union(union, version);
        }

        @Override
        public String describe() {
            return StandardBinders.describe(union);
        }

        @Override
        public CodeBlock read(BinderFile file, String context) {
            return union.structures().isEmpty()
                    ? StandardBinders.readUnion(union)
                    : CodeBlock.of("$L(json)", binders(file).unionReader(union, context));
        }

        @Override
        public boolean readsInOwnMethod() {
            return !union.structures().isEmpty();
        }

        @Override
        public boolean needsWriter() {
            return false;
        }

        @Override
        public CodeBlock write(BinderFile file, String expression, String context) {
            throw new IllegalStateException("JsonOutput writes every union: " + union);
        }

        @Override
        public void inputTensors(InputTensors tensors) {
            tensors.unsupported("a value that may be of several JSON types has no tensor datatype");
        }

        /** Its JSON text. */
        @Override
        public void outputTensors(OutputTensors tensors) {
            tensors.json();
        }
    }

    /** A list or Java array; written by the binder when its items need it. */
    public record ListValue(ListType list) implements KindEmitter {
        @Override
        public ObjectNode schema(OpenApiVersion version) {
            return StandardSchemas.list(list, version);
        }

        @Override
        public String describe() {
            return StandardBinders.describe(list);
        }

        @Override
        public CodeBlock read(BinderFile file, String context) {
            return CodeBlock.of("$L(json)", binders(file).listReader(list, context));
        }

        @Override
        public boolean readsInOwnMethod() {
            return true;
        }

        @Override
        public boolean needsWriter() {
            return KindEmitters.of(list.items()).needsWriter();
        }

        @Override
        public CodeBlock write(BinderFile file, String expression, String context) {
            return binders(file).writeList(list, expression, context);
        }

        /** A list of plain values is a tensor of shape {@code [-1]}; no other list has a tensor form. */
        @Override
        public void inputTensors(InputTensors tensors) {
            if (!(list.items() instanceof ScalarType items)) {
                tensors.unsupported("a list of anything but plain values has no tensor form");
                return;
            }
            tensors.tensor(OpenInferenceMetadata.datatype(items.kind()), List.of(-1), contentType(items.kind()));
        }

        /** A list of plain values is a tensor, a list of flat records a table (a tensor per column). */
        @Override
        public void outputTensors(OutputTensors tensors) {
            if (list.items() instanceof ScalarType items) {
                tensors.tensor(OpenInferenceMetadata.datatype(items.kind()), List.of(-1));
                return;
            }
            if (list.items() instanceof ObjectType row
                    && row.properties().stream().allMatch(p -> p.type() instanceof ScalarType)) {
                for (ObjectType.Property property : row.properties()) {
                    tensors.tensor(
                            property.name(),
                            OpenInferenceMetadata.datatype(((ScalarType) property.type()).kind()),
                            List.of(-1));
                }
                return;
            }
            tensors.json();
        }
    }

    /** A record (always written by the binder, by component name) or a map (when its values need it). */
    public record ObjectValue(ObjectType object) implements KindEmitter {
        @Override
        public ObjectNode schema(OpenApiVersion version) {
            return StandardSchemas.object(object, version);
        }

        @Override
        public String describe() {
            return StandardBinders.describe(object);
        }

        @Override
        public CodeBlock read(BinderFile file, String context) {
            StandardBinders binders = binders(file);
            return CodeBlock.of(
                    "$L(json)",
                    object.record() ? binders.recordReader(object, context) : binders.mapReader(object, context));
        }

        @Override
        public boolean readsInOwnMethod() {
            return true;
        }

        @Override
        public boolean needsWriter() {
            return object.record()
                    || object.properties().stream()
                            .anyMatch(p -> KindEmitters.of(p.type()).needsWriter());
        }

        @Override
        public CodeBlock write(BinderFile file, String expression, String context) {
            return binders(file).writeObject(object, expression, context);
        }

        /** A record is carried by its components, each under its own path; a map has no tensor form. */
        @Override
        public void inputTensors(InputTensors tensors) {
            if (!object.record()) {
                tensors.unsupported("a map, whose keys the caller chooses, has no tensor form");
                return;
            }
            for (ObjectType.Property property : object.properties()) {
                tensors.member(property.name(), property.required(), property.type());
            }
        }

        /** A tensor per member, or more for a member that has more. */
        @Override
        public void outputTensors(OutputTensors tensors) {
            for (ObjectType.Property property : object.properties()) {
                tensors.member(property.name(), property.type());
            }
        }
    }

    /** MLServer's content type for a plain value, where it has one. */
    private static String contentType(ScalarKind kind) {
        return switch (kind) {
            case STRING -> "str";
            case BYTES -> "base64";
            case DATE, DATE_TIME, TIME -> "datetime";
            default -> null;
        };
    }
}

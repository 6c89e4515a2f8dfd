package dev.scorespec.processor.kinds.ndarray;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.CodeBlock;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.emit.BinderFile;
import dev.scorespec.processor.emit.InputTensors;
import dev.scorespec.processor.emit.KindEmitter;
import dev.scorespec.processor.emit.OpenInferenceMetadata;
import dev.scorespec.processor.emit.OutputTensors;
import dev.scorespec.processor.emit.TabularParts;
import dev.scorespec.processor.model.NdArrayType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the emitters write for an {@code @NdArray} value. */
public record NdArrayEmitter(NdArrayType array) implements KindEmitter {

    @Override
    public ObjectNode schema(OpenApiVersion version) {
        return NdArraySchemas.schema(array);
    }

    @Override
    public String describe() {
        return NdArrayBinders.describe(array);
    }

    @Override
    public CodeBlock read(BinderFile file, String context) {
        return file.part(NdArrayBinders.class, NdArrayBinders::new).read(array, context);
    }

    @Override
    public boolean readsInOwnMethod() {
        return false;
    }

    @Override
    public boolean needsWriter() {
        return NdArrayBinders.needsWriter(array);
    }

    @Override
    public CodeBlock write(BinderFile file, String expression, String context) {
        return file.part(NdArrayBinders.class, NdArrayBinders::new).write(array, expression, context);
    }

    /** One tensor; a structured array, whose rows are records, has none. */
    @Override
    public void inputTensors(InputTensors tensors) {
        if (array.structured()) {
            tensors.unsupported("a structured array, whose rows are records, has no tensor form");
            return;
        }
        tensors.tensor(OpenInferenceMetadata.datatype(array.dtype().orElseThrow()), batchShape(), "np");
    }

    /**
     * One tensor; a structured array one per field. Rows of records (rank 2 and up) travel as JSON: the
     * server splits only a list of records into tensors.
     */
    @Override
    public void outputTensors(OutputTensors tensors) {
        if (array.structured() && array.rank() > 1) {
            tensors.json();
            return;
        }
        if (array.structured()) {
            for (NdArrayType.Field field : array.fields()) {
                List<Integer> shape = new ArrayList<>(List.of(-1));
                shape.addAll(field.shape());
                tensors.tensor(field.name(), OpenInferenceMetadata.datatype(field.dtype()), shape);
            }
            return;
        }
        tensors.tensor(OpenInferenceMetadata.datatype(array.dtype().orElseThrow()), batchShape());
    }

    /** The sample's shape with {@code -1} for the batch dimension, and for every dimension not enforced. */
    private List<Integer> batchShape() {
        List<Integer> shape = new ArrayList<>();
        for (int i = 0; i < array.rank(); i++) {
            shape.add(i == 0 || !array.enforceShape() ? -1 : array.shape().get(i));
        }
        return shape;
    }

    @Override
    public Optional<TabularParts.Input> tabularInput(BinderFile file, String name, String context, boolean optional) {
        return NdArrayBinders.tabularInput(array, name, optional);
    }

    @Override
    public Optional<TabularParts.Output> tabularOutput(BinderFile file, String name) {
        return NdArrayBinders.tabularOutput(array, name);
    }
}

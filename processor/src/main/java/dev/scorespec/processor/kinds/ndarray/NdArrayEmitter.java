package dev.scorespec.processor.kinds.ndarray;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.CodeBlock;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.emit.BinderFile;
import dev.scorespec.processor.emit.KindEmitter;
import dev.scorespec.processor.emit.TabularParts;
import dev.scorespec.processor.model.NdArrayType;
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

    @Override
    public Optional<TabularParts.Input> tabularInput(BinderFile file, String name, String context, boolean optional) {
        return NdArrayBinders.tabularInput(array, name, optional);
    }

    @Override
    public Optional<TabularParts.Output> tabularOutput(BinderFile file, String name) {
        return NdArrayBinders.tabularOutput(array, name);
    }
}

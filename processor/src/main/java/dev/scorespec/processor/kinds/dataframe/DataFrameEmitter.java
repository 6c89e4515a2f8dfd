package dev.scorespec.processor.kinds.dataframe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.CodeBlock;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.emit.BinderFile;
import dev.scorespec.processor.emit.KindEmitter;
import dev.scorespec.processor.emit.TabularParts;
import dev.scorespec.processor.model.DataFrameType;
import java.util.Optional;

/** What the emitters write for a {@code @DataFrame} value. */
public record DataFrameEmitter(DataFrameType frame) implements KindEmitter {

    @Override
    public ObjectNode schema(OpenApiVersion version) {
        return DataFrameSchemas.schema(frame, version);
    }

    @Override
    public String describe() {
        return DataFrameBinders.describe(frame);
    }

    @Override
    public CodeBlock read(BinderFile file, String context) {
        return file.part(DataFrameBinders.class, DataFrameBinders::new).read(frame, context);
    }

    @Override
    public boolean readsInOwnMethod() {
        return false;
    }

    /** Tables are always written by the sample's columns and orient. */
    @Override
    public boolean needsWriter() {
        return true;
    }

    @Override
    public CodeBlock write(BinderFile file, String expression, String context) {
        return file.part(DataFrameBinders.class, DataFrameBinders::new).write(frame, expression, context);
    }

    @Override
    public Optional<TabularParts.Input> tabularInput(BinderFile file, String name, String context, boolean optional) {
        return file.part(DataFrameBinders.class, DataFrameBinders::new).tabularInput(frame, context, optional);
    }
}

package dev.scorespec.processor.kinds.dataframe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.CodeBlock;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.annotations.internal.OpenInferenceResource;
import dev.scorespec.processor.emit.BinderFile;
import dev.scorespec.processor.emit.InputTensors;
import dev.scorespec.processor.emit.KindEmitter;
import dev.scorespec.processor.emit.OpenInferenceMetadata;
import dev.scorespec.processor.emit.OutputTensors;
import dev.scorespec.processor.model.DataFrameType;
import java.util.List;

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

    /** One tensor per column, as MLServer's {@code pd} content type. */
    @Override
    public void inputTensors(InputTensors tensors) {
        for (DataFrameType.Column column : frame.columns()) {
            // a frame that is the whole request has its columns as inputs by name, as MLServer's "pd" content
            // type; beside other inputs (another frame may have the same columns) they are under its name
            String name = tensors.wholeRequest() ? column.name() : tensors.name() + "." + column.name();
            ObjectNode parameters =
                    tensors.tensor(name, OpenInferenceMetadata.datatype(column.kind()), List.of(-1), "pd");
            parameters.put(OpenInferenceResource.COLUMN, column.name());
            parameters.put(OpenInferenceResource.ORIENT, frame.orient().pandasName());
        }
    }

    /** One tensor per column. */
    @Override
    public void outputTensors(OutputTensors tensors) {
        for (DataFrameType.Column column : frame.columns()) {
            tensors.tensor(column.name(), OpenInferenceMetadata.datatype(column.kind()), List.of(-1));
        }
    }
}

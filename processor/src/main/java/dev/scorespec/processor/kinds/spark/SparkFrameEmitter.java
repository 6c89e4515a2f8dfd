package dev.scorespec.processor.kinds.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.CodeBlock;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.emit.BinderFile;
import dev.scorespec.processor.emit.InputTensors;
import dev.scorespec.processor.emit.KindEmitter;
import dev.scorespec.processor.emit.OutputTensors;
import dev.scorespec.processor.model.SparkFrameType;

/** What the emitters write for a {@code @SparkFrame} value. */
public record SparkFrameEmitter(SparkFrameType frame) implements KindEmitter {

    @Override
    public ObjectNode schema(OpenApiVersion version) {
        return SparkFrameSchemas.schema(frame);
    }

    @Override
    public String describe() {
        return SparkFrameBinders.describe(frame);
    }

    @Override
    public CodeBlock read(BinderFile file, String context) {
        return file.part(SparkFrameBinders.class, SparkFrameBinders::new).read(frame, context);
    }

    @Override
    public boolean readsInOwnMethod() {
        return false;
    }

    /** Datasets are written by the output sample's columns, collected from Spark. */
    @Override
    public boolean needsWriter() {
        return true;
    }

    @Override
    public CodeBlock write(BinderFile file, String expression, String context) {
        return file.part(SparkFrameBinders.class, SparkFrameBinders::new).write(frame, expression, context);
    }

    @Override
    public void inputTensors(InputTensors tensors) {
        // its rows could be columns as a dataframe's are; not mapped yet, so said to be unsupported
        tensors.unsupported("a Spark frame is not mapped to tensors yet");
    }

    /** Its JSON text. */
    @Override
    public void outputTensors(OutputTensors tensors) {
        tensors.json();
    }
}

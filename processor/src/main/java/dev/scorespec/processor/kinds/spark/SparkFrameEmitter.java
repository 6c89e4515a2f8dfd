package dev.scorespec.processor.kinds.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.CodeBlock;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.annotations.internal.OpenInferenceResource;
import dev.scorespec.annotations.internal.spark.SparkType;
import dev.scorespec.processor.emit.BinderFile;
import dev.scorespec.processor.emit.InputTensors;
import dev.scorespec.processor.emit.KindEmitter;
import dev.scorespec.processor.emit.OutputTensors;
import dev.scorespec.processor.model.SparkFrameType;
import java.util.List;

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

    /**
     * Read as a records dataframe is: one tensor per column, named by the column when the frame is the whole
     * request; a column that is not a plain value has no tensor of its own, so then the frame is unsupported.
     */
    @Override
    public void inputTensors(InputTensors tensors) {
        for (SparkType.Field field : frame.schema().fields()) {
            if (!(field.type() instanceof SparkType.Atomic)) {
                tensors.unsupported("a Spark frame's column '" + field.name() + "' of type "
                        + field.type().simpleString() + " has no tensor form; only columns of plain values do");
                return;
            }
        }
        for (SparkType.Field field : frame.schema().fields()) {
            String name = tensors.wholeRequest() ? field.name() : tensors.name() + "." + field.name();
            ObjectNode parameters = tensors.tensor(name, datatype((SparkType.Atomic) field.type()), List.of(-1), "pd");
            parameters.put(OpenInferenceResource.COLUMN, field.name());
            parameters.put(OpenInferenceResource.ORIENT, "records");
        }
    }

    /** Written as records: one tensor per column when each is a plain value, else its JSON text. */
    @Override
    public void outputTensors(OutputTensors tensors) {
        List<SparkType.Field> fields = frame.schema().fields();
        if (!fields.stream().allMatch(field -> field.type() instanceof SparkType.Atomic)) {
            tensors.json();
            return;
        }
        for (SparkType.Field field : fields) {
            tensors.tensor(field.name(), datatype((SparkType.Atomic) field.type()), List.of(-1));
        }
    }

    /** A Spark column type's tensor datatype. */
    private static String datatype(SparkType.Atomic type) {
        return switch (type) {
            case BYTE -> "INT8";
            case SHORT -> "INT16";
            case INTEGER -> "INT32";
            case LONG -> "INT64";
            case BOOLEAN -> "BOOL";
            case FLOAT -> "FP32";
            case DOUBLE -> "FP64";
            case STRING, BINARY, DATE, TIMESTAMP, TIMESTAMP_NTZ -> "BYTES";
        };
    }
}

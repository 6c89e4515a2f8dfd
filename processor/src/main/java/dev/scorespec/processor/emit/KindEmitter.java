package dev.scorespec.processor.emit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.CodeBlock;
import dev.scorespec.annotations.internal.OpenApiVersion;

/**
 * What the emitters write for one value of one kind: its JSON schema, its binder code and its tensors in
 * the Open Inference Protocol's model metadata. Each kind's package implements it; {@link KindEmitters}
 * picks the implementation for a value.
 */
public interface KindEmitter {

    /** The value's schema, without example. */
    ObjectNode schema(OpenApiVersion version);

    /** A short description of the value's schema, for the binder's Javadoc. */
    String describe();

    /** An expression that reads the value at the parser's current token. */
    CodeBlock read(BinderFile file, String context);

    /**
     * Whether {@link #read} already calls a reader method named after the structure, so that a parameter of
     * this kind needs no reader method of its own.
     */
    boolean readsInOwnMethod();

    /** Whether JsonOutput's type-based writing would not do, so the binder needs its own writer. */
    boolean needsWriter();

    /** A statement that writes the value; called only when {@link #needsWriter()}. */
    CodeBlock write(BinderFile file, String expression, String context);

    /**
     * Adds the value's input tensors to the Open Inference Protocol's model metadata, or, when the protocol
     * cannot carry it, the reason ({@link InputTensors#unsupported}).
     */
    void inputTensors(InputTensors tensors);

    /** Adds the output tensors the server splits the value into when {@code run} returns it. */
    void outputTensors(OutputTensors tensors);
}

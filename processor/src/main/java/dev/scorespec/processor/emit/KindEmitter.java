package dev.scorespec.processor.emit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.CodeBlock;
import dev.scorespec.annotations.internal.OpenApiVersion;
import java.util.Optional;

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

    /**
     * The value as input columns of a table, for batch scoring; empty when it is not one (the default).
     *
     * @param name the value's name, which a column of one value takes
     * @param context the value's context, as {@link #read} takes it
     * @param optional whether the body may leave the value out
     */
    default Optional<TabularParts.Input> tabularInput(BinderFile file, String name, String context, boolean optional) {
        return Optional.empty();
    }

    /**
     * The value as output columns of a table, for batch scoring; empty when it is not one (the default).
     *
     * @param name the name a column of one value takes
     */
    default Optional<TabularParts.Output> tabularOutput(BinderFile file, String name) {
        return Optional.empty();
    }
}

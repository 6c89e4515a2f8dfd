package dev.scorespec.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.scorespec.processor.model.ValueType;
import java.util.Optional;
import java.util.function.Function;

/**
 * The binder being written, as each kind's binder code sees it: it adds its constants and helper
 * methods here, and asks for the code of the values it contains, whatever their kind.
 */
public interface BinderFile {

    /**
     * The binder's one instance of a kind's binder code, created on first use: where a kind keeps what it
     * has written once per binder, such as the reader of each record type.
     */
    <T> T part(Class<T> type, Function<BinderFile, T> create);

    /** A method name not used yet in the binder: {@code wanted}, or {@code wanted} with 2, 3, ... appended. */
    String helperName(String wanted);

    /** Adds a private helper method, named by {@link #helperName}; helpers are written in the order added. */
    void addHelper(String name, MethodSpec method);

    /** Whether the binder has a constant of that name. */
    boolean hasConstant(String name);

    /** Adds a constant, unless one of that name is there already; returns whether it was added. */
    boolean addConstant(FieldSpec constant);

    /** Imports {@code member} of {@code owner} statically, for the constants' initializers. */
    void addStaticImport(ClassName owner, String member);

    /** The start of a {@code private static T name(JsonParser json) throws IOException} reader. */
    MethodSpec.Builder reader(String name, TypeName returns);

    /** The start of a {@code private static void name(JsonGenerator out, T value) throws IOException} writer. */
    MethodSpec.Builder writer(String name, TypeName valueType);

    /** An expression that reads a value of any kind at the parser's current token. */
    CodeBlock readValue(ValueType value, String context);

    /** A statement that writes a value of any kind to {@code out}. */
    CodeBlock writeValue(ValueType value, String expression, String context);

    /** A value of any kind as input columns of a table; see {@link KindEmitter#tabularInput}. */
    Optional<TabularParts.Input> tabularInput(ValueType value, String name, String context, boolean optional);

    /** A value of any kind as output columns of a table; see {@link KindEmitter#tabularOutput}. */
    Optional<TabularParts.Output> tabularOutput(ValueType value, String name);
}

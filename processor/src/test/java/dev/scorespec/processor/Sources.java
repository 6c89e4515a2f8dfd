package dev.scorespec.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Scoring classes as test sources, and compiling them with the processor. */
final class Sources {

    static final String IMPORTS = """
            package test;

            import dev.scorespec.annotations.*;
            import dev.scorespec.runtime.*;
            import java.time.*;
            import java.util.*;
            """;

    private Sources() {}

    /** A source file {@code test.<name>} with the usual imports before {@code body}. */
    static JavaFileObject source(String name, String body) {
        return JavaFileObjects.forSourceString("test." + name, IMPORTS + "\n" + body);
    }

    static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new ScoreSpecProcessor()).compile(sources);
    }
}

package dev.scorespec.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import dev.scorespec.runtime.binding.ScoringBinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The names generated code declares never collide with names users chose. Every local and parameter
 * that the binder goldens declare (so, what the emitter writes, not a list kept by hand) is given as the
 * name of a parameter of run and of a component of a nested record, in one class; its binder must
 * compile and bind each value to its own place.
 */
class GeneratedNamesTest {

    /** Names a parameter of run may have but a record component may not (JLS 8.10.1). */
    private static final List<String> NOT_COMPONENT_NAMES =
            List.of("clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

    @Test
    void parametersAndComponentsNamedLikeTheEmittersLocalsBindToTheirOwnPlaces() throws Exception {
        List<String> locals = new ArrayList<>(declaredInGoldens());
        assertTrue(
                locals.containsAll(
                        List.of("json", "name", "request", "values", "scoring", "arguments", "hasX", "out", "value")),
                "the goldens declare the locals the emitter is known to use: " + locals);
        List<String> parameters = new ArrayList<>(locals);
        parameters.addAll(NOT_COMPONENT_NAMES);
        String record = "nestedRecordOfAllNames";
        assertTrue(!parameters.contains(record));

        String source = "public class Names {\n"
                + "    public record Fields("
                + locals.stream()
                        .map(n -> "@Standard(sample = \"1.0\") double " + n)
                        .collect(Collectors.joining(", ")) + ") {}\n\n"
                + parameters.stream()
                        .map(n -> "    @InputSchema(param = \"" + n + "\", standard = @Standard(sample = \"1.0\"))\n")
                        .collect(Collectors.joining())
                + "    @InputSchema(param = \"" + record + "\")\n"
                + "    @OutputSchema(standard = @Standard(sample = \"[1.0]\"))\n"
                + "    public List<Double> run("
                + parameters.stream().map(n -> "double " + n).collect(Collectors.joining(", "))
                + ", Fields " + record + ") {\n"
                + "        List<Double> all = new ArrayList<>(List.of(" + String.join(", ", parameters) + "));\n"
                + locals.stream()
                        .map(n -> "        all.add(" + record + "." + n + "());\n")
                        .collect(Collectors.joining())
                + "        return all;\n"
                + "    }\n"
                + "}\n";
        ScoringBinder<Record, Object> binder = BinderTest.binder("Names", source);

        // Parameter i receives i, component j receives 1000 + j: any mix-up shows in the result.
        String body = "{"
                + IntStream.range(0, parameters.size())
                        .mapToObj(i -> "\"" + parameters.get(i) + "\": " + i)
                        .collect(Collectors.joining(", "))
                + ", \"" + record + "\": {"
                + IntStream.range(0, locals.size())
                        .mapToObj(j -> "\"" + locals.get(j) + "\": " + (1000 + j))
                        .collect(Collectors.joining(", "))
                + "}}";
        String expected = Stream.concat(
                        IntStream.range(0, parameters.size()).mapToObj(i -> i + ".0"),
                        IntStream.range(0, locals.size()).mapToObj(j -> (1000 + j) + ".0"))
                .collect(Collectors.joining(",", "[", "]"));
        assertEquals(expected, BinderTest.score(binder, body));
    }

    /** Every parameter and local that a binder golden declares, sorted. */
    private static SortedSet<String> declaredInGoldens() throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        SortedSet<String> names = new TreeSet<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null);
                Stream<Path> goldens = Files.list(Path.of("src/test/resources/binders"))) {
            List<Path> paths =
                    goldens.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            assertTrue(paths.size() > 20, "the binder goldens are found: " + paths);
            JavacTask task =
                    (JavacTask) javac.getTask(null, files, null, null, null, files.getJavaFileObjectsFromPaths(paths));
            for (CompilationUnitTree unit : task.parse()) {
                new TreeScanner<Void, Void>() {
                    @Override
                    public Void visitVariable(VariableTree variable, Void unused) {
                        names.add(variable.getName().toString());
                        return super.visitVariable(variable, unused);
                    }
                }.scan(unit, null);
            }
        }
        // Constants are fields, out of reach of run's parameters; they are upper case by the emitter's own rule.
        names.removeIf(n -> n.equals(n.toUpperCase(java.util.Locale.ROOT))
                || !SourceVersion.isIdentifier(n)
                || SourceVersion.isKeyword(n));
        return names;
    }
}

package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated binders, compared exactly with {@code src/test/resources/binders/<case>_ScoreSpec.java}:
 * the file a user opens when debugging a request, so every change to it is a deliberate one.
 *
 * <p>After changing what the emitter writes on purpose, rewrite the goldens with
 * {@code mvn -pl processor -am verify -Dtest=BinderGoldenTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dscorespec.updateGoldens=true} and review the diff before committing it.
 */
class BinderGoldenTest {

    static final String UPDATE = "scorespec.updateGoldens";
    /** Surefire runs in the module's directory; the goldens are read from and written to the sources. */
    private static final Path GOLDENS = Path.of("src", "test", "resources", "binders");

    /** One scoring class: a case's name and the source the processor compiles. */
    private record Case(String name, JavaFileObject source) {}

    @TestFactory
    Stream<DynamicTest> everyBinderIsItsGolden() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // Every reference case: ndarrays of each dtype, standard values, dataframes in each orient.
        try (Stream<Path> files = Files.list(resourceDir("/golden-e2e"))) {
            files.map(Path::getFileName)
                    .map(Path::toString)
                    .filter(f -> f.endsWith(".java"))
                    .sorted()
                    .forEach(f -> cases.add(file(f.substring(0, f.length() - ".java".length()), "/golden-e2e/" + f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cases.add(file("nested-powerbi-docs", "/nested/nested-powerbi-docs.java"));
        cases.add(new Case("nested-records", Sources.source("Scores", NestedBinderTest.SCORES)));
        cases.add(new Case("raw-http", Sources.source("Echo", RawHttpTest.ECHO)));
        cases.add(new Case("batching", Sources.source("Ridge", BatchingTest.RIDGE)));
        cases.add(new Case("json-text", Sources.source("Text", """
                @ScoringService
                public class Text {
                    public String run(String body) { return body; }
                }
                """)));
        cases.add(new Case("spark-reference", Sources.source("SparkReference", SparkFrameTest.REFERENCE)));
        cases.add(new Case("spark-ddl", Sources.source("SparkTypes", SparkFrameTest.TYPES)));
        cases.add(new Case("table-without-output-sample", Sources.source("Plain", """
                import tech.tablesaw.api.*;

                public class Plain {
                    @InputSchema(param = "data", dataframe = @DataFrame(sample = "[{\\"x\\": 1}]"))
                    public Table run(Table data) { return data; }
                }
                """)));
        return cases;
    }

    private static void check(Case c) throws IOException {
        Compilation compilation = Sources.compile(SparkStubs.with(c.source()));
        assertThat(compilation).succeeded();
        List<JavaFileObject> binders = compilation.generatedSourceFiles().stream()
                .filter(f -> f.getName().endsWith("_ScoreSpec.java"))
                .toList();
        assertEquals(1, binders.size(), c.name() + ": one binder");
        String actual = binders.get(0).getCharContent(true).toString();
        Path golden = GOLDENS.resolve(c.name() + "_ScoreSpec.java");
        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(GOLDENS);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) {
            fail("No golden for case " + c.name() + ": expected " + golden.toAbsolutePath() + ". Write it with -D"
                    + UPDATE + "=true and review it.");
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            assertEquals(
                    expected,
                    actual,
                    "The binder of case " + c.name() + " differs from its golden "
                            + golden.toAbsolutePath() + ". If the change is deliberate, rewrite the goldens with -D"
                            + UPDATE
                            + "=true and review the diff");
        }
    }

    private static Case file(String name, String resource) {
        try (InputStream in = BinderGoldenTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, resource);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String className = text.replaceFirst("(?s).*?public (?:final )?class (\\w+).*", "$1");
            return new Case(name, JavaFileObjects.forSourceString("test." + className, text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resourceDir(String resource) {
        try {
            return Path.of(BinderGoldenTest.class.getResource(resource).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

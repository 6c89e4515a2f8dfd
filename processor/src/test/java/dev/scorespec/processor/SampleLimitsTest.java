package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.scorespec.processor.validate.ScoringClassValidator;
import dev.scorespec.runtime.binding.ScoringBinder;
import java.util.concurrent.atomic.AtomicReference;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What the processor cannot bind is refused with its own message, never a stack trace: generic records,
 * and samples nested deeper than {@link ScoringClassValidator#MAX_SAMPLE_DEPTH}, which compile up to the
 * limit on a build tool's usual 1 MiB thread stack.
 */
class SampleLimitsTest {

    private static final String GENERIC = "[SS183] ScoreSpec cannot bind %s to Bad.Pair: it is a generic record, and a "
            + "binder reads and writes a record by its components' declared types, which type parameters leave open. "
            + "Declare a record without type parameters, with the types written out in its components.";

    private static final String TOO_DEEP = "[SS149] The sample for %s nests arrays and objects more than 64 levels "
            + "deep, deeper than ScoreSpec reads samples. Give a shallower sample: it shows the shape of the values, "
            + "and a few levels do that.";

    private static void assertOnlyError(String body, String text, String line) {
        JavaFileObject source = Sources.source("Bad", body);
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(text).inFile(source).onLineContaining(line);
    }

    @Test
    void aGenericRecordAsNestedInput() {
        assertOnlyError("""
                public class Bad {
                    public record Pair<T>(@Standard(sample = "1.0") T value) {}
                    @InputSchema(param = "p")
                    public double run(Pair<Double> p) { return 0; }
                }
                """, GENERIC.formatted("'p'"), "@InputSchema");
    }

    @Test
    void aGenericRecordAsNestedOutput() {
        assertOnlyError("""
                public class Bad {
                    public record Pair<T>(@Standard(sample = "1.0") T value) {}
                    @InputSchema(param = "x", standard = @Standard(sample = "1.0"))
                    @OutputSchema
                    public Pair<Double> run(double x) { return null; }
                }
                """, GENERIC.formatted("the output of run"), "@OutputSchema");
    }

    @Test
    void aGenericRecordWithAWholeSample() {
        assertOnlyError("""
                public class Bad {
                    public record Pair<T>(T value) {}
                    @InputSchema(param = "p", standard = @Standard(sample = "{\\"value\\": 1.0}"))
                    public double run(Pair<Double> p) { return 0; }
                }
                """, GENERIC.formatted("'p'"), "@InputSchema");
    }

    @Test
    void samplesDeeperThanTheLimit() {
        assertOnlyError(
                "public class Bad {\n    @InputSchema(param = \"x\", standard = @Standard(sample = \"" + lists(900)
                        + "\"))\n    public double run(Object x) { return 0; }\n}\n",
                TOO_DEEP.formatted("'x'"),
                "@InputSchema");
        assertOnlyError(
                "public class Bad {\n    @InputSchema(param = \"x\", standard = @Standard(sample = \"" + objects(600)
                        + "\"))\n    public double run(Map<String, Object> x) { return 0; }\n}\n",
                TOO_DEEP.formatted("'x'"),
                "@InputSchema");
        assertOnlyError(
                "public class Bad {\n    @InputSchema(param = \"x\", standard = @Standard(sample = \"1.0\"))\n"
                        + "    @OutputSchema(standard = @Standard(sample = \"" + lists(65) + "\"))\n"
                        + "    public Object run(double x) { return 0; }\n}\n",
                TOO_DEEP.formatted("the output of run"),
                "@OutputSchema");
    }

    /** At the limit, the class compiles on a 1 MiB stack (a Gradle worker's, a javac thread's) and binds. */
    @Test
    void samplesAtTheLimitCompileOnASmallStack() throws Exception {
        assertEquals(64, ScoringClassValidator.MAX_SAMPLE_DEPTH);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(
                null,
                () -> {
                    try {
                        ScoringBinder<Record, Object> lists = BinderTest.binder(
                                "Lists",
                                "public class Lists {\n"
                                        + "    @InputSchema(param = \"x\", standard = @Standard(sample = \"" + lists(64)
                                        + "\"))\n"
                                        + "    @OutputSchema(standard = @Standard(sample = \"" + lists(64) + "\"))\n"
                                        + "    public Object run(Object x) { return x; }\n}\n");
                        assertEquals(
                                lists(64).replace("\\\"", "\""), BinderTest.score(lists, "{\"x\": " + lists(64) + "}"));
                        ScoringBinder<Record, Object> maps = BinderTest.binder(
                                "Maps",
                                "public class Maps {\n"
                                        + "    @InputSchema(param = \"x\", standard = @Standard(sample = \""
                                        + objects(64) + "\"))\n"
                                        + "    public int run(Map<String, Object> x) { return x.size(); }\n}\n");
                        assertEquals(
                                "1",
                                BinderTest.score(maps, "{\"x\": " + objects(64).replace("\\\"", "\"") + "}"));
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                },
                "small-stack",
                1 << 20);
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }

    /** {@code [[...[1]...]]}, {@code depth} arrays deep. */
    private static String lists(int depth) {
        return "[".repeat(depth) + "1" + "]".repeat(depth);
    }

    /** {@code {"a":{"a":...1...}}}, {@code depth} objects deep, escaped for a Java string literal. */
    private static String objects(int depth) {
        return "{\\\"a\\\":".repeat(depth) + "1" + "}".repeat(depth);
    }
}

package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code -Ascorespec.phaseTimes} prints where a compilation's time went; without it, nothing. */
class PhaseTimesTest {

    private static final JavaFileObject SOURCE = Sources.source("Echo", """
            public class Echo {
                @InputSchema(param = "x", standard = @Standard(sample = "1.0"))
                public double run(double x) { return x; }
            }
            """);

    @Test
    void theOptionPrintsEveryStepAndJavacPhaseOnce() {
        String err = standardError(() -> javac().withProcessors(new ScoreSpecProcessor())
                .withOptions("-Ascorespec.phaseTimes")
                .compile(SOURCE));
        assertTrue(err.startsWith("ScoreSpec phase times: "), err);
        List<String> rows =
                err.lines().filter(line -> line.startsWith("| ScoreSpec: ")).toList();
        // one scoring class: each of its steps ran once (the metadata only for JSON bodies, which this is)
        for (String step : List.of(
                "reading a class", "validating it", "rendering the OpenAPI documents", "JavaPoet writing the binder")) {
            assertTrue(
                    rows.stream()
                            .anyMatch(row -> row.startsWith("| ScoreSpec: " + step + " |") && row.endsWith(" | 1 |")),
                    step + " in\n" + err);
        }
        assertTrue(err.lines().anyMatch(line -> line.startsWith("| javac: analyze |")), err);
    }

    @Test
    void withoutTheOptionNothingIsPrinted() {
        assertEquals("", standardError(() -> Sources.compile(SOURCE)));
    }

    private static String standardError(Supplier<Compilation> compile) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(compile.get()).succeeded();
        } finally {
            System.setErr(saved);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}

package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** ScoreSpec annotations on local and anonymous classes, which processing never sees, are errors that say why. */
class LocalClassesTest {

    private static final String WHY = "which ScoreSpec does not see and the server could not create: it serves "
            + "classes that code outside can name. Move the scoring class to the top level, or make it a static "
            + "nested class.";

    @Test
    void aLocalScoringClassAlone() {
        JavaFileObject source = Sources.source("Holder", """
                public class Holder {
                    void make() {
                        class Local {
                            @InputSchema(param = "x", standard = @Standard(sample = "1.0"))
                            public double run(double x) { return x; }
                        }
                    }
                }
                """);
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[SS116] @InputSchema is on the local class Local, " + WHY)
                .inFile(source)
                .onLineContaining("@InputSchema");
    }

    @Test
    void anAnonymousScoringClassBesideARealOne() {
        JavaFileObject source = Sources.source("Scores", """
                public class Scores {
                    @InputSchema(param = "x", standard = @Standard(sample = "1.0"))
                    public double run(double x) {
                        Object scorer = new Object() {
                            @Init
                            void load() {}
                        };
                        return x;
                    }
                }
                """);
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[SS116] @Init is on an anonymous class, " + WHY)
                .inFile(source)
                .onLineContaining("@Init");
    }
}

package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.scorespec.runtime.binding.ScoringBinder;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Sample resources are UTF-8: a byte order mark is skipped, bytes that are not UTF-8 are refused by offset. */
class SampleResourceTest {

    @Test
    void aByteOrderMarkIsNoPartOfTheSample() throws Exception {
        ScoringBinder<Record, Object> binder = BinderTest.binder("Bom", """
                public class Bom {
                    @InputSchema(param = "data", standard = @Standard(sampleResource = "samples/bom.json"))
                    public double run(List<Double> data) { return data.get(0) + data.get(1); }
                }
                """);
        assertEquals("4.0", BinderTest.score(binder, "{\"data\": [1.5, 2.5]}"));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedByOffset() {
        JavaFileObject source = Sources.source("Bad", """
                public class Bad {
                    @InputSchema(param = "data", standard = @Standard(sampleResource = "samples/latin1.json"))
                    public String run(List<String> data) { return data.get(0); }
                }
                """);
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[SS148] The @Standard sample for 'data' names the resource "
                        + "\"samples/latin1.json\", whose byte 0xE9 at offset 5 is not UTF-8. Save the file as UTF-8 (a byte "
                        + "order mark is allowed).")
                .inFile(source)
                .onLineContaining("@InputSchema");
    }

    @Test
    void aRecordWithoutComponentsIsAScoringClass() throws Exception {
        ScoringBinder<Record, Object> binder = BinderTest.binder("Stateless", """
                public record Stateless() {
                    @InputSchema(param = "x", standard = @Standard(sample = "1.0"))
                    public double run(double x) { return 2 * x; }
                }
                """);
        assertEquals("3.0", BinderTest.score(binder, "{\"x\": 1.5}"));
    }
}

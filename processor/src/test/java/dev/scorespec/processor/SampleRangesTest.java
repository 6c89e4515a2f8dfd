package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A sample value beyond what its dtype holds is refused at compile time on every path (ndarray, standard,
 * dataframe, nested, values bound to Object): the binder would otherwise refuse its own example.
 */
class SampleRangesTest {

    private static final String FLOAT64 = "-1.7976931348623157e308 to 1.7976931348623157e308";

    private static void assertRefused(String declaration, String text) {
        JavaFileObject source = Sources.source("Bad", "public class Bad {\n" + declaration + "\n}\n");
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(text).inFile(source).onLineContaining("@InputSchema");
    }

    @Test
    void valuesBoundToObjectAreWithinADoublesRange() {
        assertRefused(
                """
                @InputSchema(param = "x", standard = @Standard(sample = "1e400"))
                public double run(Object x) { return 0; }""",
                "[SS144] The sample for 'x' does not fit Object: the sample is 1E+400, beyond the range of a Double, "
                        + FLOAT64 + ". Change the sample or the Java type.");
        assertRefused(
                """
                @InputSchema(param = "x", standard = @Standard(sample = "{\\"a\\": [1, -1e400]}"))
                public double run(Map<String, Object> x) { return 0; }""",
                "[SS144] The sample for 'x' does not fit Object: a[1] is -1E+400, beyond the range of a Double, "
                        + FLOAT64);
    }

    @Test
    void everyOtherPathChecksItsDtypesRange() {
        assertRefused(
                """
                @InputSchema(param = "x", ndarray = @NdArray(sample = "[1e39]", dtype = "float32"))
                public double run(float[] x) { return 0; }""",
                "[SS144] The sample for 'x' does not fit float[] (dtype float32): [0] is 1E+39, beyond float32's range");
        assertRefused(
                """
                @InputSchema(param = "x", ndarray = @NdArray(sample = "[1e400]"))
                public double run(NDArray x) { return 0; }""",
                "[SS144] The sample for 'x' does not fit dev.scorespec.runtime.NDArray (dtype float64): [0] is 1E+400, beyond float64's range");
        assertRefused("""
                @InputSchema(param = "x", standard = @Standard(sample = "1e39"))
                public double run(float x) { return 0; }""", "[SS144] The sample for 'x' does not fit float: the sample is 1E+39, beyond float's range");
        assertRefused(
                """
                @InputSchema(param = "x", dataframe = @DataFrame(sample = "[{\\"a\\": 1e400}]"))
                public double run(tech.tablesaw.api.Table x) { return 0; }""",
                "[SS166] Column 'a' of the @DataFrame sample for 'x' is a column of DOUBLE (a number), but row [0] holds "
                        + "1E+400");
        JavaFileObject source = Sources.source("Bad", """
                public class Bad {
                    public record R(@Standard(sample = "1e400") double a) {}
                    @InputSchema(param = "x")
                    public double run(R x) { return 0; }
                }
                """);
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[SS144] The sample for 'x.a' does not fit double: the sample is "
                        + "1E+400, beyond double's range")
                .inFile(source)
                .onLineContaining("@Standard(sample = \"1e400\")");
    }
}

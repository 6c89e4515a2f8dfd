package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every misuse is a compile error with a stable id, on the line of the annotation or element at
 * fault, saying what is wrong and how to fix it; and no file is written for the class.
 */
class DiagnosticsTest {

    /** Compiles a class Bad whose body is given, expecting exactly one error. */
    static void assertError(String body, String id, String text, String line) {
        JavaFileObject source = Sources.source("Bad", body);
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[" + id + "] " + text)
                .inFile(source)
                .onLineContaining(line);
    }

    private static Compilation compileQuietly(String body) {
        return Sources.compile(Sources.source("Bad", body));
    }

    @Test
    void unknownParam() {
        assertError(
                """
                public class Bad {
                    @InputSchema(param = "dat", ndarray = @NdArray(sample = "[1.0]"))
                    public double run(double[] data) { return 0; }
                }
                """,
                "SS130",
                "@InputSchema(param = \"dat\") names no parameter of run. Its parameters are: data.",
                "param = \"dat\"");
    }

    @Test
    void parameterWithoutSchema() {
        assertError("""
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    public double run(double[] data, String mode) { return 0; }
                }
                """, "SS131", "Parameter 'mode' of run has no @InputSchema", "public double run");
    }

    @Test
    void twoSchemasForOneParameter() {
        JavaFileObject source = Sources.source("Bad", """
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    @InputSchema(param = "data", standard = @Standard(sample = "[1.0]"))
                    public double run(double[] data) { return 0; }
                }
                """);
        Compilation compilation = Sources.compile(source);
        assertThat(compilation)
                .hadErrorContaining("[SS132] Parameter 'data' has 2 @InputSchema annotations")
                .inFile(source)
                .onLineContaining("ndarray = @NdArray(sample = \"[1.0]\"))");
        assertThat(compilation).hadErrorContaining("[SS132]").inFile(source).onLineContaining("standard = @Standard");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void twoSampleKindsInOneSchema() {
        assertError("""
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"), standard = @Standard(sample = "[1.0]"))
                    public double run(double[] data) { return 0; }
                }
                """, "SS133", "@InputSchema(param = \"data\") must give exactly one sample", "@InputSchema");
    }

    @Test
    void twoOutputSamples() {
        assertError("""
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    @OutputSchema(ndarray = @NdArray(sample = "[1.0]"), standard = @Standard(sample = "1.0"))
                    public double run(double[] data) { return 0; }
                }
                """, "SS150", "@OutputSchema must give exactly one sample", "@OutputSchema");
    }

    @Test
    void sampleIsNotJson() {
        assertError("""
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0, 2.0"))
                    public double run(double[] data) { return 0; }
                }
                """, "SS140", "The sample for 'data' is not valid JSON", "@InputSchema");
    }

    @Test
    void missingSampleResource() {
        assertError("""
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sampleResource = "nowhere.json"))
                    public double run(double[] data) { return 0; }
                }
                """, "SS134", "The @NdArray sample for 'data' names the resource \"nowhere.json\"", "@InputSchema");
    }

    @Test
    void raggedSample() {
        assertError(
                """
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[[1,2,3,4,5,6,7,8,9,10],[1,2,3,4,5,6,7,8,9]]"))
                    public double run(double[][] data) { return 0; }
                }
                """,
                "SS142",
                "The sample for 'data' is a ragged array: row [1] has 9 values, row [0] has 10 values. Make every "
                        + "row the same length.",
                "@InputSchema");
    }

    @Test
    void mixedSampleForNdArray() {
        assertError(
                """
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1, \\"a\\"]"))
                    public double run(NDArray data) { return 0; }
                }
                """,
                "SS143",
                "The sample for 'data' mixes element types in one array: [0] is an integer, [1] is a string.",
                "@InputSchema");
    }

    @Test
    void sampleDoesNotFitTheJavaType() {
        assertError(
                """
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[\\"a\\", \\"b\\"]"))
                    public double run(double[] data) { return 0; }
                }
                """,
                "SS144",
                "The sample for 'data' does not fit double[] (dtype float64): [0] is \"a\", not a number.",
                "@InputSchema");
    }

    @Test
    void standardSampleDoesNotFit() {
        assertError(
                """
                public class Bad {
                    @InputSchema(param = "when", standard = @Standard(sample = "\\"2020-13-45\\""))
                    public double run(LocalDate when) { return 0; }
                }
                """,
                "SS144",
                "The sample for 'when' does not fit LocalDate: the sample is \"2020-13-45\", not a date",
                "@InputSchema");
    }

    @Test
    void unknownDtype() {
        assertError(
                """
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]", dtype = "float128"))
                    public double run(NDArray data) { return 0; }
                }
                """,
                "SS145",
                "@NdArray(dtype = \"float128\") for 'data' is not a dtype ScoreSpec knows",
                "@InputSchema");
    }

    @Test
    void dtypeDoesNotMatchTheJavaArray() {
        assertError(
                """
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]", dtype = "float32"))
                    public double run(double[] data) { return 0; }
                }
                """,
                "SS146",
                "@NdArray(dtype = \"float32\") for 'data' stores float elements, but the Java type is "
                        + "double[]. Use float[], or dtype = \"float64\".",
                "@InputSchema");
    }

    @Test
    void rankDoesNotMatch() {
        assertError("""
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[[1.0, 2.0]]"))
                    public double run(double[] data) { return 0; }
                }
                """, "SS147", "The sample for 'data' has 2 dimension(s), but double[] has 1.", "@InputSchema");
    }

    @Test
    void unsupportedParameterType() {
        assertError("""
                public class Bad {
                    @InputSchema(param = "data", standard = @Standard(sample = "1"))
                    public double run(Thread data) { return 0; }
                }
                """, "SS138", "ScoreSpec cannot bind 'data' of type Thread", "@InputSchema");
    }

    @Test
    void runIsNotPublic() {
        assertError("""
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    double run(double[] data) { return 0; }
                }
                """, "SS113", "The scoring method 'run' must be public. Add the 'public' modifier.", "double run(");
    }

    @Test
    void runIsStatic() {
        assertError(
                """
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    public static double run(double[] data) { return 0; }
                }
                """,
                "SS114",
                "The scoring method 'run' must not be static: the server calls it on the instance that "
                        + "@Init prepared. Remove 'static'.",
                "public static double run(");
    }

    @Test
    void requestHeadersWithASchema() {
        assertError(
                """
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    @InputSchema(param = "headers", standard = @Standard(sample = "{\\"a\\": \\"b\\"}"))
                    public double run(double[] data,
                            @RequestHeaders Map<String, String> headers) { return 0; }
                }
                """,
                "SS136",
                "Parameter 'headers' is marked @RequestHeaders and also has an @InputSchema; headers do "
                        + "not come from the body. Remove one of them.",
                "@RequestHeaders Map<String, String> headers");
    }

    @Test
    void classCannotBeConstructed() {
        assertError(
                """
                public class Bad {
                    private Bad(String model) {}
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    public double run(double[] data) { return 0; }
                }
                """,
                "SS115",
                "ScoreSpec cannot create test.Bad: it needs a non-private constructor without parameters",
                "public class Bad");
    }

    @Test
    void moreThanOneRun() {
        JavaFileObject source = Sources.source("Bad", """
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    public double run(double[] data) { return 0; }
                    public double run(String text) { return 0; }
                }
                """);
        Compilation compilation = Sources.compile(source);
        assertThat(compilation)
                .hadErrorContaining("[SS111] Bad has 2 methods named 'run'")
                .inFile(source)
                .onLineContaining("run(String text)");
    }

    @Test
    void schemaOnAMethodNotNamedRun() {
        assertError(
                """
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    public double score(double[] data) { return 0; }
                }
                """,
                "SS112",
                "@InputSchema is on 'score', but the scoring method must be named 'run'",
                "public double score");
    }

    @Test
    void initWithWrongSignature() {
        assertError("""
                public class Bad {
                    @Init void init(String path) {}
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    public double run(double[] data) { return 0; }
                }
                """, "SS120", "@Init method 'init' must take no parameter or one ModelDir", "@Init");
    }

    @Test
    void twoInitMethods() {
        JavaFileObject source = Sources.source("Bad", """
                public class Bad {
                    @Init void load() {}
                    @Init void warm() {}
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    public double run(double[] data) { return 0; }
                }
                """);
        assertThat(Sources.compile(source))
                .hadErrorContaining("[SS121] Bad has 2 @Init methods")
                .inFile(source)
                .onLineContaining("void warm()");
    }

    @Test
    void requestHeadersMustBeAStringMap() {
        assertError(
                """
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    public double run(double[] data, @RequestHeaders Map<String, Object> headers) { return 0; }
                }
                """, "SS135", "@RequestHeaders parameter 'headers' must be a Map<String, String>", "@RequestHeaders");
    }

    @Test
    void optionalPrimitive() {
        assertError(
                """
                public class Bad {
                    @InputSchema(param = "scale", optional = true, standard = @Standard(sample = "1.5"))
                    public double run(double scale) { return 0; }
                }
                """,
                "SS137",
                "Parameter 'scale' is optional, so it receives null when the body leaves it out, but its "
                        + "type double cannot hold null.",
                "public double run");
    }

    @Test
    void outputOnVoidRun() {
        assertError("""
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    @OutputSchema(standard = @Standard(sample = "1.0"))
                    public void run(double[] data) {}
                }
                """, "SS151", "run returns void, so @OutputSchema has nothing to describe", "@OutputSchema");
    }

    @Test
    void outputSampleDoesNotFitTheReturnType() {
        assertError("""
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    @OutputSchema(standard = @Standard(sample = "\\"text\\""))
                    public double run(double[] data) { return 0; }
                }
                """, "SS144", "The sample for the output of run does not fit double", "@OutputSchema");
    }

    @Test
    void runWithoutSchemaNeedsOneStringParameter() {
        assertError(
                """
                @ScoringService
                public class Bad {
                    public String run(double[] data) { return ""; }
                }
                """,
                "SS139",
                "run(double[] data) has no @InputSchema, so it would receive the raw JSON body text",
                "public String run");
    }

    @Test
    void scoringServiceWithoutRun() {
        assertError("""
                @ScoringService
                public class Bad {
                    public String score(String body) { return body; }
                }
                """, "SS110", "@ScoringService class test.Bad has no 'run' method.", "public class Bad");
    }

    @Test
    void emptySample() {
        assertError(
                """
                public class Bad {
                    @InputSchema(param = "data", standard = @Standard(sample = "[]"))
                    public double run(List<Long> data) { return 0; }
                }
                """,
                "SS141",
                "The sample for 'data' is [], from which ScoreSpec cannot tell the element type.",
                "@InputSchema");
    }

    @Test
    void everyProblemOfAClassIsReportedInOneCompile() {
        Compilation compilation = compileQuietly("""
                public class Bad {
                    private Bad(int x) {}
                    @Init static void init() {}
                    @InputSchema(param = "dat", ndarray = @NdArray(sample = "[1.0]"))
                    double run(double[] data) { return 0; }
                }
                """);
        assertThat(compilation).hadErrorContaining("[SS115]");
        assertThat(compilation).hadErrorContaining("[SS120]");
        assertThat(compilation).hadErrorContaining("[SS113]");
        assertThat(compilation).hadErrorContaining("[SS130]");
    }

    @Test
    void aBadClassDoesNotStopTheOthers() {
        JavaFileObject bad = Sources.source("Bad", """
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "not json"))
                    public double run(double[] data) { return 0; }
                }
                """);
        JavaFileObject good = Sources.source("Good", """
                public class Good {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    public double run(double[] data) { return 0; }
                }
                """);
        Compilation compilation = Sources.compile(bad, good);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[SS140]").inFile(bad);
    }
}

package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.scorespec.processor.DiagnosticsTest.assertError;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Mistakes in nested parameters and outputs (records whose components carry samples) are compile errors
 * on the record component or its annotation; every sample error of a top-level sample works on a
 * component too, with the component's JSON path as its subject.
 */
class NestedDiagnosticsTest {

    @Test
    void componentWithoutSample() {
        assertError(
                """
                public class Bad {
                    public record Features(
                            @Standard(sample = "1.0") double a,
                            String b) {}

                    @InputSchema(param = "Inputs")
                    public double run(Features Inputs) { return 0; }
                }
                """,
                "SS180",
                "Component 'b' of Features has no sample, but 'Inputs' is nested: each component carries "
                        + "@NdArray(...), @DataFrame(...) or @Standard(...), or is itself such a record, or a List or array of one. "
                        + "Add a sample "
                        + "annotation to 'b'.",
                "String b");
    }

    @Test
    void componentWithoutSampleInsideAListOfRecords() {
        assertError(
                """
                public class Bad {
                    public record Row(@Standard(sample = "1.0") double a, Map<String, Double> extra) {}
                    public record Features(@Standard(sample = "1.0") double a, List<Row> rows) {}

                    @InputSchema(param = "Inputs")
                    public double run(Features Inputs) { return 0; }
                }
                """, "SS180", "Component 'extra' of Row has no sample, but 'Inputs.rows[]' is nested", "record Row(");
    }

    @Test
    void componentWithTwoSamples() {
        assertError(
                """
                public class Bad {
                    public record Features(
                            @Standard(sample = "[1.0]") @NdArray(sample = "[1.0]") double[] a) {}

                    @InputSchema(param = "Inputs")
                    public double run(Features Inputs) { return 0; }
                }
                """,
                "SS181",
                "Component 'a' of Features has 2 sample annotations (@NdArray and @Standard); give it "
                        + "exactly one.",
                "double[] a");
    }

    @Test
    void componentSampleUnderAWholeSampleIsIgnored() {
        assertError(
                """
                public class Bad {
                    public record Point(
                            @Standard(sample = "1.0")
                            double x) {}

                    @InputSchema(param = "p", standard = @Standard(sample = "{\\"x\\": 2.0}"))
                    public double run(Point p) { return 0; }
                }
                """,
                "SS182",
                "The @Standard on component 'x' of Point would be ignored: Point takes its type from the "
                        + "@Standard sample of 'p', which describes every component. Remove that sample to make 'p' nested, or "
                        + "remove the component's annotation.",
                "@Standard(sample = \"1.0\")");
    }

    @Test
    void componentSampleThatDoesNotFitIsReportedOnItsAnnotation() {
        assertError(
                """
                public class Bad {
                    public record Features(
                            @Standard(sample = "1.0") double a,
                            @Standard(sample = "\\"x\\"")
                            double b) {}

                    @InputSchema(param = "Inputs")
                    public double run(Features Inputs) { return 0; }
                }
                """,
                "SS144",
                "The sample for 'Inputs.b' does not fit double: the sample is \"x\", not a number.",
                "@Standard(sample = \"\\\"x\\\"\")");
    }

    @Test
    void raggedComponentSample() {
        assertError(
                """
                public class Bad {
                    public record Features(
                            @NdArray(sample = "[[1, 2], [3]]")
                            double[][] a) {}

                    @InputSchema(param = "Inputs")
                    public double run(Features Inputs) { return 0; }
                }
                """,
                "SS142",
                "The sample for 'Inputs.a' is a ragged array: row [1] has 1 values, row [0] has 2 values.",
                "@NdArray(sample = \"[[1, 2], [3]]\")");
    }

    @Test
    void componentSampleIsNotJson() {
        assertError("""
                public class Bad {
                    public record Inner(@NdArray(sample = "[1.0,") double[] a) {}
                    public record Features(@Standard(sample = "1") long n, Inner inner) {}

                    @InputSchema(param = "Inputs")
                    public double run(Features Inputs) { return 0; }
                }
                """, "SS140", "The sample for 'Inputs.inner.a' is not valid JSON", "record Inner(");
    }

    @Test
    void componentSampleGivesNoText() {
        assertError(
                """
                public class Bad {
                    public record Features(@Standard double a) {}

                    @InputSchema(param = "Inputs")
                    public double run(Features Inputs) { return 0; }
                }
                """,
                "SS134",
                "The @Standard sample for 'Inputs.a' gives neither sample nor sampleResource.",
                "record Features(");
    }

    @Test
    void componentDtypeDoesNotMatch() {
        assertError(
                """
                public class Bad {
                    public record Features(@NdArray(sample = "[1.0]", dtype = "float32") double[] a) {}

                    @InputSchema(param = "Inputs")
                    public double run(Features Inputs) { return 0; }
                }
                """,
                "SS146",
                "@NdArray(dtype = \"float32\") for 'Inputs.a' stores float elements, but the Java type is "
                        + "double[].",
                "record Features(");
    }

    @Test
    void outputComponentSampleNamesTheOutput() {
        assertError(
                """
                public class Bad {
                    public record Output(@Standard(sample = "[\\"a\\"]") List<Double> Results) {}

                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    @OutputSchema
                    public Output run(double[] data) { return null; }
                }
                """,
                "SS144",
                "The sample for 'Results' in the output of run does not fit Double: [0] is \"a\", not " + "a number.",
                "record Output(");
    }

    @Test
    void privateNestedRecord() {
        assertError(
                """
                public class Bad {
                    private record Features(@Standard(sample = "1.0") double a) {}

                    @InputSchema(param = "Inputs")
                    public double run(Features Inputs) { return 0; }
                }
                """,
                "SS138",
                "ScoreSpec cannot bind 'Inputs' of type Bad.Features: the record is private",
                "@InputSchema");
    }

    @Test
    void recordWithoutAnySampleIsAForgottenSample() {
        assertError(
                """
                public class Bad {
                    public record Plain(double a) {}

                    @InputSchema(param = "x")
                    public double run(Plain x) { return 0; }
                }
                """,
                "SS133",
                "@InputSchema(param = \"x\") must give exactly one sample, in ndarray = @NdArray(...), "
                        + "standard = @Standard(...) or dataframe = @DataFrame(...); it gives none. Only a nested parameter gives "
                        + "none: its type is then a record whose components carry their own samples",
                "@InputSchema");
    }

    @Test
    void outputWithoutSampleNeedsANestedRecord() {
        assertError(
                """
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    @OutputSchema
                    public double run(double[] data) { return 0; }
                }
                """,
                "SS150",
                "@OutputSchema must give exactly one sample, in ndarray = @NdArray(...), "
                        + "standard = @Standard(...) or dataframe = @DataFrame(...); it gives none. Only a nested output gives none",
                "@OutputSchema");
    }

    @Test
    void everyComponentProblemIsReportedInOneCompile() {
        JavaFileObject source = Sources.source("Bad", """
                public class Bad {
                    public record Features(
                            @Standard(sample = "true") double a,
                            String b,
                            @NdArray(sample = "[[1], [2, 3]]") long[][] c) {}

                    @InputSchema(param = "Inputs")
                    public double run(Features Inputs) { return 0; }
                }
                """);
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation)
                .hadErrorContaining("[SS144] The sample for 'Inputs.a'")
                .inFile(source)
                .onLineContaining("double a");
        assertThat(compilation)
                .hadErrorContaining("[SS180] Component 'b'")
                .inFile(source)
                .onLineContaining("String b");
        assertThat(compilation)
                .hadErrorContaining("[SS142] The sample for 'Inputs.c'")
                .inFile(source)
                .onLineContaining("long[][] c");
    }

    // ------------------------------------------------------------------ Power BI

    /** A valid Power BI output, so a test's only error is the one it is about. */
    private static final String OUTPUT = """
            @OutputSchema(standard = @Standard(sample = "{\\"Results\\": [1.0]}"))
            """;

    @Test
    void powerBiNeedsInputs() {
        assertError(
                """
                @ScoringService(powerBi = true)
                public class Bad {
                """ + OUTPUT + """
                    public Map<String, List<Double>> run() { return null; }
                }
                """,
                "SS190",
                "Power BI sends its input as the first parameter of run, named 'Inputs' (case-sensitive), "
                        + "but run has no body parameter. Declare 'Inputs' first",
                "@ScoringService(powerBi = true)");
    }

    @Test
    void powerBiNeedsInputsFirst() {
        assertError(
                """
                @ScoringService(powerBi = true)
                public class Bad {
                    public record Features(@Standard(sample = "1.0") double a) {}

                    @InputSchema(param = "GlobalParameters", optional = true, standard = @Standard(sample = "1.0"))
                    @InputSchema(param = "Inputs")
                """ + OUTPUT + """
                    public Map<String, List<Double>> run(Double GlobalParameters, Features Inputs) { return null; }
                }
                """,
                "SS190",
                "Power BI sends its input as the first parameter of run, named 'Inputs' (case-sensitive), "
                        + "but 'Inputs' comes after 'GlobalParameters'.",
                "@InputSchema(param = \"Inputs\")");
    }

    @Test
    void powerBiInputsMustBeNested() {
        assertError(
                """
                @ScoringService(powerBi = true)
                public class Bad {
                    @InputSchema(param = "Inputs", standard = @Standard(sample = "{\\"a\\": 1.0}"))
                """ + OUTPUT + """
                    public Map<String, List<Double>> run(Map<String, Double> Inputs) { return null; }
                }
                """,
                "SS191",
                "Power BI needs 'Inputs' to be nested, an object of named dataframes, arrays and values, "
                        + "but it has a sample, @Standard(...), which describes it whole.",
                "@InputSchema");
    }

    @Test
    void powerBiInputsMustBeOneRecord() {
        assertError(
                """
                @ScoringService(powerBi = true)
                public class Bad {
                    public record Features(@Standard(sample = "1.0") double a) {}

                    @InputSchema(param = "Inputs")
                """ + OUTPUT + """
                    public Map<String, List<Double>> run(List<Features> Inputs) { return null; }
                }
                """,
                "SS191",
                "Power BI needs 'Inputs' to be nested, an object of named dataframes, arrays and values, "
                        + "but it is a list of records (List<Bad.Features>), not one record.",
                "@InputSchema");
    }

    @Test
    void powerBiInputsAreOneLevelDeep() {
        assertError(
                """
                @ScoringService(powerBi = true)
                public class Bad {
                    public record Inner(@Standard(sample = "1.0") double b) {}
                    public record Features(
                            @Standard(sample = "1.0") double a,
                            Inner inner) {}

                    @InputSchema(param = "Inputs")
                """ + OUTPUT + """
                    public Map<String, List<Double>> run(Features Inputs) { return null; }
                }
                """,
                "SS192",
                "Power BI reads each field of 'Inputs' as a dataframe, an array or a plain value, one "
                        + "level deep, but component 'inner' is a nested record.",
                "Inner inner");
    }

    @Test
    void powerBiInputFieldsAreNotObjects() {
        assertError(
                """
                @ScoringService(powerBi = true)
                public class Bad {
                    public record Features(
                            @Standard(sample = "1.0") double a,
                            @Standard(sample = "[{\\"x\\": 1}]")
                            List<Map<String, Long>> points) {}

                    @InputSchema(param = "Inputs")
                """ + OUTPUT + """
                    public Map<String, List<Double>> run(Features Inputs) { return null; }
                }
                """,
                "SS192",
                "Power BI reads each field of 'Inputs' as a dataframe, an array or a plain value, one "
                        + "level deep, but component 'points' is a list of objects.",
                "@Standard(sample = \"[{");
    }

    @Test
    void powerBiSendsNoOtherParameter() {
        assertError(
                """
                @ScoringService(powerBi = true)
                public class Bad {
                    public record Features(@Standard(sample = "1.0") double a) {}

                    @InputSchema(param = "Inputs")
                    @InputSchema(param = "scale", standard = @Standard(sample = "1.0"))
                """ + OUTPUT + """
                    public Map<String, List<Double>> run(Features Inputs, double scale) { return null; }
                }
                """,
                "SS193",
                "Power BI sends only 'Inputs' and 'GlobalParameters' (case-sensitive), so run's parameter "
                        + "'scale' would never receive a value.",
                "@InputSchema(param = \"scale\"");
    }

    @Test
    void powerBiGlobalParametersArePlainValues() {
        assertError(
                """
                @ScoringService(powerBi = true)
                public class Bad {
                    public record Features(@Standard(sample = "1.0") double a) {}

                    @InputSchema(param = "Inputs")
                    @InputSchema(param = "GlobalParameters", optional = true, ndarray = @NdArray(sample = "[1.0]"))
                """ + OUTPUT + """
                    public Map<String, List<Double>> run(Features Inputs, double[] GlobalParameters) { return null; }
                }
                """,
                "SS194",
                "Power BI passes 'GlobalParameters' as plain values, but it has the sample ndarray = "
                        + "@NdArray(...). Give it a standard = @Standard(...) sample",
                "@InputSchema(param = \"GlobalParameters\"");
    }

    @Test
    void powerBiGlobalParametersAreNotNested() {
        assertError(
                """
                @ScoringService(powerBi = true)
                public class Bad {
                    public record Features(@Standard(sample = "1.0") double a) {}

                    @InputSchema(param = "Inputs")
                    @InputSchema(param = "GlobalParameters", optional = true)
                """ + OUTPUT + """
                    public Map<String, List<Double>> run(Features Inputs, Features GlobalParameters) { return null; }
                }
                """,
                "SS194",
                "Power BI passes 'GlobalParameters' as plain values, but it is nested.",
                "@InputSchema(param = \"GlobalParameters\"");
    }

    @Test
    void powerBiGlobalParametersAreOptional() {
        assertError(
                """
                @ScoringService(powerBi = true)
                public class Bad {
                    public record Features(@Standard(sample = "1.0") double a) {}

                    @InputSchema(param = "Inputs")
                    @InputSchema(param = "GlobalParameters", standard = @Standard(sample = "1.0"))
                """ + OUTPUT + """
                    public Map<String, List<Double>> run(Features Inputs, double GlobalParameters) { return null; }
                }
                """,
                "SS195",
                "Power BI may leave 'GlobalParameters' out, so it must be optional. Add optional = true "
                        + "to its @InputSchema",
                "@InputSchema(param = \"GlobalParameters\"");
    }

    @Test
    void powerBiNeedsAnOutputSchema() {
        assertError(
                """
                @ScoringService(powerBi = true)
                public class Bad {
                    public record Features(@Standard(sample = "1.0") double a) {}

                    @InputSchema(param = "Inputs")
                    public Map<String, List<Double>> run(Features Inputs) { return null; }
                }
                """,
                "SS196",
                "Power BI reads run's result as a JSON object whose schema it discovers, but run has no "
                        + "@OutputSchema. Describe it with @OutputSchema(standard = @Standard(sample = \"{\\\"Results\\\": [1.0]}\")) "
                        + "on a Map or record, or return a nested record.",
                "public Map<String, List<Double>> run");
    }

    @Test
    void powerBiOutputIsAnObject() {
        assertError(
                """
                @ScoringService(powerBi = true)
                public class Bad {
                    public record Features(@Standard(sample = "1.0") double a) {}

                    @InputSchema(param = "Inputs")
                    @OutputSchema(ndarray = @NdArray(sample = "[1.0]"))
                    public double[] run(Features Inputs) { return null; }
                }
                """,
                "SS196",
                "Power BI reads run's result as a JSON object whose schema it discovers, but its @OutputSchema describes an array.",
                "@OutputSchema");
    }

    @Test
    void powerBiOutputHasResults() {
        assertError(
                """
                @ScoringService(powerBi = true)
                public class Bad {
                    public record Features(@Standard(sample = "1.0") double a) {}
                    public record Output(@Standard(sample = "[1.0]") double[] results) {}

                    @InputSchema(param = "Inputs")
                    @OutputSchema
                    public Output run(Features Inputs) { return null; }
                }
                """,
                "SS197",
                "Power BI reads the predictions from the 'Results' key of run's result (case-sensitive), "
                        + "but the output has the keys 'results'. Name the key 'Results'.",
                "@OutputSchema");
    }

    @Test
    void powerBiReportsEveryDepartureInOneCompile() {
        JavaFileObject source = Sources.source("Bad", """
                @ScoringService(powerBi = true)
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    @InputSchema(param = "GlobalParameters", standard = @Standard(sample = "1.0"))
                    public double[] run(double[] data, Double GlobalParameters) { return data; }
                }
                """);
        Compilation compilation = Sources.compile(source);
        assertThat(compilation)
                .hadErrorContaining("[SS190] Power BI sends its input as the first parameter of run, "
                        + "named 'Inputs' (case-sensitive), but run has no parameter named 'Inputs' (its parameters are: data, "
                        + "GlobalParameters).")
                .inFile(source)
                .onLineContaining("@ScoringService");
        assertThat(compilation).hadErrorContaining("[SS193]").inFile(source).onLineContaining("param = \"data\"");
        assertThat(compilation)
                .hadErrorContaining("[SS195]")
                .inFile(source)
                .onLineContaining("param = \"GlobalParameters\"");
        assertThat(compilation).hadErrorContaining("[SS196]").inFile(source).onLineContaining("public double[] run");
        assertThat(compilation).hadErrorCount(4);
    }
}

package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Each mistake in a {@code @DataFrame} sample is one compile error with its id, on the annotation. */
class DataFrameDiagnosticsTest {

    /** Compiles a class Bad whose run takes a Table {@code data} with the given {@code @DataFrame} attributes. */
    private static void assertError(String dataframe, String id, String text) {
        assertError("""
                import tech.tablesaw.api.Table;

                public class Bad {
                    @InputSchema(param = "data", dataframe = @DataFrame(%s))
                    public int run(Table data) { return 0; }
                }
                """.formatted(dataframe), id, text, "@InputSchema");
    }

    private static void assertError(String body, String id, String text, String line) {
        JavaFileObject source = Sources.source("Bad", body);
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[" + id + "] " + text)
                .inFile(source)
                .onLineContaining(line);
    }

    @Test
    void javaTypeIsNotATable() {
        assertError(
                """
                public class Bad {
                    @InputSchema(param = "data", dataframe = @DataFrame(sample = "[{\\"a\\": 1}]"))
                    public int run(Map<String, List<Long>> data) { return 0; }
                }
                """,
                "SS160",
                "A @DataFrame sample binds to a Tablesaw Table, but 'data' is Map<String, List<Long>>. Declare"
                        + " it as tech.tablesaw.api.Table.",
                "@InputSchema");
    }

    @Test
    void outputTypeIsNotATable() {
        assertError(
                """
                import tech.tablesaw.api.Table;

                public class Bad {
                    @InputSchema(param = "data", dataframe = @DataFrame(sample = "[{\\"a\\": 1}]"))
                    @OutputSchema(dataframe = @DataFrame(sample = "[{\\"a\\": 1}]"))
                    public String run(Table data) { return ""; }
                }
                """,
                "SS160",
                "A @DataFrame sample binds to a Tablesaw Table, but the output of run is String.",
                "@OutputSchema");
    }

    @Test
    void sampleIsNeitherRowsNorColumns() {
        assertError(
                "sample = \"5\"",
                "SS161",
                "The @DataFrame sample for 'data' is 5. Write it as a list of rows,"
                        + " [{\"a\": 1, \"b\": \"x\"}, ...], or as an object of columns, {\"a\": [1, 2], \"b\": [\"x\", \"y\"]},"
                        + " whatever the orient.");
        assertError(
                "sample = \"[[1, 2]]\"",
                "SS161",
                "The @DataFrame sample for 'data' is a list whose row [0] is an array," + " not an object.");
        assertError(
                "orient = Orient.SPLIT, sample = \"{\\\"columns\\\": [\\\"a\\\"], \\\"index\\\": 0}\"",
                "SS161",
                "The @DataFrame sample for 'data' is an object whose 'index' is 0, not a list of the column's values.");
    }

    @Test
    void emptySample() {
        assertError(
                "sample = \"[]\"",
                "SS162",
                "The @DataFrame sample for 'data' has no rows, from which ScoreSpec cannot"
                        + " tell the columns and their types. Give at least one row with every column.");
        assertError("sample = \"{\\\"a\\\": []}\"", "SS162", "The @DataFrame sample for 'data' has no rows");
        assertError("sample = \"[{}]\"", "SS162", "The @DataFrame sample for 'data' has no columns");
    }

    @Test
    void raggedSample() {
        assertError(
                "sample = \"[{\\\"a\\\": 1, \\\"b\\\": 2}, {\\\"a\\\": 3}]\"",
                "SS163",
                "The @DataFrame sample for"
                        + " 'data' is not rectangular: row [1] has no value for column 'b'. Give every row a value for every column"
                        + " (null for a missing one).");
        assertError(
                "sample = \"{\\\"a\\\": [1, 2], \\\"b\\\": [1]}\"",
                "SS163",
                "The @DataFrame sample for 'data' is not" + " rectangular: column 'b' has 1 values, column 'a' has 2.");
    }

    @Test
    void columnMixesTypes() {
        assertError(
                "sample = \"{\\\"a\\\": [1, \\\"x\\\"]}\"",
                "SS164",
                "Column 'a' of the @DataFrame sample for 'data'"
                        + " mixes numbers (row [0]) and strings (row [1]). Make its values one type, or pin the column's type with"
                        + " columns = @DataFrame.Column(name = \"a\", type = ColumnKind...).");
    }

    @Test
    void pinnedColumnNotInTheSample() {
        assertError(
                "sample = \"{\\\"a\\\": [1], \\\"b\\\": [2]}\", columns = @DataFrame.Column(name = \"c\", type = ColumnKind.LONG)",
                "SS165",
                "@DataFrame.Column(name = \"c\") for 'data' names no column of the sample. Its columns are: a, b.");
    }

    @Test
    void sampleDoesNotFitThePinnedType() {
        assertError(
                "sample = \"{\\\"a\\\": [1.5]}\", columns = @DataFrame.Column(name = \"a\", type = ColumnKind.LONG)",
                "SS166",
                "Column 'a' of the @DataFrame sample for 'data' is pinned to LONG, but row [0] holds 1.5, which is"
                        + " not a 64-bit integer. Change the sample or the column's type.");
        assertError(
                "sample = \"{\\\"a\\\": [\\\"2020-01-01T00:00:00\\\", \\\"x\\\"]}\", columns = @DataFrame.Column(name = \"a\","
                        + " type = ColumnKind.DATE_TIME)",
                "SS166",
                "Column 'a' of the @DataFrame sample for 'data' is pinned to"
                        + " DATE_TIME, but row [1] holds \"x\", which is not a date-time without offset such as \"2020-01-02T03:04:05\".");
    }

    @Test
    void sampleHoldingTablesawsMissingValueMarker() {
        assertError(
                "sample = \"{\\\"a\\\": [1, -9223372036854775808]}\"",
                "SS166",
                "Column 'a' of the @DataFrame sample for" + " 'data' is a column of LONG");
        assertError(
                "sample = \"{\\\"a\\\": [-2147483648]}\", columns = @DataFrame.Column(name = \"a\", type = ColumnKind.INTEGER)",
                "SS166",
                "Column 'a' of the @DataFrame sample for 'data' is pinned to INTEGER, but row [0] holds -2147483648,"
                        + " which Tablesaw stores as a missing value. Change the sample or the column's type.");
    }

    @Test
    void sampleFinerThanTablesawKeeps() {
        assertError(
                "sample = \"{\\\"at\\\": [\\\"2020-01-01T00:00:00.123456\\\"]}\"",
                "SS166",
                "Column 'at' of the"
                        + " @DataFrame sample for 'data' is a column of DATE_TIME (a date-time without offset such as"
                        + " \"2020-01-02T03:04:05\"), but row [0] holds \"2020-01-01T00:00:00.123456\", finer than the millisecond"
                        + " Tablesaw keeps.");
    }

    @Test
    void columnPinnedTwice() {
        assertError(
                "sample = \"{\\\"a\\\": [1]}\", columns = {@DataFrame.Column(name = \"a\", type = ColumnKind.LONG),"
                        + " @DataFrame.Column(name = \"a\", type = ColumnKind.DOUBLE)}",
                "SS167",
                "Column 'a' of the @DataFrame for 'data' is pinned 2 times; pin it once.");
    }

    @Test
    void csvThatCannotBeRead() {
        assertError(
                "sampleResource = \"frames/broken.csv\", columns = @DataFrame.Column(name = \"id\", type = ColumnKind.LONG)",
                "SS168",
                "The CSV sampleResource \"frames/broken.csv\" for 'data' cannot be read: Error while adding cell"
                        + " from row 2 and column id(position:0)");
    }

    @Test
    void cellThatIsNotAValue() {
        assertError(
                "sample = \"[{\\\"a\\\": [1, 2]}]\"",
                "SS169",
                "Row [0] of column 'a' of the @DataFrame sample for"
                        + " 'data' is an array; a cell holds a number, string, boolean or null.");
    }

    @Test
    void columnOfNullsOnly() {
        assertError(
                "sample = \"{\\\"a\\\": [1], \\\"b\\\": [null]}\"",
                "SS170",
                "Column 'b' of the @DataFrame sample for"
                        + " 'data' holds only nulls, from which ScoreSpec cannot tell its type. Give a value, or pin its type with"
                        + " columns = @DataFrame.Column(name = \"b\", type = ...).");
    }

    @Test
    void pinsWithoutTypeEnforcement() {
        assertError(
                "sample = \"{\\\"a\\\": [1]}\", enforceColumnType = false, columns = @DataFrame.Column(name = \"a\","
                        + " type = ColumnKind.DOUBLE)",
                "SS171",
                "The @DataFrame for 'data' pins column types but has"
                        + " enforceColumnType = false, under which columns take their types from each request. Remove the pins or"
                        + " enforceColumnType = false.");
    }

    @Test
    void tableOrientWithAnIndexColumn() {
        assertError(
                "orient = Orient.TABLE, sample = \"{\\\"index\\\": [1], \\\"a\\\": [1]}\"",
                "SS172",
                "The @DataFrame for"
                        + " 'data' has orient TABLE and a column named 'index', which that orient uses for the row labels. Rename"
                        + " the column or choose another orient.");
    }

    @Test
    void moreThanOneSampleKind() {
        assertError(
                """
                import tech.tablesaw.api.Table;

                public class Bad {
                    @InputSchema(param = "data", dataframe = @DataFrame(sample = "[{\\"a\\": 1}]"), standard = @Standard(sample = "1"))
                    public int run(Table data) { return 0; }
                }
                """,
                "SS133",
                "@InputSchema(param = \"data\") must give exactly one sample, in ndarray = @NdArray(...),"
                        + " standard = @Standard(...) or dataframe = @DataFrame(...); it gives standard and dataframe.",
                "@InputSchema");
    }

    @Test
    void aTableWithAnotherSampleKind() {
        assertError(
                """
                import tech.tablesaw.api.Table;

                public class Bad {
                    @InputSchema(param = "data", standard = @Standard(sample = "[{\\"a\\": 1}]"))
                    public int run(Table data) { return 0; }
                }
                """,
                "SS138",
                "ScoreSpec cannot bind 'data' of type Table: a Tablesaw Table takes a dataframe sample,"
                        + " dataframe = @DataFrame(sample = ...).",
                "@InputSchema");
    }

    @Test
    void sampleAndResourceBoth() {
        assertError(
                "sample = \"[{\\\"a\\\": 1}]\", sampleResource = \"frames/wide.csv\"",
                "SS134",
                "The @DataFrame sample for 'data' gives both sample and sampleResource.");
    }
}

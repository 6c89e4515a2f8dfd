package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.scorespec.processor.BinderTest.bind;
import static dev.scorespec.processor.BinderTest.binder;
import static dev.scorespec.processor.BinderTest.reject;
import static dev.scorespec.processor.BinderTest.score;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.runtime.binding.ScoringBinder;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** Compiles scoring classes with {@code @DataFrame} samples and binds real payloads in every orient. */
class DataFrameBinderTest {

    /** The reference cases' frame: integer, double, string, boolean, naive date-time and timedelta columns. */
    private static final String SAMPLE = """
            {"i": [1, 2], "f": [1.5, 2.5], "s": ["a", "b"], "b": [true, false],
             "dt": ["2020-01-01T00:00:00", "2020-06-15T12:30:45"], "td": ["P1D", "PT2H"]}""";

    /** A class whose run sums column i and returns its table with a score column, in the same orient. */
    private static String scoring(String name, String orient) {
        return """
                import tech.tablesaw.api.*;

                public class %s {
                    @InputSchema(param = "data", dataframe = @DataFrame(orient = Orient.%s, sample = \"""
                            %s\"""))
                    @OutputSchema(dataframe = @DataFrame(orient = Orient.%s, sample = "[{\\"i\\": 1, \\"score\\": 0.5}]"))
                    public Table run(Table data) {
                        DoubleColumn score = DoubleColumn.create("score");
                        for (int row = 0; row < data.rowCount(); row++) {
                            score.append(data.doubleColumn("f").getDouble(row) * 2);
                        }
                        return Table.create("out", data.longColumn("i").copy(), score);
                    }
                }
                """.formatted(name, orient, SAMPLE.indent(8).strip(), orient);
    }

    private static Table data(Record arguments) throws ReflectiveOperationException {
        return (Table) arguments.getClass().getMethod("data").invoke(arguments);
    }

    private enum Orient {
        RECORDS("""
                [{"i": 3, "f": 0.5, "s": "x", "b": false, "dt": "2021-01-01T00:00:00.000", "td": "P3DT0H0M0S"},
                 {"td": "PT4M", "dt": "2021-12-31T23:59:59", "b": true, "s": "y", "f": 7, "i": 4}]""", "[{\"i\":3,\"score\":1.0},{\"i\":4,\"score\":14.0}]"),
        INDEX("""
                {"0": {"i": 3, "f": 0.5, "s": "x", "b": false, "dt": "2021-01-01T00:00:00.000", "td": "P3DT0H0M0S"},
                 "1": {"td": "PT4M", "dt": "2021-12-31T23:59:59", "b": true, "s": "y", "f": 7, "i": 4}}""", "{\"0\":{\"i\":3,\"score\":1.0},\"1\":{\"i\":4,\"score\":14.0}}"),
        COLUMNS("""
                {"i": {"0": 3, "1": 4}, "f": {"0": 0.5, "1": 7}, "s": {"0": "x", "1": "y"}, "b": {"0": false, "1": true},
                 "dt": {"0": "2021-01-01T00:00:00.000", "1": "2021-12-31T23:59:59"}, "td": {"1": "PT4M", "0": "P3DT0H0M0S"}}""", "{\"i\":{\"0\":3,\"1\":4},\"score\":{\"0\":1.0,\"1\":14.0}}"),
        SPLIT("""
                {"columns": ["i", "f", "s", "b", "dt", "td"], "index": [0, 1],
                 "data": [[3, 0.5, "x", false, "2021-01-01T00:00:00.000", "P3DT0H0M0S"],
                          [4, 7, "y", true, "2021-12-31T23:59:59", "PT4M"]]}""", "{\"columns\":[\"i\",\"score\"],\"index\":[0,1],\"data\":[[3,1.0],[4,14.0]]}"),
        VALUES("""
                [[3, 0.5, "x", false, "2021-01-01T00:00:00.000", "P3DT0H0M0S"],
                 [4, 7, "y", true, "2021-12-31T23:59:59", "PT4M"]]""", "[[3,1.0],[4,14.0]]"),
        TABLE(
                """
                {"schema": {"fields": [{"name": "index", "type": "integer"}, {"name": "i", "type": "integer"}],
                            "primaryKey": ["index"], "pandas_version": "1.4.0"},
                 "data": [{"index": 0, "i": 3, "f": 0.5, "s": "x", "b": false, "dt": "2021-01-01T00:00:00.000", "td": "P3DT0H0M0S"},
                          {"index": 1, "td": "PT4M", "dt": "2021-12-31T23:59:59", "b": true, "s": "y", "f": 7, "i": 4}]}""",
                "{\"schema\":{\"fields\":[{\"name\":\"index\",\"type\":\"integer\"},{\"name\":\"i\",\"type\":\"integer\"},"
                        + "{\"name\":\"score\",\"type\":\"number\"}],\"primaryKey\":[\"index\"],\"pandas_version\":\"1.4.0\"},"
                        + "\"data\":[{\"index\":0,\"i\":3,\"score\":1.0},{\"index\":1,\"i\":4,\"score\":14.0}]}");

        final String payload;
        final String answer;

        Orient(String payload, String answer) {
            this.payload = payload;
            this.answer = answer;
        }
    }

    @ParameterizedTest
    @EnumSource(Orient.class)
    void everyOrientBindsRunsAndWritesBack(Orient orient) throws Exception {
        String name = "Frame" + orient.ordinal();
        var binder = binder(name, scoring(name, orient.name()));
        Table data = data(bind(binder, "{\"data\": " + orient.payload + "}"));
        assertEquals(List.of("i", "f", "s", "b", "dt", "td"), data.columnNames());
        assertEquals(
                List.of(
                        ColumnType.LONG,
                        ColumnType.DOUBLE,
                        ColumnType.STRING,
                        ColumnType.BOOLEAN,
                        ColumnType.LOCAL_DATE_TIME,
                        ColumnType.LONG),
                List.of(data.typeArray()));
        assertEquals(List.of(3L, 4L), data.longColumn("i").asList());
        assertEquals(List.of(0.5, 7.0), data.doubleColumn("f").asList());
        assertEquals(
                LocalDateTime.of(2021, 12, 31, 23, 59, 59),
                data.dateTimeColumn("dt").get(1));
        assertEquals(
                List.of(3 * 86_400_000_000_000L, 240_000_000_000L),
                data.longColumn("td").asList());
        assertEquals(orient.answer, score(binder, "{\"data\": " + orient.payload + "}"));
    }

    private static final Map<String, ScoringBinder<Record, Object>> BINDERS = new ConcurrentHashMap<>();

    /** The binder of the scoring class for an orient, compiled once. */
    private static ScoringBinder<Record, Object> binderFor(Orient orient) {
        return BINDERS.computeIfAbsent(orient.name(), o -> {
            try {
                return binder("Frame" + o, scoring("Frame" + o, o));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** One row, value texts by column, as a body in an orient. */
    private static String body(Orient orient, Map<String, String> row) {
        String object = row.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
        String values = String.join(", ", row.values());
        String data = switch (orient) {
            case RECORDS -> "[" + object + "]";
            case INDEX -> "{\"0\": " + object + "}";
            case COLUMNS ->
                row.entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\": {\"0\": " + e.getValue() + "}")
                        .collect(Collectors.joining(", ", "{", "}"));
            case SPLIT ->
                "{\"columns\": "
                        + row.keySet().stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", ", "[", "]"))
                        + ", \"index\": [0], \"data\": [[" + values + "]]}";
            case VALUES -> "[[" + values + "]]";
            case TABLE ->
                "{\"schema\": {\"fields\": [], \"primaryKey\": [\"index\"], \"pandas_version\": \"1.4.0\"},"
                        + " \"data\": [{\"index\": 0, " + object.substring(1) + "]}";
        };
        return "{\"data\": " + data + "}";
    }

    private static Map<String, String> row() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("i", "3");
        row.put("f", "0.5");
        row.put("s", "\"x\"");
        row.put("b", "false");
        row.put("dt", "\"2021-01-01T00:00:00\"");
        row.put("td", "\"PT1S\"");
        return row;
    }

    /** The JSON path of a cell of row 0 in each orient. */
    private static String cell(Orient orient, String column, int position) {
        return switch (orient) {
            case RECORDS -> "data[0]." + column;
            case INDEX -> "data.0." + column;
            case COLUMNS -> "data." + column + ".0";
            case SPLIT -> "data.data[0][" + position + "]";
            case VALUES -> "data[0][" + position + "]";
            case TABLE -> "data.data[0]." + column;
        };
    }

    @ParameterizedTest
    @EnumSource(Orient.class)
    void everyOrientNamesTheColumnAndRowAtFault(Orient orient) throws Exception {
        var binder = binderFor(orient);
        assertEquals(
                List.of("i", "f", "s", "b", "dt", "td"),
                data(bind(binder, body(orient, row()))).columnNames());

        Map<String, String> missing = row();
        // By position in orient values, a missing column is a short row: leave out the last.
        missing.remove(orient == Orient.VALUES ? "td" : "f");
        assertEquals(
                switch (orient) {
                    case RECORDS -> "data[0]: missing column 'f' in row 0";
                    case INDEX -> "data.0: missing column 'f' in row 0";
                    case COLUMNS -> "data: missing column 'f'";
                    case SPLIT -> "data.columns: missing column 'f'";
                    case VALUES -> "data[0]: row 0 has 5 values, but there are 6 columns: i, f, s, b, dt, td";
                    case TABLE -> "data.data[0]: missing column 'f' in row 0";
                },
                reject(binder, body(orient, missing)),
                "missing column");

        Map<String, String> extra = row();
        extra.put("z", "1");
        assertEquals(
                switch (orient) {
                    case RECORDS -> "data[0].z: unknown column 'z' in row 0; the columns are i, f, s, b, dt, td";
                    case INDEX -> "data.0.z: unknown column 'z' in row 0; the columns are i, f, s, b, dt, td";
                    case COLUMNS -> "data.z: unknown column 'z'; the columns are i, f, s, b, dt, td";
                    case SPLIT -> "data.columns[6]: unknown column 'z'; the columns are i, f, s, b, dt, td";
                    case VALUES -> "data[0][6]: row 0 has more values than the 6 columns i, f, s, b, dt, td";
                    case TABLE -> "data.data[0].z: unknown column 'z' in row 0; the columns are i, f, s, b, dt, td";
                },
                reject(binder, body(orient, extra)),
                "extra column");

        Map<String, String> text = row();
        text.put("i", "\"3\"");
        assertEquals(
                cell(orient, "i", 0) + ": column 'i' (integer) cannot take the string \"3\" in row 0",
                reject(binder, body(orient, text)),
                "string in an integer column");

        Map<String, String> date = row();
        date.put("dt", "\"2021-02-30T00:00:00\"");
        assertEquals(
                cell(orient, "dt", 4) + ": column 'dt' (date-time without offset, like 2020-01-02T03:04:05) cannot"
                        + " take the string \"2021-02-30T00:00:00\" in row 0",
                reject(binder, body(orient, date)),
                "bad date");
    }

    @Test
    void recordsRejectWithColumnAndRow() throws Exception {
        var binder = binder("Records", scoring("Records", "RECORDS"));
        String row =
                "\"i\": 3, \"f\": 0.5, \"s\": \"x\", \"b\": false, \"dt\": \"2021-01-01T00:00:00\", \"td\": \"PT1S\"";
        assertEquals(
                "data[1]: missing column 'f' in row 1",
                reject(binder, "{\"data\": [{" + row + "}, {" + row.replace("\"f\": 0.5, ", "") + "}]}"));
        assertEquals(
                "data[0].z: unknown column 'z' in row 0; the columns are i, f, s, b, dt, td",
                reject(binder, "{\"data\": [{" + row + ", \"z\": 1}]}"));
        assertEquals(
                "data[0].i: column 'i' (integer) cannot take the string \"3\" in row 0",
                reject(binder, "{\"data\": [{" + row.replace("\"i\": 3", "\"i\": \"3\"") + "}]}"));
        assertEquals(
                "data[0].dt: column 'dt' (date-time without offset, like 2020-01-02T03:04:05) cannot take the string"
                        + " \"2021-01-01\" in row 0",
                reject(binder, "{\"data\": [{" + row.replace("T00:00:00", "") + "}]}"));
        assertEquals(
                "data: expected a list of row objects (orient 'records'), got an object",
                reject(binder, "{\"data\": {}}"));
        assertEquals("A value is not provided for the 'data' parameter.", reject(binder, "{}"));
    }

    @Test
    void valuesAndSplitRejectWrongRowLengths() throws Exception {
        var values = binder("Values", scoring("Values", "VALUES"));
        assertEquals(
                "data[0]: row 0 has 5 values, but there are 6 columns: i, f, s, b, dt, td",
                reject(values, "{\"data\": [[3, 0.5, \"x\", false, \"2021-01-01T00:00:00\"]]}"));
        assertEquals(
                "data[0][1]: column 'f' (double) cannot take the string \"abc\" in row 0",
                reject(values, "{\"data\": [[3, \"abc\", \"x\", false, \"2021-01-01T00:00:00\", \"PT1S\"]]}"));
        var split = binder("Split", scoring("Split", "SPLIT"));
        assertEquals(
                "data.data[0][6]: row 0 has more values than the 6 columns i, f, s, b, dt, td",
                reject(
                        split,
                        "{\"data\": {\"columns\": [\"i\", \"f\", \"s\", \"b\", \"dt\", \"td\"], \"index\": [0],"
                                + " \"data\": [[3, 0.5, \"x\", false, \"2021-01-01T00:00:00\", \"PT1S\", 1]]}}"));
    }

    @Test
    void nullsWhereTheSampleHasThem() throws Exception {
        var binder = binder("Nulls", """
                import tech.tablesaw.api.*;

                public class Nulls {
                    @InputSchema(param = "rows", dataframe = @DataFrame(sample = "[{\\"x\\": 1.5, \\"n\\": \\"a\\"}, {\\"x\\": null, \\"n\\": \\"b\\"}]"))
                    public int run(Table rows) {
                        return rows.doubleColumn("x").countMissing();
                    }
                }
                """);
        assertEquals("2", score(binder, "{\"rows\": [{\"x\": null, \"n\": \"a\"}, {\"x\": null, \"n\": \"b\"}]}"));
        assertEquals(
                "rows[0].n: column 'n' (string) cannot take null in row 0",
                reject(binder, "{\"rows\": [{\"x\": 1, \"n\": null}]}"));
    }

    @Test
    void pinnedTypesAndRelaxedEnforcement() throws Exception {
        var binder = binder("Pinned", """
                import tech.tablesaw.api.*;

                public class Pinned {
                    @InputSchema(param = "a", dataframe = @DataFrame(sample = "{\\"n\\": [1], \\"when\\": [\\"2020-01-02\\"]}",
                            columns = {@DataFrame.Column(name = "n", type = ColumnKind.DOUBLE),
                                       @DataFrame.Column(name = "when", type = ColumnKind.STRING)}))
                    @InputSchema(param = "b", dataframe = @DataFrame(sample = "{\\"n\\": [1]}", orient = Orient.VALUES,
                            enforceColumnType = false, enforceShape = false))
                    public String run(Table a, Table b) {
                        return a.column("n").type() + " " + a.column("when").type() + " " + b.columnNames()
                                + " " + List.of(b.typeArray());
                    }
                }
                """);
        assertEquals(
                "\"DOUBLE STRING [n, 1] [STRING, BOOLEAN]\"",
                score(binder, "{\"a\": [{\"n\": 2, \"when\": \"soon\"}], \"b\": [[\"x\", true]]}"));
    }

    @Test
    void aCsvSampleIsTypedByTablesaw() throws Exception {
        String body = """
                import tech.tablesaw.api.*;

                public class Wide {
                    @InputSchema(param = "data", dataframe = @DataFrame(sampleResource = "frames/wide.csv"))
                    public String run(Table data) {
                        return List.of(data.typeArray()).toString();
                    }
                }
                """;
        var binder = binder("Wide", body);
        assertEquals(
                "\"[LONG, DOUBLE, STRING, BOOLEAN, LOCAL_DATE_TIME, LOCAL_DATE, INSTANT, LONG]\"", score(binder, """
                {"data": [{"id": 7, "score": null, "label": "x", "active": true, "seen": "2021-01-01T10:00:00",
                           "day": "2021-01-02", "at": "2021-01-01T10:00:00-05:00", "wait": "PT30M"}]}"""));
        JsonNode document = new ObjectMapper()
                .readTree(new CompiledClasses(Sources.compile(Sources.source("Wide", body)))
                        .document("test.Wide", OpenApiVersion.V3_1));
        JsonNode input = document.at("/components/schemas/ServiceInput");
        assertEquals(new ObjectMapper().readTree("""
                {"id": {"type": "integer", "format": "int64"}, "score": {"type": ["number", "null"], "format": "double"},
                 "label": {"type": "string"}, "active": {"type": "boolean"},
                 "seen": {"type": "string", "format": "date-time-local"}, "day": {"type": "string", "format": "date"},
                 "at": {"type": "string", "format": "date-time"}, "wait": {"type": "string", "format": "timedelta"}}"""), input.at("/properties/data/items/properties"));
        assertEquals(new ObjectMapper().readTree("""
                [{"id": 1, "score": 0.5, "label": "a", "active": true, "seen": "2020-01-01T10:00:00.000", "day": "2020-01-02",
                  "at": "2020-01-01T00:00:00.000Z", "wait": "P0DT1H0M0S"},
                 {"id": 2, "score": null, "label": "b, c", "active": false, "seen": "2020-01-02T11:30:00.000",
                  "day": "2020-01-03", "at": "2019-12-31T22:00:00.000Z", "wait": "P1DT0H0M0S"}]"""), input.at("/example/data"));
    }

    @Test
    void missingValueWordsAreNotDates() throws Exception {
        // Tablesaw's parsers say they can parse "NA"; a column of it is a column of strings.
        var binder = binder("Words", """
                import tech.tablesaw.api.*;

                public class Words {
                    @InputSchema(param = "data", dataframe = @DataFrame(sample = "{\\"a\\": [\\"NA\\", \\"null\\"], \\"d\\": [\\"2020-01-02\\", \\"NA\\"]}"))
                    public String run(Table data) { return data.column("a").type() + " " + data.column("d").type(); }
                }
                """);
        assertEquals("\"STRING STRING\"", score(binder, "{\"data\": [{\"a\": \"x\", \"d\": \"y\"}]}"));
    }

    @Test
    void aTableWithoutOutputSampleIsWrittenAsPandasDoesByDefault() throws Exception {
        var binder = binder("Plain", """
                import tech.tablesaw.api.*;

                public class Plain {
                    @InputSchema(param = "data", dataframe = @DataFrame(sample = "[{\\"x\\": 1}]"))
                    public Table run(Table data) {
                        return data;
                    }
                }
                """);
        // Orient columns, an object, as the output schema {"type": "object"} says.
        assertEquals("{\"x\":{\"0\":1,\"1\":2}}", score(binder, "{\"data\": [{\"x\": 1}, {\"x\": 2}]}"));
    }

    @Test
    void generatedSourceHoldsTheColumnsAsAConstant() throws Exception {
        Compilation compilation = Sources.compile(Sources.source("Constant", scoring("Constant", "SPLIT")));
        assertThat(compilation).succeededWithoutWarnings();
        String source = compilation
                .generatedSourceFile("test.Constant_ScoreSpec")
                .orElseThrow()
                .getCharContent(true)
                .toString();
        assertTrue(source.contains("""
                    private static final DataFrameSpec DATA_FRAME = DataFrameSpec.of("data", Orient.SPLIT, true, true,
                                column("i", ColumnKind.LONG),
                                column("f", ColumnKind.DOUBLE),
                                column("s", ColumnKind.STRING),
                                column("b", ColumnKind.BOOLEAN),
                                column("dt", ColumnKind.DATE_TIME),
                                column("td", ColumnKind.TIMEDELTA));"""), source);
        assertTrue(source.contains("return DataFrameReader.read(json, DATA_FRAME);"), source);
        assertTrue(source.contains("DataFrameWriter.write(out, result, RESULT_FRAME);"), source);
        assertTrue(
                source.contains("Reads {@code data}: a dataframe in orient split with the columns i (long), f (double),"
                        + " s (string), b (boolean), dt (date-time), td (timedelta)."),
                source);
        assertTrue(
                source.contains("The columns of the sample of {@code data}, in orient split: what requests must have."),
                source);
        assertTrue(
                source.contains("The columns of the output sample, in orient split: how run's tables are written."),
                source);
        assertTrue(source.contains("import static dev.scorespec.runtime.binding.DataFrameSpec.column;"), source);
        assertTrue(!source.contains("nullableColumn"), "no unused import: " + source);
    }
}

package dev.scorespec.runtime.binding;

import static dev.scorespec.runtime.binding.DataFrameSpec.column;
import static dev.scorespec.runtime.binding.DataFrameSpec.nullableColumn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scorespec.annotations.ColumnKind;
import dev.scorespec.annotations.Orient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class DataFrameReaderTest {

    /** The reference cases' frame: int64, float64, str, bool, naive datetime64 and timedelta64 columns. */
    private static DataFrameSpec mixed(Orient orient) {
        return DataFrameSpec.of(
                "data",
                orient,
                true,
                true,
                column("i", ColumnKind.LONG),
                column("f", ColumnKind.DOUBLE),
                column("s", ColumnKind.STRING),
                column("b", ColumnKind.BOOLEAN),
                column("dt", ColumnKind.DATE_TIME),
                column("td", ColumnKind.TIMEDELTA));
    }

    private static final String ROW_0 =
            "\"i\": 1, \"f\": 1.5, \"s\": \"a\", \"b\": true, \"dt\": \"2020-01-01T00:00:00.000\", \"td\": \"P1DT0H0M0S\"";
    private static final String ROW_1 =
            "\"i\": 2, \"f\": 2, \"s\": \"b\", \"b\": false, \"dt\": \"2020-06-15T12:30:45\", \"td\": \"PT2H\"";
    private static final String VALUES_0 = "1, 1.5, \"a\", true, \"2020-01-01T00:00:00.000\", \"P1DT0H0M0S\"";
    private static final String VALUES_1 = "2, 2, \"b\", false, \"2020-06-15T12:30:45\", \"PT2H\"";

    /** Reads {@code {"data": json, "after": 1}}, checking that the parser ends on the value's last token. */
    private static Table read(String json, DataFrameSpec spec) throws IOException {
        JsonParser p = Json.at("data", json + ", \"after\": 1");
        Table table = DataFrameReader.read(p, spec);
        assertTrue(p.currentToken() == JsonToken.END_ARRAY || p.currentToken() == JsonToken.END_OBJECT);
        assertEquals(JsonToken.FIELD_NAME, p.nextToken());
        assertEquals("after", p.currentName());
        return table;
    }

    private static String fails(String json, DataFrameSpec spec) {
        return assertThrows(BindingException.class, () -> DataFrameReader.read(Json.at("data", json), spec))
                .getMessage();
    }

    /** The two rows of every orient's valid example, as the frame's first two rows. */
    private static void assertMixedRows(Table table) {
        assertEquals("data", table.name());
        assertEquals(List.of("i", "f", "s", "b", "dt", "td"), table.columnNames());
        assertEquals(
                List.of(
                        ColumnType.LONG,
                        ColumnType.DOUBLE,
                        ColumnType.STRING,
                        ColumnType.BOOLEAN,
                        ColumnType.LOCAL_DATE_TIME,
                        ColumnType.LONG),
                List.of(table.typeArray()));
        assertEquals(2, table.rowCount());
        assertEquals(1L, table.longColumn("i").get(0));
        assertEquals(2L, table.longColumn("i").get(1));
        assertEquals(1.5, table.doubleColumn("f").getDouble(0));
        assertEquals(2.0, table.doubleColumn("f").getDouble(1));
        assertEquals("a", table.stringColumn("s").get(0));
        assertEquals(false, table.booleanColumn("b").get(1));
        assertEquals(
                LocalDateTime.of(2020, 1, 1, 0, 0), table.dateTimeColumn("dt").get(0));
        assertEquals(
                LocalDateTime.of(2020, 6, 15, 12, 30, 45),
                table.dateTimeColumn("dt").get(1));
        assertEquals(Duration.ofDays(1).toNanos(), table.longColumn("td").getLong(0));
        assertEquals(Duration.ofHours(2).toNanos(), table.longColumn("td").getLong(1));
    }

    // ------------------------------------------------------------------------- valid, per orient

    @Test
    void records() throws IOException {
        assertMixedRows(read("[{" + ROW_0 + "}, {" + ROW_1 + "}]", mixed(Orient.RECORDS)));
    }

    @Test
    void recordsInAnyKeyOrder() throws IOException {
        Table table = read(
                "[{\"td\": \"PT1S\", \"dt\": \"2020-01-01T00:00:00\", \"b\": true, \"s\": \"x\", \"f\": 0.5, \"i\": 3},"
                        + " {" + ROW_1 + "}]",
                mixed(Orient.RECORDS));
        assertEquals(List.of("i", "f", "s", "b", "dt", "td"), table.columnNames());
        assertEquals(3L, table.longColumn("i").get(0));
        assertEquals(1_000_000_000L, table.longColumn("td").getLong(0));
        assertEquals("b", table.stringColumn("s").get(1));
    }

    @Test
    void index() throws IOException {
        assertMixedRows(read("{\"0\": {" + ROW_0 + "}, \"1\": {" + ROW_1 + "}}", mixed(Orient.INDEX)));
    }

    @Test
    void columns() throws IOException {
        assertMixedRows(read("""
                {"i": {"0": 1, "1": 2}, "f": {"0": 1.5, "1": 2}, "s": {"0": "a", "1": "b"}, "b": {"0": true, "1": false},
                 "dt": {"0": "2020-01-01T00:00:00.000", "1": "2020-06-15T12:30:45"}, "td": {"0": "P1DT0H0M0S", "1": "PT2H"}}""", mixed(Orient.COLUMNS)));
    }

    @Test
    void columnsAreMatchedByRowLabel() throws IOException {
        Table table = read(
                """
                {"s": {"x": "a", "y": "b", "z": "c"}, "i": {"z": 3, "x": 1, "y": 2}}""",
                DataFrameSpec.of(
                        "t", Orient.COLUMNS, true, true, column("i", ColumnKind.LONG), column("s", ColumnKind.STRING)));
        assertEquals(List.of("i", "s"), table.columnNames());
        assertEquals(List.of(1L, 2L, 3L), table.longColumn("i").asList());
        assertEquals(List.of("a", "b", "c"), table.stringColumn("s").asList());
    }

    @Test
    void split() throws IOException {
        assertMixedRows(read(
                "{\"columns\": [\"i\", \"f\", \"s\", \"b\", \"dt\", \"td\"], \"index\": [0, 1], \"data\": [[" + VALUES_0
                        + "], [" + VALUES_1 + "]]}",
                mixed(Orient.SPLIT)));
    }

    @Test
    void splitFollowsItsColumnsOrder() throws IOException {
        Table table = read(
                "{\"index\": [7], \"columns\": [\"td\", \"dt\", \"b\", \"s\", \"f\", \"i\"], \"data\": "
                        + "[[\"PT1S\", \"2020-01-01T00:00:00\", true, \"x\", 0.5, 3]]}",
                mixed(Orient.SPLIT));
        assertEquals(List.of("i", "f", "s", "b", "dt", "td"), table.columnNames());
        assertEquals(3L, table.longColumn("i").get(0));
        assertEquals("x", table.stringColumn("s").get(0));
    }

    @Test
    void splitWithDataFirstReadsTheSampleOrder() throws IOException {
        assertMixedRows(read(
                "{\"data\": [[" + VALUES_0 + "], [" + VALUES_1 + "]], \"index\": [0, 1],"
                        + " \"columns\": [\"i\", \"f\", \"s\", \"b\", \"dt\", \"td\"]}",
                mixed(Orient.SPLIT)));
        assertEquals(
                "data.columns[0]: expected column 'i' here: 'data' came before 'columns', so its rows were read in"
                        + " the sample's column order (i, f, s, b, dt, td); send 'columns' first to give another order",
                fails(
                        "{\"data\": [], \"index\": [], \"columns\": [\"f\", \"i\", \"s\", \"b\", \"dt\", \"td\"]}",
                        mixed(Orient.SPLIT)));
    }

    @Test
    void values() throws IOException {
        assertMixedRows(read("[[" + VALUES_0 + "], [" + VALUES_1 + "]]", mixed(Orient.VALUES)));
    }

    @Test
    void table() throws IOException {
        assertMixedRows(read("""
                {"schema": {"fields": [{"name": "index", "type": "integer"}, {"name": "i", "type": "integer"},
                   {"name": "f", "type": "number"}, {"name": "s", "type": "string"}, {"name": "b", "type": "boolean"},
                   {"name": "dt", "type": "datetime"}, {"name": "td", "type": "duration"}],
                  "primaryKey": ["index"], "pandas_version": "1.4.0"},
                 "data": [{"index": 0, %s}, {"index": 1, %s}]}""".formatted(ROW_0, ROW_1), mixed(Orient.TABLE)));
    }

    @ParameterizedTest
    @EnumSource(Orient.class)
    void noRowsIsAnEmptyFrameWithTheSampleColumns(Orient orient) throws IOException {
        String empty = switch (orient) {
            case RECORDS, VALUES -> "[]";
            case INDEX -> "{}";
            case COLUMNS -> "{\"i\": {}, \"f\": {}, \"s\": {}, \"b\": {}, \"dt\": {}, \"td\": {}}";
            case SPLIT -> "{\"columns\": [\"i\", \"f\", \"s\", \"b\", \"dt\", \"td\"], \"index\": [], \"data\": []}";
            case TABLE ->
                "{\"schema\": {\"fields\": [], \"primaryKey\": [], \"pandas_version\": \"1.4.0\"}, \"data\": []}";
        };
        Table table = read(empty, mixed(orient));
        assertEquals(0, table.rowCount());
        assertEquals(List.of("i", "f", "s", "b", "dt", "td"), table.columnNames());
    }

    @Test
    void everyKindReadsItsText() throws IOException {
        DataFrameSpec spec = DataFrameSpec.of(
                "t",
                Orient.RECORDS,
                true,
                true,
                column("int", ColumnKind.INTEGER),
                column("date", ColumnKind.DATE),
                column("at", ColumnKind.INSTANT),
                column("time", ColumnKind.TIME),
                column("td", ColumnKind.TIMEDELTA),
                column("l", ColumnKind.LONG));
        Table table = read(
                "[{\"int\": 7.0, \"date\": \"2020-01-02\", \"at\": \"2020-01-02T03:04:05.250+01:00\","
                        + " \"time\": \"13:45:30.5\", \"td\": \"3600 seconds\", \"l\": 1e3}]",
                spec);
        assertEquals(7, table.intColumn("int").getInt(0));
        assertEquals(LocalDate.of(2020, 1, 2), table.dateColumn("date").get(0));
        assertEquals(
                Instant.parse("2020-01-02T02:04:05.250Z"),
                table.instantColumn("at").get(0));
        assertEquals(
                LocalTime.of(13, 45, 30, 500_000_000), table.timeColumn("time").get(0));
        assertEquals(Duration.ofHours(1).toNanos(), table.longColumn("td").getLong(0));
        assertEquals(1000L, table.longColumn("l").getLong(0));
    }

    @Test
    void nullableColumnsTakeNull() throws IOException {
        DataFrameSpec spec = DataFrameSpec.of(
                "t",
                Orient.RECORDS,
                true,
                true,
                nullableColumn("f", ColumnKind.DOUBLE),
                nullableColumn("s", ColumnKind.STRING),
                nullableColumn("dt", ColumnKind.DATE_TIME),
                column("i", ColumnKind.LONG));
        Table table = read(
                "[{\"f\": null, \"s\": null, \"dt\": null, \"i\": 1}, {\"f\": 2, \"s\": \"x\", \"dt\": "
                        + "\"2020-01-01T00:00:00\", \"i\": 2}]",
                spec);
        assertTrue(table.doubleColumn("f").isMissing(0));
        assertTrue(table.stringColumn("s").isMissing(0));
        assertTrue(table.dateTimeColumn("dt").isMissing(0));
        assertEquals(2.0, table.doubleColumn("f").getDouble(1));
        assertEquals(
                "data[0].i: column 'i' (integer) cannot take null in row 0",
                fails("[{\"f\": 1, \"s\": \"x\", \"dt\": null, \"i\": null}]", spec));
    }

    // ------------------------------------------------------------------------- invalid, per orient

    @Test
    void recordsErrors() {
        DataFrameSpec spec = mixed(Orient.RECORDS);
        assertEquals(
                "data[1]: missing column 'f' in row 1",
                fails(
                        "[{" + ROW_0 + "}, {\"i\": 2, \"s\": \"b\", \"b\": false,"
                                + " \"dt\": \"2020-06-15T12:30:45\", \"td\": \"PT2H\"}]",
                        spec));
        assertEquals(
                "data[0].z: unknown column 'z' in row 0; the columns are i, f, s, b, dt, td",
                fails("[{" + ROW_0 + ", \"z\": 1}]", spec));
        assertEquals(
                "data[1].i: column 'i' (integer) cannot take the string \"2\" in row 1",
                fails("[{" + ROW_0 + "}, {" + ROW_1.replace("\"i\": 2", "\"i\": \"2\"") + "}]", spec));
        assertEquals(
                "data[0].i: column 'i' (integer) cannot take 1.5 in row 0",
                fails("[{" + ROW_0.replace("\"i\": 1", "\"i\": 1.5") + "}]", spec));
        assertEquals(
                "data[0].f: column 'f' (double) cannot take the string \"abc\" in row 0",
                fails("[{" + ROW_0.replace("1.5", "\"abc\"") + "}]", spec));
        assertEquals(
                "data[0].b: column 'b' (boolean) cannot take 0 in row 0",
                fails("[{" + ROW_0.replace("true", "0") + "}]", spec));
        assertEquals(
                "data[0].dt: column 'dt' (date-time without offset, like 2020-01-02T03:04:05) cannot take the string"
                        + " \"not a date\" in row 0",
                fails("[{" + ROW_0.replace("2020-01-01T00:00:00.000", "not a date") + "}]", spec));
        assertEquals(
                "data[0].dt: column 'dt' (date-time without offset, like 2020-01-02T03:04:05) cannot take the string"
                        + " \"2020-01-01T00:00:00Z\" in row 0",
                fails("[{" + ROW_0.replace("00.000", "00Z") + "}]", spec));
        assertEquals(
                "data[0].td: column 'td' (timedelta, like P1DT2H0M0S) cannot take the string \"02:00:00\" in row 0",
                fails("[{" + ROW_0.replace("P1DT0H0M0S", "02:00:00") + "}]", spec));
        assertEquals(
                "data[0].s: column 's' (string) cannot take null in row 0",
                fails("[{" + ROW_0.replace("\"a\"", "null") + "}]", spec));
        assertEquals("data[0].i: column 'i' is given twice in row 0", fails("[{" + ROW_0 + ", \"i\": 3}]", spec));
        assertEquals("data[0]: expected a row object, got an array", fails("[[1]]", spec));
        assertEquals("data: expected a list of row objects (orient 'records'), got an object", fails("{}", spec));
        assertEquals("data: expected a list of row objects (orient 'records'), got null", fails("null", spec));
    }

    @Test
    void numbersAreCheckedForRangeAndPrecision() {
        DataFrameSpec spec = DataFrameSpec.of(
                "t",
                Orient.VALUES,
                true,
                true,
                column("l", ColumnKind.LONG),
                column("n", ColumnKind.INTEGER),
                column("d", ColumnKind.DOUBLE),
                column("dt", ColumnKind.DATE_TIME));
        assertEquals(
                "data[0][0]: column 'l' (integer) cannot take 9223372036854775808 in row 0: it is beyond the range"
                        + " of a 64-bit integer",
                fails("[[9223372036854775808, 1, 1, \"2020-01-01T00:00:00\"]]", spec));
        assertEquals(
                "data[0][1]: column 'n' (32-bit integer) cannot take 2147483648 in row 0: it is beyond the range of a"
                        + " 32-bit integer",
                fails("[[1, 2147483648, 1, \"2020-01-01T00:00:00\"]]", spec));
        assertEquals(
                "data[0][2]: column 'd' (double) cannot take 1e400 in row 0: it is beyond the range of a double",
                fails("[[1, 1, 1e400, \"2020-01-01T00:00:00\"]]", spec));
        assertEquals(
                "data[0][3]: column 'dt' (date-time without offset, like 2020-01-02T03:04:05) cannot take the string"
                        + " \"2020-01-01T00:00:00.0001\" in row 0: Tablesaw keeps times to the millisecond, and cutting the rest"
                        + " would change the value",
                fails("[[1, 1, 1, \"2020-01-01T00:00:00.0001\"]]", spec));
    }

    @Test
    void tablesawsMissingValueMarkersAreRefusedNotReadAsMissing() throws IOException {
        DataFrameSpec spec = DataFrameSpec.of(
                "t",
                Orient.VALUES,
                true,
                true,
                column("l", ColumnKind.LONG),
                column("n", ColumnKind.INTEGER),
                column("td", ColumnKind.TIMEDELTA));
        String marker = ": Tablesaw stores this value as a missing value, so it cannot be kept";
        assertEquals(
                "data[1][0]: column 'l' (integer) cannot take -9223372036854775808 in row 1" + marker,
                fails("[[1, 1, \"PT1S\"], [-9223372036854775808, 1, \"PT1S\"]]", spec));
        assertEquals(
                "data[0][1]: column 'n' (32-bit integer) cannot take -2147483648 in row 0" + marker,
                fails("[[1, -2147483648, \"PT1S\"]]", spec));
        assertEquals(
                "data[0][2]: column 'td' (timedelta, like P1DT2H0M0S) cannot take the string"
                        + " \"-9223372036854775808 nanoseconds\" in row 0" + marker,
                fails("[[1, 1, \"-9223372036854775808 nanoseconds\"]]", spec));

        // one above each marker is an ordinary value
        Table edge = read("[[-9223372036854775807, -2147483647, \"-9223372036854775807 nanoseconds\"]]", spec);
        assertEquals(Long.MIN_VALUE + 1, edge.longColumn("l").get(0));
        assertEquals(Integer.MIN_VALUE + 1, edge.intColumn("n").get(0));
        assertEquals(Long.MIN_VALUE + 1, edge.longColumn("td").get(0));

        // a missing string is the empty string: kept where the column may not be null, refused where it may
        DataFrameSpec strings = DataFrameSpec.of(
                "t", Orient.VALUES, true, true, column("s", ColumnKind.STRING), nullableColumn("n", ColumnKind.STRING));
        assertEquals("", read("[[\"\", \"x\"]]", strings).stringColumn("s").get(0));
        assertEquals(
                "data[0][1]: column 'n' (string) cannot take the string \"\" in row 0: Tablesaw stores a missing"
                        + " string as the empty string, so in a column that may hold null it would read as null",
                fails("[[\"a\", \"\"]]", strings));

        DataFrameSpec inferred = DataFrameSpec.of("t", Orient.RECORDS, false, true, column("a", ColumnKind.LONG));
        assertEquals(
                "data[1].a: column 'a' (integer, from its first value) cannot take -9223372036854775808 in row 1"
                        + marker,
                fails("[{\"a\": 1}, {\"a\": -9223372036854775808}]", inferred));
    }

    @Test
    void indexErrors() {
        DataFrameSpec spec = mixed(Orient.INDEX);
        assertEquals(
                "data.1: missing column 'f' in row 1",
                fails(
                        "{\"0\": {" + ROW_0 + "}, \"1\": {\"i\": 2, \"s\": \"b\","
                                + " \"b\": false, \"dt\": \"2020-06-15T12:30:45\", \"td\": \"PT2H\"}}",
                        spec));
        assertEquals(
                "data.0.z: unknown column 'z' in row 0; the columns are i, f, s, b, dt, td",
                fails("{\"0\": {\"z\": 1, " + ROW_0 + "}}", spec));
        assertEquals(
                "data.0.i: column 'i' (integer) cannot take the string \"x\" in row 0",
                fails("{\"0\": {" + ROW_0.replace("\"i\": 1", "\"i\": \"x\"") + "}}", spec));
        assertEquals("data.a: expected a row object, got 5", fails("{\"a\": 5}", spec));
        assertEquals(
                "data: expected an object of row objects by row label (orient 'index'), got an array",
                fails("[]", spec));
    }

    @Test
    void columnsErrors() {
        DataFrameSpec spec = DataFrameSpec.of(
                "t", Orient.COLUMNS, true, true, column("i", ColumnKind.LONG), column("d", ColumnKind.DATE));
        assertEquals("data: missing column 'd'", fails("{\"i\": {\"0\": 1}}", spec));
        assertEquals(
                "data.z: unknown column 'z'; the columns are i, d",
                fails("{\"i\": {\"0\": 1}, \"z\": {\"0\": 1}}", spec));
        assertEquals(
                "data.i.1: column 'i' (integer) cannot take the string \"2\" in row 1",
                fails(
                        "{\"i\": {\"0\": 1, \"1\": \"2\"}, \"d\": {\"0\": \"2020-01-01\", \"1\": \"2020-01-02\"}}",
                        spec));
        assertEquals(
                "data.d.1: column 'd' (date, like 2020-01-02) cannot take the string \"01/02/2020\" in row 1",
                fails("{\"i\": {\"0\": 1, \"1\": 2}, \"d\": {\"0\": \"2020-01-01\", \"1\": \"01/02/2020\"}}", spec));
        assertEquals(
                "data.d: column 'd' has no value for row label '1', which column 'i' has",
                fails("{\"i\": {\"0\": 1, \"1\": 2}, \"d\": {\"0\": \"2020-01-01\"}}", spec));
        assertEquals(
                "data.d: column 'd' has no value for row label '0', which column 'i' has",
                fails("{\"i\": {\"0\": 1, \"1\": 2}, \"d\": {\"1\": \"2020-01-01\"}}", spec));
        assertEquals(
                "data.d.2: row label '2' of column 'd' is not a row label of column 'i'",
                fails("{\"i\": {\"0\": 1, \"1\": 2}, \"d\": {\"0\": \"2020-01-01\", \"2\": \"2020-01-01\"}}", spec));
        assertEquals("data.i: column 'i' is given twice", fails("{\"i\": {}, \"i\": {}}", spec));
        assertEquals(
                "data.i: expected an object of column 'i''s values by row label, got an array",
                fails("{\"i\": [1, 2]}", spec));
    }

    @Test
    void splitErrors() {
        DataFrameSpec spec = mixed(Orient.SPLIT);
        String columns = "\"columns\": [\"i\", \"f\", \"s\", \"b\", \"dt\", \"td\"]";
        assertEquals(
                "data.columns: missing column 'f'",
                fails(
                        "{\"columns\": [\"i\", \"s\", \"b\", \"dt\", \"td\"], "
                                + "\"index\": [0], \"data\": [[1, \"a\", true, \"2020-01-01T00:00:00\", \"PT1S\"]]}",
                        spec));
        assertEquals(
                "data.columns[6]: unknown column 'z'; the columns are i, f, s, b, dt, td",
                fails(
                        "{\"columns\": [\"i\", \"f\", \"s\", \"b\", \"dt\", \"td\", \"z\"], \"index\": [], \"data\": []}",
                        spec));
        assertEquals(
                "data.data[0]: row 0 has 5 values, but there are 6 columns: i, f, s, b, dt, td",
                fails(
                        "{" + columns + ", \"index\": [0], \"data\": [[1, 1.5, \"a\", true, \"2020-01-01T00:00:00\"]]}",
                        spec));
        assertEquals(
                "data.data[1][6]: row 1 has more values than the 6 columns i, f, s, b, dt, td",
                fails(
                        "{" + columns + ", \"index\": [0, 1], \"data\": [[" + VALUES_0 + "], [" + VALUES_1 + ", 7]]}",
                        spec));
        assertEquals(
                "data.data[0][0]: column 'i' (integer) cannot take the string \"1\" in row 0",
                fails(
                        "{" + columns + ", \"index\": [0], \"data\": [[" + VALUES_0.replaceFirst("1", "\"1\"") + "]]}",
                        spec));
        assertEquals(
                "data.data[0][4]: column 'dt' (date-time without offset, like 2020-01-02T03:04:05) cannot take the"
                        + " string \"2020-01-01\" in row 0",
                fails(
                        "{" + columns + ", \"index\": [0], \"data\": [[" + VALUES_0.replace("T00:00:00.000", "")
                                + "]]}",
                        spec));
        assertEquals(
                "data: 'index' has 1 row labels, but 'data' has 2 rows",
                fails("{" + columns + ", \"index\": [0], \"data\": [[" + VALUES_0 + "], [" + VALUES_1 + "]]}", spec));
        assertEquals("data: missing 'index', the list of row labels", fails("{" + columns + ", \"data\": []}", spec));
        assertEquals("data: missing 'columns', the list of column names", fails("{\"index\": [], \"data\": []}", spec));
        assertEquals(
                "data.index[0]: expected an integer, got \"a\"", fails("{" + columns + ", \"index\": [\"a\"]}", spec));
        assertEquals("data.columns[1]: column 'i' is given twice", fails("{\"columns\": [\"i\", \"i\"]}", spec));
    }

    @Test
    void valuesErrors() {
        DataFrameSpec spec = mixed(Orient.VALUES);
        assertEquals(
                "data[0]: row 0 has 5 values, but there are 6 columns: i, f, s, b, dt, td",
                fails("[[1, 1.5, \"a\", true, \"2020-01-01T00:00:00\"]]", spec));
        assertEquals(
                "data[0][6]: row 0 has more values than the 6 columns i, f, s, b, dt, td",
                fails("[[" + VALUES_0 + ", 1]]", spec));
        assertEquals(
                "data[1][0]: column 'i' (integer) cannot take the string \"x\" in row 1",
                fails("[[" + VALUES_0 + "], [\"x\", 1, \"a\", true, \"2020-01-01T00:00:00\", \"PT1S\"]]", spec));
        assertEquals(
                "data[0][4]: column 'dt' (date-time without offset, like 2020-01-02T03:04:05) cannot take the string"
                        + " \"2020-13-01T00:00:00.000\" in row 0",
                fails("[[" + VALUES_0.replace("2020-01-01", "2020-13-01") + "]]", spec));
        assertEquals("data[0]: expected a row (a list of values), got an object", fails("[{\"i\": 1}]", spec));
        assertEquals("data: expected a list of rows of values (orient 'values'), got \"abc\"", fails("\"abc\"", spec));
    }

    @Test
    void tableErrors() {
        DataFrameSpec spec = DataFrameSpec.of("t", Orient.TABLE, true, true, column("i", ColumnKind.LONG));
        String schema =
                "\"schema\": {\"fields\": [{\"name\": \"index\", \"type\": \"integer\"}, {\"name\": \"i\", \"type\": \"integer\"}],"
                        + " \"primaryKey\": [\"index\"], \"pandas_version\": \"1.4.0\"}";
        assertEquals(
                "data.data[0]: missing column 'i' in row 0",
                fails("{" + schema + ", \"data\": [{\"index\": 0}]}", spec));
        assertEquals(
                "data.data[0]: missing 'index', the row label, in row 0",
                fails("{" + schema + ", \"data\": [{\"i\": 0}]}", spec));
        assertEquals(
                "data.data[0].z: unknown column 'z' in row 0; the columns are i",
                fails("{" + schema + ", \"data\": [{\"index\": 0, \"i\": 1, \"z\": 1}]}", spec));
        assertEquals(
                "data.data[0].i: column 'i' (integer) cannot take true in row 0",
                fails("{" + schema + ", \"data\": [{\"index\": 0, \"i\": true}]}", spec));
        assertEquals("data: missing 'schema', the frame's Table Schema", fails("{\"data\": []}", spec));
        assertEquals(
                "data.schema: missing 'pandas_version'",
                fails("{\"schema\": {\"fields\": [], \"primaryKey\": []}, \"data\": []}", spec));
        assertEquals(
                "data.schema.fields[0]: missing 'type'",
                fails(
                        "{\"schema\": {\"fields\": [{\"name\": \"i\"}], \"primaryKey\": [], \"pandas_version\": \"1\"}}",
                        spec));
    }

    // ------------------------------------------------------------------------- enforcement off

    @Test
    void withoutTypeEnforcementColumnsTakeTheRequestsTypes() throws IOException {
        DataFrameSpec spec = DataFrameSpec.of(
                "t",
                Orient.RECORDS,
                false,
                true,
                column("a", ColumnKind.DOUBLE),
                column("b", ColumnKind.LONG),
                column("c", ColumnKind.DATE_TIME),
                column("d", ColumnKind.BOOLEAN));
        Table table = read(
                "[{\"a\": 1, \"b\": null, \"c\": \"2020-01-01\", \"d\": null},"
                        + " {\"a\": 2.5, \"b\": \"x\", \"c\": \"later\", \"d\": null}]",
                spec);
        assertEquals(
                List.of(ColumnType.DOUBLE, ColumnType.STRING, ColumnType.STRING, ColumnType.STRING),
                List.of(table.typeArray()));
        assertEquals(List.of(1.0, 2.5), table.doubleColumn("a").asList());
        assertTrue(table.stringColumn("b").isMissing(0));
        assertEquals("x", table.stringColumn("b").get(1));
        assertEquals(
                "data[1].b: column 'b' (string, from its first value) cannot take 2 in row 1: its earlier values are"
                        + " strings",
                fails(
                        "[{\"a\": 1, \"b\": \"x\", \"c\": 1, \"d\": true}, {\"a\": 1, \"b\": 2, \"c\": 1, \"d\": true}]",
                        spec));
        assertEquals(
                "data[0].a: column 'a' (typed by its values) cannot take an array in row 0: a value is a number,"
                        + " string, boolean or null",
                fails("[{\"a\": [1], \"b\": 1, \"c\": 1, \"d\": true}]", spec));
        assertEquals("data[0]: missing column 'd' in row 0", fails("[{\"a\": 1, \"b\": 1, \"c\": 1}]", spec));
    }

    @Test
    void withoutShapeEnforcementOtherColumnsAreReadToo() throws IOException {
        DataFrameSpec records = DataFrameSpec.of("t", Orient.RECORDS, true, false, column("a", ColumnKind.LONG));
        Table table = read("[{\"a\": 1}, {\"z\": \"x\", \"a\": 2}, {\"a\": 3, \"y\": 1.5}]", records);
        assertEquals(List.of("a", "z", "y"), table.columnNames());
        assertTrue(table.stringColumn("z").isMissing(0));
        assertEquals("x", table.stringColumn("z").get(1));
        assertTrue(table.doubleColumn("y").isMissing(1));
        assertEquals(1.5, table.doubleColumn("y").getDouble(2));
        assertEquals("data[1]: missing column 'a' in row 1", fails("[{\"a\": 1}, {\"z\": 1}]", records));

        DataFrameSpec values = DataFrameSpec.of("t", Orient.VALUES, true, false, column("a", ColumnKind.LONG));
        Table wide = read("[[1, \"x\", 2], [2, \"y\", 3.5]]", values);
        assertEquals(List.of("a", "1", "2"), wide.columnNames());
        assertEquals(List.of(2.0, 3.5), wide.doubleColumn("2").asList());
        assertEquals("data[1]: row 1 has 2 values, but row 0 has 3", fails("[[1, \"x\", 2], [2, \"y\"]]", values));
        assertEquals(
                "data[1][2]: row 1 has more values than row 0, which has 2",
                fails("[[1, \"x\"], [2, \"y\", 3]]", values));

        DataFrameSpec split = DataFrameSpec.of("t", Orient.SPLIT, true, false, column("a", ColumnKind.LONG));
        Table named = read("{\"columns\": [\"z\", \"a\"], \"index\": [0], \"data\": [[true, 1]]}", split);
        assertEquals(List.of("a", "z"), named.columnNames());
        assertEquals(true, named.booleanColumn("z").get(0));
        Table late = read("{\"data\": [[1, true]], \"index\": [0], \"columns\": [\"a\", \"z\"]}", split);
        assertEquals(List.of("a", "z"), late.columnNames());

        DataFrameSpec columns = DataFrameSpec.of("t", Orient.COLUMNS, true, false, column("a", ColumnKind.LONG));
        Table byLabel = read("{\"z\": {\"1\": \"b\", \"0\": \"a\"}, \"a\": {\"0\": 1, \"1\": 2}}", columns);
        assertEquals(List.of("a", "z"), byLabel.columnNames());
        assertEquals(List.of(2L, 1L), byLabel.longColumn("a").asList()); // rows follow the first column's labels
        assertEquals(List.of("b", "a"), byLabel.stringColumn("z").asList());
    }
}

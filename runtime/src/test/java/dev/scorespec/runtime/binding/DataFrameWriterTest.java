package dev.scorespec.runtime.binding;

import static dev.scorespec.runtime.binding.DataFrameSpec.column;
import static dev.scorespec.runtime.binding.DataFrameSpec.nullableColumn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.scorespec.annotations.ColumnKind;
import dev.scorespec.annotations.Orient;
import dev.scorespec.annotations.internal.TemporalText;
import dev.scorespec.runtime.ScoringRequest;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.TimeColumn;

class DataFrameWriterTest {

    private static DataFrameSpec spec(Orient orient) {
        return DataFrameSpec.of(
                "t",
                orient,
                true,
                true,
                column("i", ColumnKind.LONG),
                nullableColumn("s", ColumnKind.STRING),
                column("td", ColumnKind.TIMEDELTA));
    }

    private static Table table() {
        return Table.create(
                "t",
                LongColumn.create("i", 1, 2),
                StringColumn.create("s", "a", null),
                LongColumn.create(
                        "td",
                        Duration.ofDays(1).toNanos(),
                        Duration.ofMillis(1500).toNanos()));
    }

    private static String write(Table table, DataFrameSpec spec) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = ScoringRequest.jsonFactory().createGenerator(text)) {
            DataFrameWriter.write(out, table, spec);
        }
        return text.toString();
    }

    @Test
    void everyOrientAsPandasWritesIt() throws IOException {
        assertEquals(
                "[{\"i\":1,\"s\":\"a\",\"td\":\"P1DT0H0M0S\"},{\"i\":2,\"s\":null,\"td\":\"P0DT0H0M1.5S\"}]",
                write(table(), spec(Orient.RECORDS)));
        assertEquals(
                "{\"0\":{\"i\":1,\"s\":\"a\",\"td\":\"P1DT0H0M0S\"},\"1\":{\"i\":2,\"s\":null,\"td\":\"P0DT0H0M1.5S\"}}",
                write(table(), spec(Orient.INDEX)));
        assertEquals(
                "{\"i\":{\"0\":1,\"1\":2},\"s\":{\"0\":\"a\",\"1\":null},\"td\":{\"0\":\"P1DT0H0M0S\",\"1\":\"P0DT0H0M1.5S\"}}",
                write(table(), spec(Orient.COLUMNS)));
        assertEquals(
                "{\"columns\":[\"i\",\"s\",\"td\"],\"index\":[0,1],\"data\":[[1,\"a\",\"P1DT0H0M0S\"],[2,null,\"P0DT0H0M1.5S\"]]}",
                write(table(), spec(Orient.SPLIT)));
        assertEquals("[[1,\"a\",\"P1DT0H0M0S\"],[2,null,\"P0DT0H0M1.5S\"]]", write(table(), spec(Orient.VALUES)));
        assertEquals(
                "{\"schema\":{\"fields\":[{\"name\":\"index\",\"type\":\"integer\"},{\"name\":\"i\",\"type\":\"integer\"},"
                        + "{\"name\":\"s\",\"type\":\"string\"},{\"name\":\"td\",\"type\":\"duration\"}],\"primaryKey\":[\"index\"],"
                        + "\"pandas_version\":\"1.4.0\"},\"data\":[{\"index\":0,\"i\":1,\"s\":\"a\",\"td\":\"P1DT0H0M0S\"},"
                        + "{\"index\":1,\"i\":2,\"s\":null,\"td\":\"P0DT0H0M1.5S\"}]}",
                write(table(), spec(Orient.TABLE)));
    }

    @Test
    void everyColumnTypeHasItsText() throws IOException {
        DoubleColumn doubles = DoubleColumn.create("d", 1.5, Double.NaN);
        Table table = Table.create(
                "t",
                IntColumn.create("n", new int[] {7, 8}),
                doubles,
                BooleanColumn.create("b", true, false),
                DateColumn.create("date", LocalDate.of(2020, 1, 2), null),
                DateTimeColumn.create(
                        "dt", LocalDateTime.of(2020, 1, 2, 3, 4, 5, 250_000_000), LocalDateTime.of(2020, 1, 2, 0, 0)),
                InstantColumn.create("at", new Instant[] {Instant.parse("2020-01-02T03:04:05Z"), null}),
                TimeColumn.create("time", LocalTime.of(13, 45), LocalTime.of(1, 2, 3, 400_000_000)),
                StringColumn.create("s", "", "x"),
                LongColumn.create("l", 5, 6));
        assertEquals(
                "[[7,1.5,true,\"2020-01-02\",\"2020-01-02T03:04:05.250\",\"2020-01-02T03:04:05.000Z\",\"13:45:00\",\"\",5],"
                        + "[8,null,false,null,\"2020-01-02T00:00:00.000\",null,\"01:02:03.4\",\"x\",6]]",
                write(table, DataFrameSpec.of("t", Orient.VALUES, true, true)));
        assertEquals(
                "{\"schema\":{\"fields\":[{\"name\":\"index\",\"type\":\"integer\"},{\"name\":\"n\",\"type\":\"integer\"},"
                        + "{\"name\":\"d\",\"type\":\"number\"},{\"name\":\"b\",\"type\":\"boolean\"},{\"name\":\"date\",\"type\":\"date\"},"
                        + "{\"name\":\"dt\",\"type\":\"datetime\"},{\"name\":\"at\",\"type\":\"datetime\"},{\"name\":\"time\",\"type\":\"time\"},"
                        + "{\"name\":\"s\",\"type\":\"string\"},{\"name\":\"l\",\"type\":\"integer\"}],\"primaryKey\":[\"index\"],"
                        + "\"pandas_version\":\"1.4.0\"},\"data\":[]}",
                write(table.emptyCopy(), DataFrameSpec.of("t", Orient.TABLE, true, true)));
    }

    @Test
    void missingValuesAreNullOnlyWhereTheOutputSampleAllowsNull() throws IOException {
        DataFrameSpec spec = DataFrameSpec.of(
                "t",
                Orient.RECORDS,
                true,
                true,
                column("d", ColumnKind.DOUBLE),
                nullableColumn("n", ColumnKind.DOUBLE),
                column("i", ColumnKind.LONG));
        Table missing = Table.create(
                "t",
                DoubleColumn.create("d", 1.5, Double.NaN),
                DoubleColumn.create("n", Double.NaN, 2),
                LongColumn.create("i", new long[] {1, 2}));
        assertEquals(
                "Cannot write the result as JSON: column 'd', row 1, holds NaN, a missing value, but the output"
                        + " sample's column has no null, so its schema allows none",
                assertThrows(IllegalArgumentException.class, () -> write(missing, spec))
                        .getMessage());

        Table missingLong = Table.create(
                "t", DoubleColumn.create("d", 1.5), DoubleColumn.create("n", 2.0), LongColumn.create("i", new long[] {1
                }));
        missingLong.longColumn("i").appendMissing();
        missingLong.doubleColumn("d").append(2.5);
        missingLong.doubleColumn("n").appendMissing();
        assertEquals(
                "Cannot write the result as JSON: column 'i', row 1, holds a missing value, but the output"
                        + " sample's column has no null, so its schema allows none",
                assertThrows(IllegalArgumentException.class, () -> write(missingLong, spec))
                        .getMessage());

        // a nullable column writes NaN as pandas does, as null
        Table nullable = Table.create(
                "t",
                DoubleColumn.create("d", 1.5),
                DoubleColumn.create("n", Double.NaN),
                LongColumn.create("i", new long[] {1}));
        assertEquals("[{\"d\":1.5,\"n\":null,\"i\":1}]", write(nullable, spec));

        // an infinity is a value, not a missing one, and JSON has none
        Table infinite = Table.create(
                "t",
                DoubleColumn.create("d", 1.5),
                DoubleColumn.create("n", Double.NEGATIVE_INFINITY),
                LongColumn.create("i", new long[] {1}));
        assertEquals(
                "Cannot write the result as JSON: column 'n', row 0, holds -Infinity, and JSON has no infinity",
                assertThrows(IllegalArgumentException.class, () -> write(infinite, spec))
                        .getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0                    | P0DT0H0M0S
            86400000000000       | P1DT0H0M0S
            7200000000000        | P0DT2H0M0S
            93784005000000       | P1DT2H3M4.005S
            1                    | P0DT0H0M0.000000001S
            -1000000000          | -P0DT0H0M1S
            -9223372036854775808 | -P106751DT23H47M16.854775808S
            """)
    void timedeltasAsPandasWritesThem(long nanos, String text) {
        assertEquals(text, TemporalText.isoTimedelta(nanos));
        assertEquals(Duration.ofNanos(nanos), Duration.parse(text));
    }

    /** What the reader reads, the writer writes back in the same orient. */
    @ParameterizedTest
    @EnumSource(Orient.class)
    void readingThenWritingGivesTheSameJson(Orient orient) throws IOException {
        DataFrameSpec spec = spec(orient);
        String json = write(table(), spec);
        Table read = DataFrameReader.read(Json.value(json), spec);
        assertEquals(json, write(read, spec));
    }

    @Test
    void withoutSpecNoColumnIsATimedelta() throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = ScoringRequest.jsonFactory().createGenerator(text)) {
            DataFrameWriter.write(out, table(), Orient.VALUES);
        }
        assertEquals("[[1,\"a\",86400000000000],[2,\"\",1500000000]]", text.toString());
        StringWriter none = new StringWriter();
        try (JsonGenerator out = ScoringRequest.jsonFactory().createGenerator(none)) {
            DataFrameWriter.write(out, null, Orient.VALUES);
        }
        assertEquals("null", none.toString());
    }
}

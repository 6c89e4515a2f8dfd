package dev.scorespec.spark.binding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scorespec.runtime.binding.BindingException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every Spark type of a Spark sample, read from a request body {@code {"param": [...rows...]}}: valid values,
 * and invalid ones with the path and the problem. No session is needed to read rows.
 */
class SparkRowReaderTest {

    private static final JsonFactory FACTORY = new JsonFactory();

    static List<Row> read(String ddl, String records) throws IOException {
        try (JsonParser p = FACTORY.createParser("{\"param\": " + records + "}")) {
            p.nextToken();
            p.nextToken();
            p.nextToken();
            List<Row> rows = SparkRowReader.forSchema(StructType.fromDDL(ddl)).readRecords(p);
            assertEquals(JsonToken.END_ARRAY, p.currentToken(), "the parser stops on the value's last token");
            return rows;
        }
    }

    static String error(String ddl, String records) {
        return assertThrows(BindingException.class, () -> read(ddl, records)).getMessage();
    }

    @Test
    void readsEveryType() throws IOException {
        Row row = read(
                        "b BYTE, s SHORT, i INT, l BIGINT, t BOOLEAN, f FLOAT, d DOUBLE, m DECIMAL(10,2), str STRING,"
                                + " bin BINARY, day DATE, at TIMESTAMP, scores ARRAY<DOUBLE>, attrs MAP<STRING, INT>,"
                                + " address STRUCT<city: STRING, zip: STRING>",
                        "[{\"b\": -128, \"s\": 32767, \"i\": -2147483648, \"l\": 9223372036854775807, \"t\": true, \"f\": 1.5,"
                                + " \"d\": 2.25e300, \"m\": 12345678.9, \"str\": \"WA\", \"bin\": \"AQID\", \"day\": \"2020-01-02\","
                                + " \"at\": \"2020-01-02T04:04:05.5+01:00\", \"scores\": [1, 2.5, null], \"attrs\": {\"a\": 1, \"b\": null},"
                                + " \"address\": {\"city\": \"Seattle\", \"zip\": \"98101\"}}]")
                .get(0);
        assertEquals((byte) -128, row.get(0));
        assertEquals((short) 32767, row.get(1));
        assertEquals(Integer.MIN_VALUE, row.get(2));
        assertEquals(Long.MAX_VALUE, row.get(3));
        assertEquals(true, row.get(4));
        assertEquals(1.5f, row.get(5));
        assertEquals(2.25e300, row.get(6));
        assertEquals(new BigDecimal("12345678.90"), row.get(7));
        assertEquals("WA", row.get(8));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) row.get(9));
        assertEquals(LocalDate.of(2020, 1, 2), row.get(10));
        assertEquals(Instant.parse("2020-01-02T03:04:05.5Z"), row.get(11));
        assertEquals(java.util.Arrays.asList(1.0, 2.5, null), row.get(12));
        Map<String, Object> attrs = new java.util.LinkedHashMap<>();
        attrs.put("a", 1);
        attrs.put("b", null);
        assertEquals(attrs, row.get(13));
        assertEquals("Seattle", ((Row) row.get(14)).getAs("city"));
    }

    @Test
    void aTimestampWithoutTimeZoneIsALocalDateTime() throws IOException {
        assertEquals(
                java.time.LocalDateTime.of(2020, 1, 2, 3, 4, 5, 500_000_000),
                read("naive TIMESTAMP_NTZ", "[{\"naive\": \"2020-01-02T03:04:05.5\"}]")
                        .get(0)
                        .get(0));
    }

    @Test
    void integersMayBeWrittenWithAZeroFraction() throws IOException {
        assertEquals(7, read("i INT", "[{\"i\": 7.0}]").get(0).get(0));
        assertEquals(
                new BigDecimal("3.00"),
                read("m DECIMAL(4,2)", "[{\"m\": 3}]").get(0).get(0));
        assertEquals(
                new BigDecimal("0.50"),
                read("m DECIMAL(4,2)", "[{\"m\": 0.500}]").get(0).get(0));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '^',
            value = {
                "b BYTE | 300 | param[0].b: expected an integer from -128 to 127, got 300",
                "b BYTE | 1.5 | param[0].b: expected an integer, got 1.5",
                "s SHORT | -32769 | param[0].s: expected an integer from -32768 to 32767, got -32769",
                "i INT | 3000000000 | param[0].i: expected an integer from -2147483648 to 2147483647, got 3000000000",
                "i INT | \"1\" | param[0].i: expected an integer, got \"1\"",
                "l BIGINT | 9223372036854775808 | param[0].l: expected an integer from -9223372036854775808 to 9223372036854775807, got 9223372036854775808",
                "t BOOLEAN | 1 | param[0].t: expected true or false, got 1",
                "f FLOAT | 1e39 | param[0].f: expected a number from -3.4028235e38 to 3.4028235e38, got 1e39",
                "f FLOAT | true | param[0].f: expected a number, got true",
                "d DOUBLE | 1e400 | param[0].d: expected a number from -1.7976931348623157e308 to 1.7976931348623157e308, got 1e400",
                "d DOUBLE | \"x\" | param[0].d: expected a number, got \"x\"",
                "m DECIMAL(4,2) | 123.4 | param[0].m: expected a number with at most 2 digits before the point and 2 after (decimal(4,2)), got 123.4",
                "m DECIMAL(4,2) | 1.234 | param[0].m: expected a number with at most 2 digits before the point and 2 after (decimal(4,2)), got 1.234",
                "m DECIMAL(4,2) | \"1.5\" | param[0].m: expected a number, got \"1.5\"",
                "str STRING | 5 | param[0].str: expected a string, got 5",
                "bin BINARY | \"QR==\" | param[0].bin: expected base64 text, got \"QR==\"",
                "bin BINARY | \"AQI\" | param[0].bin: expected base64 text, got \"AQI\"",
                "day DATE | \"2020-13-01\" | param[0].day: expected a date like 2020-01-02, got \"2020-13-01\"",
                "day DATE | \"2020-01-02T00:00:00Z\" | param[0].day: expected a date like 2020-01-02, got \"2020-01-02T00:00:00Z\"",
                "at TIMESTAMP | \"2020-01-02T03:04:05\" | param[0].at: expected a date-time with offset like 2020-01-02T03:04:05Z, got \"2020-01-02T03:04:05\": the offset (Z or +hh:mm) is required",
                "at TIMESTAMP | \"2020-01-02 03:04:05Z\" | param[0].at: expected a date-time with offset like 2020-01-02T03:04:05Z, got \"2020-01-02 03:04:05Z\"",
                "naive TIMESTAMP_NTZ | \"2020-01-02T03:04:05Z\" | param[0].naive: expected a date-time without offset like 2020-01-02T03:04:05, got \"2020-01-02T03:04:05Z\"",
                "scores ARRAY<DOUBLE> | [1, \"x\"] | param[0].scores[1]: expected a number, got \"x\"",
                "scores ARRAY<DOUBLE> | {} | param[0].scores: expected an array, got an object",
                "grid ARRAY<ARRAY<INT>> | [[1], [2, 2.5]] | param[0].grid[1][1]: expected an integer, got 2.5",
                "attrs MAP<STRING, INT> | {\"k\": true} | param[0].attrs.k: expected an integer, got true",
                "attrs MAP<STRING, INT> | {\"k\": 1, \"k\": 2} | param[0].attrs.k: key 'k' is given twice",
                "attrs MAP<STRING, INT> | [] | param[0].attrs: expected an object, got an array",
                "address STRUCT<city: STRING, zip: STRING> | {\"zip\": 5} | param[0].address.zip: expected a string, got 5",
                "address STRUCT<city: STRING, zip: STRING> | {\"street\": \"x\"} | param[0].address.street: unknown field 'street'; the fields are 'city', 'zip'",
                "address STRUCT<city: STRING NOT NULL> | {} | param[0].address: missing field 'city'",
                "address STRUCT<city: STRING NOT NULL> | {\"city\": null} | param[0].address.city: expected a string, got null",
                "address STRUCT<city: STRING> | {\"city\": \"a\", \"city\": \"b\"} | param[0].address.city: field 'city' is given twice",
                "address STRUCT<city: STRING> | \"Seattle\" | param[0].address: expected an object, got \"Seattle\"",
                "id BIGINT NOT NULL | null | param[0].id: expected an integer, got null"
            })
    void refusesWhatDoesNotFit(String ddl, String value, String message) {
        String column = ddl.substring(0, ddl.indexOf(' '));
        assertEquals(message, error(ddl, "[{\"" + column + "\": " + value + "}]"));
    }

    @Test
    void rowsAreObjectsOfTheColumns() {
        String ddl = "id BIGINT NOT NULL, name STRING";
        assertEquals("param: expected a list of row objects (orient 'records'), got an object", error(ddl, "{}"));
        assertEquals("param[1]: expected a row object, got 5", error(ddl, "[{\"id\": 1}, 5]"));
        assertEquals("param[1]: missing column 'id' in row 1", error(ddl, "[{\"id\": 1}, {\"name\": \"x\"}]"));
        assertEquals(
                "param[0].x: unknown column 'x' in row 0; the columns are 'id', 'name'",
                error(ddl, "[{\"id\": 1, \"x\": 2}]"));
        assertEquals("param[0].id: column 'id' is given twice in row 0", error(ddl, "[{\"id\": 1, \"id\": 2}]"));
    }

    @Test
    void nullableColumnsMayBeNullOrLeftOut() throws IOException {
        List<Row> rows = read(
                "id BIGINT NOT NULL, name STRING, at TIMESTAMP",
                "[{\"id\": 1, \"name\": null}, {\"id\": 2}, {\"id\": 3, \"at\": null}]");
        assertEquals(3, rows.size());
        for (Row row : rows) {
            assertNull(row.get(1));
            assertNull(row.get(2));
        }
        assertEquals(List.of(), read("id BIGINT", "[]"));
    }

    @Test
    void mapsInJsonHaveStringKeys() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> SparkRowReader.forSchema(StructType.fromDDL("m MAP<INT, STRING>")));
        assertEquals("A map in JSON has string keys, not int: map<int,string>", e.getMessage());
    }
}

package dev.scorespec.runtime.binding;

import static dev.scorespec.runtime.binding.DataFrameSpec.column;
import static dev.scorespec.runtime.binding.DataFrameSpec.nullableColumn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scorespec.annotations.ColumnKind;
import dev.scorespec.annotations.Orient;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * When the fast path reads a records frame itself and when it hands it to the careful reader.
 * {@link FastRecordsFuzzTest} compares the two on random bodies.
 */
class FastRecordsTest {

    private static final DataFrameSpec FRAME = DataFrameSpec.of(
            "data",
            Orient.RECORDS,
            true,
            true,
            column("id", ColumnKind.LONG),
            column("n", ColumnKind.INTEGER),
            column("amount", ColumnKind.DOUBLE),
            nullableColumn("name", ColumnKind.STRING),
            column("active", ColumnKind.BOOLEAN),
            column("at", ColumnKind.DATE_TIME));

    private static final String ROW_0 = "{\"id\": 100000, \"n\": -7, \"amount\": 7310.55, \"name\": \"Sarah\","
            + " \"active\": true, \"at\": \"2024-03-05T12:30:45.000\"}";
    private static final String ROW_1 = "{\"at\": \"2024-02-29t23:59:59.5\", \"active\": false, \"name\": \"Tomás 𝄞\","
            + "\n\"amount\": -1e-3, \"n\": 2147483647, \"id\": -12}";

    @Test
    void readsRowsInAnyKeyOrderFromTheBytes() throws IOException {
        JsonParser json = Json.at("data", "[" + ROW_0 + ", " + ROW_1 + "], \"after\": 1");
        Table table = FastRecords.read(json, FRAME);
        assertNotNull(table);
        assertEquals(JsonToken.END_ARRAY, json.currentToken());
        assertEquals(JsonToken.FIELD_NAME, json.nextToken());
        assertEquals("after", json.currentName());
        assertEquals("data", table.name());
        assertEquals(
                java.util.List.of(
                        ColumnType.LONG,
                        ColumnType.INTEGER,
                        ColumnType.DOUBLE,
                        ColumnType.STRING,
                        ColumnType.BOOLEAN,
                        ColumnType.LOCAL_DATE_TIME),
                java.util.Arrays.asList(table.typeArray()));
        assertEquals(-12L, table.longColumn("id").get(1));
        assertEquals(2147483647, table.intColumn("n").get(1));
        assertEquals(7310.55, table.doubleColumn("amount").get(0));
        assertEquals(-0.001, table.doubleColumn("amount").get(1));
        assertEquals("Tomás 𝄞", table.stringColumn("name").get(1));
        assertEquals(false, table.booleanColumn("active").get(1));
        assertEquals(
                LocalDateTime.of(2024, 3, 5, 12, 30, 45),
                table.dateTimeColumn("at").get(0));
        assertEquals(
                LocalDateTime.of(2024, 2, 29, 23, 59, 59, 500_000_000),
                table.dateTimeColumn("at").get(1));
    }

    /** Everything the careful reader reports, converts in its own way, or reads with care. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"id\": null", // a null: the careful reader's message
                "\"id\": 7.0", // an integer to the careful reader
                "\"id\": 1234567890123456789",
                "\"n\": -2147483648", // Tablesaw's missing int
                "\"n\": 2147483648",
                "\"amount\": 1e400",
                "\"amount\": \"1\"",
                "\"name\": \"\"", // empty where null is allowed
                "\"name\": \"a\\\"b\"",
                "\"name\": \"\u0001\"", // a control character: Jackson's error
                "\"name\": \"abcdefghij\\\"k\"", // an escape after the first eight bytes
                "\"name\": \"abcdefghijklmnop\u001f\"", // a control character after sixteen
                "\"active\": 1",
                "\"active\": True",
                "\"active\": fals",
                "\"active\": falsey",
                "\"at\": \"2023-02-29T00:00:00\"",
                "\"at\": \"2024-03-05T12:30:45.0001\"", // finer than Tablesaw keeps
                "\"at\": \"2024-03-05T12:30:45Z\"",
                "\"at\": \"2024-03-05T12:30\"",
                "\"at\": \"2024-03-05T24:00:00\"",
                "\"at\": \"2024/03-05T12:30:45\"",
                "\"at\": \"2024-03/05T12:30:45\"",
                "\"at\": \"2024-03-05 12:30:45\"",
                "\"at\": \"2024-03-05T12.30:45\"",
                "\"at\": \"2024-03-05T12:30.45\"",
                "\"at\": \"2O24-03-05T12:30:45\"",
                "\"at\": \"2024-0:-05T12:30:45\"",
                "\"at\": \"2024-03-0/T12:30:45\"",
                "\"at\": \"2024-03-05T1::30:45\"",
                "\"at\": \"2024-03-05T12:3a:45\"",
                "\"at\": \"2024-03-05T12:30:4a\"",
                "\"at\": \"+2024-03-05T12:30:45\"",
                "\"other\": 1", // an unknown column
                "\"i\\u0064\": 1", // an escaped key
                "\"id\": 1, \"id\": 2" // given twice
            })
    void handsOverAnythingUnusual(String member) throws IOException {
        // The member replaces the key's own member in ROW_0, or comes first when ROW_0 has no such key.
        String key = member.substring(0, member.indexOf(':') + 1);
        String row = ROW_0.contains(key)
                ? ROW_0.replaceFirst(Pattern.quote(key) + " (\"[^\"]*\"|[^,}]+)", Matcher.quoteReplacement(member))
                : "{" + member + ", " + ROW_0.substring(1);
        JsonParser json = Json.at("data", "[" + ROW_1 + ", " + row + "]");
        assertNull(FastRecords.read(json, FRAME), row);
        assertEquals(JsonToken.START_ARRAY, json.currentToken(), "the parser has not moved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[" + ROW_0 + ",]", "[" + ROW_0 + "", "[{}]", "[" + ROW_0 + ", null]"})
    void handsOverFramesItDoesNotRead(String frame) throws IOException {
        JsonParser json = Json.at("data", frame);
        assertNull(FastRecords.read(json, FRAME));
        assertEquals(JsonToken.START_ARRAY, json.currentToken());
    }

    /** The per-thread storage is kept between frames of other widths and kinds, and grows for all. */
    @Test
    void readsFramesOfOtherShapesOneAfterAnother() throws IOException {
        DataFrameSpec narrow = DataFrameSpec.of("data", Orient.RECORDS, true, true, column("id", ColumnKind.LONG));
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < 200; i++) {
            rows.append(i == 0 ? "" : ", ").append("{\"id\": ").append(i).append('}');
        }
        Table first = FastRecords.read(Json.at("data", rows.append(']').toString()), narrow);
        assertNotNull(first);
        assertEquals(199L, first.longColumn("id").get(199));
        StringBuilder wide = new StringBuilder("[");
        for (int i = 0; i < 300; i++) {
            wide.append(i == 0 ? "" : ", ").append(ROW_0.replace("Sarah", "S" + i));
        }
        Table second = FastRecords.read(Json.at("data", wide.append(']').toString()), FRAME);
        assertNotNull(second);
        assertEquals(300, second.rowCount());
        assertEquals("S299", second.stringColumn("name").get(299));
        assertEquals(
                LocalDateTime.of(2024, 3, 5, 12, 30, 45),
                second.dateTimeColumn("at").get(299));
    }

    /**
     * Strings of every length around the eight bytes scanned at a time and the sixteen that are looked up
     * among the frame's strings, repeated, near the end of the body, and with non-ASCII after ASCII.
     */
    @Test
    void readsStringsOfEveryLengthOnceEach() throws IOException {
        DataFrameSpec texts = DataFrameSpec.of(
                "data", Orient.RECORDS, true, true, column("s", ColumnKind.STRING), column("t", ColumnKind.STRING));
        java.util.List<String> values = new java.util.ArrayList<>();
        String letters = "abcdefghijklmnopqrstu";
        for (int length = 0; length <= letters.length(); length++) {
            values.add(letters.substring(0, length));
            if (length > 0) {
                values.add(letters.substring(0, length).toUpperCase(java.util.Locale.ROOT));
            }
        }
        values.add("abcdefghé");
        values.add("abcdefghijklmnopé");
        values.add("abcdefghijklmnoq"); // sixteen bytes, differing from another in the last
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < 3 * values.size(); i++) {
            String value = values.get(i % values.size());
            String other = values.get(values.size() - 1 - i % values.size());
            rows.append(i == 0 ? "" : ",")
                    .append("{\"s\":\"")
                    .append(value)
                    .append("\",\"t\":\"")
                    .append(other)
                    .append("\"}");
        }
        Table table = FastRecords.read(Json.at("data", rows.append(']').toString()), texts);
        assertNotNull(table);
        for (int i = 0; i < 3 * values.size(); i++) {
            assertEquals(values.get(i % values.size()), table.stringColumn("s").get(i));
            assertEquals(
                    values.get(values.size() - 1 - i % values.size()),
                    table.stringColumn("t").get(i));
        }
    }

    /** More distinct strings than the per-frame table keeps: the rest are made one by one, still right. */
    @Test
    void readsMoreDistinctStringsThanItLooksUp() throws IOException {
        DataFrameSpec texts = DataFrameSpec.of("data", Orient.RECORDS, true, true, column("s", ColumnKind.STRING));
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            rows.append(i == 0 ? "" : ", ")
                    .append("{\"s\": \"v")
                    .append(i % 400)
                    .append("\"}");
        }
        Table table = FastRecords.read(Json.at("data", rows.append(']').toString()), texts);
        assertNotNull(table);
        for (int i = 0; i < 1000; i++) {
            assertEquals("v" + (i % 400), table.stringColumn("s").get(i));
        }
        assertEquals(400, table.stringColumn("s").countUnique());
    }

    /** Boolean columns are made from their bits: around each 64-row word, the same as one made value by value. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 63, 64, 65, 127, 128, 129, 200})
    void readsBooleanColumnsOfAnyLength(int rows) throws IOException {
        DataFrameSpec flags = DataFrameSpec.of("data", Orient.RECORDS, true, true, column("f", ColumnKind.BOOLEAN));
        boolean[] expected = new boolean[rows];
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < rows; i++) {
            expected[i] = i % 3 == 0 || i == rows - 1;
            json.append(i == 0 ? "" : ", ")
                    .append("{\"f\": ")
                    .append(expected[i])
                    .append('}');
        }
        Table table = FastRecords.read(Json.at("data", json.append(']').toString()), flags);
        assertNotNull(table);
        tech.tablesaw.api.BooleanColumn column = table.booleanColumn("f");
        tech.tablesaw.api.BooleanColumn oneByOne = tech.tablesaw.api.BooleanColumn.create("f", expected);
        assertEquals(rows, column.size());
        assertEquals(oneByOne.asList(), column.asList());
        assertEquals(oneByOne.countTrue(), column.countTrue());
        assertEquals(oneByOne.countFalse(), column.countFalse());
        assertEquals(0, column.countMissing());
        assertEquals(oneByOne.isFalse(), column.isFalse());
    }

    /** Keys are compared eight bytes at a time: names of every length around a word, up to the body's end. */
    @Test
    void matchesKeysOfAnyLength() throws IOException {
        String[] names = {
            "", "a", "abcdefg", "abcdefgh", "abcdefghijklmno", "abcdefghijklmnop", "é€", "abcdefghijklmnopqrstuvw"
        };
        DataFrameSpec.Column[] columns = new DataFrameSpec.Column[names.length];
        for (int c = 0; c < names.length; c++) {
            columns[c] = column(names[c], ColumnKind.LONG);
        }
        DataFrameSpec spec = DataFrameSpec.of("data", Orient.RECORDS, true, true, columns);
        StringBuilder body = new StringBuilder("{\"data\":[{");
        for (int c = names.length - 1; c >= 0; c--) {
            body.append('"').append(names[c]).append("\":").append(c).append(c == 0 ? "}," : ",");
        }
        // The second row ends with a key of 16 bytes, with fewer than the 24 bytes of its words left after it.
        body.append('{');
        for (int c = 0; c < names.length; c++) {
            int column = c < 5 ? c : c == names.length - 1 ? 5 : c + 1;
            body.append('"')
                    .append(names[column])
                    .append("\":")
                    .append(column)
                    .append(c == names.length - 1 ? "}" : ",");
        }
        body.append("]}");
        Table table = FastRecords.read(Json.atBody(body.toString()), spec);
        assertNotNull(table, body::toString);
        for (int c = 0; c < names.length; c++) {
            assertEquals(c, table.longColumn(names[c]).get(0));
            assertEquals(c, table.longColumn(names[c]).get(1));
        }
        DataFrameSpec longer =
                DataFrameSpec.of("data", Orient.RECORDS, true, true, column("abcdefghi", ColumnKind.LONG));
        assertNull(FastRecords.read(Json.at("data", "[{\"abcdefgh\": 1}]"), longer));
        assertNull(FastRecords.read(Json.at("data", "[{\"abcdefghij\": 1}]"), longer));
        assertNull(FastRecords.read(Json.at("data", "[{\"abcdefghI\": 1}]"), longer));
    }

    @Test
    void handsOverStringsThatAreNotUtf8() throws IOException {
        // A parser over bytes no one checked: Jackson decodes some malformed UTF-8 in its own way.
        byte[] row = ("[{\"id\": 1, \"n\": 2, \"amount\": 3, \"name\": \"a\u00e9\", \"active\": true,"
                        + " \"at\": \"2024-03-05T12:30:45\"}]")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertNotNull(
                FastRecords.read(Json.at("data", new String(row, java.nio.charset.StandardCharsets.UTF_8)), FRAME));
        byte[] body = ("{\"data\": " + new String(row, java.nio.charset.StandardCharsets.ISO_8859_1) + "}")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int accent = indexOf(body, (byte) 0xC3);
        body[accent] = (byte) 0xC0; // an overlong encoding
        JsonParser json = BodyJsonFactory.create().createParser(body);
        json.nextToken();
        json.nextToken();
        json.nextToken();
        assertNull(FastRecords.read(json, FRAME));
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new AssertionError("no byte " + b);
    }

    @Test
    void leavesOtherOrientsAndUnenforcedFramesToTheCarefulReader() throws IOException {
        DataFrameSpec inferred = DataFrameSpec.of("data", Orient.RECORDS, false, true, column("id", ColumnKind.LONG));
        assertNull(FastRecords.read(Json.at("data", "[{\"id\": 1}]"), inferred));
        DataFrameSpec dates = DataFrameSpec.of("data", Orient.RECORDS, true, true, column("d", ColumnKind.DATE));
        assertNull(FastRecords.read(Json.at("data", "[{\"d\": \"2020-01-01\"}]"), dates));
    }
}

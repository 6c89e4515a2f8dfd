package dev.scorespec.runtime.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.scorespec.annotations.ColumnKind;
import dev.scorespec.annotations.Orient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The fast path for frames in orient records ({@link FastRecords}) against the careful path alone, on the
 * same bodies: random frames of up to five columns of random kinds (some that only the careful path
 * reads), nullable or not, with rows whose keys come in any order, are missing, repeated, unknown or
 * escaped, values in every form JSON allows and some it does not (nulls, escapes, non-ASCII text, odd
 * numbers and date-times), random white space and random damage; and arbitrary bytes. Both must give the
 * same frame and leave the parser at the same place, or fail with the same error
 * ({@link FastPathDifferential}).
 *
 * <p>{@code mvn verify} fuzzes this for {@code fuzz.seconds} with a fixed seed; a longer run:
 * {@code mvn -B -pl runtime -am verify -Dfuzz.only=true -Dfuzz.include=FastRecordsFuzzTest
 * -Dfuzz.seconds=3600 -Dfuzz.seed=0}.
 */
class FastRecordsFuzzTest {

    private static final ColumnKind[] KINDS = {
        ColumnKind.LONG,
        ColumnKind.INTEGER,
        ColumnKind.DOUBLE,
        ColumnKind.STRING,
        ColumnKind.BOOLEAN,
        ColumnKind.DATE_TIME,
        ColumnKind.LONG,
        ColumnKind.DOUBLE,
        ColumnKind.STRING,
        ColumnKind.DATE_TIME,
        ColumnKind.DATE,
        ColumnKind.TIMEDELTA
    };

    // Names shorter and longer than the eight bytes keys are compared by at a time.
    private static final String[] NAMES = {
        "id",
        "amount",
        "name",
        "active",
        "at",
        "x",
        "é",
        "a b",
        "q\"t",
        "",
        "sixteen_bytes_ab",
        "a_name_of_23_bytes_long"
    };

    /** Strings that repeat across rows, as a frame's text columns do: around the 8 and 16 bytes read at a time. */
    private static final String[] REPEATED = {
        "Sarah", "Tom", "a", "", "eight_by", "sixteen_bytes_ab", "seventeen_bytes_a", "sixteen_bytes_aB", "Tomás", "日本"
    };

    private static final String[] WHITE_SPACE = {"", "", "", " ", "\n", "\r\n", "\t", "  \n "};

    private static final String[] ODD_VALUES = {
        "null",
        "0",
        "-0",
        "7.0",
        "7e0",
        "1e400",
        "2147483647",
        "2147483648",
        "-2147483648",
        "-2147483647",
        "123456789012345678",
        "1234567890123456789",
        "-9223372036854775808",
        "01",
        "1.",
        "-",
        "true",
        "false",
        "tru",
        "truex",
        "\"\"",
        "\"a\\nb\"",
        "\"\\u0041\"",
        "\"é\"",
        "\"tab\there\"",
        "\"2024-03-05T12:30:45\"",
        "\"2024-03-05T12:30:45.123\"",
        "\"2024-03-05T12:30:45.1234\"",
        "\"2024-03-05T12:30:45.1230000000001\"",
        "\"2024-03-05t12:30:45.5\"",
        "\"2024-02-29T00:00:00\"",
        "\"2023-02-29T00:00:00\"",
        "\"2024-13-01T00:00:00\"",
        "\"2024-03-05T24:00:00\"",
        "\"2024-03-05T12:30:60\"",
        "\"2024-03-05T12:30\"",
        "\"2024-03-05T12:30:45Z\"",
        "\"2024-03-05T12:30:45.\"",
        "\"0000-01-01T00:00:00\"",
        "\"9999-12-31T23:59:59.999\"",
        "\"2024-03-05\"",
        "\"P1D\"",
        "[]",
        "{}"
    };

    @FuzzTest
    void fastAndCarefulAgree(FuzzedDataProvider data) {
        int width = data.consumeInt(1, 5);
        List<DataFrameSpec.Column> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            String name = data.pickValue(NAMES);
            if (names.contains(name)) {
                name = name + c;
            }
            names.add(name);
            ColumnKind kind = data.pickValue(KINDS);
            columns.add(new DataFrameSpec.Column(name, kind, data.consumeInt(0, 3) == 0));
        }
        DataFrameSpec spec = DataFrameSpec.of(
                "data",
                Orient.RECORDS,
                data.consumeInt(0, 7) > 0,
                data.consumeInt(0, 7) > 0,
                columns.toArray(new DataFrameSpec.Column[0]));
        byte[] body = data.consumeInt(0, 9) == 0
                ? data.consumeRemainingAsBytes()
                : generated(data, spec).getBytes(StandardCharsets.UTF_8);
        FastPathDifferential.Reader reader = json -> describe(DataFrameReader.read(json, spec));
        assertEquals(
                FastPathDifferential.careful(body, reader),
                FastPathDifferential.fast(body, reader),
                () -> spec + ", body " + new String(body, StandardCharsets.UTF_8));
    }

    /** The frame's columns, their types and every value, doubles in full. */
    static String describe(Table table) {
        StringBuilder out = new StringBuilder(table.name())
                .append(' ')
                .append(table.rowCount())
                .append(" rows");
        for (Column<?> column : table.columns()) {
            out.append("\n  ")
                    .append(column.name())
                    .append(' ')
                    .append(column.type())
                    .append(':');
            for (int i = 0; i < column.size(); i++) {
                out.append(' ').append(column.isMissing(i) ? "missing" : column.get(i));
            }
        }
        return out.toString();
    }

    /** A body of mostly well-formed records of the spec's columns, which are what the fast path reads. */
    private static String generated(FuzzedDataProvider data, DataFrameSpec spec) {
        StringBuilder out = new StringBuilder();
        out.append(space(data))
                .append("{\"data\":")
                .append(space(data))
                .append('[')
                .append(space(data));
        int rows = data.consumeInt(0, 5);
        for (int row = 0; row < rows; row++) {
            if (row > 0) {
                out.append(space(data)).append(',').append(space(data));
            }
            out.append('{').append(space(data));
            List<Integer> order = new ArrayList<>();
            for (int c = 0; c < spec.size(); c++) {
                order.add(c);
            }
            if (data.consumeBoolean()) {
                java.util.Collections.rotate(order, data.consumeInt(0, spec.size()));
            }
            int keys = data.consumeInt(0, 9) == 0 ? data.consumeInt(0, spec.size() + 1) : spec.size();
            for (int k = 0; k < keys; k++) {
                if (k > 0) {
                    out.append(space(data)).append(',').append(space(data));
                }
                int c = order.get(k % spec.size());
                out.append(key(data, spec.name(c)))
                        .append(space(data))
                        .append(':')
                        .append(space(data));
                out.append(value(data, spec.columns().get(c).kind()));
            }
            out.append(space(data)).append('}');
        }
        out.append(space(data)).append(']');
        if (data.consumeBoolean()) {
            out.append(", \"after\": [1.5]");
        }
        out.append('}');
        String body = out.toString();
        int damage = data.consumeInt(-8, 2);
        for (int i = 0; i < damage && !body.isEmpty(); i++) {
            int at = data.consumeInt(0, body.length() - 1);
            body = body.substring(0, at) + data.consumeString(2) + body.substring(at + (data.consumeBoolean() ? 1 : 0));
        }
        return body;
    }

    private static String key(FuzzedDataProvider data, String name) {
        String escaped = name.replace("\\", "\\\\").replace("\"", "\\\"");
        switch (data.consumeInt(0, 19)) {
            case 0:
                return "\"other\"";
            case 1:
                return escaped.isEmpty()
                        ? "\"\\u0020\""
                        : "\"\\u" + String.format("%04x", (int) escaped.charAt(0)) + escaped.substring(1) + "\"";
            case 2:
                return "\"" + escaped + "x\"";
            default:
                return "\"" + escaped + "\"";
        }
    }

    private static String value(FuzzedDataProvider data, ColumnKind kind) {
        if (data.consumeInt(0, 5) == 0) {
            return data.pickValue(ODD_VALUES);
        }
        switch (kind) {
            case LONG:
                return Long.toString(data.consumeLong(-999_999_999_999L, 999_999_999_999L));
            case INTEGER:
                return Integer.toString(data.consumeInt());
            case DOUBLE:
                return data.consumeBoolean()
                        ? Double.toString(data.consumeRegularDouble())
                        : Long.toString(data.consumeLong(-99_999, 99_999));
            case STRING:
                String text = switch (data.consumeInt(0, 2)) {
                    case 0 -> data.pickValue(REPEATED);
                    case 1 -> data.consumeAsciiString(20);
                    default -> data.consumeString(20);
                };
                return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case BOOLEAN:
                return data.consumeBoolean() ? "true" : "false";
            default:
                // date-times of the plain form, with 0 to 4 fraction digits
                return String.format(
                        "\"%04d-%02d-%02dT%02d:%02d:%02d%s\"",
                        data.consumeInt(0, 9999),
                        data.consumeInt(1, 12),
                        data.consumeInt(1, 31),
                        data.consumeInt(0, 23),
                        data.consumeInt(0, 59),
                        data.consumeInt(0, 59),
                        data.pickValue(new String[] {"", ".5", ".123", ".1230", ".000", ".1234"}));
        }
    }

    private static String space(FuzzedDataProvider data) {
        return data.pickValue(WHITE_SPACE);
    }
}

package dev.scorespec.benchmarks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scorespec.benchmarks.Payloads.Row;
import dev.scorespec.benchmarks.scoring.RecordsFrameScore;
import dev.scorespec.benchmarks.scoring.RecordsFrameScore_ScoreSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.json.JsonReadOptions;

/**
 * Binding a 1000-row data frame sent as records ({@code {"data": [{"id": ..., "amount": ..., "name": ...,
 * "active": ..., "at": ...}, ...]}}: int64, float64, str, bool and datetime64 columns) from the same bytes
 * in the same JVM. Roles by method name, as in {@link NdArrayBinding}: {@code limit} streams every value
 * into its column array with no checks; {@code databind} reads a list of records; {@code tree} reads
 * {@link JsonNode}s and converts them to the same records; {@code tablesaw} is Tablesaw's own JSON reader
 * into a {@link Table}, given the column types so that it does not have to guess them.
 *
 * {@code binder} is the binder the processor generates for {@link RecordsFrameScore}'s {@code @DataFrame}
 * sample, driven as the server drives it, into a Tablesaw {@link Table}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DataFrameBinding {

    private static final Map<String, ColumnType> TABLESAW_TYPES = Map.of(
            "id",
            ColumnType.LONG,
            "amount",
            ColumnType.DOUBLE,
            "name",
            ColumnType.STRING,
            "active",
            ColumnType.BOOLEAN,
            "at",
            ColumnType.LOCAL_DATE_TIME);

    /** Rows of the frame. */
    @Param({"1000"})
    public int rows;

    private byte[] body;
    private Map<String, String> headers;
    private byte[] carefulBody;
    private Map<String, String> carefulHeaders;
    private final RecordsFrameScore_ScoreSpec frameBinder = new RecordsFrameScore_ScoreSpec();

    /** The frame as a developer maps it with databind. */
    public static final class RecordsFrame {
        public List<Row> data;
    }

    /** The frame column by column, as the limit reads it. */
    public record Columns(long[] id, double[] amount, String[] name, boolean[] active, LocalDateTime[] at, int rows) {}

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        body = Payloads.records(rows);
        headers = ServerRequests.headers(body);
        carefulBody = ServerRequests.carefulOnly(body);
        carefulHeaders = ServerRequests.headers(carefulBody);
        checkSameValues();
    }

    /** The generated binder: the records straight into the Table's columns, every value checked. */
    @Benchmark
    public Object binder() throws IOException {
        return frameBinder.bind(ServerRequests.score(headers, body));
    }

    /** The same binder on the careful path alone (Jackson's tokens), as binders were before the fast path. */
    @Benchmark
    public Object careful() throws IOException {
        return frameBinder.bind(ServerRequests.score(carefulHeaders, carefulBody));
    }

    /** The cost of the bytes themselves: each value into its column, by field name, nothing checked. */
    @Benchmark
    public Columns limit() throws IOException {
        long[] id = new long[16];
        double[] amount = new double[16];
        String[] name = new String[16];
        boolean[] active = new boolean[16];
        LocalDateTime[] at = new LocalDateTime[16];
        int row = -1;
        try (JsonParser json = Baselines.STREAMING.createParser(body)) {
            json.nextToken(); // {
            json.nextToken(); // "data"
            json.nextToken(); // [
            for (JsonToken token = json.nextToken(); token == JsonToken.START_OBJECT; token = json.nextToken()) {
                if (++row == id.length) {
                    int capacity = row * 2;
                    id = Arrays.copyOf(id, capacity);
                    amount = Arrays.copyOf(amount, capacity);
                    name = Arrays.copyOf(name, capacity);
                    active = Arrays.copyOf(active, capacity);
                    at = Arrays.copyOf(at, capacity);
                }
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    JsonToken value = json.nextToken();
                    switch (field) {
                        case "id" -> id[row] = json.getLongValue();
                        case "amount" -> amount[row] = json.getDoubleValue();
                        case "name" -> name[row] = json.getText();
                        case "active" -> active[row] = value == JsonToken.VALUE_TRUE;
                        case "at" -> at[row] = dateTimeAsSent(json);
                        default -> json.skipChildren();
                    }
                }
            }
        }
        return new Columns(id, amount, name, active, at, row + 1);
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss.SSS} read at fixed positions from the parser's characters, with no
     * check: the least a date-time column can cost.
     */
    private static LocalDateTime dateTimeAsSent(JsonParser json) throws IOException {
        char[] c = json.getTextCharacters();
        int o = json.getTextOffset();
        return LocalDateTime.of(
                digits(c, o, 4),
                digits(c, o + 5, 2),
                digits(c, o + 8, 2),
                digits(c, o + 11, 2),
                digits(c, o + 14, 2),
                digits(c, o + 17, 2),
                digits(c, o + 20, 3) * 1_000_000);
    }

    private static int digits(char[] c, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (c[i] - '0');
        }
        return value;
    }

    /** What a developer writes today: databind into a list of records. */
    @Benchmark
    public List<Row> databind() throws IOException {
        return Baselines.MAPPER.readValue(body, RecordsFrame.class).data;
    }

    /** Tree binding: parse into {@link JsonNode}s, then convert each object to a record. */
    @Benchmark
    public List<Row> tree() throws IOException {
        JsonNode data = Baselines.MAPPER.readTree(body).get("data");
        List<Row> list = new ArrayList<>(data.size());
        for (JsonNode row : data) {
            list.add(new Row(
                    row.get("id").longValue(),
                    row.get("amount").doubleValue(),
                    row.get("name").textValue(),
                    row.get("active").booleanValue(),
                    LocalDateTime.parse(row.get("at").textValue())));
        }
        return list;
    }

    /** Tablesaw's own JSON reader, pointed at {@code /data}, with the column types given. */
    @Benchmark
    public Table tablesaw() throws IOException {
        return Table.read()
                .usingOptions(JsonReadOptions.builder(new ByteArrayInputStream(body))
                        .path("/data")
                        .columnTypesPartial(TABLESAW_TYPES)
                        .dateTimeFormat(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .build());
    }

    /**
     * The bytes of the frame held column by column, as the limit returns it: one primitive array per
     * number or bool column, and a reference array per str and datetime64 column with a {@code String}
     * (Latin-1 bytes) or a {@code LocalDateTime} (with its date and time) per row.
     */
    public static long decodedBytes(String benchmark, Map<String, String> params) {
        List<Row> rows = Payloads.recordRows(Integer.parseInt(params.get("rows")));
        long n = rows.size();
        long bytes = HeapSizes.array(n, Long.BYTES)
                + HeapSizes.array(n, Double.BYTES)
                + HeapSizes.array(n, 1)
                + 2 * HeapSizes.array(n, HeapSizes.REFERENCE);
        for (Row row : rows) {
            // String: hash, coder, hashIsZero, value; LocalDateTime: date, time; LocalDate: year, month, day;
            // LocalTime: hour, minute, second, nano
            bytes += HeapSizes.object(4 + 1 + 1 + HeapSizes.REFERENCE)
                    + HeapSizes.array(row.name().length(), 1);
            bytes += HeapSizes.object(2 * HeapSizes.REFERENCE) + HeapSizes.object(4 + 2 + 2) + HeapSizes.object(3 + 4);
        }
        return bytes;
    }

    /** Fails the run when the methods do not all read the same frame: the comparison would be void. */
    private void checkSameValues() throws IOException {
        String expected = digest(Payloads.recordRows(rows));
        Columns columns = limit();
        List<Row> fromColumns = new ArrayList<>();
        for (int i = 0; i < columns.rows(); i++) {
            fromColumns.add(new Row(
                    columns.id()[i], columns.amount()[i], columns.name()[i], columns.active()[i], columns.at()[i]));
        }
        Checks.same("limit", expected, digest(fromColumns));
        Checks.same("databind", expected, digest(databind()));
        Checks.same("tree", expected, digest(tree()));
        Checks.same("tablesaw", expected, digest(rowsOf(tablesaw())));
        Checks.same("binder", expected, digest(rowsOf(((RecordsFrameScore_ScoreSpec.Arguments) binder()).data())));
        Checks.same("careful", expected, digest(rowsOf(((RecordsFrameScore_ScoreSpec.Arguments) careful()).data())));
    }

    private static List<Row> rowsOf(Table table) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < table.rowCount(); i++) {
            rows.add(new Row(
                    table.longColumn("id").getLong(i),
                    table.doubleColumn("amount").getDouble(i),
                    table.stringColumn("name").get(i),
                    table.booleanColumn("active").get(i),
                    table.dateTimeColumn("at").get(i)));
        }
        return rows;
    }

    private static String digest(List<Row> rows) {
        long ids = 0;
        double amounts = 0;
        long names = 0;
        int actives = 0;
        long seconds = 0;
        for (Row row : rows) {
            ids += row.id();
            amounts += row.amount();
            names = names * 31 + row.name().hashCode();
            actives += row.active() ? 1 : 0;
            seconds += row.at().toEpochSecond(ZoneOffset.UTC);
        }
        return rows.size() + " rows, ids " + ids + ", amounts " + amounts + ", names " + names + ", actives " + actives
                + ", seconds " + seconds;
    }
}

package dev.scorespec.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The request bodies every benchmark of a payload reads, built once from a fixed seed so that each run,
 * and each baseline within a run, parses the same bytes. Formatted as Python clients send them
 * ({@code json.dumps}: {@code ", "} and {@code ": "} separators, floats at full precision).
 */
public final class Payloads {

    /** Every payload is drawn from this seed: runs compare the same bytes. */
    static final long SEED = 20_261_124L;

    private static final String[] NAMES = {
        "Sarah", "John", "Amelia", "Oliver", "Maya", "Noah", "Chloe", "Liam", "Ines", "Mateo",
        "Zoe", "Hugo", "Lena", "Elias", "Nora", "Arjun", "Yuki", "Omar", "Freya", "Tomás",
    };

    private Payloads() {}

    /**
     * {@code {"data": [[...], ...]}}: {@code rows} rows of {@code columns} float64 values, scaled like
     * the standardized features of the diabetes data set the ridge sample was trained on (about
     * -0.1 to 0.1, printed with up to 17 significant digits).
     */
    public static byte[] ndarray(int rows, int columns) {
        Random random = new Random(SEED);
        StringBuilder json = new StringBuilder(rows * columns * 22 + 16);
        json.append("{\"data\": [");
        for (int i = 0; i < rows; i++) {
            json.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < columns; j++) {
                if (j > 0) {
                    json.append(", ");
                }
                json.append(random.nextGaussian() * 0.05);
            }
            json.append(']');
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One row of the records payload: int64, float64, str, bool and datetime64 columns. */
    public record Row(long id, double amount, String name, boolean active, LocalDateTime at) {}

    /** The rows of {@link #records}, drawn from the seed. */
    public static List<Row> recordRows(int rows) {
        Random random = new Random(SEED);
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
        List<Row> list = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            list.add(new Row(
                    100_000 + i,
                    Math.round(random.nextDouble() * 1_000_000) / 100.0,
                    NAMES[random.nextInt(NAMES.length)],
                    random.nextBoolean(),
                    start.plusSeconds(random.nextInt(366 * 86_400))));
        }
        return list;
    }

    /**
     * {@code {"data": [{"id": 100000, "amount": 7310.55, "name": "Sarah", "active": true, "at": "2024-03-05T12:30:45.000"}, ...]}}:
     * a pandas data frame sent with {@code orient='records'} (datetime64 as pandas writes it, to the
     * millisecond, without offset).
     */
    public static byte[] records(int rows) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
        StringBuilder json = new StringBuilder(rows * 110 + 16).append("{\"data\": [");
        List<Row> list = recordRows(rows);
        for (int i = 0; i < list.size(); i++) {
            Row row = list.get(i);
            json.append(i == 0 ? "{" : ", {")
                    .append("\"id\": ")
                    .append(row.id())
                    .append(", \"amount\": ")
                    .append(row.amount())
                    .append(", \"name\": \"")
                    .append(row.name())
                    .append('"')
                    .append(", \"active\": ")
                    .append(row.active())
                    .append(", \"at\": \"")
                    .append(format.format(row.at()))
                    .append('"')
                    .append('}');
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}

package dev.scorespec.benchmarks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scorespec.benchmarks.scoring.PowerBiScore_ScoreSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import tech.tablesaw.api.Table;

/**
 * Binding the Power BI request of the samples' {@code PowerBiScore} ({@code {"Inputs": {"input1": [[10
 * float64]...], "input2": [{"name": ..., "age": ...}...], "input3": 0.0}, "GlobalParameters": 1.0}}) from
 * the same bytes in the same JVM, with {@code rows} rows in both {@code input1} and {@code input2}: 2 as in
 * the docs' example, 1000 for a large request. Roles as in {@link NdArrayBinding}: {@code binder} is the
 * generated binder, {@code limit} streams every value into plain arrays with no checks, {@code databind}
 * maps classes, {@code tree} walks {@link JsonNode}s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PowerBiBinding {

    /** Rows of {@code input1} and of {@code input2}. */
    @Param({"2", "1000"})
    public int rows;

    private byte[] body;
    private Map<String, String> headers;
    private byte[] carefulBody;
    private Map<String, String> carefulHeaders;
    private final PowerBiScore_ScoreSpec powerBiBinder = new PowerBiScore_ScoreSpec();

    /** The request as a developer maps it with databind. */
    public static final class Request {
        public InputsBody Inputs;
        public Double GlobalParameters;
    }

    /** {@code Inputs} for databind. */
    public static final class InputsBody {
        public double[][] input1;
        public List<Person> input2;
        public double input3;
    }

    /** One row of {@code input2}. */
    public record Person(String name, long age) {}

    /** What every method decodes, in plain arrays. */
    public record Decoded(double[][] input1, String[] names, long[] ages, double input3, Double globalParameters) {}

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        body = payload(rows);
        headers = ServerRequests.headers(body);
        carefulBody = ServerRequests.carefulOnly(body);
        carefulHeaders = ServerRequests.headers(carefulBody);
        checkSameValues();
    }

    /** The request body, formatted as Python's {@code json.dumps} writes it, drawn from the fixed seed. */
    static byte[] payload(int rows) {
        Random random = new Random(Payloads.SEED);
        StringBuilder json = new StringBuilder(rows * 260 + 64).append("{\"Inputs\": {\"input1\": [");
        for (int i = 0; i < rows; i++) {
            json.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < 10; j++) {
                json.append(j == 0 ? "" : ", ").append(random.nextGaussian() * 0.05);
            }
            json.append(']');
        }
        json.append("], \"input2\": [");
        for (int i = 0; i < rows; i++) {
            json.append(i == 0 ? "" : ", ")
                    .append("{\"name\": \"")
                    .append(i % 2 == 0 ? "Sarah" : "John")
                    .append("\", \"age\": ")
                    .append(18 + random.nextInt(70))
                    .append('}');
        }
        json.append("], \"input3\": 0.0}, \"GlobalParameters\": 1.0}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The generated binder, driven as the server drives it. */
    @Benchmark
    public Object binder() throws IOException {
        return powerBiBinder.bind(ServerRequests.score(headers, body));
    }

    /** The same binder on the careful path alone (Jackson's tokens), as binders were before the fast path. */
    @Benchmark
    public Object careful() throws IOException {
        return powerBiBinder.bind(ServerRequests.score(carefulHeaders, carefulBody));
    }

    /** The cost of the bytes themselves: every value into plain arrays, by field name, nothing checked. */
    @Benchmark
    public Decoded limit() throws IOException {
        double[][] input1 = new double[16][];
        String[] names = new String[16];
        long[] ages = new long[16];
        int matrixRows = 0;
        int people = 0;
        double input3 = 0;
        Double globalParameters = null;
        try (JsonParser json = Baselines.STREAMING.createParser(body)) {
            json.nextToken(); // {
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                if (field.equals("GlobalParameters")) {
                    globalParameters = json.getDoubleValue();
                    continue;
                }
                while (json.nextToken() == JsonToken.FIELD_NAME) { // Inputs
                    String input = json.currentName();
                    json.nextToken();
                    switch (input) {
                        case "input1" -> {
                            while (json.nextToken() == JsonToken.START_ARRAY) {
                                double[] row = new double[10];
                                int j = 0;
                                while (json.nextToken() != JsonToken.END_ARRAY) {
                                    row[j++] = json.getDoubleValue();
                                }
                                if (matrixRows == input1.length) {
                                    input1 = Arrays.copyOf(input1, matrixRows * 2);
                                }
                                input1[matrixRows++] = row;
                            }
                        }
                        case "input2" -> {
                            while (json.nextToken() == JsonToken.START_OBJECT) {
                                if (people == names.length) {
                                    names = Arrays.copyOf(names, people * 2);
                                    ages = Arrays.copyOf(ages, people * 2);
                                }
                                while (json.nextToken() == JsonToken.FIELD_NAME) {
                                    String column = json.currentName();
                                    json.nextToken();
                                    if (column.equals("name")) {
                                        names[people] = json.getText();
                                    } else {
                                        ages[people] = json.getLongValue();
                                    }
                                }
                                people++;
                            }
                        }
                        case "input3" -> input3 = json.getDoubleValue();
                        default -> json.skipChildren();
                    }
                }
            }
        }
        return new Decoded(
                Arrays.copyOf(input1, matrixRows),
                Arrays.copyOf(names, people),
                Arrays.copyOf(ages, people),
                input3,
                globalParameters);
    }

    /** What a developer writes today: databind into classes. */
    @Benchmark
    public Request databind() throws IOException {
        return Baselines.MAPPER.readValue(body, Request.class);
    }

    /** Tree binding: parse into {@link JsonNode}s, then convert. */
    @Benchmark
    public Decoded tree() throws IOException {
        JsonNode root = Baselines.MAPPER.readTree(body);
        JsonNode inputs = root.get("Inputs");
        JsonNode matrix = inputs.get("input1");
        double[][] input1 = new double[matrix.size()][];
        for (int i = 0; i < input1.length; i++) {
            JsonNode row = matrix.get(i);
            input1[i] = new double[row.size()];
            for (int j = 0; j < row.size(); j++) {
                input1[i][j] = row.get(j).doubleValue();
            }
        }
        JsonNode frame = inputs.get("input2");
        String[] names = new String[frame.size()];
        long[] ages = new long[frame.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = frame.get(i).get("name").textValue();
            ages[i] = frame.get(i).get("age").longValue();
        }
        JsonNode global = root.get("GlobalParameters");
        return new Decoded(
                input1, names, ages, inputs.get("input3").doubleValue(), global == null ? null : global.doubleValue());
    }

    /** Fails the run when the methods do not all read the same request: the comparison would be void. */
    private void checkSameValues() throws IOException {
        String expected = digest(limit());
        Checks.same("tree", expected, digest(tree()));
        Request mapped = databind();
        Checks.same(
                "databind",
                expected,
                digest(new Decoded(
                        mapped.Inputs.input1,
                        mapped.Inputs.input2.stream().map(Person::name).toArray(String[]::new),
                        mapped.Inputs.input2.stream().mapToLong(Person::age).toArray(),
                        mapped.Inputs.input3,
                        mapped.GlobalParameters)));
        Checks.same("binder", expected, digest((PowerBiScore_ScoreSpec.Arguments) binder()));
        Checks.same("careful", expected, digest((PowerBiScore_ScoreSpec.Arguments) careful()));
    }

    private static String digest(PowerBiScore_ScoreSpec.Arguments bound) {
        Table frame = bound.Inputs().input2();
        String[] names = new String[frame.rowCount()];
        long[] ages = new long[frame.rowCount()];
        for (int i = 0; i < names.length; i++) {
            names[i] = frame.stringColumn("name").get(i);
            ages[i] = frame.longColumn("age").getLong(i);
        }
        return digest(
                new Decoded(bound.Inputs().input1(), names, ages, bound.Inputs().input3(), bound.GlobalParameters()));
    }

    private static String digest(Decoded d) {
        List<String> parts = new ArrayList<>();
        parts.add(Arrays.deepToString(d.input1()));
        parts.add(Arrays.toString(d.names()));
        parts.add(Arrays.toString(d.ages()));
        parts.add(d.input3() + " " + d.globalParameters());
        return String.join(" | ", parts);
    }
}

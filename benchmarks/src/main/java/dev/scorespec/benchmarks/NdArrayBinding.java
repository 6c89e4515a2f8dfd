package dev.scorespec.benchmarks;

import com.dslplatform.json.JsonReader;
import com.dslplatform.json.NumberConverter;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scorespec.benchmarks.scoring.RidgeMatrixScore_ScoreSpec;
import dev.scorespec.benchmarks.scoring.RidgeNdArrayScore_ScoreSpec;
import dev.scorespec.runtime.NDArray;
import java.io.IOException;
import java.util.Arrays;
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

/**
 * Binding the ridge sample's input, {@code {"data": [[10 float64 values], ...]}}, from the same bytes in
 * the same JVM: the generated binders (to {@code double[][]} and to {@link NDArray}) against what the
 * bytes cost to parse at all and what a Java developer writes by hand.
 *
 * <p>Method names give the role the report ({@link Report}) computes ratios with: {@code binder*} are the
 * generated binders, driven as the server drives them; {@code limit} is Jackson's streaming parser
 * copying every number into a flat {@code double[]} with no checks at all; {@code databind} is
 * {@code ObjectMapper.readValue} into a class with a {@code double[][]} field; {@code tree} is
 * {@code readTree} then a walk of the nodes into {@code double[][]}; {@code careful} and
 * {@code carefulNdArray} are the binders on their careful path alone (Jackson's tokens), as they were
 * before the fast path; {@code dsljson} is DSL-JSON's reader in a hand-written loop. Every parser comes from a factory
 * created once, with fast floating-point parsing on, as the server's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class NdArrayBinding {

    /** Rows x columns of the {@code data} matrix. */
    @Param({"1x10", "1000x10"})
    public String shape;

    private byte[] body;
    private Map<String, String> headers;
    private byte[] carefulBody;
    private Map<String, String> carefulHeaders;
    private final JsonReader<Object> dslReader = Baselines.DSL_JSON.newReader();
    private final RidgeMatrixScore_ScoreSpec matrixBinder = new RidgeMatrixScore_ScoreSpec();
    private final RidgeNdArrayScore_ScoreSpec ndArrayBinder = new RidgeNdArrayScore_ScoreSpec();

    /** The data matrix as a developer maps it with databind. */
    public static final class DataMatrix {
        public double[][] data;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        body = Payloads.ndarray(rows(shape), columns(shape));
        headers = ServerRequests.headers(body);
        carefulBody = ServerRequests.carefulOnly(body);
        carefulHeaders = ServerRequests.headers(carefulBody);
        checkSameValues();
    }

    /** The generated binder to {@code double[][]}, as the ridge sample declares it. */
    @Benchmark
    public Object binder() throws IOException {
        return matrixBinder.bind(ServerRequests.score(headers, body));
    }

    /** The generated binder to {@link NDArray}: flat row-major storage. */
    @Benchmark
    public Object binderNdArray() throws IOException {
        return ndArrayBinder.bind(ServerRequests.score(headers, body));
    }

    /** The same binder on the careful path alone (Jackson's tokens), as binders were before the fast path. */
    @Benchmark
    public Object careful() throws IOException {
        return matrixBinder.bind(ServerRequests.score(carefulHeaders, carefulBody));
    }

    /** {@link #binderNdArray} on the careful path alone. */
    @Benchmark
    public Object carefulNdArray() throws IOException {
        return ndArrayBinder.bind(ServerRequests.score(carefulHeaders, carefulBody));
    }

    /**
     * DSL-JSON, the fastest JSON library for Java found on Maven Central, as its own guide recommends
     * for speed: one reader reused across requests and a hand-written loop, each row read by its
     * {@code double[]} reader, doubles parsed exactly (its other settings round some numbers otherwise).
     */
    @Benchmark
    public double[][] dsljson() throws IOException {
        JsonReader<Object> json = dslReader.process(body, body.length);
        json.getNextToken(); // {
        double[][] data = null;
        if (json.getNextToken() == '"') {
            do {
                String key = json.readKey();
                if (key.equals("data")) {
                    data = json.readCollection(NumberConverter.DOUBLE_ARRAY_READER)
                            .toArray(new double[0][]);
                } else {
                    json.skip();
                }
            } while (json.getNextToken() == ',' && json.getNextToken() == '"');
        }
        return data;
    }

    /** The cost of the bytes themselves: every number into a flat {@code double[]}, nothing checked. */
    @Benchmark
    public double[] limit() throws IOException {
        try (JsonParser json = Baselines.STREAMING.createParser(body)) {
            double[] values = new double[16];
            int size = 0;
            for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
                    if (size == values.length) {
                        values = Arrays.copyOf(values, size * 2);
                    }
                    values[size++] = json.getDoubleValue();
                }
            }
            return values;
        }
    }

    /** What a developer writes today: databind into a class with a {@code double[][] data} field. */
    @Benchmark
    public double[][] databind() throws IOException {
        return Baselines.MAPPER.readValue(body, DataMatrix.class).data;
    }

    /** Tree binding: parse into {@link JsonNode}s, then convert them. */
    @Benchmark
    public double[][] tree() throws IOException {
        JsonNode data = Baselines.MAPPER.readTree(body).get("data");
        double[][] rows = new double[data.size()][];
        for (int i = 0; i < rows.length; i++) {
            JsonNode row = data.get(i);
            double[] values = new double[row.size()];
            for (int j = 0; j < values.length; j++) {
                values[j] = row.get(j).doubleValue();
            }
            rows[i] = values;
        }
        return rows;
    }

    /**
     * The bytes of what a binder returns, which the report compares with the bytes allocated per request:
     * {@code double[rows][columns]}, or an {@link NDArray} (object, shape and flat storage).
     */
    public static long decodedBytes(String benchmark, Map<String, String> params) {
        String shape = params.get("shape");
        long rows = rows(shape);
        long columns = columns(shape);
        if (benchmark.endsWith("NdArray")) {
            return HeapSizes.object(3 * HeapSizes.REFERENCE + Integer.BYTES)
                    + HeapSizes.array(2, Integer.BYTES)
                    + HeapSizes.array(rows * columns, Double.BYTES);
        }
        return HeapSizes.array(rows, HeapSizes.REFERENCE) + rows * HeapSizes.array(columns, Double.BYTES);
    }

    /** The values {@link #binderNdArray} binds, for tests. */
    double[] binderNdArrayValues() throws IOException {
        return ((RidgeNdArrayScore_ScoreSpec.Arguments) binderNdArray()).data().doubles();
    }

    /** Fails the run when the methods do not all read the same numbers: the comparison would be void. */
    private void checkSameValues() throws IOException {
        double[] expected = Arrays.copyOf(limit(), rows(shape) * columns(shape));
        double[][] matrix = ((RidgeMatrixScore_ScoreSpec.Arguments) binder()).data();
        NDArray ndArray = ((RidgeNdArrayScore_ScoreSpec.Arguments) binderNdArray()).data();
        Checks.same("binderNdArray", expected, ndArray.doubles());
        Checks.same("binder", expected, Checks.flatten(matrix));
        Checks.same("careful", expected, Checks.flatten(((RidgeMatrixScore_ScoreSpec.Arguments) careful()).data()));
        Checks.same(
                "carefulNdArray",
                expected,
                ((RidgeNdArrayScore_ScoreSpec.Arguments) carefulNdArray())
                        .data()
                        .doubles());
        Checks.same("dsljson", expected, Checks.flatten(dsljson()));
        Checks.same("databind", expected, Checks.flatten(databind()));
        Checks.same("tree", expected, Checks.flatten(tree()));
    }

    static int rows(String shape) {
        return Integer.parseInt(shape.substring(0, shape.indexOf('x')));
    }

    static int columns(String shape) {
        return Integer.parseInt(shape.substring(shape.indexOf('x') + 1));
    }
}

package dev.scorespec.spark.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorespec.runtime.binding.ScoringBinder;
import dev.scorespec.runtime.server.ScoringServer;
import dev.scorespec.runtime.server.ServerConfig;
import dev.scorespec.samples.powerbi.PowerBiScore;
import dev.scorespec.samples.powerbi.PowerBiScore_ScoreSpec;
import dev.scorespec.samples.ridge.RidgeScore;
import dev.scorespec.samples.ridge.RidgeScore_ScoreSpec;
import dev.scorespec.spark.BatchJob;
import dev.scorespec.spark.BatchOptions;
import dev.scorespec.spark.BatchScoring;
import dev.scorespec.spark.TestSpark;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The samples' ridge and Power BI classes score Parquet files in batch, from the README's command and API,
 * through their generated tabular bindings; each output row equals the HTTP answer for the same row.
 */
class SampleBatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 300;
    private static final String[] FEATURES = {"x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"};

    /** Diabetes-like features: small, varied, fixed. */
    private static double feature(int row, int column) {
        return ((row * 31 + column * 17) % 97 - 48) / 1000.0;
    }

    private static double[] features(int row) {
        double[] values = new double[FEATURES.length];
        for (int c = 0; c < values.length; c++) {
            values[c] = feature(row, c);
        }
        return values;
    }

    /** The ridge sample's rows as a Parquet file with an id and one column per feature. */
    private static String ridgeFile(Path dir) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            Object[] values = new Object[FEATURES.length + 1];
            values[0] = (long) i;
            for (int c = 0; c < FEATURES.length; c++) {
                values[c + 1] = feature(i, c);
            }
            rows.add(RowFactory.create(values));
        }
        StructType schema = new StructType().add("id", DataTypes.LongType, false);
        for (String name : FEATURES) {
            schema = schema.add(name, DataTypes.DoubleType, false);
        }
        String path = dir.resolve("patients.parquet").toString();
        TestSpark.session().createDataFrame(rows, schema).repartition(3).write().parquet(path);
        return path;
    }

    @Test
    void ridgeScoresAParquetFileFromTheReadmeCommandAsTheServerAnswers(@TempDir Path dir) throws Exception {
        String input = ridgeFile(dir);
        String output = dir.resolve("scored.parquet").toString();

        assertEquals(
                0,
                BatchJob.run(
                        "--scoring-class",
                        RidgeScore.class.getName(),
                        "--input",
                        input,
                        "--output",
                        output,
                        "--array-columns",
                        "data=" + String.join(",", FEATURES),
                        "--keep-columns",
                        "id",
                        "--batch-size",
                        "64"));

        Dataset<Row> scored = TestSpark.session().read().parquet(output);
        assertEquals(List.of("id", "result"), List.of(scored.columns()));
        assertEquals(DataTypes.DoubleType, scored.schema().apply("result").dataType());
        TreeMap<Long, Double> batch = new TreeMap<>();
        for (Row row : scored.collectAsList()) {
            batch.put(row.getLong(0), row.getDouble(1));
        }

        ArrayNode data = JSON.createArrayNode();
        for (int i = 0; i < ROWS; i++) {
            ArrayNode row = data.addArray();
            for (double v : features(i)) {
                row.add(v);
            }
        }
        JsonNode answer =
                post(new RidgeScore_ScoreSpec(), JSON.createObjectNode().set("data", data));
        TreeMap<Long, Double> http = new TreeMap<>();
        for (int i = 0; i < ROWS; i++) {
            http.put((long) i, answer.get(i).asDouble());
        }
        assertEquals(ROWS, batch.size());
        assertEquals(http, batch);
    }

    @Test
    void ridgeTakesOneArrayColumnOfTheInputsName() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Object[] values = new Object[FEATURES.length];
            for (int c = 0; c < FEATURES.length; c++) {
                values[c] = feature(i, c);
            }
            rows.add(RowFactory.create((Object) values));
        }
        rows.add(RowFactory.create((Object) new Object[] {1.0, 2.0}));
        Dataset<Row> input = TestSpark.session()
                .createDataFrame(
                        rows,
                        new StructType().add("data", DataTypes.createArrayType(DataTypes.DoubleType, false), false));

        List<Row> scored = BatchScoring.score(
                        input, RidgeScore.class, BatchOptions.defaults().onError(BatchOptions.OnError.COLUMN))
                .collectAsList();

        assertEquals(6, scored.size());
        for (int i = 0; i < 5; i++) {
            assertNull(scored.get(i).get(2), scored.get(i).toString());
        }
        assertNull(scored.get(5).get(1));
        assertEquals("data: expected 10 values, got 2", scored.get(5).getString(2));
    }

    @Test
    void aRidgeDatasetThatDoesNotFitFailsBeforeAnyJobNamingTheColumn() {
        Dataset<Row> input = TestSpark.session().sql("SELECT 1.0D AS x0, 'a' AS x1");
        IllegalArgumentException named = assertThrows(
                IllegalArgumentException.class,
                () -> BatchScoring.score(
                        input, RidgeScore.class, BatchOptions.defaults().arrayColumns("data", "x0", "x1")));
        assertEquals(
                "The columns named for 'data' are 2 (x0, x1), but " + RidgeScore.class.getName()
                        + " expects 10, in its sample's order",
                named.getMessage());

        IllegalArgumentException missing = assertThrows(
                IllegalArgumentException.class,
                () -> BatchScoring.score(input, RidgeScore.class, BatchOptions.defaults()));
        assertTrue(
                missing.getMessage()
                        .startsWith("The dataset has no input column (an array of 10 double per row, without nulls;"
                                + " or name the dataset's columns that hold its values with arrayColumns,"
                                + " --array-columns data=c1,c2,...) 'data'; its columns are 'x0', 'x1'"),
                missing.getMessage());

        String[] wrongType = FEATURES.clone();
        wrongType[9] = "x1";
        IllegalArgumentException type = assertThrows(
                IllegalArgumentException.class,
                () -> BatchScoring.score(
                        TestSpark.session().sql("SELECT 1.0D AS x0, 'a' AS x1"),
                        RidgeScore.class,
                        BatchOptions.defaults().arrayColumns("data", wrongType)));
        assertEquals(
                "Column 'x1' is string, but " + RidgeScore.class.getName() + " expects double without nulls"
                        + " (or tinyint, smallint, int, bigint, float, which widen to it)",
                type.getMessage());
    }

    /** Patients for Power BI: features, names and ages, an offset in two runs, and a factor. */
    private static String powerBiFile(Path dir) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            Object[] features = new Object[FEATURES.length];
            double[] values = features(i);
            for (int c = 0; c < values.length; c++) {
                features[c] = values[c];
            }
            rows.add(RowFactory.create((long) i, features, "p" + i, 20L + i % 60, offset(i), 2.0));
        }
        StructType schema = new StructType()
                .add("id", DataTypes.LongType, false)
                .add("input1", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
                .add("name", DataTypes.StringType, false)
                .add("age", DataTypes.LongType, false)
                .add("input3", DataTypes.DoubleType, false)
                .add("GlobalParameters", DataTypes.DoubleType, true);
        String path = dir.resolve("powerbi.parquet").toString();
        TestSpark.session().createDataFrame(rows, schema).coalesce(1).write().parquet(path);
        return path;
    }

    private static double offset(int row) {
        return row < ROWS / 2 ? 0.5 : 1.5;
    }

    @Test
    void powerBiScoresAParquetFileAsTheServerAnswers(@TempDir Path dir) throws Exception {
        String input = powerBiFile(dir);
        String output = dir.resolve("scored.parquet").toString();

        assertEquals(
                0,
                BatchJob.run(
                        "--scoring-class",
                        PowerBiScore.class.getName(),
                        "--input",
                        input,
                        "--output",
                        output,
                        "--keep-columns",
                        "id,name"));

        Dataset<Row> scored = TestSpark.session().read().parquet(output);
        assertEquals(List.of("id", "name", "Results"), List.of(scored.columns()));
        TreeMap<Long, Double> batch = new TreeMap<>();
        for (Row row : scored.collectAsList()) {
            batch.put(row.getLong(0), row.getDouble(2));
            assertEquals("p" + row.getLong(0), row.getString(1));
        }

        // Power BI sends one offset per request: one request per run of equal offsets.
        TreeMap<Long, Double> http = new TreeMap<>();
        for (int from : new int[] {0, ROWS / 2}) {
            ObjectNode inputs = JSON.createObjectNode();
            ArrayNode input1 = inputs.putArray("input1");
            ArrayNode input2 = inputs.putArray("input2");
            for (int i = from; i < from + ROWS / 2; i++) {
                ArrayNode row = input1.addArray();
                for (double v : features(i)) {
                    row.add(v);
                }
                input2.addObject().put("name", "p" + i).put("age", 20L + i % 60);
            }
            inputs.put("input3", offset(from));
            ObjectNode body = JSON.createObjectNode();
            body.set("Inputs", inputs);
            body.put("GlobalParameters", 2.0);
            JsonNode results = post(new PowerBiScore_ScoreSpec(), body).get("Results");
            for (int i = 0; i < ROWS / 2; i++) {
                http.put((long) (from + i), results.get(i).asDouble());
            }
        }
        assertEquals(ROWS, batch.size());
        assertEquals(http, batch);
    }

    @Test
    void powerBiTakesAMissingOptionalInputAsLeftOutAndNamesAMissingColumn() {
        Dataset<Row> input = TestSpark.session()
                .sql("SELECT array(0.01D, 0.02D, 0.03D, 0.04D, 0.05D, 0.06D, 0.07D, 0.08D, 0.09D, 0.1D) AS input1,"
                        + " 'Sarah' AS name, 25L AS age, 0.0D AS input3");
        List<Row> scored = BatchScoring.score(
                        input, PowerBiScore.class, BatchOptions.defaults().keepColumns("name"))
                .collectAsList();
        assertEquals(1, scored.size());
        assertEquals("Sarah", scored.get(0).getString(0));

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> BatchScoring.score(input.drop("age"), PowerBiScore.class, BatchOptions.defaults()));
        assertTrue(
                e.getMessage().startsWith("The dataset has no input column (bigint without nulls) 'age'"),
                e.getMessage());
        IllegalArgumentException type = assertThrows(
                IllegalArgumentException.class,
                () -> BatchScoring.score(
                        input.withColumn("age", input.col("name")), PowerBiScore.class, BatchOptions.defaults()));
        assertEquals(
                "Column 'age' is string, but " + PowerBiScore.class.getName()
                        + " expects bigint without nulls (or tinyint, smallint, int, which widen to it)",
                type.getMessage());
    }

    private static JsonNode post(ScoringBinder<?, ?> binder, JsonNode body) throws Exception {
        try (ScoringServer server = ScoringServer.start(
                ServerConfig.builder().port(0).workerCount(1).build(), binder)) {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/score"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            return JSON.readTree(r.body());
        }
    }
}

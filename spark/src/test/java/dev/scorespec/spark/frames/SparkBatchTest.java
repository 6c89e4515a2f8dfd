package dev.scorespec.spark.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.server.ScoringServer;
import dev.scorespec.runtime.server.ServerConfig;
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
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One scoring class with Spark samples, over HTTP and in batch: {@code BatchJob} scores a Parquet file of the
 * rows the server is sent, and writes the values the server answers.
 */
class SparkBatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Rows of every type, as a request's records: ages and scores vary, so do the totals. */
    private static String people(int count) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(("{\"name\": \"p%d\", \"age\": %d, \"small\": 1, \"tiny\": 2, \"big\": 3, \"ok\": true,"
                            + " \"ratio\": 0.5, \"score\": %d.25, \"price\": 1.5, \"photo\": \"AAEC\", \"born\": \"2000-01-02\","
                            + " \"joined\": \"2020-01-02T03:04:05Z\", \"scores\": [1.0], \"attrs\": {\"a\": 1},"
                            + " \"address\": {\"city\": \"c\", \"zip\": \"z\"}}")
                    .formatted(i, 20 + i % 50, i));
        }
        return "{\"people\": [" + String.join(", ", rows) + "]}";
    }

    @Test
    void batchJobWritesWhatTheServerAnswers(@TempDir Path dir) throws Exception {
        TestSpark.session();
        String body = people(200);
        String input = dir.resolve("people.parquet").toString();
        String output = dir.resolve("scored.parquet").toString();
        // The input file holds the same rows, typed as the sample says.
        new PeopleScore_ScoreSpec()
                .bind(ScoringRequest.json(body))
                .people()
                .write()
                .parquet(input);

        assertEquals(
                0, BatchJob.run("--scoring-class", PeopleScore.class.getName(), "--input", input, "--output", output));
        TreeMap<String, Double> batch = new TreeMap<>();
        for (Row row : TestSpark.session().read().parquet(output).collectAsList()) {
            batch.put(row.getString(row.fieldIndex("name")), row.getDouble(row.fieldIndex("total")));
        }

        TreeMap<String, Double> http = new TreeMap<>();
        try (ScoringServer server = ScoringServer.start(
                ServerConfig.builder().port(0).workerCount(2).build(), new PeopleScore_ScoreSpec())) {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/score"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            for (JsonNode row : JSON.readTree(r.body())) {
                http.put(row.get("name").asText(), row.get("total").asDouble());
            }
        }
        assertEquals(200, http.size());
        assertEquals(http, batch);
        assertEquals(20 + 7 % 50 + 7.25, batch.get("p7"));
    }

    @Test
    void aDatasetThatDoesNotFitTheInputSampleFailsBeforeAnyJob() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> BatchScoring.score(
                        TestSpark.session().sql("SELECT 'x' AS name, 1L AS age"),
                        PeopleScore.class,
                        BatchOptions.defaults()));
        assertTrue(
                e.getMessage()
                        .startsWith("The dataset does not fit the people sample's columns (name string,"
                                + " age int, small smallint,"),
                e.getMessage());
        assertTrue(
                e.getMessage().contains(": column 'age' is bigint, not int; it has no column 'small';"),
                e.getMessage());
    }
}

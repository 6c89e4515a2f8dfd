package dev.scorespec.samples.ridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorespec.runtime.server.ScoringServer;
import dev.scorespec.runtime.server.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The batched ridge sample, with the binder the processor generated for it, served over loopback: many
 * concurrent requests get, bit for bit, what the unbatched sample answers, and the batches show in
 * {@code /metrics}.
 */
class BatchedRidgeServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private CompletableFuture<HttpResponse<String>> post(ScoringServer server, String body) {
        return post(server, "/score", body);
    }

    private CompletableFuture<HttpResponse<String>> post(ScoringServer server, String path, String body) {
        return http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void concurrentRequestsGetTheUnbatchedPredictionsBitForBit() throws Exception {
        ServerConfig config = ServerConfig.builder().port(0).build();
        // a wait long enough for the concurrent requests below to share batches, on a loaded machine too
        try (ScoringServer batched = ScoringServer.start(
                        config.toBuilder().batchMaxDelayMs(50).build(), new BatchedRidgeScore_ScoreSpec());
                ScoringServer plain = ScoringServer.start(config, new RidgeScore_ScoreSpec())) {
            Random random = new Random(7);
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                StringBuilder body = new StringBuilder("{\"data\": [");
                int rows = 1 + random.nextInt(4);
                for (int r = 0; r < rows; r++) {
                    body.append(r == 0 ? "[" : ",[");
                    for (int f = 0; f < DiabetesRidge.FEATURES; f++) {
                        body.append(f == 0 ? "" : ",").append((random.nextDouble() - 0.5) * 0.2);
                    }
                    body.append(']');
                }
                bodies.add(body.append("]}").toString());
            }
            List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
            for (String body : bodies) {
                replies.add(post(batched, body));
            }
            for (int i = 0; i < bodies.size(); i++) {
                HttpResponse<String> reply = replies.get(i).get(60, TimeUnit.SECONDS);
                HttpResponse<String> alone = post(plain, bodies.get(i)).get(60, TimeUnit.SECONDS);
                assertEquals(200, reply.statusCode(), reply.body());
                assertEquals(alone.body(), reply.body(), bodies.get(i));
            }
            String metrics = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + batched.port() + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            String rows = metrics.lines()
                    .filter(l -> l.startsWith("scorespec_batch_rows_sum"))
                    .findFirst()
                    .orElse(null);
            assertNotNull(rows, metrics);
            // every row of every request went through a batch
            int sent = bodies.stream().mapToInt(b -> b.split("\\],\\[").length).sum();
            assertTrue(rows.endsWith(" " + (double) sent), rows + " for " + sent + " rows sent");
        }
    }

    @Test
    void openInferenceRequestsJoinTheBatchesAndAnswerAsScoreAlone() throws Exception {
        ServerConfig config = ServerConfig.builder().port(0).build();
        try (ScoringServer batched = ScoringServer.start(
                        config.toBuilder().batchMaxDelayMs(50).build(), new BatchedRidgeScore_ScoreSpec());
                ScoringServer plain = ScoringServer.start(config, new RidgeScore_ScoreSpec())) {
            Random random = new Random(11);
            List<double[]> rows = new ArrayList<>();
            List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                double[] row = new double[DiabetesRidge.FEATURES];
                for (int f = 0; f < row.length; f++) {
                    row[f] = (random.nextDouble() - 0.5) * 0.2;
                }
                rows.add(row);
                String data = Arrays.toString(row);
                replies.add(post(
                        batched,
                        "/v2/models/BatchedRidgeScore/infer",
                        "{\"id\": \"r" + i + "\", \"inputs\": [{\"name\": \"data\", \"datatype\": \"FP64\", "
                                + "\"shape\": [1, " + row.length + "], \"data\": " + data + "}]}"));
            }
            for (int i = 0; i < rows.size(); i++) {
                HttpResponse<String> reply = replies.get(i).get(60, TimeUnit.SECONDS);
                HttpResponse<String> alone = post(plain, "{\"data\": [" + Arrays.toString(rows.get(i)) + "]}")
                        .get(60, TimeUnit.SECONDS);
                assertEquals(200, reply.statusCode(), reply.body());
                assertEquals(
                        "{\"model_name\":\"BatchedRidgeScore\",\"model_version\":\"1.0\","
                                + "\"id\":\"r" + i + "\",\"outputs\":[{\"name\":\"output\",\"datatype\":\"FP64\","
                                + "\"shape\":[1],\"data\":" + alone.body() + "}]}",
                        reply.body());
            }
            String metrics = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + batched.port() + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            // the inferences went through the batcher, one row each
            assertTrue(
                    metrics.lines().anyMatch(l -> l.equals("scorespec_batch_rows_sum " + (double) rows.size())),
                    metrics);
        }
    }
}

package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorespec.runtime.batching.BatchKey;
import dev.scorespec.runtime.batching.BatchRows;
import dev.scorespec.runtime.batching.BatchShape;
import dev.scorespec.runtime.batching.BatchSpec;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @Batching} served: requests to a batching class go through the batcher, on a real loopback server.
 * A gate holds the first {@code run} call, so that the requests sent meanwhile are known to be queued
 * together (the test waits for the batcher's queue, never for a time).
 */
class BatchingServerTest {

    /** {@link TestBinders.Sum} with {@code @Batching}: {@code data} batched, {@code scale} in the key. */
    static final class BatchedSum extends TestBinders.Sum {
        final int maxRows;
        /** Each run call: its scale and rows. */
        final List<String> runs = new CopyOnWriteArrayList<>();

        final CountDownLatch firstRunEntered = new CountDownLatch(1);
        volatile CountDownLatch gate = new CountDownLatch(0);

        BatchedSum(int maxRows) {
            this.maxRows = maxRows;
        }

        @Override
        public double[] run(TestBinders.SumArgs args) throws Exception {
            firstRunEntered.countDown();
            assertTrue(gate.await(60, TimeUnit.SECONDS));
            runs.add(args.scale + "x" + args.rows.size());
            return super.run(args);
        }

        @Override
        public BatchSpec<TestBinders.SumArgs, double[]> batching() {
            return new BatchSpec<>(
                    new BatchShape<>() {
                        @Override
                        public int rows(TestBinders.SumArgs arguments) {
                            return arguments.rows.size();
                        }

                        @Override
                        public Object key(TestBinders.SumArgs arguments) {
                            return BatchKey.of(arguments.scale);
                        }

                        @Override
                        public TestBinders.SumArgs concat(List<TestBinders.SumArgs> requests) {
                            return new TestBinders.SumArgs(
                                    BatchRows.concatLists(
                                            requests.stream().map(a -> a.rows).toList()),
                                    requests.get(0).scale);
                        }

                        @Override
                        public int resultRows(double[] result) {
                            return BatchRows.arrayRows(result);
                        }

                        @Override
                        public List<double[]> split(double[] result, int[] rowsPerRequest) {
                            return BatchRows.splitArray(result, rowsPerRequest);
                        }
                    },
                    maxRows,
                    0);
        }
    }

    private final List<ScoringServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(ScoringServer::close);
    }

    private ScoringServer start(TestBinders.Sum binder, ServerConfig.Builder config) throws Exception {
        ScoringServer server = ScoringServer.start(config.port(0).workerCount(2).build(), binder);
        servers.add(server);
        return server;
    }

    private static CompletableFuture<HttpResponse<String>> post(ScoringServer server, String body) {
        return Http.CLIENT.sendAsync(
                new Http(server.port())
                        .request("/score")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String body(double[][] rows, double scale) {
        return "{\"data\": ["
                + java.util.Arrays.stream(rows)
                        .map(r -> java.util.Arrays.stream(r)
                                .mapToObj(v -> Double.toString(v))
                                .collect(Collectors.joining(",", "[", "]")))
                        .collect(Collectors.joining(","))
                + "], \"scale\": " + scale + "}";
    }

    private static String rows(int count, double start) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            s.append(i == 0 ? "" : ",").append('[').append(start + i).append(",1,2]");
        }
        return s.append(']').toString();
    }

    /** Holds the first run, sends the first request, and waits until it is in run. */
    private static CompletableFuture<HttpResponse<String>> holdFirstRun(ScoringServer server, BatchedSum binder)
            throws InterruptedException {
        binder.gate = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> first = post(server, "{\"data\": [[0,0,0]], \"scale\": 1}");
        assertTrue(binder.firstRunEntered.await(30, TimeUnit.SECONDS));
        return first;
    }

    private static void awaitQueued(ScoringServer server, int requests) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (server.batcher().queuedRequests() < requests) {
            assertTrue(System.nanoTime() < until, "the requests never reached the batcher's queue");
            Thread.sleep(5);
        }
    }

    /** Run calls in a stable order: requests sent at once arrive in any order. */
    private static List<String> sorted(List<String> runs) {
        return runs.stream().sorted().toList();
    }

    private static HttpResponse<String> join(CompletableFuture<HttpResponse<String>> reply) {
        return reply.orTimeout(60, TimeUnit.SECONDS).join();
    }

    @Test
    void concurrentRequestsGetExactlyTheirUnbatchedAnswers() throws Exception {
        BatchedSum batched = new BatchedSum(256);
        ScoringServer on = start(batched, ServerConfig.builder());
        BatchedSum alone = new BatchedSum(64);
        ScoringServer off = start(alone, ServerConfig.builder().batchMaxRows(0));
        assertNull(off.batcher());

        Random random = new Random(16);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            double[][] data = new double[1 + random.nextInt(5)][3];
            for (double[] row : data) {
                for (int c = 0; c < 3; c++) {
                    row[c] = random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6);
                }
            }
            bodies.add(body(data, 0.1 + random.nextInt(2)));
        }
        CompletableFuture<HttpResponse<String>> first = holdFirstRun(on, batched);
        List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
        for (String b : bodies) {
            replies.add(post(on, b));
        }
        awaitQueued(on, bodies.size());
        batched.gate.countDown();
        assertEquals(200, join(first).statusCode());
        for (int i = 0; i < bodies.size(); i++) {
            HttpResponse<String> reply = join(replies.get(i));
            HttpResponse<String> unbatched = join(post(off, bodies.get(i)));
            assertEquals(200, reply.statusCode(), reply.body());
            assertEquals(unbatched.body(), reply.body(), bodies.get(i));
        }
        // two scales: after the held run, one batch for each, whatever their order
        assertEquals(3, batched.runs.size(), batched.runs.toString());
        assertEquals(bodies.size(), alone.runs.size());
    }

    @Test
    void aBadRequestIsItsOwn400AndNeverReachesTheBatch() throws Exception {
        BatchedSum binder = new BatchedSum(64);
        ScoringServer server = start(binder, ServerConfig.builder());
        CompletableFuture<HttpResponse<String>> first = holdFirstRun(server, binder);
        CompletableFuture<HttpResponse<String>> good1 = post(server, "{\"data\": [[1,2,3]], \"scale\": 1}");
        CompletableFuture<HttpResponse<String>> good2 = post(server, "{\"data\": [[4,5,6],[7,8,9]], \"scale\": 1}");
        awaitQueued(server, 2);
        HttpResponse<String> bad = join(post(server, "{\"data\": [[1,2]], \"scale\": 1}"));
        assertEquals(400, bad.statusCode());
        assertEquals("{\"message\":\"data[0]: expected 3 values, got 2\"}", bad.body());
        binder.gate.countDown();
        assertEquals(200, join(first).statusCode());
        assertEquals("[6.0]", join(good1).body());
        assertEquals("[15.0,24.0]", join(good2).body());
        assertEquals(List.of("1.0x1", "1.0x3"), binder.runs);
    }

    @Test
    void aRequestLargerThanMaxRowsIsScoredAloneUnsplit() throws Exception {
        BatchedSum binder = new BatchedSum(4);
        ScoringServer server = start(binder, ServerConfig.builder());
        CompletableFuture<HttpResponse<String>> first = holdFirstRun(server, binder);
        CompletableFuture<HttpResponse<String>> small = post(server, "{\"data\": " + rows(3, 0) + ", \"scale\": 1}");
        CompletableFuture<HttpResponse<String>> large = post(server, "{\"data\": " + rows(10, 100) + ", \"scale\": 1}");
        awaitQueued(server, 2);
        binder.gate.countDown();
        assertEquals(200, join(first).statusCode());
        assertEquals("[3.0,4.0,5.0]", join(small).body());
        HttpResponse<String> reply = join(large);
        assertEquals(200, reply.statusCode());
        assertEquals("[103.0,104.0,105.0,106.0,107.0,108.0,109.0,110.0,111.0,112.0]", reply.body());
        // the held run, the small one, and the large one alone, in their order of arrival
        assertEquals(List.of("1.0x1", "1.0x10", "1.0x3"), sorted(binder.runs));
    }

    @Test
    void requestsWithDifferentNonBatchedValuesGoInDifferentBatches() throws Exception {
        BatchedSum binder = new BatchedSum(64);
        ScoringServer server = start(binder, ServerConfig.builder());
        CompletableFuture<HttpResponse<String>> first = holdFirstRun(server, binder);
        CompletableFuture<HttpResponse<String>> two1 = post(server, "{\"data\": [[1,1,1]], \"scale\": 2}");
        CompletableFuture<HttpResponse<String>> three = post(server, "{\"data\": [[1,1,1]], \"scale\": 3}");
        CompletableFuture<HttpResponse<String>> two2 = post(server, "{\"data\": [[2,2,2]], \"scale\": 2}");
        awaitQueued(server, 3);
        binder.gate.countDown();
        assertEquals(200, join(first).statusCode());
        assertEquals("[6.0]", join(two1).body());
        assertEquals("[9.0]", join(three).body());
        assertEquals("[12.0]", join(two2).body());
        assertEquals(List.of("1.0x1", "2.0x2", "3.0x1"), sorted(binder.runs));
    }

    @Test
    void aRunThatThrowsFailsEveryRequestOfItsBatchOnly() throws Exception {
        BatchedSum binder = new BatchedSum(64);
        ScoringServer server = start(binder, ServerConfig.builder());
        CompletableFuture<HttpResponse<String>> first = holdFirstRun(server, binder);
        CompletableFuture<HttpResponse<String>> boom1 = post(server, "{\"data\": [[1,1,1]], \"scale\": -1}");
        CompletableFuture<HttpResponse<String>> fine = post(server, "{\"data\": [[1,1,1]], \"scale\": 5}");
        CompletableFuture<HttpResponse<String>> boom2 = post(server, "{\"data\": [[2,2,2]], \"scale\": -1}");
        awaitQueued(server, 3);
        binder.gate.countDown();
        assertEquals(200, join(first).statusCode());
        for (CompletableFuture<HttpResponse<String>> boom : List.of(boom1, boom2)) {
            HttpResponse<String> reply = join(boom);
            assertEquals(500, reply.statusCode());
            assertEquals("{\"message\":\"" + Responses.RUN_ERROR + "\"}", reply.body());
            assertEquals(
                    "True", reply.headers().firstValue(Responses.RUN_FAILED).orElse(null));
        }
        assertEquals("[15.0]", join(fine).body());
        assertEquals(List.of("-1.0x2", "1.0x1", "5.0x1"), sorted(binder.runs));
    }

    @Test
    void invalidInputInABatchIsAnsweredPerRequest() throws Exception {
        BatchedSum binder = new BatchedSum(64);
        ScoringServer server = start(binder, ServerConfig.builder());
        CompletableFuture<HttpResponse<String>> first = holdFirstRun(server, binder);
        CompletableFuture<HttpResponse<String>> bad1 = post(server, "{\"data\": [[1,1,1]], \"scale\": -6}");
        CompletableFuture<HttpResponse<String>> bad2 = post(server, "{\"data\": [[2,2,2]], \"scale\": -6}");
        awaitQueued(server, 2);
        binder.gate.countDown();
        assertEquals(200, join(first).statusCode());
        for (CompletableFuture<HttpResponse<String>> bad : List.of(bad1, bad2)) {
            HttpResponse<String> reply = join(bad);
            assertEquals(400, reply.statusCode());
            assertEquals("{\"message\":\"scale: -6 is not a scale; give a positive number\"}", reply.body());
        }
        // the batch, then each request alone
        assertEquals(List.of("1.0x1", "-6.0x2", "-6.0x1", "-6.0x1"), binder.runs);
    }

    @Test
    void aRequestThatCannotBeScoredBeforeItsDeadlineIs503NotRunLate() throws Exception {
        BatchedSum binder = new BatchedSum(64);
        ScoringServer server = start(binder, ServerConfig.builder().scoringTimeoutMs(1_000));
        CompletableFuture<HttpResponse<String>> first = holdFirstRun(server, binder);
        CompletableFuture<HttpResponse<String>> late = post(server, "{\"data\": [[1,1,1]], \"scale\": 1}");
        HttpResponse<String> reply = join(late);
        assertEquals(503, reply.statusCode());
        assertNotNull(reply.headers().firstValue("retry-after").orElse(null));
        assertTrue(reply.body().contains("before its deadline"), reply.body());
        // the held request is past its timeout too, in run: the usual 500
        assertEquals(500, join(first).statusCode());
        binder.gate.countDown();
        // the next request runs: the late one never did
        assertEquals(
                "[3.0]",
                join(post(server, "{\"data\": [[1,1,1]], \"scale\": 1}")).body());
        assertEquals(List.of("1.0x1", "1.0x1"), binder.runs);
    }

    @Test
    void aFullQueueIs503WithRetryAfter() throws Exception {
        BatchedSum binder = new BatchedSum(1); // the queue holds 64 rows
        ScoringServer server = start(binder, ServerConfig.builder());
        CompletableFuture<HttpResponse<String>> first = holdFirstRun(server, binder);
        CompletableFuture<HttpResponse<String>> big = post(server, "{\"data\": " + rows(64, 0) + ", \"scale\": 1}");
        awaitQueued(server, 1);
        HttpResponse<String> full = join(post(server, "{\"data\": [[1,1,1]], \"scale\": 1}"));
        assertEquals(503, full.statusCode());
        assertEquals("1", full.headers().firstValue("retry-after").orElse(null));
        assertTrue(full.body().contains("The batching queue is full: 64 rows are waiting, at most 64"), full.body());
        binder.gate.countDown();
        assertEquals(200, join(first).statusCode());
        assertEquals(200, join(big).statusCode());
    }

    @Test
    void shutdownAnswersEveryQueuedRequest() throws Exception {
        BatchedSum binder = new BatchedSum(64);
        ScoringServer server = start(binder, ServerConfig.builder().shutdownGraceMs(30_000));
        CompletableFuture<HttpResponse<String>> first = holdFirstRun(server, binder);
        List<CompletableFuture<HttpResponse<String>>> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            queued.add(post(server, "{\"data\": [[" + i + ",0,0]], \"scale\": 1}"));
        }
        awaitQueued(server, 5);
        Thread closing = new Thread(server::close);
        closing.start();
        binder.gate.countDown();
        assertEquals(200, join(first).statusCode());
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> reply = join(queued.get(i));
            assertEquals(200, reply.statusCode());
            assertEquals("[" + (double) i + "]", reply.body());
        }
        closing.join(TimeUnit.SECONDS.toMillis(60));
        assertEquals(List.of("1.0x1", "1.0x5"), binder.runs);
    }

    @Test
    void theBatchMetricsAreServed() throws Exception {
        BatchedSum binder = new BatchedSum(64);
        ScoringServer server = start(binder, ServerConfig.builder());
        CompletableFuture<HttpResponse<String>> first = holdFirstRun(server, binder);
        CompletableFuture<HttpResponse<String>> a = post(server, "{\"data\": [[1,1,1]], \"scale\": 1}");
        CompletableFuture<HttpResponse<String>> b = post(server, "{\"data\": [[1,1,1],[2,2,2]], \"scale\": 1}");
        awaitQueued(server, 2);
        binder.gate.countDown();
        join(first);
        join(a);
        join(b);
        String metrics = new Http(server.port()).get("/metrics").body();
        assertTrue(metrics.contains("scorespec_batch_rows_count 2\n"), metrics);
        assertTrue(metrics.contains("scorespec_batch_rows_sum 4.0"), metrics);
        assertTrue(metrics.contains("scorespec_batch_requests_sum 3.0"), metrics);
        assertTrue(metrics.contains("scorespec_batch_queue_wait_seconds_count 3"), metrics);
        assertTrue(
                metrics.toLowerCase(Locale.ROOT).contains("scorespec_batch_run_seconds_count{outcome=\"success\"} 2"),
                metrics);
    }

    @Test
    void flagsOverrideTheAnnotation() throws Exception {
        BatchedSum binder = new BatchedSum(64);
        ScoringServer server =
                start(binder, ServerConfig.builder().batchMaxRows(2).batchMaxDelayMs(0));
        assertTrue(
                server.batcher().toString().startsWith("Batcher[maxRows=2,"),
                server.batcher().toString());
    }

    @Test
    void aPolicyOfTheUsersDecidesWhenBatchesRun() throws Exception {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        BatchedSum binder = new BatchedSum(64);
        ScoringServer server = start(binder, ServerConfig.builder().batchPolicy((state, model) -> {
            asked.incrementAndGet();
            return state.now(); // never waits
        }));
        HttpResponse<String> reply = join(post(server, "{\"data\": [[1,2,3]], \"scale\": 2}"));
        assertEquals(200, reply.statusCode(), reply.body());
        assertTrue(asked.get() > 0, "the server's batcher never asked the user's policy");
    }
}

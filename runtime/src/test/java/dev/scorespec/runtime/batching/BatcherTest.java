package dev.scorespec.runtime.batching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatcherTest {

    /** A policy that waits forever: only a full batch or a shutdown runs. */
    private static final BatchPolicy NEVER = (state, model) -> Long.MAX_VALUE;

    private final List<Ridge> runs = Collections.synchronizedList(new ArrayList<>());
    private final List<Batcher<?, ?>> batchers = new ArrayList<>();

    @AfterEach
    void closeBatchers() {
        batchers.forEach(Batcher::close);
    }

    private Batcher<Ridge, double[]> batcher(Batcher.Builder<Ridge, double[]> builder) {
        Batcher<Ridge, double[]> batcher = builder.build();
        batchers.add(batcher);
        return batcher;
    }

    /** Ridge's run, recording each batch it is given. */
    private double[] recordingRun(Ridge batch) {
        runs.add(batch);
        return Ridge.run(batch);
    }

    /** A run whose first call blocks until released, so that requests queue behind it meanwhile. */
    private final class Gate implements BatchRun<Ridge, double[]> {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public double[] run(Ridge batch) throws Exception {
            if (calls.getAndIncrement() == 0) {
                entered.countDown();
                assertTrue(release.await(30, TimeUnit.SECONDS));
            }
            return recordingRun(batch);
        }
    }

    private static double[] join(java.util.concurrent.CompletionStage<double[]> stage) {
        return stage.toCompletableFuture().join();
    }

    private static Throwable failure(java.util.concurrent.CompletionStage<?> stage) {
        CompletionException e = assertThrows(
                CompletionException.class, () -> stage.toCompletableFuture().join());
        return e.getCause();
    }

    private List<Integer> batchRows() {
        synchronized (runs) {
            return runs.stream().map(r -> r.data().length).toList();
        }
    }

    @Test
    void concurrentRequestsGetExactlyTheirUnbatchedRows() throws Exception {
        AtomicInteger largestBatch = new AtomicInteger();
        BatchMetrics metrics = new BatchMetrics() {
            @Override
            public void batchRan(int rows, int requests, long runNanos, boolean failed) {
                largestBatch.accumulateAndGet(requests, Math::max);
            }
        };
        // runs once 8 requests are queued, so batches surely hold several; close() runs the rest
        scoreConcurrently(batcher(Batcher.builder(Ridge.SHAPE, this::recordingRun)
                .policy((state, model) -> state.requests() >= 8 ? state.now() : Long.MAX_VALUE)
                .metrics(metrics)));
        assertTrue(largestBatch.get() >= 8, "batches held " + largestBatch.get() + " requests at most");
    }

    @Test
    void concurrentRequestsGetExactlyTheirUnbatchedRowsWithTheDefaults() throws Exception {
        scoreConcurrently(
                batcher(Batcher.builder(Ridge.SHAPE, this::recordingRun).maxRows(16)));
        assertTrue(
                batchRows().stream().allMatch(rows -> rows <= 16), batchRows().toString());
    }

    /** 8 threads submit 25 requests each, then every answer is compared with a direct call, bit for bit. */
    private void scoreConcurrently(Batcher<Ridge, double[]> batcher) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        int submittedRows = 0;
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                long seed = t;
                done.add(clients.submit(() -> {
                    Random random = new Random(seed);
                    List<Ridge> requests = new ArrayList<>();
                    List<CompletableFuture<double[]>> answers = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        Ridge request = Ridge.random(random, 1 + random.nextInt(6), 1.5);
                        requests.add(request);
                        answers.add(batcher.submit(request).toCompletableFuture());
                    }
                    return new Object[] {requests, answers};
                }));
            }
            List<Object[]> all = new ArrayList<>();
            for (Future<?> future : done) {
                all.add((Object[]) future.get(30, TimeUnit.SECONDS));
            }
            batcher.close();
            for (Object[] pair : all) {
                @SuppressWarnings("unchecked")
                List<Ridge> requests = (List<Ridge>) pair[0];
                @SuppressWarnings("unchecked")
                List<CompletableFuture<double[]>> answers = (List<CompletableFuture<double[]>>) pair[1];
                for (int i = 0; i < requests.size(); i++) {
                    // Arrays.equals on double[] compares the bits of each value
                    assertArrayEquals(Ridge.run(requests.get(i)), answers.get(i).join());
                    submittedRows += requests.get(i).data().length;
                }
            }
            // every row was run exactly once
            assertEquals(
                    submittedRows,
                    batchRows().stream().mapToInt(Integer::intValue).sum());
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aRequestThatCannotBeMeasuredNeverEntersABatch() {
        Batcher<Ridge, double[]> batcher = batcher(Batcher.builder(Ridge.SHAPE, this::recordingRun)
                .policy((state, model) -> state.requests() >= 2 ? state.now() : Long.MAX_VALUE));
        Ridge good1 = Ridge.random(new Random(1), 2, 1);
        Ridge good2 = Ridge.random(new Random(2), 3, 1);
        var first = batcher.submit(good1);
        var bad = batcher.submit(new Ridge(null, 1));
        var second = batcher.submit(good2);

        assertArrayEquals(Ridge.run(good1), join(first));
        assertArrayEquals(Ridge.run(good2), join(second));
        assertInstanceOf(NullPointerException.class, failure(bad));
        assertEquals(List.of(5), batchRows());
    }

    @Test
    void aRequestLargerThanMaxRowsIsScoredAlone() throws Exception {
        Gate gate = new Gate();
        Batcher<Ridge, double[]> batcher =
                batcher(Batcher.builder(Ridge.SHAPE, gate).maxRows(4).policy(BatchPolicy.greedy()));
        Random random = new Random(3);
        Ridge blocker = Ridge.random(random, 1, 1);
        var blocked = batcher.submit(blocker);
        assertTrue(gate.entered.await(30, TimeUnit.SECONDS));
        Ridge large = Ridge.random(random, 10, 1);
        Ridge small1 = Ridge.random(random, 2, 1);
        Ridge small2 = Ridge.random(random, 2, 1);
        var largeAnswer = batcher.submit(large);
        var small1Answer = batcher.submit(small1);
        var small2Answer = batcher.submit(small2);
        gate.release.countDown();

        assertArrayEquals(Ridge.run(blocker), join(blocked));
        assertArrayEquals(Ridge.run(large), join(largeAnswer));
        assertArrayEquals(Ridge.run(small1), join(small1Answer));
        assertArrayEquals(Ridge.run(small2), join(small2Answer));
        assertEquals(List.of(1, 10, 4), batchRows());
    }

    @Test
    void requestsWithDifferentNonBatchedParametersGoInDifferentBatches() throws Exception {
        Gate gate = new Gate();
        Batcher<Ridge, double[]> batcher =
                batcher(Batcher.builder(Ridge.SHAPE, gate).policy(BatchPolicy.greedy()));
        Random random = new Random(4);
        var blocked = batcher.submit(Ridge.random(random, 1, 1));
        assertTrue(gate.entered.await(30, TimeUnit.SECONDS));
        List<Ridge> requests = List.of(
                Ridge.random(random, 2, 1),
                Ridge.random(random, 3, 2),
                Ridge.random(random, 1, 1),
                Ridge.random(random, 2, 2));
        List<CompletableFuture<double[]>> answers = new ArrayList<>();
        for (Ridge request : requests) {
            answers.add(batcher.submit(request).toCompletableFuture());
        }
        gate.release.countDown();

        join(blocked);
        for (int i = 0; i < requests.size(); i++) {
            assertArrayEquals(Ridge.run(requests.get(i)), answers.get(i).join());
        }
        assertEquals(List.of(1, 3, 5), batchRows());
        synchronized (runs) {
            assertEquals(List.of(1.0, 1.0, 2.0), runs.stream().map(Ridge::scale).toList());
        }
    }

    @Test
    void whenRunThrowsEveryRequestOfTheBatchGetsThatFailure() throws Exception {
        IllegalStateException boom = new IllegalStateException("the model is gone");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger failedBatches = new AtomicInteger();
        Batcher<Ridge, double[]> batcher = batcher(Batcher.builder(Ridge.SHAPE, (Ridge batch) -> {
                    if (batch.data().length == 1) {
                        entered.countDown();
                        assertTrue(release.await(30, TimeUnit.SECONDS));
                        return Ridge.run(batch);
                    }
                    throw boom;
                })
                .policy(BatchPolicy.greedy())
                .metrics(new BatchMetrics() {
                    @Override
                    public void batchRan(int rows, int requests, long runNanos, boolean failed) {
                        if (failed) {
                            failedBatches.incrementAndGet();
                        }
                    }
                }));
        Random random = new Random(5);
        var blocked = batcher.submit(Ridge.random(random, 1, 1));
        assertTrue(entered.await(30, TimeUnit.SECONDS));
        List<CompletableFuture<double[]>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(batcher.submit(Ridge.random(random, 2, 1)).toCompletableFuture());
        }
        release.countDown();

        join(blocked);
        for (CompletableFuture<double[]> answer : answers) {
            assertSame(boom, failure(answer));
        }
        batcher.close();
        assertEquals(1, failedBatches.get());
    }

    @Test
    void aRunThatThrowsAnErrorStillAnswersItsRequestsAndLeavesTheBatcherWorking() {
        AtomicInteger calls = new AtomicInteger();
        Batcher<Ridge, double[]> batcher = batcher(Batcher.builder(Ridge.SHAPE, (Ridge batch) -> {
                    if (calls.getAndIncrement() == 0) {
                        throw new StackOverflowError("deep model");
                    }
                    return Ridge.run(batch);
                })
                .policy(BatchPolicy.greedy()));
        Random random = new Random(16);
        assertInstanceOf(StackOverflowError.class, failure(batcher.submit(Ridge.random(random, 1, 1))));
        Ridge next = Ridge.random(random, 2, 1);
        assertArrayEquals(Ridge.run(next), join(batcher.submit(next)));
    }

    @Test
    void aRunReturningTheWrongNumberOfRowsFailsItsBatchSayingSo() {
        Batcher<Ridge, double[]> batcher =
                batcher(Batcher.builder(Ridge.SHAPE, (Ridge batch) -> new double[batch.data().length - 1])
                        .policy((state, model) -> state.requests() >= 2 ? state.now() : Long.MAX_VALUE));
        Random random = new Random(6);
        var first = batcher.submit(Ridge.random(random, 1, 1));
        var second = batcher.submit(Ridge.random(random, 2, 1));

        for (var answer : List.of(first, second)) {
            Throwable failure = failure(answer);
            assertInstanceOf(BatchOutputException.class, failure);
            assertEquals(
                    "run returned 2 rows for a batch of 3 rows from 2 requests; it must return one row for each"
                            + " row it is given.",
                    failure.getMessage());
        }
    }

    @Test
    void aRequestPastItsDeadlineIsRejectedNotRun() throws Exception {
        AtomicLong clock = new AtomicLong(1_000);
        Gate gate = new Gate();
        List<BatchRejectedException.Reason> rejections = Collections.synchronizedList(new ArrayList<>());
        Batcher<Ridge, double[]> batcher = batcher(Batcher.builder(Ridge.SHAPE, gate)
                .clock(clock::get)
                .policy(BatchPolicy.greedy())
                .metrics(new BatchMetrics() {
                    @Override
                    public void rejected(BatchRejectedException.Reason reason) {
                        rejections.add(reason);
                    }
                }));
        Random random = new Random(7);
        var blocked = batcher.submit(Ridge.random(random, 1, 1));
        assertTrue(gate.entered.await(30, TimeUnit.SECONDS));
        var late = batcher.submit(Ridge.random(random, 2, 1), clock.get() + 100);
        Ridge onTime = Ridge.random(random, 3, 1);
        var onTimeAnswer = batcher.submit(onTime, clock.get() + 1_000_000);
        clock.addAndGet(200); // the first batch takes longer than the late request can wait
        gate.release.countDown();

        join(blocked);
        Throwable failure = failure(late);
        assertInstanceOf(BatchRejectedException.class, failure);
        assertEquals(BatchRejectedException.Reason.DEADLINE, ((BatchRejectedException) failure).reason());
        assertTrue(
                failure.getMessage().startsWith("The request could not be scored before its deadline"),
                failure.getMessage());
        assertArrayEquals(Ridge.run(onTime), join(onTimeAnswer));
        assertEquals(List.of(1, 3), batchRows());
        assertEquals(List.of(BatchRejectedException.Reason.DEADLINE), rejections);
    }

    @Test
    void aRequestTheModelSaysCannotEndInTimeIsRejectedAtOnce() {
        AtomicLong clock = new AtomicLong();
        Batcher<Ridge, double[]> batcher = batcher(Batcher.builder(Ridge.SHAPE, (Ridge batch) -> {
                    runs.add(batch);
                    clock.addAndGet(1_000 + 100 * batch.data().length);
                    return Ridge.run(batch);
                })
                .clock(clock::get)
                .policy(BatchPolicy.greedy()));
        Random random = new Random(14);
        join(batcher.submit(Ridge.random(random, 1, 1)));
        // batches of one size only: a guess proportional to rows, which rejects nothing
        var unfitted = batcher.submit(Ridge.random(random, 10, 1), clock.get() + 1_500);
        join(unfitted);
        assertTrue(batcher.timeModel().fitted()); // 1000 ns + 100 ns a row

        var tooTight = batcher.submit(Ridge.random(random, 5, 1), clock.get() + 1_400);
        Throwable failure = failure(tooTight);
        assertEquals(BatchRejectedException.Reason.DEADLINE, ((BatchRejectedException) failure).reason());
        assertEquals(Duration.ZERO, ((BatchRejectedException) failure).retryAfter()); // nothing else was queued
        Ridge enough = Ridge.random(random, 5, 1);
        assertArrayEquals(Ridge.run(enough), join(batcher.submit(enough, clock.get() + 1_500)));
        assertEquals(List.of(1, 10, 5), batchRows());
    }

    @Test
    void shutdownAnswersEveryQueuedRequestAndRefusesNewOnes() throws Exception {
        Batcher<Ridge, double[]> batcher = batcher(
                Batcher.builder(Ridge.SHAPE, this::recordingRun).maxRows(4).policy(NEVER));
        Random random = new Random(8);
        List<Ridge> requests = new ArrayList<>();
        List<CompletableFuture<double[]>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Ridge request = Ridge.random(random, 1, 1);
            requests.add(request);
            answers.add(batcher.submit(request).toCompletableFuture());
        }
        // 4 rows are a full batch and run at once; the other 2 wait for the policy, which never says so
        batcher.shutdown();
        assertTrue(batcher.awaitTermination(Duration.ofSeconds(30)));

        for (int i = 0; i < requests.size(); i++) {
            assertTrue(answers.get(i).isDone());
            assertArrayEquals(Ridge.run(requests.get(i)), answers.get(i).join());
        }
        assertEquals(List.of(4, 4, 2), batchRows());
        Throwable refused = failure(batcher.submit(Ridge.random(random, 1, 1)));
        assertEquals(BatchRejectedException.Reason.SHUT_DOWN, ((BatchRejectedException) refused).reason());
    }

    @Test
    void aFullQueueRejectsAtOnce() throws Exception {
        BatchTimeModel model = new BatchTimeModel();
        model.record(1, 1_100);
        model.record(11, 2_100); // 1000 ns + 100 ns a row
        Batcher<Ridge, double[]> batcher = batcher(Batcher.builder(Ridge.SHAPE, this::recordingRun)
                .maxQueuedRows(3)
                .policy(NEVER)
                .timeModel(model));
        Random random = new Random(9);
        var first = batcher.submit(Ridge.random(random, 2, 1));
        var second = batcher.submit(Ridge.random(random, 1, 1));
        var third = batcher.submit(Ridge.random(random, 1, 1));

        Throwable refused = failure(third);
        assertEquals(BatchRejectedException.Reason.QUEUE_FULL, ((BatchRejectedException) refused).reason());
        assertEquals(
                "The batching queue is full: 3 rows are waiting, at most 3, and the request has 1. Retry later.",
                refused.getMessage());
        assertEquals(Duration.ofNanos(1_300), ((BatchRejectedException) refused).retryAfter()); // the 3 rows queued
        batcher.close();
        join(first);
        join(second);
    }

    @Test
    void aRequestLargerThanTheQueueIsAcceptedIntoAnEmptyQueue() {
        Batcher<Ridge, double[]> batcher = batcher(Batcher.builder(Ridge.SHAPE, this::recordingRun)
                .maxQueuedRows(3)
                .policy(BatchPolicy.greedy()));
        Ridge large = Ridge.random(new Random(10), 5, 1);
        assertArrayEquals(Ridge.run(large), join(batcher.submit(large)));
    }

    @Test
    void aUserPolicyIsHonoured() {
        List<QueueState> asked = Collections.synchronizedList(new ArrayList<>());
        Batcher<Ridge, double[]> batcher =
                batcher(Batcher.builder(Ridge.SHAPE, this::recordingRun).policy((state, model) -> {
                    asked.add(state);
                    return state.rows() >= 3 ? state.now() : Long.MAX_VALUE;
                }));
        Random random = new Random(11);
        List<Ridge> requests =
                List.of(Ridge.random(random, 1, 1), Ridge.random(random, 1, 1), Ridge.random(random, 1, 1));
        List<CompletableFuture<double[]>> answers = new ArrayList<>();
        for (Ridge request : requests) {
            answers.add(batcher.submit(request).toCompletableFuture());
        }
        for (int i = 0; i < requests.size(); i++) {
            assertArrayEquals(Ridge.run(requests.get(i)), answers.get(i).join());
        }
        assertEquals(List.of(3), batchRows());
        synchronized (asked) {
            assertEquals(3, asked.get(asked.size() - 1).rows());
            assertTrue(asked.stream().allMatch(state -> state.maxRows() == 256));
        }
    }

    @Test
    void theBatcherLearnsTheTimeOfItsBatches() {
        AtomicLong clock = new AtomicLong();
        long perCall = 2_000_000;
        long perRow = 5_000;
        Batcher<Ridge, double[]> batcher = batcher(Batcher.builder(Ridge.SHAPE, (Ridge batch) -> {
                    clock.addAndGet(perCall + perRow * batch.data().length);
                    return Ridge.run(batch);
                })
                .clock(clock::get)
                .policy(BatchPolicy.greedy()));
        Random random = new Random(12);
        for (int rows = 1; rows <= 20; rows++) {
            join(batcher.submit(Ridge.random(random, rows, 1)));
        }
        BatchTimeModel model = batcher.timeModel();
        assertTrue(model.fitted());
        assertEquals(perCall, model.interceptNanos(), 1e-3);
        assertEquals(perRow, model.slopeNanos(), 1e-6);
        assertEquals(perCall + 100 * perRow, model.predictNanos(100));
    }

    @Test
    void metricsSeeEachBatchAndEachQueueWait() throws Exception {
        AtomicLong clock = new AtomicLong(5_000);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Gate gate = new Gate();
        Batcher<Ridge, double[]> batcher = batcher(Batcher.builder(Ridge.SHAPE, gate)
                .clock(clock::get)
                .policy(BatchPolicy.greedy())
                .metrics(new BatchMetrics() {
                    @Override
                    public void batchRan(int rows, int requests, long runNanos, boolean failed) {
                        events.add("batch of " + rows + " rows, " + requests + " requests, failed " + failed);
                    }

                    @Override
                    public void queueWait(long waitNanos) {
                        events.add("waited " + waitNanos);
                    }
                }));
        Random random = new Random(15);
        var blocked = batcher.submit(Ridge.random(random, 1, 1));
        assertTrue(gate.entered.await(30, TimeUnit.SECONDS));
        var second = batcher.submit(Ridge.random(random, 3, 1));
        var third = batcher.submit(Ridge.random(random, 1, 1));
        clock.addAndGet(300);
        gate.release.countDown();
        join(blocked);
        join(second);
        join(third);
        batcher.close();

        assertEquals(
                List.of(
                        "waited 0",
                        "batch of 1 rows, 1 requests, failed false",
                        "waited 300",
                        "waited 300",
                        "batch of 4 rows, 2 requests, failed false"),
                events);
    }

    @Test
    void aBatchRunsOnTheGivenExecutor() throws Exception {
        ExecutorService workers = Executors.newSingleThreadExecutor(task -> new Thread(task, "test-worker"));
        try {
            List<String> threads = Collections.synchronizedList(new ArrayList<>());
            Batcher<Ridge, double[]> batcher = batcher(Batcher.builder(Ridge.SHAPE, (Ridge batch) -> {
                        threads.add(Thread.currentThread().getName());
                        return Ridge.run(batch);
                    })
                    .executor(workers));
            join(batcher.submit(Ridge.random(new Random(13), 2, 1)));
            assertEquals(List.of("test-worker"), threads);
        } finally {
            workers.shutdownNow();
        }
    }
}

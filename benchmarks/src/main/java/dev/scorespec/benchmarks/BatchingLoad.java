package dev.scorespec.benchmarks;

import dev.scorespec.runtime.batching.Batcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A closed-loop load driver of the batching engine, without HTTP: {@code CONCURRENCY} client threads
 * each send a request (one row of 10 features), wait for its answer and send the next, for
 * {@code DURATION} seconds after {@code WARMUP} seconds, against {@link FixedCostModel} called
 *
 * <ul>
 *   <li><b>off</b>: once per request on a pool of {@code WORKERS} threads (the server's worker pool, as
 *       many as cores by default), as the server calls {@code run} without batching;
 *   <li><b>on</b>: through a {@link Batcher} with its defaults ({@code maxRows} 256, {@code maxDelay} 5 ms,
 *       the adaptive policy, one batch at a time) running on a pool of the same size.
 * </ul>
 *
 * Every answer is checked against the score computed directly for its row, so a batching bug stops the
 * run. Prints a Markdown table: requests per second, p50 and p99 of the time from submission to answer,
 * and the mean rows per {@code run} call.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.scorespec.benchmarks.BatchingLoad
 * DURATION=10 WARMUP=3 CONCURRENCY=1,8,64 PER_CALL_US=2000 PER_ROW_US=5 COST=sleep|spin java -cp ...
 * </pre>
 */
public final class BatchingLoad {

    private static final int POOL_OF_ROWS = 4096;

    private final double[][] rows = new double[POOL_OF_ROWS][];
    private final double[] expected = new double[POOL_OF_ROWS];

    private BatchingLoad() {
        Random random = new Random(42);
        for (int i = 0; i < POOL_OF_ROWS; i++) {
            rows[i] = new double[FixedCostModel.WEIGHTS.length];
            for (int j = 0; j < rows[i].length; j++) {
                rows[i][j] = random.nextGaussian() * 0.05;
            }
            expected[i] = FixedCostModel.score(rows[i]);
        }
    }

    record Result(
            String batching, int concurrency, long requests, double seconds, long[] latencies, double rowsPerCall) {
        double perSecond() {
            return requests / seconds;
        }

        long percentile(double p) {
            return latencies[(int) Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)];
        }
    }

    public static void main(String[] args) throws Exception {
        Duration duration = Duration.ofSeconds(Long.parseLong(env("DURATION", "5")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(env("WARMUP", "2")));
        int workers = Integer.parseInt(
                env("WORKERS", Integer.toString(Runtime.getRuntime().availableProcessors())));
        int[] concurrencies = Arrays.stream(env("CONCURRENCY", "1,8,64").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        long perCall = Long.parseLong(env("PER_CALL_US", "2000")) * 1_000;
        long perRow = Long.parseLong(env("PER_ROW_US", "5")) * 1_000;
        boolean spin = env("COST", "sleep").equals("spin");
        FixedCostModel model = new FixedCostModel(perCall, perRow, spin);
        BatchingLoad load = new BatchingLoad();

        System.out.printf(
                Locale.ROOT,
                "cores %d, %s; model: %d us a call (%s) + %d us a row; %d workers; %d s"
                        + " measured after %d s of warm-up per row%n%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                perCall / 1_000,
                spin ? "computing" : "waiting",
                perRow / 1_000,
                workers,
                duration.toSeconds(),
                warmup.toSeconds());
        System.out.println("| batching | concurrency | requests/s | p50 | p99 | rows per run call |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        List<Result> results = new ArrayList<>();
        for (int concurrency : concurrencies) {
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            try {
                AtomicLong calls = new AtomicLong();
                Result off = load.measure(
                        "off",
                        concurrency,
                        warmup,
                        duration,
                        calls,
                        request -> CompletableFuture.supplyAsync(
                                () -> {
                                    calls.incrementAndGet();
                                    return model.run(request);
                                },
                                pool));
                print(off);
                results.add(off);
                AtomicLong batches = new AtomicLong();
                try (Batcher<double[][], double[]> batcher = Batcher.builder(
                                FixedCostModel.SHAPE, (double[][] batch) -> {
                                    batches.incrementAndGet();
                                    return model.run(batch);
                                })
                        .executor(pool)
                        .build()) {
                    Result on = load.measure(
                            "on",
                            concurrency,
                            warmup,
                            duration,
                            batches,
                            request -> batcher.submit(request).toCompletableFuture());
                    print(on);
                    results.add(on);
                    System.err.println("concurrency " + concurrency + ": " + batcher);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        System.out.println();
        for (int i = 0; i + 1 < results.size(); i += 2) {
            Result off = results.get(i);
            Result on = results.get(i + 1);
            System.out.printf(
                    Locale.ROOT,
                    "concurrency %d: batching on gives %.2fx the requests/s, p50 %s, p99 %s%n",
                    off.concurrency(),
                    on.perSecond() / off.perSecond(),
                    signedMillis(on.percentile(0.50) - off.percentile(0.50)),
                    signedMillis(on.percentile(0.99) - off.percentile(0.99)));
        }
    }

    private Result measure(
            String batching,
            int concurrency,
            Duration warmup,
            Duration duration,
            AtomicLong calls,
            Function<double[][], CompletableFuture<double[]>> send)
            throws InterruptedException {
        long start = System.nanoTime() + warmup.toNanos();
        long end = start + duration.toNanos();
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        long[] callsAtStart = new long[1];
        CountDownLatch done = new CountDownLatch(concurrency);
        Thread[] clients = new Thread[concurrency];
        Throwable[] failures = new Throwable[concurrency];
        for (int c = 0; c < concurrency; c++) {
            int client = c;
            clients[c] = new Thread(
                    () -> {
                        long[] mine = new long[1 << 16];
                        int count = 0;
                        int next = client * 977;
                        try {
                            while (true) {
                                int index = next++ % POOL_OF_ROWS;
                                long sent = System.nanoTime();
                                if (sent >= end) {
                                    break;
                                }
                                double[] answer =
                                        send.apply(new double[][] {rows[index]}).join();
                                long received = System.nanoTime();
                                if (answer.length != 1
                                        || Double.doubleToRawLongBits(answer[0])
                                                != Double.doubleToRawLongBits(expected[index])) {
                                    throw new IllegalStateException("Row " + index + " was answered "
                                            + Arrays.toString(answer) + ", not " + expected[index]);
                                }
                                if (sent >= start && received <= end) {
                                    if (count == mine.length) {
                                        mine = Arrays.copyOf(mine, 2 * count);
                                    }
                                    mine[count++] = received - sent;
                                }
                            }
                        } catch (Throwable e) {
                            failures[client] = e;
                        }
                        latencies[client] = mine;
                        counts[client] = count;
                        done.countDown();
                    },
                    "client-" + c);
        }
        for (Thread client : clients) {
            client.start();
        }
        Thread.sleep(Math.max(0, (start - System.nanoTime()) / 1_000_000));
        callsAtStart[0] = calls.get();
        Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
        long callsDuring = calls.get() - callsAtStart[0];
        done.await();
        for (Throwable failure : failures) {
            if (failure != null) {
                throw new IllegalStateException("A client failed", failure);
            }
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int offset = 0;
        for (int c = 0; c < concurrency; c++) {
            System.arraycopy(latencies[c], 0, all, offset, counts[c]);
            offset += counts[c];
        }
        Arrays.sort(all);
        return new Result(
                batching,
                concurrency,
                total,
                duration.toNanos() / 1e9,
                all,
                callsDuring == 0 ? 0 : (double) total / callsDuring);
    }

    private static void print(Result result) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %d | %,.0f | %s | %s | %.1f |%n",
                result.batching(),
                result.concurrency(),
                result.perSecond(),
                millis(result.percentile(0.50)),
                millis(result.percentile(0.99)),
                result.rowsPerCall());
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    private static String signedMillis(long nanos) {
        return String.format(Locale.ROOT, "%+.2f ms", nanos / 1e6);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

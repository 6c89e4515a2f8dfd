package dev.scorespec.runtime.batching;

import dev.scorespec.runtime.InvalidInputException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores requests in batches: {@link #submit} queues a request's bound arguments; a dispatcher thread
 * takes the oldest request with the later ones of the same {@linkplain BatchShape#key key} that fit in
 * {@code maxRows} rows, asks the {@link BatchPolicy} whether to run them now or wait for more, and runs
 * them on the worker executor as one {@code run} call, whose result it splits back to each request.
 *
 * <ul>
 *   <li><b>Rows, not requests.</b> A batch never has more than {@code maxRows} rows, except a request
 *       that alone has more: it is scored alone, unsplit, as without batching (splitting it would change
 *       nothing for it and cost a concatenation).
 *   <li><b>Failures.</b> If {@code run} throws, or returns a number of rows other than the batch's, every
 *       request of the batch fails with that exception (a {@link BatchOutputException} for the rows),
 *       logged once. An {@link InvalidInputException} is run's verdict on an input, which one request may
 *       have caused: then each request of the batch is scored again, alone, and gets its own answer.
 *       Requests are bound before they are submitted, so a bad request never reaches a batch.
 *   <li><b>Deadlines.</b> A request whose deadline has passed before its batch starts, or which the
 *       {@link BatchTimeModel}, once {@linkplain BatchTimeModel#fitted() fitted}, predicts cannot be
 *       scored before it even alone, fails with
 *       {@link BatchRejectedException} ({@link BatchRejectedException.Reason#DEADLINE}) as soon as the
 *       dispatcher sees it: it is never held, nor run late. A batch that has started is not stopped.
 *   <li><b>A bounded queue.</b> A request that would take the queue past {@code maxQueuedRows} fails at
 *       once with {@link BatchRejectedException.Reason#QUEUE_FULL}, unless the queue is empty.
 *   <li><b>Shutdown.</b> {@link #shutdown} stops accepting requests and runs everything queued at once,
 *       without waiting for more; {@link #awaitTermination} returns once all of it is answered.
 * </ul>
 *
 * <p>Thread-safe. Futures are completed from the worker executor, or from the dispatcher for
 * rejections: callers that do more than hand the result on should move to their own threads.
 *
 * @param <A> the bound arguments of {@code run}
 * @param <R> what {@code run} returns
 */
public final class Batcher<A, R> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Batcher.class);

    /** How far off {@link #submit(Object)} puts a deadline: about 36 years, never reached. */
    private static final long NO_DEADLINE_NANOS = Long.MAX_VALUE / 8;

    private final BatchShape<A, R> shape;
    private final BatchRun<A, R> run;
    private final int maxRows;
    private final int maxQueuedRows;
    private final int maxConcurrentBatches;
    private final BatchPolicy policy;
    private final BatchTimeModel model;
    private final BatchMetrics metrics;
    private final LongSupplier clock;
    private final Executor executor;
    private final ExecutorService ownedExecutor;

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a request is queued, a batch ends, or the batcher shuts down. */
    private final Condition changed = lock.newCondition();

    private final Condition terminated = lock.newCondition();
    private final ArrayDeque<Pending<A, R>> queue = new ArrayDeque<>();
    private int queuedRows;
    private int inFlight;
    private boolean shuttingDown;
    private boolean dispatcherDone;
    private long lastArrivalNanos;
    private long lastQueuedArrivalNanos;
    private long arrivalGapNanos;

    private Batcher(Builder<A, R> builder) {
        this.shape = builder.shape;
        this.run = builder.run;
        this.maxRows = builder.maxRows;
        this.maxQueuedRows = builder.maxQueuedRows > 0 ? builder.maxQueuedRows : 64 * builder.maxRows;
        this.maxConcurrentBatches = builder.maxConcurrentBatches;
        this.policy = builder.policy != null ? builder.policy : new AdaptiveBatchPolicy(builder.maxDelay);
        this.model = builder.model != null ? builder.model : new BatchTimeModel();
        this.metrics = builder.metrics;
        this.clock = builder.clock;
        if (builder.executor != null) {
            this.executor = builder.executor;
            this.ownedExecutor = null;
        } else {
            this.ownedExecutor =
                    Executors.newFixedThreadPool(maxConcurrentBatches, daemonThreads(builder.name + "-run"));
            this.executor = ownedExecutor;
        }
    }

    private Batcher<A, R> start(String name) {
        Thread dispatcher = new Thread(this::dispatch, name);
        dispatcher.setDaemon(true);
        dispatcher.start();
        return this;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A batcher of {@code run} over arguments of this shape; see {@link Builder} for the defaults. */
    public static <A, R> Builder<A, R> builder(BatchShape<A, R> shape, BatchRun<A, R> run) {
        return new Builder<>(shape, run);
    }

    /** The current time on the batcher's clock, the time base of deadlines, in nanoseconds. */
    public long nanoTime() {
        return clock.getAsLong();
    }

    /** The time model learnt from the batches run so far. */
    public BatchTimeModel timeModel() {
        return model;
    }

    /** How many requests are queued, not yet in a batch. */
    public int queuedRequests() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Queues a request with no deadline. */
    public CompletionStage<R> submit(A arguments) {
        return submit(arguments, nanoTime() + NO_DEADLINE_NANOS);
    }

    /** Queues a request that must be scored within {@code timeout} from now. */
    public CompletionStage<R> submit(A arguments, Duration timeout) {
        return submit(arguments, nanoTime() + timeout.toNanos());
    }

    /**
     * Queues a request, already bound.
     *
     * @param deadlineNanos the time on {@link #nanoTime()}'s clock by which its batch must have ended
     * @return its result, or a failure: {@link BatchRejectedException} when it was not scored, the
     *     exception of {@code run} or a {@link BatchOutputException} when its batch failed
     */
    public CompletionStage<R> submit(A arguments, long deadlineNanos) {
        return submit(arguments, deadlineNanos, () -> {});
    }

    /**
     * Queues a request, already bound, and says when its batch starts: from then on it is being scored,
     * and is no longer rejected for its deadline.
     *
     * @param started called on the thread that runs the batch, just before {@code run}; it must be quick
     */
    public CompletionStage<R> submit(A arguments, long deadlineNanos, Runnable started) {
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(started, "started");
        int rows;
        Object key;
        try {
            rows = shape.rows(arguments);
            key = Objects.requireNonNull(shape.key(arguments), "BatchShape.key returned null");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<R> result = new CompletableFuture<>();
        BatchRejectedException rejection = null;
        lock.lock();
        try {
            long now = clock.getAsLong();
            if (shuttingDown) {
                rejection = new BatchRejectedException(
                        BatchRejectedException.Reason.SHUT_DOWN,
                        "The scoring service is shutting down.",
                        Duration.ZERO);
            } else if (!queue.isEmpty() && queuedRows + rows > maxQueuedRows) {
                rejection = new BatchRejectedException(
                        BatchRejectedException.Reason.QUEUE_FULL,
                        "The batching queue is full: " + queuedRows + " rows are waiting, at most " + maxQueuedRows
                                + ", and the request has " + rows + ". Retry later.",
                        queueDrainTime());
            } else {
                if (!queue.isEmpty()) {
                    // a moving average over arrivals that found others waiting: what says more are coming
                    long gap = Math.max(1, now - lastArrivalNanos);
                    arrivalGapNanos =
                            arrivalGapNanos == 0 ? gap : Math.max(1, arrivalGapNanos + (gap - arrivalGapNanos) / 4);
                    lastQueuedArrivalNanos = now;
                }
                lastArrivalNanos = now;
                queue.addLast(new Pending<>(arguments, rows, key, now, deadlineNanos, started, result));
                queuedRows += rows;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (rejection != null) {
            metrics.rejected(rejection.reason());
            result.completeExceptionally(rejection);
        }
        return result;
    }

    /** Stops accepting requests; those queued run at once, in batches, without waiting for more. */
    public void shutdown() {
        lock.lock();
        try {
            shuttingDown = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until, after {@link #shutdown}, every queued request is answered and no batch is running.
     *
     * @return false if the timeout passed first
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (!isTerminated()) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = terminated.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private boolean isTerminated() {
        return dispatcherDone && inFlight == 0;
    }

    /** {@link #shutdown}, then waits for every queued request to be answered. */
    @Override
    public void close() {
        shutdown();
        try {
            while (!awaitTermination(Duration.ofMinutes(1))) {
                LOG.info("Still answering the requests queued for batching before shutting down");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch() {
        List<Pending<A, R>> rejected = new ArrayList<>();
        while (true) {
            List<Pending<A, R>> batch = null;
            boolean done = false;
            lock.lock();
            try {
                while (true) {
                    long now = clock.getAsLong();
                    expire(now, rejected);
                    if (!rejected.isEmpty()) {
                        break;
                    }
                    if (queue.isEmpty()) {
                        if (shuttingDown) {
                            dispatcherDone = true;
                            done = true;
                            if (isTerminated()) {
                                terminated.signalAll();
                            }
                            break;
                        }
                        awaitChange(now, Long.MAX_VALUE);
                        continue;
                    }
                    if (inFlight >= maxConcurrentBatches) {
                        awaitChange(now, earliestDeadline());
                        continue;
                    }
                    Candidate<A, R> candidate = candidate();
                    long runAt = shuttingDown || candidate.full ? now : askPolicy(candidate, now);
                    if (runAt <= now) {
                        batch = take(candidate);
                        break;
                    }
                    awaitChange(now, Math.min(runAt, candidate.earliestDeadline));
                }
            } finally {
                lock.unlock();
            }
            rejectAll(rejected);
            if (batch != null) {
                start(batch);
            }
            if (done) {
                if (ownedExecutor != null) {
                    ownedExecutor.shutdown(); // the batches already started still run
                }
                return;
            }
        }
    }

    /**
     * Waits for a change, or until {@code until} on the batcher's clock. Called with the lock held, from
     * the dispatcher's loop, which looks at the queue again after every wake-up, spurious ones included.
     */
    @SuppressWarnings("WaitNotInLoop")
    private void awaitChange(long now, long until) {
        try {
            if (until == Long.MAX_VALUE || until - now >= NO_DEADLINE_NANOS / 2) {
                changed.await();
            } else {
                long unused = changed.awaitNanos(Math.max(1, until - now));
            }
        } catch (InterruptedException e) {
            // nothing interrupts the dispatcher but a JVM going down: answer what is queued and stop
            shuttingDown = true;
        }
    }

    private long askPolicy(Candidate<A, R> candidate, long now) {
        QueueState state = new QueueState(
                now,
                candidate.members.size(),
                candidate.rows,
                maxRows,
                candidate.members.get(0).enqueuedNanos,
                candidate.earliestDeadline,
                lastArrivalNanos,
                lastQueuedArrivalNanos,
                arrivalGapNanos);
        try {
            return policy.runAt(state, model);
        } catch (RuntimeException e) {
            LOG.error("The batch policy {} failed; running the batch now", policy, e);
            return now;
        }
    }

    /** Moves every request that can no longer be served in time to {@code rejected}. */
    private void expire(long now, List<Pending<A, R>> rejected) {
        // only a fitted model: the proportional guess from batches of one size overestimates larger ones
        boolean predicts = model.fitted();
        for (var it = queue.iterator(); it.hasNext(); ) {
            Pending<A, R> pending = it.next();
            if (pending.deadlineNanos <= now
                    || (predicts && now + model.predictNanos(pending.rows) > pending.deadlineNanos)) {
                it.remove();
                queuedRows -= pending.rows;
                rejected.add(pending);
            }
        }
    }

    private long earliestDeadline() {
        long earliest = Long.MAX_VALUE;
        for (Pending<A, R> pending : queue) {
            earliest = Math.min(earliest, pending.deadlineNanos);
        }
        return earliest;
    }

    /** The oldest request, with the later ones of its key in order while they fit in {@code maxRows}. */
    private Candidate<A, R> candidate() {
        Pending<A, R> oldest = queue.peekFirst();
        Candidate<A, R> candidate = new Candidate<>();
        candidate.add(oldest);
        candidate.full = oldest.rows >= maxRows;
        for (var it = queue.iterator(); !candidate.full && it.hasNext(); ) {
            Pending<A, R> pending = it.next();
            if (pending == oldest || !pending.key.equals(oldest.key)) {
                continue;
            }
            if (candidate.rows + pending.rows > maxRows) {
                candidate.full = true; // first come, first served: no later, smaller request jumps it
            } else {
                candidate.add(pending);
                candidate.full = candidate.rows == maxRows;
            }
        }
        return candidate;
    }

    private List<Pending<A, R>> take(Candidate<A, R> candidate) {
        for (Pending<A, R> pending : candidate.members) {
            pending.taken = true;
        }
        queue.removeIf(pending -> pending.taken);
        queuedRows -= candidate.rows;
        inFlight++;
        return candidate.members;
    }

    /** The predicted time to run what is queued now, in full batches. Called with the lock held. */
    private Duration queueDrainTime() {
        long fullBatches = queuedRows / maxRows;
        int rest = queuedRows % maxRows;
        return Duration.ofNanos(fullBatches * model.predictNanos(maxRows) + (rest > 0 ? model.predictNanos(rest) : 0));
    }

    private void rejectAll(List<Pending<A, R>> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        long now = clock.getAsLong();
        Duration retryAfter;
        lock.lock();
        try {
            retryAfter = queueDrainTime();
        } finally {
            lock.unlock();
        }
        for (Pending<A, R> pending : rejected) {
            metrics.rejected(BatchRejectedException.Reason.DEADLINE);
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(now - pending.enqueuedNanos);
            pending.result.completeExceptionally(new BatchRejectedException(
                    BatchRejectedException.Reason.DEADLINE,
                    "The request could not be scored before its deadline; it waited " + waitedMs
                            + " ms in the batching queue. Retry later.",
                    retryAfter));
        }
        rejected.clear();
    }

    private void start(List<Pending<A, R>> batch) {
        try {
            executor.execute(() -> runBatch(batch));
        } catch (RejectedExecutionException e) {
            LOG.error("The worker executor refused a batch of {} requests", batch.size(), e);
            for (Pending<A, R> pending : batch) {
                pending.result.completeExceptionally(e);
            }
            batchEnded();
        }
    }

    private void runBatch(List<Pending<A, R>> batch) {
        long start = clock.getAsLong();
        int requests = batch.size();
        int[] rowsPerRequest = new int[requests];
        int rows = 0;
        for (int i = 0; i < requests; i++) {
            Pending<A, R> pending = batch.get(i);
            metrics.queueWait(start - pending.enqueuedNanos);
            started(pending);
            rowsPerRequest[i] = pending.rows;
            rows += pending.rows;
        }
        List<R> results = null;
        Throwable failure = null;
        try {
            results = score(batch, rows, rowsPerRequest);
        } catch (Throwable e) { // an Error too: every request must be answered
            failure = e;
        }
        long nanos = clock.getAsLong() - start;
        if (failure instanceof InvalidInputException && requests > 1) {
            // run's verdict on its input, which one request of the batch may have caused: each is scored
            // alone, so that it gets its own answer, as without batching
            metrics.batchRan(rows, requests, nanos, true);
            for (int i = 0; i < requests; i++) {
                runAlone(batch.get(i));
            }
            batchEnded();
            return;
        }
        if (failure == null) {
            model.record(rows, nanos);
        } else {
            LOG.error(
                    "A batch of {} rows from {} requests failed; each of them fails with this",
                    rows,
                    requests,
                    failure);
        }
        metrics.batchRan(rows, requests, nanos, failure != null);
        for (int i = 0; i < requests; i++) {
            CompletableFuture<R> result = batch.get(i).result;
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(results.get(i));
            }
        }
        batchEnded();
    }

    private void started(Pending<A, R> pending) {
        try {
            pending.started.run();
        } catch (RuntimeException e) {
            LOG.error("A request's start callback failed", e);
        }
    }

    /** Scores one request of a batch that failed with {@link InvalidInputException}, by itself. */
    private void runAlone(Pending<A, R> pending) {
        long start = clock.getAsLong();
        try {
            R result = score(List.of(pending), pending.rows, new int[] {pending.rows})
                    .get(0);
            metrics.batchRan(pending.rows, 1, clock.getAsLong() - start, false);
            pending.result.complete(result);
        } catch (Throwable e) { // an Error too: the request must be answered
            metrics.batchRan(pending.rows, 1, clock.getAsLong() - start, true);
            if (!(e instanceof InvalidInputException)) {
                LOG.error("A request of {} rows failed", pending.rows, e);
            }
            pending.result.completeExceptionally(e);
        }
    }

    private List<R> score(List<Pending<A, R>> batch, int rows, int[] rowsPerRequest) throws Exception {
        int requests = batch.size();
        A arguments;
        if (requests == 1) {
            arguments = batch.get(0).arguments; // nothing to concatenate, nor to split afterwards
        } else {
            List<A> all = new ArrayList<>(requests);
            for (Pending<A, R> pending : batch) {
                all.add(pending.arguments);
            }
            arguments = shape.concat(all);
        }
        R result = run.run(arguments);
        int resultRows = shape.resultRows(result);
        if (resultRows != rows) {
            throw new BatchOutputException("run returned " + resultRows + " rows for a batch of " + rows + " rows from "
                    + requests + " requests; it must return one row for each row it is given.");
        }
        if (requests == 1) {
            return List.of(result);
        }
        List<R> results = shape.split(result, rowsPerRequest);
        if (results.size() != requests) {
            throw new BatchOutputException(
                    "BatchShape.split gave " + results.size() + " results for " + requests + " requests.");
        }
        return results;
    }

    private void batchEnded() {
        lock.lock();
        try {
            inFlight--;
            changed.signalAll();
            if (isTerminated()) {
                terminated.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Batcher[maxRows=" + maxRows + ", policy=" + policy + ", time=" + model + "]";
    }

    private static final class Pending<A, R> {
        final A arguments;
        final int rows;
        final Object key;
        final long enqueuedNanos;
        final long deadlineNanos;
        final Runnable started;
        final CompletableFuture<R> result;
        boolean taken;

        Pending(
                A arguments,
                int rows,
                Object key,
                long enqueuedNanos,
                long deadlineNanos,
                Runnable started,
                CompletableFuture<R> result) {
            this.arguments = arguments;
            this.rows = rows;
            this.key = key;
            this.enqueuedNanos = enqueuedNanos;
            this.deadlineNanos = deadlineNanos;
            this.started = started;
            this.result = result;
        }
    }

    private static final class Candidate<A, R> {
        final List<Pending<A, R>> members = new ArrayList<>();
        int rows;
        long earliestDeadline = Long.MAX_VALUE;
        boolean full;

        void add(Pending<A, R> pending) {
            members.add(pending);
            rows += pending.rows;
            earliestDeadline = Math.min(earliestDeadline, pending.deadlineNanos);
        }
    }

    /**
     * Settings of a {@link Batcher}. Defaults: {@code maxRows} 256, {@code maxDelay} 5 ms, the
     * {@link AdaptiveBatchPolicy} with that delay, a queue of at most {@code 64 * maxRows} rows, one batch
     * at a time on a thread of its own, no metrics, {@link System#nanoTime()}.
     */
    public static final class Builder<A, R> {
        private final BatchShape<A, R> shape;
        private final BatchRun<A, R> run;
        private int maxRows = 256;
        private Duration maxDelay = Duration.ofMillis(5);
        private int maxQueuedRows;
        private int maxConcurrentBatches = 1;
        private BatchPolicy policy;
        private BatchTimeModel model;
        private BatchMetrics metrics = BatchMetrics.NONE;
        private LongSupplier clock = System::nanoTime;
        private Executor executor;
        private String name = "scorespec-batcher";

        private Builder(BatchShape<A, R> shape, BatchRun<A, R> run) {
            this.shape = Objects.requireNonNull(shape, "shape");
            this.run = Objects.requireNonNull(run, "run");
        }

        /** The most rows of a batch; a request with more is scored alone. */
        public Builder<A, R> maxRows(int maxRows) {
            if (maxRows < 1) {
                throw new IllegalArgumentException("maxRows must be at least 1, not " + maxRows);
            }
            this.maxRows = maxRows;
            return this;
        }

        /** The longest the default policy keeps a request waiting for others; ignored with {@link #policy}. */
        public Builder<A, R> maxDelay(Duration maxDelay) {
            if (maxDelay.isNegative()) {
                throw new IllegalArgumentException("maxDelay must not be negative, not " + maxDelay);
            }
            this.maxDelay = maxDelay;
            return this;
        }

        /** The most rows the queue holds; a request past it is rejected, unless the queue is empty. */
        public Builder<A, R> maxQueuedRows(int maxQueuedRows) {
            if (maxQueuedRows < 1) {
                throw new IllegalArgumentException("maxQueuedRows must be at least 1, not " + maxQueuedRows);
            }
            this.maxQueuedRows = maxQueuedRows;
            return this;
        }

        /**
         * How many batches may run at once: 1 (the default) when the model uses the machine by itself, as a
         * vectorised or GPU model does, more when {@code run} mostly waits.
         */
        public Builder<A, R> maxConcurrentBatches(int maxConcurrentBatches) {
            if (maxConcurrentBatches < 1) {
                throw new IllegalArgumentException(
                        "maxConcurrentBatches must be at least 1, not " + maxConcurrentBatches);
            }
            this.maxConcurrentBatches = maxConcurrentBatches;
            return this;
        }

        /** A policy of the user's, in place of the {@link AdaptiveBatchPolicy}. */
        public Builder<A, R> policy(BatchPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The time model to learn into (and to read from outside), for one with another window. */
        public Builder<A, R> timeModel(BatchTimeModel model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        public Builder<A, R> metrics(BatchMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** The time base of deadlines, waits and the time model; {@link System#nanoTime()} unless testing. */
        public Builder<A, R> clock(LongSupplier nanoClock) {
            this.clock = Objects.requireNonNull(nanoClock, "nanoClock");
            return this;
        }

        /**
         * Where batches run, such as the server's worker pool; it must run at least
         * {@link #maxConcurrentBatches} tasks at once. Without one, the batcher runs them on threads of its
         * own, which it stops once shut down.
         */
        public Builder<A, R> executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** The dispatcher thread's name, for thread dumps. */
        public Builder<A, R> name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Starts the batcher's dispatcher thread. */
        public Batcher<A, R> build() {
            return new Batcher<>(this).start(name);
        }
    }
}

package dev.scorespec.runtime.server;

import dev.scorespec.runtime.batching.BatchMetrics;
import dev.scorespec.runtime.batching.BatchRejectedException;
import dev.scorespec.runtime.batching.Batcher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The server's meters, one Micrometer registry per server, written at {@code GET /metrics} in Prometheus's
 * text format. Micrometer names meters with dots and the registry writes them after Prometheus's
 * conventions: snake_case, the base unit in the name, {@code _total} on counters. Every label has a small,
 * fixed set of values (the route, not the path), so that no client can make the series grow.
 */
final class ServerMetrics implements AutoCloseable {

    /** Prometheus's text exposition format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /**
     * Histogram bounds: from a fast scoring request to the longest runs; Prometheus histograms need fixed
     * bounds, and a dozen keep the series few.
     */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(1),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2_500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60)
    };

    /** Histogram bounds of batch sizes, in rows or requests. */
    private static final double[] BATCH_SIZES = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096};

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

    /** What a 400 or 415 from {@code /score} was about: the {@code reason} label of binding failures. */
    enum BindingFailure {
        /** Not {@code application/json} (415). */
        CONTENT_TYPE,
        /** A text body that is not UTF-8. */
        NOT_UTF8,
        /** Not JSON at all, cut short, empty, or with data after the value. */
        MALFORMED_JSON,
        /** JSON, but not one object. */
        NOT_AN_OBJECT,
        /** A parameter missing or not fitting its sample. */
        INVALID_PARAMETER,
        /** {@code run} threw {@code InvalidInputException}. */
        INVALID_INPUT;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger inProgress = new AtomicInteger();
    private final JvmGcMetrics gc = new JvmGcMetrics();
    /**
     * The timers met so far, by their labels: building a meter's id and finding it in the registry took a
     * seventh of a worker's time per scoring request.
     */
    private final Map<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();

    private final Map<String, Timer> runTimers = new ConcurrentHashMap<>();

    /** Both guarded by this object's lock: see {@link #bindJvmMeters()}. */
    private boolean jvmMetersBound;

    private boolean closed;

    ServerMetrics(BooleanSupplier ready) {
        // Micrometer counts the process's CPU time in nanoseconds, as process_cpu_time_ns_total, which promtool
        // rejects (an abbreviated unit); it is served in seconds under Prometheus's usual name instead
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")));
        // system_cpu_count: promtool reserves _count for histograms and summaries
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName("system.cpus") : id;
            }
        });
        Gauge.builder("http.server.requests.in.progress", inProgress, AtomicInteger::get)
                .description("Requests received and not yet answered")
                .register(registry);
        Gauge.builder("scorespec.ready", () -> ready.getAsBoolean() ? 1 : 0)
                .description("1 once @Init has returned, 0 while it runs")
                .register(registry);
        for (BindingFailure failure : BindingFailure.values()) {
            bindingFailures(failure); // every reason at 0 from the start, so that rate() sees the first one
        }
    }

    /**
     * Binds the JVM's and the process's meters, once; a scrape binds them first if no one has. They read
     * JMX, whose classes take a tenth of a second or more to load: the server binds them on a thread of
     * its own once it listens (see {@link ScoringServer#start}), so that the port does not wait for them.
     * The meters are the same; the collector's counts start when they are bound.
     */
    synchronized void bindJvmMeters() {
        if (jvmMetersBound || closed) {
            return;
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            FunctionCounter.builder("process.cpu", os, bean -> bean.getProcessCpuTime() / 1e9)
                    .baseUnit("seconds")
                    .description("CPU time used by the process")
                    .register(registry);
        }
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        jvmMetersBound = true;
    }

    /** The registry, for meters of the service's own. */
    MeterRegistry registry() {
        return registry;
    }

    void requestStarted() {
        inProgress.incrementAndGet();
    }

    /**
     * A request has been answered, or its connection closed; {@code status} is empty when no answer was
     * sent.
     */
    void requestEnded(String method, String route, String status, long nanos) {
        inProgress.decrementAndGet();
        requestTimers
                .computeIfAbsent(new RequestKey(method, route, status), this::requestTimer)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer requestTimer(RequestKey key) {
        return Timer.builder("http.server.requests")
                .description("HTTP requests by method, route and status: count, total and distribution of their time")
                .tag("method", METHODS.contains(key.method) ? key.method : "other")
                .tag("route", key.route)
                .tag("status", key.status.isEmpty() ? "none" : key.status)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    /** The labels of one {@code http.server.requests} series; the route and status sets are small and fixed. */
    private record RequestKey(String method, String route, String status) {}

    /** One call of {@code run}; {@code outcome} is {@code success}, {@code error}, {@code invalid_input} or {@code timeout}. */
    void run(String outcome, long nanos) {
        runTimers.computeIfAbsent(outcome, this::runTimer).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer runTimer(String outcome) {
        return Timer.builder("scorespec.run")
                .description(
                        "Calls of the scoring class's run method by outcome: count, total and distribution of their time")
                .tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    void bindingFailed(BindingFailure failure) {
        bindingFailures(failure).increment();
    }

    private Counter bindingFailures(BindingFailure failure) {
        return Counter.builder("scorespec.binding.failures")
                .description("Scoring requests refused with 400 or 415 because the body did not bind, by reason")
                .tag("reason", failure.label())
                .register(registry);
    }

    /**
     * The meters of a {@link Batcher}, for its builder's {@code metrics(...)}: the rows and requests of each
     * batch, the time of its {@code run} by outcome, the time a request waited in the queue, and rejections
     * by reason.
     */
    BatchMetrics batchMetrics() {
        return new BatchMetrics() {
            @Override
            public void batchRan(int rows, int requests, long runNanos, boolean failed) {
                DistributionSummary.builder("scorespec.batch.rows")
                        .description("Rows in each batch given to run")
                        .serviceLevelObjectives(BATCH_SIZES)
                        .register(registry)
                        .record(rows);
                DistributionSummary.builder("scorespec.batch.requests")
                        .description("Requests merged into each batch")
                        .serviceLevelObjectives(BATCH_SIZES)
                        .register(registry)
                        .record(requests);
                Timer.builder("scorespec.batch.run")
                        .description("Calls of run on a batch by outcome, with the batch's concatenation and split")
                        .tag("outcome", failed ? "error" : "success")
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry)
                        .record(runNanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public void queueWait(long waitNanos) {
                Timer.builder("scorespec.batch.queue.wait")
                        .description("Time a request waited in the queue for its batch")
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry)
                        .record(waitNanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public void rejected(BatchRejectedException.Reason reason) {
                Counter.builder("scorespec.batch.rejections")
                        .description("Requests the batcher refused, by reason")
                        .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                        .register(registry)
                        .increment();
            }
        };
    }

    /** Every meter in Prometheus's text format. */
    String scrape() {
        bindJvmMeters(); // at once when bound; a scrape in the start's first moments waits for the binding
        return registry.scrape();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true; // a binding that has not started never will: the collector's listeners stay off
        }
        gc.close();
        registry.close();
    }
}

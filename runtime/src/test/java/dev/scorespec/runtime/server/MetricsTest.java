package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorespec.runtime.batching.BatchMetrics;
import dev.scorespec.runtime.batching.BatchRejectedException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics}: the meters after real requests, and Prometheus's own linter on the exposition. */
class MetricsTest {

    /** Debian's prometheus package installs it here; .ci/run installs the package when it is missing. */
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private ScoringServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void requestsRunsAndBindingFailuresAreCountedAndPromtoolAcceptsTheExposition() throws Exception {
        server = ScoringServer.start(
                ServerConfig.builder().port(0).authKey("k3y").build(), new TestBinders.Sum());
        Http http = new Http(server.port());
        String key = "Bearer k3y";
        assertEquals(
                200,
                http.postJson("/score", "{\"data\": [[1,2,3]]}", "Authorization", key)
                        .status());
        assertEquals(
                200,
                http.postJson("/score", "{\"data\": [[4,5,6]]}", "Authorization", key)
                        .status());
        assertEquals(400, http.postJson("/score", "{}", "Authorization", key).status());
        assertEquals(
                400,
                http.postJson("/score", "{\"data\": [[1,2,3]]", "Authorization", key)
                        .status());
        assertEquals(400, http.postJson("/score", "[1]", "Authorization", key).status());
        assertEquals(
                415,
                http.post("/score", "text/plain", "{}", "Authorization", key).status());
        assertEquals(
                500,
                http.postJson("/score", "{\"data\": [[1,2,3]], \"scale\": -1}", "Authorization", key)
                        .status());
        assertEquals(404, http.get("/no/such/path/" + System.nanoTime()).status());
        assertEquals(401, http.postJson("/score", "{\"data\": [[1,2,3]]}").status());

        // open without the key, like the probes
        Http.Reply reply = http.get("/metrics");
        assertEquals(200, reply.status());
        assertEquals(ServerMetrics.CONTENT_TYPE, reply.header("content-type"));
        String text = reply.body();

        assertEquals(
                2, value(text, "http_server_requests_seconds_count{method=\"POST\",route=\"/score\",status=\"200\"}"));
        assertEquals(
                3, value(text, "http_server_requests_seconds_count{method=\"POST\",route=\"/score\",status=\"400\"}"));
        assertEquals(
                1, value(text, "http_server_requests_seconds_count{method=\"POST\",route=\"/score\",status=\"500\"}"));
        assertEquals(
                1,
                value(text, "http_server_requests_seconds_count{method=\"GET\",route=\"other\",status=\"404\"}"),
                "a path a client made up is no label value of its own");
        assertEquals(
                2,
                value(
                        text,
                        "http_server_requests_seconds_bucket{method=\"POST\",route=\"/score\",status=\"200\",le=\"+Inf\"}"));
        assertEquals(1, value(text, "http_server_requests_in_progress"), "the scrape itself");
        assertEquals(1, value(text, "scorespec_ready"));
        assertEquals(2, value(text, "scorespec_run_seconds_count{outcome=\"success\"}"));
        assertEquals(1, value(text, "scorespec_run_seconds_count{outcome=\"error\"}"));
        assertEquals(1, value(text, "scorespec_binding_failures_total{reason=\"invalid_parameter\"}"));
        assertEquals(1, value(text, "scorespec_binding_failures_total{reason=\"malformed_json\"}"));
        assertEquals(1, value(text, "scorespec_binding_failures_total{reason=\"not_an_object\"}"));
        assertEquals(1, value(text, "scorespec_binding_failures_total{reason=\"content_type\"}"));
        assertEquals(0, value(text, "scorespec_binding_failures_total{reason=\"not_utf8\"}"));
        for (String jvmOrProcess : List.of(
                "jvm_memory_used_bytes{",
                "jvm_gc_",
                "jvm_threads_live_threads",
                "jvm_classes_loaded_classes",
                "process_cpu_usage",
                "process_uptime_seconds",
                "process_files_open_files",
                "system_cpus ")) {
            assertTrue(text.contains("\n" + jvmOrProcess), jvmOrProcess + " in:\n" + text);
        }

        String problems = promtool(text);
        assertEquals("", problems, "promtool check metrics:\n" + problems + "\non:\n" + text);
    }

    /**
     * The server binds the JVM's meters on a thread of its own once it listens: a scrape that comes first
     * binds them itself, so that no scrape lacks them; once closed, nothing binds them any more.
     */
    @Test
    void aScrapeBeforeTheJvmMetersAreBoundHasThem() {
        ServerMetrics metrics = new ServerMetrics(() -> true);
        try {
            String text = metrics.scrape();
            for (String jvmOrProcess :
                    List.of("jvm_memory_used_bytes{", "jvm_threads_live_threads", "process_cpu_seconds_total")) {
                assertTrue(text.contains("\n" + jvmOrProcess), jvmOrProcess + " in:\n" + text);
            }
        } finally {
            metrics.close();
        }
        ServerMetrics closed = new ServerMetrics(() -> true);
        closed.close();
        closed.bindJvmMeters();
        assertTrue(closed.registry().find("jvm.memory.used").meters().isEmpty(), "bound after close");
    }

    @Test
    void batchMetricsAreServedAfterPrometheusConventions() throws Exception {
        try (ServerMetrics metrics = new ServerMetrics(() -> true)) {
            BatchMetrics batches = metrics.batchMetrics();
            batches.batchRan(24, 3, 2_000_000, false);
            batches.batchRan(8, 1, 1_000_000, true);
            batches.queueWait(500_000);
            batches.rejected(BatchRejectedException.Reason.QUEUE_FULL);
            String text = metrics.scrape();
            assertEquals(2, value(text, "scorespec_batch_rows_count"));
            assertEquals(32, value(text, "scorespec_batch_rows_sum"));
            assertEquals(1, value(text, "scorespec_batch_rows_bucket{le=\"16.0\"}"));
            assertEquals(4, value(text, "scorespec_batch_requests_sum"));
            assertEquals(1, value(text, "scorespec_batch_run_seconds_count{outcome=\"error\"}"));
            assertEquals(1, value(text, "scorespec_batch_queue_wait_seconds_count"));
            assertEquals(1, value(text, "scorespec_batch_rejections_total{reason=\"queue_full\"}"));
            String problems = promtool(text);
            assertEquals("", problems, "promtool check metrics:\n" + problems + "\non:\n" + text);
        }
    }

    /** The value of one series, which must be present. */
    private static double value(String exposition, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE)
                .matcher(exposition);
        assertTrue(m.find(), series + " in:\n" + exposition);
        return Double.parseDouble(m.group(1));
    }

    /** What {@code promtool check metrics} says about the text, empty when it accepts it. */
    private static String promtool(String exposition) throws IOException, InterruptedException {
        if (!Files.isExecutable(PROMTOOL)) {
            throw new AssertionError(PROMTOOL + " is missing: install Debian's prometheus package "
                    + "(apt-get install prometheus), as .ci/run does, to check the /metrics exposition");
        }
        Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
                .redirectErrorStream(true)
                .start();
        try (OutputStream in = promtool.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(promtool.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
        return promtool.exitValue() == 0 ? out.strip() : "exit " + promtool.exitValue() + ": " + out;
    }
}

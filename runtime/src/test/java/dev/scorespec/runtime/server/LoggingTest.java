package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs out of the box: the launcher in a JVM of its own, with logback as the only SLF4J provider (as a
 * service has it) and no logback configuration, so that the runtime's default configuration is used.
 */
class LoggingTest {

    private Process process;
    private Path stdout;
    private Path stderr;

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void plainLinesByDefault() throws Exception {
        int port = start(classPath(jar -> !jar.contains("slf4j-simple")));
        Http http = new Http(port);
        assertEquals(
                200,
                http.postJson("/score", "{\"data\": [[1,2,3]]}", "x-request-id", "plain-1")
                        .status());
        assertEquals(
                500,
                http.postJson("/score", "{\"data\": [[1,2,3]], \"scale\": -1}", "x-request-id", "plain-2")
                        .status());
        String out = stopAndRead();

        String ready = line(out, l -> l.contains(" Ready: "));
        assertTrue(
                ready.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ INFO  \\[[^]]+\\] "
                        + "dev\\.scorespec\\.runtime\\.server\\.ScoringServer - Ready: test\\.SumScore on port " + port
                        + " in \\d+ ms \\(\\d+ ms since the JVM started\\); documents \\[2, 3, 3\\.1\\] at "
                        + "http://127\\.0\\.0\\.1:" + port + "/swagger\\.json; docs http://127\\.0\\.0\\.1:" + port
                        + "/docs/"),
                ready);
        String access = line(out, l -> l.contains("plain-1"));
        assertTrue(
                access.matches("\\S+ INFO  \\[[^]]+\\] dev\\.scorespec\\.access - POST /score 200 \\d+\\.\\d{3}ms "
                        + "\\d+B plain-1"),
                access);
        String failedAccess = line(out, l -> l.contains("dev.scorespec.access") && l.contains("plain-2"));
        assertTrue(failedAccess.contains("POST /score 500 "), failedAccess);
        int error = out.indexOf("ERROR [");
        assertTrue(error >= 0, out);
        String trace = out.substring(error);
        assertTrue(trace.contains("run of request plain-2 failed"), trace);
        assertTrue(trace.contains("java.lang.IllegalStateException: boom: secret internals"), trace);
        assertTrue(trace.contains("\tat dev.scorespec.runtime.server.TestBinders$Sum.run("), "stack trace: " + trace);
        assertFalse(Files.readString(stderr).contains(Launcher.NO_LOGGING_BACKEND));
    }

    @Test
    void jsonLinesOnRequestWithTheRequestIdAsAField() throws Exception {
        int port = start(classPath(jar -> !jar.contains("slf4j-simple")), "--log-format", "json");
        Http http = new Http(port);
        assertEquals(
                200,
                http.postJson("/score", "{\"data\": [[1,2,3]]}", "x-request-id", "json-1")
                        .status());
        assertEquals(
                500,
                http.postJson("/score", "{\"data\": [[1,2,3]], \"scale\": -1}", "x-request-id", "json-2")
                        .status());
        String out = stopAndRead();

        List<JsonObject> events = new ArrayList<>();
        for (String l : out.lines().toList()) {
            try {
                events.add(new JsonObject(l));
            } catch (DecodeException e) {
                throw new AssertionError("not a JSON line: " + l, e);
            }
        }
        JsonObject ready =
                event(events, e -> e.getString("formattedMessage", "").startsWith("Ready: test.SumScore"));
        assertEquals("INFO", ready.getString("level"));
        assertNotNull(ready.getValue("timestamp"));
        JsonObject access = event(
                events,
                e -> "dev.scorespec.access".equals(e.getString("loggerName"))
                        && e.getString("formattedMessage").startsWith("POST /score 200 "));
        assertEquals("json-1", access.getJsonObject("mdc").getString(RequestMdc.KEY));
        JsonObject failure = event(events, e -> "ERROR".equals(e.getString("level")));
        assertEquals("json-2", failure.getJsonObject("mdc").getString(RequestMdc.KEY));
        JsonObject thrown = failure.getJsonObject("throwable");
        assertEquals("java.lang.IllegalStateException", thrown.getString("className"), failure.encode());
        assertTrue(thrown.encode().contains("TestBinders$Sum"), "the frames: " + thrown.encode());
    }

    @Test
    void aServiceWithItsOwnLogbackXmlKeepsIt() throws Exception {
        Files.writeString(dir.resolve("logback.xml"), """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>MINE %logger %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="out"/></root>
                </configuration>
                """);
        String cp = dir + File.pathSeparator + classPath(jar -> !jar.contains("slf4j-simple"));
        int port = start(cp, "--log-format", "json");
        assertEquals(
                200,
                new Http(port)
                        .postJson("/score", "{\"data\": [[1,2,3]]}", "x-request-id", "own-1")
                        .status());
        String out = stopAndRead();
        String access = line(out, l -> l.contains("own-1"));
        assertTrue(access.startsWith("MINE dev.scorespec.access POST /score 200 "), access);
        assertTrue(out.lines().allMatch(l -> l.startsWith("MINE ") || l.startsWith("\t") || l.isBlank()), out);
    }

    @Test
    void withoutAnySlf4jProviderOneLineSaysHowToGetLogs() throws Exception {
        String cp = classPath(jar -> !jar.contains("slf4j-simple") && !jar.contains("logback"));
        process = new ProcessBuilder(command(cp, LifecycleTest.freePort(), "--scoring-class", "no.Such"))
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError((stderr = dir.resolve("err.txt")).toFile())
                .start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(Launcher.EXIT_START, process.exitValue());
        String err = Files.readString(stderr);
        assertEquals(
                1,
                err.lines().filter(l -> l.equals(Launcher.NO_LOGGING_BACKEND)).count(),
                err);
    }

    /** The test JVM's class path (surefire sets java.class.path to it) without some jars. */
    private static String classPath(Predicate<String> keep) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(keep)
                .collect(Collectors.joining(File.pathSeparator));
    }

    private List<String> command(String classPath, int port, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                "dev.scorespec.runtime.Main",
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--worker-count",
                "2"));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts the sum binder's server and waits until it is ready; returns its port. */
    private int start(String classPath, String... args) throws Exception {
        int port = LifecycleTest.freePort();
        List<String> extra = new ArrayList<>(List.of("--scoring-class", "test.SumScore"));
        extra.addAll(List.of(args));
        stdout = dir.resolve("out.txt");
        stderr = dir.resolve("err.txt");
        process = new ProcessBuilder(command(classPath, port, extra.toArray(String[]::new)))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        Http http = new Http(port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited " + process.exitValue() + ":\n" + Files.readString(stdout)
                        + Files.readString(stderr));
            }
            try {
                if (http.tryGet("/v2/health/ready") == 200) {
                    return port;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not ready within 60 s:\n" + Files.readString(stdout) + Files.readString(stderr));
    }

    /** Stops the server (SIGTERM, so the last lines are flushed) and returns what it wrote to standard output. */
    private String stopAndRead() throws Exception {
        process.destroy();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server stops on SIGTERM");
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    private static String line(String out, Predicate<String> which) {
        return out.lines().filter(which).findFirst().orElseThrow(() -> new AssertionError("no such line in:\n" + out));
    }

    private static JsonObject event(List<JsonObject> events, Predicate<JsonObject> which) {
        return events.stream()
                .filter(which)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no such event in:\n" + events));
    }
}

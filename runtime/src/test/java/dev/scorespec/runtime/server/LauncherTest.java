package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorespec.runtime.Main;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting from a command line, in this JVM and as a real process. */
class LauncherTest {

    private static final ClassLoader LOADER = LauncherTest.class.getClassLoader();

    @Test
    void configurationErrorsExitWith2() {
        Launcher.LaunchException e = assertThrows(
                Launcher.LaunchException.class, () -> Launcher.launch(List.of("--port", "http"), Map.of(), LOADER));
        assertEquals(Launcher.EXIT_CONFIG, e.exitCode);
        assertTrue(e.getMessage().startsWith("Invalid --port 'http'"), e.getMessage());
        e = assertThrows(Launcher.LaunchException.class, () -> Launcher.launch(List.of("--verbose"), Map.of(), LOADER));
        assertEquals(Launcher.EXIT_CONFIG, e.exitCode);
    }

    @Test
    void severalBindersAndNoChoiceExitWith3() {
        Launcher.LaunchException e = assertThrows(
                Launcher.LaunchException.class, () -> Launcher.launch(List.of("--port", "1"), Map.of(), LOADER));
        assertEquals(Launcher.EXIT_START, e.exitCode);
        assertTrue(e.getMessage().contains("test.EchoText, test.FailingInit, test.SumScore"), e.getMessage());
    }

    @Test
    void noBinderExitsWith3NamingTheProcessorSetUp() {
        // a class path with no META-INF/services entry: what a build where the processor did not run gives
        ClassLoader empty = new java.net.URLClassLoader(new java.net.URL[0], null);
        Launcher.LaunchException e = assertThrows(
                Launcher.LaunchException.class, () -> Launcher.launch(List.of("--port", "1"), Map.of(), empty));
        assertEquals(Launcher.EXIT_START, e.exitCode);
        assertTrue(e.getMessage().startsWith("No scoring binder is on the class path"), e.getMessage());
        assertTrue(e.getMessage().contains("maven-compiler-plugin 3.5 or later"), e.getMessage());
        assertTrue(e.getMessage().contains("annotationProcessorPaths"), e.getMessage());
    }

    @Test
    void failingInitExitsWith3WithItsCause() {
        Launcher.LaunchException e = assertThrows(
                Launcher.LaunchException.class,
                () -> Launcher.launch(List.of("--scoring-class", "test.FailingInit"), Map.of(), LOADER));
        assertEquals(Launcher.EXIT_START, e.exitCode);
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    @Test
    void startsTheChosenBinderFromFlagsAndEnvironment() throws Exception {
        int port = LifecycleTest.freePort();
        ScoringServer server = Launcher.launch(
                List.of("--host", "127.0.0.1", "--port=" + port),
                Map.of("SCORESPEC_SCORING_CLASS", "test.EchoText", "SERVICE_NAME", "from env"),
                LOADER);
        try {
            assertEquals(port, server.port());
            assertEquals("test.EchoText", server.binder().scoringClass());
            Http http = new Http(port);
            assertEquals("Healthy", http.get("/").body());
            assertEquals(
                    "from env",
                    http.get("/swagger.json?version=3")
                            .json()
                            .getJsonObject("info")
                            .getString("title"));
        } finally {
            server.close();
        }
    }

    // ---- as a process: java -cp ... dev.scorespec.runtime.Main

    /** Starts Main in a new JVM, its output (stdout and stderr) going to {@code log}. */
    private static Process java(List<String> args, Map<String, String> env, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(args);
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("SCORESPEC_SCORING_CLASS");
        pb.environment().remove("AZUREML_MODEL_DIR");
        pb.environment().putAll(env);
        return pb.start();
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Waits until the log contains {@code text} or the process ends. */
    private static boolean awaitLog(Process p, Path log, String text) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (read(log).contains(text)) {
                return true;
            }
            if (!p.isAlive()) {
                return read(log).contains(text);
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void processExitsWith2OnAMalformedPort(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("out.log");
        Process p = java(List.of("--port", "50O1"), Map.of(), log);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertTrue(read(log).contains("scorespec: Invalid --port '50O1'"), read(log));
    }

    @Test
    void processExitsWith3WhenInitFailsAndLogsTheCause(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("out.log");
        Process p = java(List.of("--port", "1"), Map.of("SCORESPEC_SCORING_CLASS", "test.FailingInit"), log);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(3, p.exitValue());
        String text = read(log);
        assertTrue(text.contains("init of test.FailingInit failed"), text);
        assertTrue(text.contains("java.lang.IllegalStateException: model.onnx is missing"), text);
        assertTrue(text.contains("at dev.scorespec.runtime.server.TestBinders$FailingInit.init"), "stack trace logged");
    }

    @Test
    void processServesAndShutsDownGracefullyOnSigterm(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("out.log");
        int port = LifecycleTest.freePort();
        Process p = java(
                List.of("--host", "127.0.0.1", "--port", Integer.toString(port)),
                Map.of("SCORESPEC_SCORING_CLASS", "test.SumScore"),
                log);
        try {
            assertTrue(awaitLog(p, log, "Listening on"), read(log));
            Http http = new Http(port);
            assertEquals("Healthy", http.get("/").body());
            CompletableFuture<HttpResponse<String>> slow = Http.CLIENT.sendAsync(
                    http.request("/score")
                            .header("content-type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"data\": [[1,2,3]], \"scale\": -4}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(100);
            p.destroy(); // SIGTERM
            assertEquals(200, slow.get(10, TimeUnit.SECONDS).statusCode(), "the in-flight request finishes");
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            assertEquals(143, p.exitValue(), "128 + SIGTERM");
            String text = read(log);
            assertTrue(text.contains("Shutting down"), text);
            assertTrue(text.contains("Scoring server stopped"), text);
            assertTrue(text.contains("Serving scoring class test.SumScore"), text);
        } finally {
            p.destroyForcibly();
        }
        assertFalse(p.isAlive());
    }
}

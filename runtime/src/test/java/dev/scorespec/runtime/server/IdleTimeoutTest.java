package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The idle timeout closes connections with nothing in flight, never one whose request is being scored; the
 * access log says so when a connection closed before its answer.
 */
class IdleTimeoutTest {

    private ScoringServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(int idleSeconds) throws Exception {
        server = ScoringServer.start(
                ServerConfig.builder().port(0).idleTimeoutSeconds(idleSeconds).build(), new TestBinders.Sum());
    }

    /** A run that spins for {@code ms} milliseconds, then answers the row's sum, {@code ms}. */
    private static String slowRun(int ms) {
        return "{\"data\": [[" + ms + ",0,0]], \"scale\": -5}";
    }

    private static String post(String body) {
        return "POST /score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body;
    }

    /** Everything the server sends until it closes the connection, or until 20 s have passed. */
    private static String readUntilClosed(Socket s) throws IOException {
        s.setSoTimeout(20_000);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                got.write(buf, 0, n);
            }
            return got.toString(StandardCharsets.UTF_8) + "<EOF>";
        } catch (SocketTimeoutException e) {
            return got.toString(StandardCharsets.UTF_8) + "<TIMEOUT>";
        }
    }

    @Test
    void aRunLongerThanTheIdleTimeoutIsAnswered() throws Exception {
        start(1);
        Http.Reply r = new Http(server.port()).postJson("/score", slowRun(2_500));
        assertEquals(200, r.status(), r.toString());
        assertEquals("[2500.0]", r.body());
    }

    @Test
    void anIdleConnectionIsClosedAfterItsLastAnswer() throws Exception {
        start(1);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(post(slowRun(1_500)).getBytes(StandardCharsets.US_ASCII));
            String text = readUntilClosed(s);
            assertTrue(text.startsWith("HTTP/1.1 200 OK"), text);
            assertTrue(text.endsWith("[1500.0]<EOF>"), "answered, then closed when idle: " + text);
        }
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            assertEquals("<EOF>", readUntilClosed(s), "a connection that never sends a request is idle too");
        }
    }

    @Test
    void theAccessLogSaysWhenNoAnswerWasSent() throws Exception {
        start(60);
        try (AccessLog log = new AccessLog()) {
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                s.getOutputStream()
                        .write(post(slowRun(1_000))
                                .replace("Host: x", "Host: x\r\nx-request-id: gone")
                                .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                Thread.sleep(200); // let the request reach run before the client leaves
            }
            List<String> lines = log.await(1);
            assertEquals(1, lines.size(), log.all());
            assertTrue(
                    lines.get(0).contains("POST /score no response (connection closed before an answer was sent)"),
                    lines.get(0));
            assertTrue(lines.get(0).endsWith(" gone"), lines.get(0));
        }
    }

    @Test
    void theIdleTimeoutIsAFlagAndAnEnvironmentVariable() throws Exception {
        assertEquals(
                5,
                ConfigParser.parse(List.of("--idle-timeout-seconds", "5"), java.util.Map.of())
                        .idleTimeoutSeconds());
        assertEquals(
                0,
                ConfigParser.parse(List.of(), java.util.Map.of("SCORESPEC_IDLE_TIMEOUT_SECONDS", "0"))
                        .idleTimeoutSeconds());
        assertEquals(60, ConfigParser.parse(List.of(), java.util.Map.of()).idleTimeoutSeconds());
    }
}

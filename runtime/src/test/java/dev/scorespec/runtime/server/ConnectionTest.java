package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What one TCP connection sees: keep-alive, and the close after a 413. */
class ConnectionTest {

    private ScoringServer server;

    @BeforeEach
    void start() throws Exception {
        server = ScoringServer.start(
                ServerConfig.builder().port(0).maxRequestBytes(100).build(), new TestBinders.Sum());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Reads until {@code count} responses have arrived (by counting status lines and bodies) or the peer closes. */
    private static String readResponses(InputStream in, int count, String lastBodyEnd) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            while (true) {
                String text = got.toString(StandardCharsets.UTF_8);
                if (text.split("HTTP/1.1 ", -1).length - 1 >= count && text.endsWith(lastBodyEnd)) {
                    return text;
                }
                int n = in.read(buf);
                if (n < 0) {
                    return got.toString(StandardCharsets.UTF_8) + "<EOF>";
                }
                got.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            return got.toString(StandardCharsets.UTF_8) + "<TIMEOUT>";
        }
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            String body = "{\"data\": [[1,2,3]]}";
            out.write(("GET / HTTP/1.1\r\nHost: x\r\n\r\n"
                            + "POST /score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                            + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String text = readResponses(s.getInputStream(), 2, "[6.0]");
            assertTrue(text.startsWith("HTTP/1.1 200 OK"), text);
            assertTrue(text.contains("Healthy"), text);
            assertTrue(text.endsWith("[6.0]"), text);
            assertFalse(text.toLowerCase().contains("connection: close"), text);
            // and the connection is still usable
            out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertTrue(readResponses(s.getInputStream(), 1, "Healthy").endsWith("Healthy"));
        }
    }

    @Test
    void tooLargeBodyIsAnsweredThenTheConnectionCloses() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            String body = "{\"data\": [[1,2,3]], \"pad\": \"" + "x".repeat(200) + "\"}";
            out.write(("POST /score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                            + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String text = readResponses(s.getInputStream(), 2, "never");
            assertTrue(text.startsWith("HTTP/1.1 413 Request Entity Too Large"), text);
            assertTrue(text.toLowerCase().contains("connection: close"), text);
            assertTrue(
                    text.contains("{\"message\":\"The request body is larger than the limit of 100 bytes.\"}"), text);
            assertTrue(text.endsWith("<EOF>"), "closed by the server: " + text);
            assertEquals(1, text.split("HTTP/1.1 ", -1).length - 1);
        }
    }
}

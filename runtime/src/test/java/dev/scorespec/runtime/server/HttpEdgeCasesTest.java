package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that HTTP allows to be odd, sent over a raw socket: each is answered cleanly, with a JSON
 * message where it is refused, and none logs an ERROR line.
 */
class HttpEdgeCasesTest {

    private ScoringServer server;

    @BeforeEach
    void start() throws Exception {
        server = ScoringServer.start(ServerConfig.builder().port(0).build(), new TestBinders.Sum());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Sends the bytes and reads until the server closes the connection or 5 s pass without a byte. */
    private String exchange(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    got.write(buf, 0, n);
                }
            } catch (SocketTimeoutException e) {
                // the answer is complete when the server keeps the connection open
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** The answer to {@code request}, checked to log no ERROR line. */
    private String answer(String request) throws Exception {
        try (AccessLog log = new AccessLog()) {
            String text = exchange(request);
            Thread.sleep(200); // an error would be logged with or right after the answer
            assertFalse(log.all().contains("ERROR"), log.all());
            return text;
        }
    }

    @Test
    void gzipTransferCodingIsRefused() throws Exception {
        String body = "{\"data\": [[1,2,3]]}";
        String text = answer("POST /score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: gzip, chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body
                + "\r\n0\r\n\r\n");
        assertTrue(text.startsWith("HTTP/1.1 501 Not Implemented"), text);
        assertTrue(
                text.contains("{\"message\":\"The transfer coding 'gzip, chunked' is not supported: send the body "
                        + "with Content-Length, or chunked alone.\"}"),
                text);
        assertTrue(text.toLowerCase().contains("connection: close"), text);
    }

    @Test
    void twoHostHeadersAre400() throws Exception {
        String text = answer("GET / HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\nConnection: close\r\n\r\n");
        assertTrue(text.startsWith("HTTP/1.1 400 Bad Request"), text);
        assertTrue(text.contains("{\"message\":\"A request must have one Host header; this one has 2.\"}"), text);
    }

    @Test
    void noHostIs400() throws Exception {
        for (String version : new String[] {"HTTP/1.1", "HTTP/1.0"}) {
            String text = answer("POST /score " + version + "\r\nContent-Length: 2\r\n\r\n{}");
            assertTrue(text.startsWith(version + " 400 Bad Request"), text);
            assertTrue(text.contains("{\"message\":\"A request must have a Host header.\"}"), text);
            assertTrue(text.contains("x-request-id: "), text);
        }
    }

    @Test
    void optionsStarIsAnsweredWithTheServersMethods() throws Exception {
        String text = answer("OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(text.startsWith("HTTP/1.1 200 OK"), text);
        assertTrue(text.toLowerCase().contains("allow: get, head, post, options"), text);
    }

    @Test
    void aPathWithABrokenPercentEscapeIs400() throws Exception {
        // found by ServerFuzzTest: Vert.x Web logged each as an ERROR
        for (String path : new String[] {"/%zz", "/score%", "/%4"}) {
            String text = answer("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertTrue(text.startsWith("HTTP/1.1 400 Bad Request"), text);
            assertTrue(
                    text.contains("{\"message\":\"The request path has a '%' that does not start an escape of two"
                            + " hex digits (write '%25' for a '%').\"}"),
                    text);
        }
        assertTrue(answer("GET /%7a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .startsWith("HTTP/1.1 404 Not Found"));
    }

    @Test
    void connectIs405() throws Exception {
        String text = answer("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\nConnection: close\r\n\r\n");
        assertTrue(text.startsWith("HTTP/1.1 405 Method Not Allowed"), text);
        assertTrue(text.contains("{\"message\":\"The method is not allowed for the requested URL.\"}"), text);
    }
}

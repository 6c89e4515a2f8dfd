package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.binding.JsonBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's request path over loopback, sent arbitrary requests on a raw socket: any method, path,
 * header names and values, content type, transfer coding and body. Each is answered with a status
 * line, never a closed connection without one, and never a 5xx: the binders' {@code run} never throws
 * and their results always write, so a 5xx could only come from the server itself. The one exception
 * is 501 for a transfer coding the server does not implement.
 *
 * <p>Two servers, one per body kind (JSON parameters, JSON text); a request closes its connection
 * ({@code Connection: close}) so the answer ends where the stream does. {@code mvn verify} fuzzes this
 * from the corpus in {@code ServerFuzzTestInputs/answersEveryRequest}.
 */
class ServerFuzzTest {

    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.[01] (\\d{3}) ");

    private static final List<String> METHODS =
            List.of("POST", "GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT", "PRI");

    private static final List<String> PATHS = List.of(
            "/score",
            "/",
            "/swagger.json",
            "/openapi.json",
            "/score?verbose=true",
            "/docs",
            "/docs/",
            "/docs/index.html",
            "/score/",
            "//score",
            "/%zz",
            "*",
            "/swagger.json?version=2",
            "/api/v1/score",
            "/metrics",
            "http://127.0.0.1/score");

    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json; charset=utf-8",
            "application/json; charset=latin1",
            "text/plain",
            "application/octet-stream",
            "multipart/form-data",
            "application/x-www-form-urlencoded",
            "image/png",
            "application/*",
            "",
            "json");

    private static final List<String> TRANSFER_CODINGS =
            List.of("chunked", "gzip, chunked", "identity", "deflate", "chunked, chunked", "Chunked", "gzip");

    /** Headers the fuzzer may not set itself, because they frame the exchange this test reads. */
    private static final List<String> FRAMING =
            List.of("content-length", "transfer-encoding", "connection", "upgrade", "expect", "http2-settings");

    private static ScoringServer parameters;
    private static ScoringServer text;

    /** A {@link TestBinders.Sum} whose run ignores the scale: no sleeps, no failures, a result that writes. */
    static final class CountRows extends TestBinders.Sum {
        @Override
        public TestBinders.SumArgs bind(ScoringRequest request) throws IOException {
            // Refuses first what generated binders refuse before they parse (bytes that are not UTF-8, NULs
            // Jackson would take for UTF-32), as Sum, which parses right away, does not.
            JsonBody.parser(request).close();
            return super.bind(request);
        }

        @Override
        public double[] run(TestBinders.SumArgs args) {
            return new double[] {args.rows.size()};
        }
    }

    private static synchronized ScoringServer server(boolean jsonText) throws Exception {
        if (parameters == null) {
            // The access log would write a line per request, thousands a second.
            System.setProperty("org.slf4j.simpleLogger.log.dev.scorespec.access", "warn");
            ServerConfig config =
                    ServerConfig.builder().host("127.0.0.1").port(0).build();
            parameters = ScoringServer.start(config, new CountRows());
            text = ScoringServer.start(config, new TestBinders.EchoText());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                parameters.close();
                text.close();
            }));
        }
        return jsonText ? text : parameters;
    }

    @FuzzTest(maxDuration = "15s", maxExecutions = 20_000)
    void answersEveryRequest(FuzzedDataProvider data) throws Exception {
        // Jazzer's detector of request forgery would take these loopback connections for one. Set on every
        // call: the agent that reads it may be installed after the first.
        BugDetectors.allowNetworkConnections((host, port) -> host.equals("127.0.0.1") || host.equals("localhost"));
        ScoringServer server = server(data.consumeBoolean());
        String method = data.consumeBoolean() ? data.pickValue(METHODS) : token(data.consumeString(8));
        String path = data.consumeBoolean() ? data.pickValue(PATHS) : "/" + printable(data.consumeString(40));
        StringBuilder head = new StringBuilder();
        head.append(method.isEmpty() ? "POST" : method)
                .append(' ')
                .append(path.replace(' ', '+'))
                .append(" HTTP/1.1\r\n");
        head.append("Host: 127.0.0.1\r\n");
        if (data.consumeBoolean()) {
            String type = data.consumeBoolean() ? data.pickValue(CONTENT_TYPES) : value(data.consumeString(40));
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        int headers = data.consumeInt(0, 6);
        for (int i = 0; i < headers; i++) {
            String name = token(data.consumeString(20));
            if (!name.isEmpty() && !FRAMING.contains(name.toLowerCase(Locale.ROOT))) {
                head.append(name)
                        .append(": ")
                        .append(value(data.consumeString(60)))
                        .append("\r\n");
            }
        }
        String coding = data.consumeBoolean() ? data.pickValue(TRANSFER_CODINGS) : null;
        head.append("Connection: close\r\n");
        byte[] body = data.consumeRemainingAsBytes();
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        if (coding == null) {
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            request.writeBytes(body);
        } else {
            head.append("Transfer-Encoding: ").append(coding).append("\r\n\r\n");
            request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            if (coding.toLowerCase(Locale.ROOT).endsWith("chunked")) {
                chunked(body, request);
            } else {
                request.writeBytes(body);
            }
        }

        String answer = exchange(server.port(), request.toByteArray());
        Matcher status = STATUS_LINE.matcher(answer);
        if (!status.find()) {
            fail("no answer to:\n" + request.toString(StandardCharsets.UTF_8) + "\ngot:\n" + answer);
        }
        int code = Integer.parseInt(status.group(1));
        boolean unknownCoding = code == 501 && coding != null;
        assertTrue(
                code < 500 || unknownCoding,
                () -> "a " + code + " to:\n" + request.toString(StandardCharsets.UTF_8) + "\ngot:\n" + answer);
    }

    /** The body in chunks of up to 7 bytes, then the last chunk. */
    private static void chunked(byte[] body, ByteArrayOutputStream out) {
        for (int at = 0; at < body.length; at += 7) {
            int n = Math.min(7, body.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Sends the request and reads until the server closes the connection; 20 s without a byte is no answer. */
    private static String exchange(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    got.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                got.writeBytes("\n[no more bytes within 20 s]".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // a reset after a complete answer (the server closed with unread request bytes) is fine
                got.writeBytes(("\n[" + e.getMessage() + "]").getBytes(StandardCharsets.US_ASCII));
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** The characters of {@code s} that HTTP allows in a header name or method (RFC 9110 tchar). */
    private static String token(String s) {
        StringBuilder out = new StringBuilder();
        s.chars()
                .filter(c -> c < 0x7f && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** {@code s} without the characters that would end a header line; other bytes, any of them, stay. */
    private static String value(String s) {
        return s.replace('\r', ' ').replace('\n', ' ').replace('\0', ' ').strip();
    }

    /** {@code s} without spaces and controls, which would end or break the request line. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().filter(c -> c > 0x20 && c != 0x7f).forEach(out::appendCodePoint);
        return out.toString();
    }
}

package dev.scorespec.samples.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorespec.runtime.server.ScoringServer;
import dev.scorespec.runtime.server.ServerConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The image sample served by the real server, called over loopback with images made here by ImageIO. */
class ImageSummaryScoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ScoringServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ScoringServer.start(
                ServerConfig.builder().host("127.0.0.1").port(0).build(), new ImageSummaryScore_ScoreSpec());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    private static HttpResponse<String> post(String contentType, byte[] body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri("/score"))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Left half pure red, right half pure blue. */
    private static byte[] halves(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, x < width / 2 ? 0xff0000 : 0x0000ff);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), format);
        return out.toByteArray();
    }

    @Test
    void pngAsOctetStreamIsSummarized() throws Exception {
        HttpResponse<String> r = post("application/octet-stream", halves("png", 6, 4));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
        assertEquals(
                JSON.readTree("{\"format\":\"png\",\"width\":6,\"height\":4,"
                        + "\"meanColor\":{\"r\":127.5,\"g\":0.0,\"b\":127.5},\"brightness\":0.142}"),
                JSON.readTree(r.body()));
    }

    @Test
    void jpegAsAnImageTypeIsSummarized() throws Exception {
        HttpResponse<String> r = post("image/jpeg", halves("jpeg", 64, 32));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode summary = JSON.readTree(r.body());
        assertEquals("jpeg", summary.path("format").asText());
        assertEquals(64, summary.path("width").asInt());
        assertEquals(32, summary.path("height").asInt());
        // JPEG is lossy: the means are near, not at, those of the pixels written
        assertEquals(127.5, summary.at("/meanColor/r").asDouble(), 6);
        assertEquals(0, summary.at("/meanColor/g").asDouble(), 6);
        assertEquals(127.5, summary.at("/meanColor/b").asDouble(), 6);
    }

    @Test
    void theCommittedSampleImageGivesTheReadmesAnswer() throws Exception {
        HttpResponse<String> r = post("image/png", Files.readAllBytes(Path.of("images/gradient.png")));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(
                "{\"format\":\"png\",\"width\":32,\"height\":16,\"meanColor\":{\"r\":131.0,\"g\":124.0,\"b\":94.0},"
                        + "\"brightness\":0.484}",
                r.body());
    }

    @Test
    void getAnswersTheFullPathAsTheDocsExampleDoes() throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(uri("/score?size=small")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("/score?size=small", r.body());
    }

    @Test
    void aBodyThatIsNoImageIs400() throws Exception {
        HttpResponse<String> r = post("application/octet-stream", "not an image".getBytes());
        assertEquals(400, r.statusCode());
        assertEquals("{\"message\":\"The body is not a PNG or JPEG image (12 bytes).\"}", r.body());
        assertEquals(400, post("image/png", new byte[0]).statusCode());
    }

    @Test
    void aTruncatedImageIs400() throws Exception {
        byte[] png = halves("png", 40, 40);
        HttpResponse<String> r = post("image/png", Arrays.copyOf(png, png.length / 2));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(
                JSON.readTree(r.body()).path("message").asText().startsWith("The PNG image cannot be decoded: "),
                r.body());
    }

    @Test
    void otherFormatsAndContentTypesAreRefused() throws Exception {
        HttpResponse<String> gif = post("image/gif", halves("gif", 4, 4));
        assertEquals(400, gif.statusCode(), "a GIF is an image, but not one this service takes");
        HttpResponse<String> text = post("text/plain", halves("png", 4, 4));
        assertEquals(415, text.statusCode());
        assertEquals(
                "{\"message\":\"Send the image's bytes with Content-Type application/octet-stream, image/png or "
                        + "image/jpeg, not text/plain.\"}",
                text.body());
    }

    @Test
    void theDocumentsSayTheBodyIsBytes() throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(uri("/swagger.json?version=3")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body()).at("/paths/~1score/post/requestBody/content");
        assertTrue(body.has("application/octet-stream"), r.body());
        assertEquals(
                "binary",
                JSON.readTree(r.body())
                        .at("/components/schemas/ServiceInput/format")
                        .asText());
    }
}

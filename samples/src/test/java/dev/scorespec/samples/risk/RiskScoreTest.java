package dev.scorespec.samples.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorespec.runtime.server.ScoringServer;
import dev.scorespec.runtime.server.ServerConfig;
import dev.scorespec.runtime.server.ServerStartException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two-model sample served over loopback HTTP from several-models directories, and its start errors. */
class RiskScoreTest {

    /** The committed models, in Azure ML's several-models layout ({@code <name>/<version>/}). */
    private static final Path MODELS = Path.of("models");

    private static final String DOCS_ROW = "[10,9,8,7,6,5,4,3,2,1]";

    private final HttpClient http = HttpClient.newHttpClient();

    private static ScoringServer start(Path modelDir) throws ServerStartException {
        return ScoringServer.start(
                ServerConfig.builder().port(0).modelDir(modelDir).build(), new RiskScore_ScoreSpec());
    }

    private HttpResponse<String> score(ScoringServer server, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/score"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A several-models directory with the committed ridge model as version 1 and the given bands versions. */
    private static Path modelDir(Path root, String... bandsVersionsAndFiles) throws IOException {
        Path ridge = Files.createDirectories(root.resolve("diabetes-ridge/1"));
        Files.copy(MODELS.resolve("diabetes-ridge/1/ridge.onnx"), ridge.resolve("ridge.onnx"));
        for (int i = 0; i < bandsVersionsAndFiles.length; i += 2) {
            Path version =
                    Files.createDirectories(root.resolve("progression-bands").resolve(bandsVersionsAndFiles[i]));
            Files.writeString(version.resolve("bands.json"), bandsVersionsAndFiles[i + 1]);
        }
        return root;
    }

    @Test
    void theCommittedModelsPredictAndBandEachRow() throws Exception {
        try (ScoringServer server = start(MODELS)) {
            // the rows and ridge predictions of samples/models/diabetes-ridge/1/expected.json; bands below 100 and 184
            HttpResponse<String> ok = score(
                    server,
                    "{\"data\": [" + DOCS_ROW + ","
                            + "[0.038075906433423026, 0.05068011873981862, 0.061696206518683294, 0.0218723855140367, "
                            + "-0.04422349842444599, -0.03482076283769895, -0.04340084565202491, -0.002592261998183278, "
                            + "0.019907486170462722, -0.01764612515980379],"
                            + "[-0.0018820165277906047, -0.044641636506989144, -0.051474061238800654, -0.02632752814785296, "
                            + "-0.008448724111216851, -0.019163339748222204, 0.07441156407875721, -0.03949338287409329, "
                            + "-0.0683315470939731, -0.092204049626824]]}");
            assertEquals(200, ok.statusCode(), ok.body());
            JsonNode risks = new ObjectMapper().readTree(ok.body());
            assertEquals(3, risks.size(), ok.body());
            assertRisk(3830.0435194872953, "high", risks.get(0));
            assertRisk(182.67335420683418, "moderate", risks.get(1));
            assertRisk(90.99860655841785, "low", risks.get(2));
        }
    }

    /** Predictions as expected.json records them (onnx's evaluator), give or take the last bits of a double. */
    private static void assertRisk(double progression, String band, JsonNode risk) {
        assertEquals(progression, risk.get("progression").doubleValue(), 1e-9, risk.toString());
        assertEquals(band, risk.get("band").textValue(), risk.toString());
        assertEquals(2, risk.size(), risk.toString());
    }

    @Test
    void eachModelsLatestVersionIsUsed(@TempDir Path root) throws Exception {
        modelDir(
                root,
                "1",
                "{\"thresholds\": [100.0, 184.0], \"labels\": [\"low\", \"moderate\", \"high\"]}",
                "10",
                "{\"thresholds\": [5000.0], \"labels\": [\"ordinary\", \"off the chart\"]}",
                "9",
                "{\"thresholds\": [1000.0], \"labels\": [\"below\", \"above\"]}",
                "candidate",
                "not even JSON");
        try (ScoringServer server = start(root)) {
            assertEquals(
                    "[{\"progression\":3830.0435194872953,\"band\":\"ordinary\"}]",
                    score(server, "{\"data\": [" + DOCS_ROW + "]}").body());
        }
    }

    @Test
    void aMissingModelStopsTheStartAndListsTheModelsThere(@TempDir Path root) throws Exception {
        modelDir(root);
        Files.createDirectories(root.resolve("lasso/2"));
        Files.createDirectories(root.resolve("lasso/3"));
        ServerStartException e =
                assertThrows(ServerStartException.class, () -> start(root).close());
        assertEquals(
                "init of dev.scorespec.samples.risk.RiskScore failed: java.lang.IllegalArgumentException: "
                        + "No model 'progression-bands' in the model directory " + root.toAbsolutePath()
                        + ": it holds diabetes-ridge (version 1), lasso (versions 2, 3).",
                e.getMessage());
    }

    @Test
    void aModelWithoutNumberedVersionStopsTheStartAndListsItsVersions(@TempDir Path root) throws Exception {
        modelDir(root, "candidate", "{}", "old", "{}");
        ServerStartException e =
                assertThrows(ServerStartException.class, () -> start(root).close());
        assertEquals(
                "init of dev.scorespec.samples.risk.RiskScore failed: java.lang.IllegalArgumentException: "
                        + "Model 'progression-bands' has no numbered version folder in the model directory "
                        + root.toAbsolutePath()
                        + ": its versions are candidate, old; ask for one by name with path(name, version).",
                e.getMessage());
    }

    /** As a user sees it: the samples' entry point in its own JVM exits with 3 and says what is missing. */
    @Test
    void theCommandLineExitsWith3AndSaysWhichModelIsMissing(@TempDir Path root) throws Exception {
        modelDir(root);
        Path stderr = root.resolve("stderr.txt");
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.scorespec.samples.SamplesMain",
                        "--port",
                        Integer.toString(freePort()),
                        "--host",
                        "127.0.0.1",
                        "--scoring-class",
                        RiskScore.class.getName(),
                        "--model-dir",
                        root.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the server started although a model is missing");
        }
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertEquals(3, process.exitValue(), err);
        assertTrue(
                err.contains("scorespec: init of dev.scorespec.samples.risk.RiskScore failed: "
                        + "java.lang.IllegalArgumentException: No model 'progression-bands' in the model directory "
                        + root + ": it holds diabetes-ridge (version 1)."),
                err);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aMalformedBandsModelIsRejected(@TempDir Path root) throws Exception {
        modelDir(root, "1", "{\"thresholds\": [184.0, 100.0], \"labels\": [\"low\", \"moderate\", \"high\"]}");
        ServerStartException e =
                assertThrows(ServerStartException.class, () -> start(root).close());
        assertTrue(e.getMessage().endsWith("thresholds must increase, but 184.0 comes before 100.0"), e.getMessage());
    }
}

package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.runtime.binding.ScoringBinder;
import dev.scorespec.runtime.server.ScoringServer;
import dev.scorespec.runtime.server.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code @ScoringService(title, version, operationId)} names the compile-time documents, so clients
 * generated from them get the service's own names; its defaults keep the Python server's.
 */
class ServiceNamesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CHURN = """
            @ScoringService(title = "Churn model", version = "2.1.0", operationId = "predictChurn")
            public class Churn {
                @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                public double run(double[] data) { return 0; }
            }
            """;

    @TempDir
    Path appRoot;

    private static JsonNode document(Compilation compilation, String scoringClass, OpenApiVersion version)
            throws IOException {
        return JSON.readTree(new CompiledClasses(compilation).document(scoringClass, version));
    }

    @ParameterizedTest
    @EnumSource(OpenApiVersion.class)
    void theDocumentsCarryTheNamesOfScoringService(OpenApiVersion version) throws IOException {
        Compilation compilation = Sources.compile(Sources.source("Churn", CHURN));
        assertThat(compilation).succeeded();
        JsonNode doc = document(compilation, "test.Churn", version);
        assertEquals("Churn model", doc.at("/info/title").asText());
        assertEquals(
                "API specification for the Azure Machine Learning service Churn model",
                doc.at("/info/description").asText());
        assertEquals("2.1.0", doc.at("/info/version").asText());
        assertEquals("predictChurn", doc.at("/paths/~1score/post/operationId").asText());
    }

    /** A server started without a service name or version serves the compiled ones; one started with them, its own. */
    @Test
    void theServerKeepsTheCompiledNamesUnlessStartedWithOthers() throws Exception {
        Compilation compilation = Sources.compile(Sources.source("Churn", CHURN));
        assertThat(compilation).succeeded();
        ScoringBinder<?, ?> binder = new CompiledClasses(compilation).instance("test.Churn_ScoreSpec");
        ServerConfig.Builder config = ServerConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .appRoot(appRoot)
                .scoringClass("test.Churn");
        for (String version : new String[] {"2", "3", "3.1"}) {
            JsonNode compiled = served(config.build(), binder, version);
            assertEquals("Churn model", compiled.at("/info/title").asText());
            assertEquals(
                    "API specification for the Azure Machine Learning service Churn model",
                    compiled.at("/info/description").asText());
            assertEquals("2.1.0", compiled.at("/info/version").asText());
            assertEquals(
                    "predictChurn",
                    compiled.at("/paths/~1score/post/operationId").asText());

            JsonNode configured =
                    served(config.serviceName("churn-prod").serviceVersion("7").build(), binder, version);
            assertEquals("churn-prod", configured.at("/info/title").asText());
            assertEquals(
                    "API specification for the Azure Machine Learning service churn-prod",
                    configured.at("/info/description").asText());
            assertEquals("7", configured.at("/info/version").asText());
            assertEquals(
                    "predictChurn",
                    configured.at("/paths/~1score/post/operationId").asText());
            config = ServerConfig.builder()
                    .host("127.0.0.1")
                    .port(0)
                    .appRoot(appRoot)
                    .scoringClass("test.Churn");
        }
    }

    private static JsonNode served(ServerConfig config, ScoringBinder<?, ?> binder, String version) throws Exception {
        ScoringServer server = ScoringServer.start(config, binder);
        try {
            HttpResponse<String> swagger = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://127.0.0.1:" + server.port() + "/swagger.json?version=" + version))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, swagger.statusCode(), swagger.body());
            return JSON.readTree(swagger.body());
        } finally {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(OpenApiVersion.class)
    void withoutScoringServiceTheDocumentsKeepThePythonServersNames(OpenApiVersion version) throws IOException {
        Compilation compilation = Sources.compile(Sources.source("Plain", """
                public class Plain {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    public double run(double[] data) { return 0; }
                }
                """));
        assertThat(compilation).succeeded();
        JsonNode doc = document(compilation, "test.Plain", version);
        assertEquals("ML service", doc.at("/info/title").asText());
        assertEquals("1.0", doc.at("/info/version").asText());
        assertEquals("RunMLService", doc.at("/paths/~1score/post/operationId").asText());
    }

    @Test
    void anOperationIdThatIsNotAJavaIdentifierIsAnError() {
        DiagnosticsTest.assertError(
                """
                @ScoringService(operationId = "predict-churn")
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                    public double run(double[] data) { return 0; }
                }
                """,
                "SS117",
                "@ScoringService(operationId = \"predict-churn\") is not a Java identifier, so "
                        + "generated clients could not be named from it. Use letters, digits and underscores, not starting "
                        + "with a digit and not a Java keyword, such as \"predictChurn\".",
                "operationId = ");
    }

    @Test
    void aKeywordIsNoOperationId() {
        DiagnosticsTest.assertError(
                """
                @ScoringService(
                    operationId = "class")
                public class Bad {
                    public String run(String body) { return body; }
                }
                """, "SS117", "@ScoringService(operationId = \"class\") is not a Java identifier", "operationId = ");
    }

    @Test
    void aBlankTitleIsAnError() {
        DiagnosticsTest.assertError(
                """
                @ScoringService(
                    title = " ")
                public class Bad {
                    public String run(String body) { return body; }
                }
                """,
                "SS117",
                "@ScoringService(title = \" \") is blank, so generated clients could not be named "
                        + "from it. Give it text, such as \"Churn model\", or remove it for the default.",
                "title = ");
    }

    @Test
    void aBlankVersionIsAnError() {
        DiagnosticsTest.assertError("""
                @ScoringService(
                    version = "")
                public class Bad {
                    public String run(String body) { return body; }
                }
                """, "SS117", "@ScoringService(version = \"\") is blank", "version = ");
    }
}

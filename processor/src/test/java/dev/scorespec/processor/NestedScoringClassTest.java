package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import dev.scorespec.runtime.binding.ScoringBinder;
import dev.scorespec.runtime.server.ScoringServer;
import dev.scorespec.runtime.server.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A static nested scoring class served end to end: the processor writes its documents under the name
 * its binder reports, so the server starts, describes it and scores with it over HTTP.
 */
class NestedScoringClassTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path appRoot;

    @Test
    void aStaticNestedScoringClassIsServed() throws Exception {
        Compilation compilation = Sources.compile(Sources.source("Outer", """
                public class Outer {
                    public static class Doubler {
                        @InputSchema(param = "data", standard = @Standard(sample = "[1.0, 2.0]"))
                        @OutputSchema(standard = @Standard(sample = "[2.0, 4.0]"))
                        public List<Double> run(List<Double> data) {
                            return data.stream().map(x -> 2 * x).toList();
                        }
                    }
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        ScoringBinder<?, ?> binder = new CompiledClasses(compilation).instance("test.Outer_Doubler_ScoreSpec");
        assertEquals("test.Outer$Doubler", binder.scoringClass(), "the binary name, as Class.getName() spells it");

        ScoringServer server = ScoringServer.start(
                ServerConfig.builder()
                        .host("127.0.0.1")
                        .port(0)
                        .appRoot(appRoot)
                        .scoringClass("test.Outer$Doubler")
                        .build(),
                binder);
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> scored = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/score"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"data\": [1.5, -2]}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, scored.statusCode(), scored.body());
            assertEquals(JSON.readTree("[3.0, -4.0]"), JSON.readTree(scored.body()));

            HttpResponse<String> swagger = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/swagger.json?version=3"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, swagger.statusCode(), swagger.body());
            JsonNode example = JSON.readTree(swagger.body()).at("/components/schemas/ServiceInput/example");
            assertEquals(JSON.readTree("{\"data\": [1.0, 2.0]}"), example, swagger.body());
        } finally {
            server.close();
        }
    }
}

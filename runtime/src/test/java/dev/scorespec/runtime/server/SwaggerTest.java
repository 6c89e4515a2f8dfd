package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /swagger.json: versions, customization, app-root overrides, and the path prefix on routes. */
class SwaggerTest {

    @TempDir
    Path appRoot;

    private ScoringServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Http start(ServerConfig.Builder config, dev.scorespec.runtime.binding.ScoringBinder<?, ?> binder)
            throws ServerStartException {
        server = ScoringServer.start(config.port(0).appRoot(appRoot).build(), binder);
        return new Http(server.port());
    }

    @Test
    void noVersionMeansSwagger2() throws Exception {
        Http http = start(ServerConfig.builder(), new TestBinders.Sum());
        Http.Reply r = http.get("/swagger.json");
        assertEquals(200, r.status());
        assertEquals(Responses.JSON, r.header("content-type"));
        assertEquals("False", r.header("x-ms-run-function-failed"));
        JsonObject doc = r.json();
        assertEquals("2.0", doc.getString("swagger"));
        assertEquals("ML service", doc.getJsonObject("info").getString("title"));
        assertEquals(
                "API specification for the Azure Machine Learning service ML service",
                doc.getJsonObject("info").getString("description"));
        assertEquals("1.0", doc.getJsonObject("info").getString("version"));
        assertEquals(
                List.of("/", "/score", "/swagger.json"),
                List.copyOf(doc.getJsonObject("paths").fieldNames()));
        assertEquals(
                "number",
                doc.getJsonObject("definitions")
                        .getJsonObject("ServiceInput")
                        .getJsonObject("properties")
                        .getJsonObject("scale")
                        .getString("type"));
    }

    /** The compile-time documents declare the key; only a server with a key configured keeps it. */
    @Test
    void keyAuthenticationIsServedOnlyWithAKey() {
        JsonObject compiled = new JsonObject("""
                {"security": [{"Bearer": []}],
                 "securityDefinitions": {"Bearer": {"type": "apiKey"}},
                 "paths": {"/": {"get": {"security": [], "responses": {"200": {}}}},
                           "/score": {"post": {"security": [{"Bearer": []}],
                                               "responses": {"200": {}, "400": {}, "401": {}, "default": {}}}}},
                 "components": {"schemas": {"ServiceInput": {}}, "securitySchemes": {"Bearer": {"type": "apiKey"}}}}
                """);
        JsonObject open =
                OpenApiDocuments.customize(compiled, ServerConfig.builder().build());
        assertEquals(new JsonObject("""
                {"paths": {"/": {"get": {"responses": {"200": {}}}},
                           "/score": {"post": {"responses": {"200": {}, "400": {}, "default": {}}}}},
                 "components": {"schemas": {"ServiceInput": {}}}}
                """), open);
        JsonObject locked = OpenApiDocuments.customize(
                compiled, ServerConfig.builder().authKey("k3y").build());
        assertEquals(compiled, locked);
    }

    /** The title and version compiled from @ScoringService survive unless the server is started with others. */
    @Test
    void onlyAConfiguredNameOrVersionReplacesTheCompiledOnes() {
        JsonObject compiled = new JsonObject("""
                {"info": {"title": "Churn model", "version": "2.1.0",
                          "description": "API specification for the Azure Machine Learning service Churn model"}}
                """);
        assertEquals(
                compiled,
                OpenApiDocuments.customize(compiled, ServerConfig.builder().build()));
        JsonObject renamed = OpenApiDocuments.customize(
                compiled, ServerConfig.builder().serviceName("churn").build());
        assertEquals(new JsonObject("""
                {"info": {"title": "churn", "version": "2.1.0",
                          "description": "API specification for the Azure Machine Learning service churn"}}
                """), renamed);
        JsonObject versioned = OpenApiDocuments.customize(
                compiled, ServerConfig.builder().serviceVersion("7").build());
        assertEquals("Churn model", versioned.getJsonObject("info").getString("title"));
        assertEquals("7", versioned.getJsonObject("info").getString("version"));
    }

    /** A client generated from a served document calls the server the document came from. */
    @Test
    void documentsSayWhereTheServerIs() throws Exception {
        Http http = start(ServerConfig.builder().host("127.0.0.1"), new TestBinders.Sum());
        String here = "127.0.0.1:" + server.port();
        for (String version : List.of("3", "3.1")) {
            JsonObject doc = http.get("/swagger.json?version=" + version).json();
            assertEquals(
                    List.of("openapi", "info", "servers"),
                    List.copyOf(doc.fieldNames()).subList(0, 3));
            assertEquals(
                    "http://" + here,
                    doc.getJsonArray("servers").getJsonObject(0).getString("url"));
            // behind a TLS-terminating proxy (the JDK client cannot send another Host)
            JsonObject proxied = http.get("/swagger.json?version=" + version, "X-Forwarded-Proto", "https")
                    .json();
            assertEquals(
                    "https://" + here,
                    proxied.getJsonArray("servers").getJsonObject(0).getString("url"));
        }
        JsonObject swagger2 = http.get("/swagger.json?version=2").json();
        assertEquals(
                List.of("swagger", "info", "host", "basePath", "schemes"),
                List.copyOf(swagger2.fieldNames()).subList(0, 5));
        assertEquals(here, swagger2.getString("host"));
        assertEquals("/", swagger2.getString("basePath"));
        assertEquals(List.of("http"), swagger2.getJsonArray("schemes").getList());
    }

    /** Under a prefix the paths carry it, so the server URL must not repeat it. */
    @Test
    void prefixedPathsKeepAServerUrlWithoutPrefix() throws Exception {
        Http http = start(ServerConfig.builder().host("127.0.0.1").servicePathPrefix("api"), new TestBinders.Sum());
        JsonObject doc = http.get("/api/swagger.json?version=3").json();
        assertEquals(
                "http://127.0.0.1:" + server.port(),
                doc.getJsonArray("servers").getJsonObject(0).getString("url"));
        assertTrue(doc.getJsonObject("paths").containsKey("/api/score"), doc.encode());
    }

    @Test
    void everyVersionAlias() throws Exception {
        Http http = start(ServerConfig.builder(), new TestBinders.Sum());
        assertEquals("2.0", http.get("/swagger.json?version=2").json().getString("swagger"));
        assertEquals("2.0", http.get("/swagger.json?version=2.0").json().getString("swagger"));
        assertEquals("3.0.3", http.get("/swagger.json?version=3").json().getString("openapi"));
        assertEquals("3.0.3", http.get("/swagger.json?version=3.0").json().getString("openapi"));
        assertEquals("3.1.0", http.get("/swagger.json?version=3.1").json().getString("openapi"));
        Http.Reply head = http.method("HEAD", "/swagger.json");
        assertEquals(200, head.status());
        assertEquals("", head.body());
    }

    @Test
    void unknownVersionIs404ListingTheSupportedOnes() throws Exception {
        Http http = start(ServerConfig.builder(), new TestBinders.Sum());
        Http.Reply r = http.get("/swagger.json?version=4");
        assertEquals(404, r.status());
        assertEquals("Swagger version [4] is not valid. Supported versions: [2, 3, 3.1].", r.message());
        assertEquals(404, http.get("/swagger.json?version=").status());
        assertEquals(404, http.get("/swagger.json?version=3.1.0").status());
    }

    @Test
    void versionTheBinderHasNoDocumentForIs404() throws Exception {
        Http http = start(ServerConfig.builder(), new TestBinders.EchoText());
        Http.Reply r = http.get("/swagger.json");
        assertEquals(404, r.status());
        assertEquals(
                "Swagger version [2] is not supported for the scoring script. Supported swagger versions: [3, 3.1].",
                r.message());
        assertEquals(200, http.get("/swagger.json?version=3").status());
    }

    @Test
    void serviceNameVersionAndPrefixAreFilledIn() throws Exception {
        Http http = start(
                ServerConfig.builder()
                        .serviceName("ridge")
                        .serviceVersion("2.5")
                        .servicePathPrefix("api/v1/"),
                new TestBinders.Sum());
        for (String version : List.of("2", "3", "3.1")) {
            JsonObject doc = http.get("/swagger.json?version=" + version).json();
            JsonObject info = doc.getJsonObject("info");
            assertEquals("ridge", info.getString("title"), version);
            assertEquals(
                    "API specification for the Azure Machine Learning service ridge", info.getString("description"));
            assertEquals("2.5", info.getString("version"));
            assertEquals(
                    List.of("/api/v1/", "/api/v1/score", "/api/v1/swagger.json"),
                    List.copyOf(doc.getJsonObject("paths").fieldNames()),
                    version);
            assertEquals(
                    "RunMLService",
                    doc.getJsonObject("paths")
                            .getJsonObject("/api/v1/score")
                            .getJsonObject("post")
                            .getString("operationId"));
        }
    }

    @Test
    void routesAnswerWithAndWithoutThePrefix() throws Exception {
        Http http = start(ServerConfig.builder().servicePathPrefix("/api/v1"), new TestBinders.Sum());
        assertEquals("Healthy", http.get("/api/v1/").body());
        assertEquals("Healthy", http.get("/api/v1").body());
        assertEquals("Healthy", http.get("/").body());
        assertEquals(
                200, http.postJson("/api/v1/score", "{\"data\": [[1,2,3]]}").status());
        assertEquals(200, http.postJson("/score", "{\"data\": [[1,2,3]]}").status());
        assertEquals("2.0", http.get("/api/v1/swagger.json").json().getString("swagger"));
        assertEquals(404, http.get("/api/v2/score").status());
    }

    @Test
    void appRootFilesReplaceTheGeneratedDocuments() throws Exception {
        Files.writeString(
                appRoot.resolve("swagger2.json"), "{\"swagger\": \"2.0\", \"info\": {\"title\": \"mine 2\"}}");
        Files.writeString(
                appRoot.resolve("swagger3.json"), "{\"openapi\": \"3.0.1\", \"info\": {\"title\": \"mine 3\"}}");
        Http http = start(
                ServerConfig.builder().serviceName("ignored for user files").servicePathPrefix("p"),
                new TestBinders.Sum());
        assertEquals(
                new JsonObject("{\"swagger\": \"2.0\", \"info\": {\"title\": \"mine 2\"}}"),
                http.get("/swagger.json").json());
        assertEquals(
                "mine 3",
                http.get("/swagger.json?version=3").json().getJsonObject("info").getString("title"));
        // 3.1 has its own file name, swagger3.1.json, so the generated one is served
        assertEquals("3.1.0", http.get("/swagger.json?version=3.1").json().getString("openapi"));
    }

    @Test
    void swaggerJsonInTheAppRootWinsForVersion2() throws Exception {
        Files.writeString(appRoot.resolve("swagger.json"), "{\"swagger\": \"2.0\", \"info\": {\"title\": \"first\"}}");
        Files.writeString(
                appRoot.resolve("swagger2.json"), "{\"swagger\": \"2.0\", \"info\": {\"title\": \"second\"}}");
        Files.writeString(
                appRoot.resolve("swagger3.1.json"), "{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"mine 3.1\"}}");
        Http http = start(ServerConfig.builder(), new TestBinders.Sum());
        assertEquals(
                "first",
                http.get("/swagger.json?version=2").json().getJsonObject("info").getString("title"));
        assertEquals(
                "mine 3.1",
                http.get("/swagger.json?version=3.1")
                        .json()
                        .getJsonObject("info")
                        .getString("title"));
    }

    @Test
    void appRootFileMakesAVersionAvailable() throws Exception {
        Files.writeString(appRoot.resolve("swagger2.json"), "{\"swagger\": \"2.0\"}");
        Http http = start(ServerConfig.builder(), new TestBinders.EchoText());
        assertEquals(200, http.get("/swagger.json?version=2").status());
        assertEquals(
                "Swagger version [9] is not valid. Supported versions: [2, 3, 3.1].",
                http.get("/swagger.json?version=9").message());
    }

    @Test
    void malformedAppRootFileStopsTheStart() throws Exception {
        Files.writeString(appRoot.resolve("swagger3.json"), "{\"openapi\": ");
        ServerStartException e =
                assertThrows(ServerStartException.class, () -> start(ServerConfig.builder(), new TestBinders.Sum()));
        assertTrue(e.getMessage().contains("swagger3.json"), e.getMessage());
    }

    @Test
    void missingDocumentResourceStopsTheStart() {
        TestBinders.Sum binder = new TestBinders.Sum() {
            @Override
            public String documentResource() {
                return "META-INF/scorespec/nowhere.json";
            }
        };
        ServerStartException e = assertThrows(ServerStartException.class, () -> start(ServerConfig.builder(), binder));
        assertTrue(e.getMessage().contains("META-INF/scorespec/nowhere.json"), e.getMessage());
    }

    /**
     * The documents are prepared on a thread of their own while the server starts: the first requests after
     * {@code start} returns get the same bytes as documents prepared before it, and {@code /docs} their title.
     */
    @Test
    void documentsPreparedDuringTheStartAreServedAsPreparedBeforeIt() throws Exception {
        ServerConfig.Builder config =
                ServerConfig.builder().serviceName("Churn model").servicePathPrefix("/api");
        TestBinders.Sum binder = new TestBinders.Sum();
        Http http = start(config, binder);
        OpenApiDocuments before = OpenApiDocuments.load(binder, server.config());
        String host = "127.0.0.1:" + server.port();
        for (String version : List.of("2", "3", "3.1")) {
            Http.Reply r = http.get("/api/swagger.json?version=" + version);
            assertEquals(200, r.status(), version);
            assertEquals(before.find(version, "http", host).document.toString(), r.body(), version);
        }
        Http.Reply page = http.get("/api/docs/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<title>Churn model - API documentation</title>"), page.body());
    }

    @Test
    void initDoesNotRunWhenADocumentIsMissing() {
        TestBinders.Sum binder = new TestBinders.Sum() {
            @Override
            public String documentResource() {
                return "META-INF/scorespec/nowhere.json";
            }
        };
        assertThrows(ServerStartException.class, () -> start(ServerConfig.builder(), binder));
        assertNull(binder.models, "init ran although the start had failed");
    }

    @Test
    void prefixIsNormalized() {
        assertEquals("", ServerConfig.normalizePrefix(""));
        assertEquals("", ServerConfig.normalizePrefix("/"));
        assertEquals("", ServerConfig.normalizePrefix("//"));
        assertEquals("/api", ServerConfig.normalizePrefix("api"));
        assertEquals("/api/v1", ServerConfig.normalizePrefix("/api/v1/"));
        assertEquals("/api/v1", ServerConfig.normalizePrefix(" api/v1 "));
    }
}

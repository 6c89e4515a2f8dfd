package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /docs} over real loopback HTTP: the page, its files, their headers; the browser test is in samples. */
class DocsPageTest {

    private static ScoringServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        server = ScoringServer.start(
                ServerConfig.builder()
                        .port(0)
                        .workerCount(1)
                        .servicePathPrefix("/api/v1")
                        .serviceName("Ridge <& Co>")
                        .authKey("k3y")
                        .corsOrigins(List.of("https://app.example"))
                        .build(),
                new TestBinders.Sum());
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The {@code src} and {@code href} values of the page, in order. */
    private static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }

    @Test
    void docsRedirectsToItsFolderRelatively() {
        for (String path : List.of("/docs", "/api/v1/docs")) {
            Http.Reply r = http.get(path);
            assertEquals(301, r.status(), path);
            assertEquals("docs/", r.header("location"), path); // /docs -> /docs/, /api/v1/docs -> /api/v1/docs/
        }
    }

    @Test
    void thePageLoadsOnlyFilesOfThisServerAndNoInlineScript() {
        for (String path : List.of("/docs/", "/api/v1/docs/")) {
            Http.Reply page = http.get(path);
            assertEquals(200, page.status(), page.toString());
            assertEquals("text/html; charset=utf-8", page.header("content-type"));
            assertEquals("no-cache", page.header("cache-control"));
            assertEquals(DocsPage.CONTENT_SECURITY_POLICY, page.header("content-security-policy"));
            assertEquals("nosniff", page.header("x-content-type-options"));
            String html = page.body();
            assertTrue(html.contains("<title>Ridge &lt;&amp; Co&gt; - API documentation</title>"), html);
            assertFalse(html.contains("://"), "the page names no other server: " + html);
            assertFalse(Pattern.compile("<script>").matcher(html).find(), "no inline script: " + html);
            List<String> links = links(html);
            assertEquals(5, links.size(), links.toString());
            for (String link : links) {
                assertFalse(link.startsWith("/") || link.contains(".."), "relative to the page's folder: " + link);
                Http.Reply file = http.get(path + link);
                assertEquals(200, file.status(), link + ": " + file);
                assertTrue(file.response.body().length > 0, link);
            }
        }
    }

    @Test
    void swaggerUiFilesAreCachedForAYearAndGzippedWhenAccepted() throws IOException {
        String bundle = links(http.get("/docs/").body()).stream()
                .filter(l -> l.endsWith("swagger-ui-bundle.js"))
                .findFirst()
                .orElseThrow();
        assertTrue(bundle.matches("swagger-ui/5\\.\\d+\\.\\d+/swagger-ui-bundle\\.js"), bundle);
        Http.Reply plain = http.get("/docs/" + bundle);
        assertEquals(200, plain.status());
        assertEquals("text/javascript; charset=utf-8", plain.header("content-type"));
        assertEquals("public, max-age=31536000, immutable", plain.header("cache-control"));
        assertNull(plain.header("content-encoding"));
        assertTrue(plain.response.body().length > 500_000, "Swagger UI's whole bundle");
        assertEquals(
                List.of("Origin", "Accept-Encoding"), plain.response.headers().allValues("vary"));

        Http.Reply gzipped = http.get("/docs/" + bundle, "Accept-Encoding", "br;q=1.0, gzip;q=0.8");
        assertEquals("gzip", gzipped.header("content-encoding"));
        assertTrue(gzipped.response.body().length < plain.response.body().length / 2);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.response.body()))) {
            assertArrayEquals(plain.response.body(), in.readAllBytes());
        }
        assertNull(http.get("/docs/" + bundle, "Accept-Encoding", "gzip;q=0").header("content-encoding"));

        Http.Reply png = http.get(
                "/docs/" + bundle.replace("swagger-ui-bundle.js", "favicon-32x32.png"), "Accept-Encoding", "gzip");
        assertEquals("image/png", png.header("content-type"));
        assertNull(png.header("content-encoding"));
    }

    @Test
    void theStartScriptLoadsTheOpenApi31DocumentRelatively() {
        Http.Reply script = http.get("/docs/scorespec-docs.js");
        assertEquals(200, script.status());
        assertEquals("text/javascript; charset=utf-8", script.header("content-type"));
        assertEquals("no-cache", script.header("cache-control"));
        assertTrue(script.body().contains("'../swagger.json?version=3.1'"), script.body());
    }

    @Test
    void thePageIsOpenWhenKeyAuthenticationIsOnButTheDocumentIsNot() {
        assertEquals(200, http.get("/docs/").status());
        assertEquals(200, http.get("/docs/scorespec-docs.js").status());
        assertEquals(
                401, http.method("HEAD", "/api/v1/swagger.json?version=3.1").status());
        assertEquals(
                200,
                http.method("HEAD", "/api/v1/swagger.json?version=3.1", "Authorization", "Bearer k3y")
                        .status());
    }

    @Test
    void otherPathsMethodsAndVersionsAreRefused() {
        String bundle = links(http.get("/docs/").body()).stream()
                .filter(l -> l.endsWith("swagger-ui-bundle.js"))
                .findFirst()
                .orElseThrow();
        for (String path : List.of(
                "/docs/index.html",
                "/docs/swagger-ui/0.0.1/swagger-ui-bundle.js",
                "/docs/" + bundle.replace("swagger-ui-bundle.js", "oauth2-redirect.html"),
                "/docsx")) {
            Http.Reply r = http.get(path);
            assertEquals(404, r.status(), path + ": " + r);
        }
        // dot segments are resolved before routing: this is the document, and it still needs the key
        assertEquals(401, http.get("/docs/x/../../swagger.json").status());
        Http.Reply post = http.post("/docs/", "text/plain", "x");
        assertEquals(405, post.status());
        assertEquals("GET, HEAD, OPTIONS", post.header("allow"));
        Http.Reply head = http.method("HEAD", "/docs/");
        assertEquals(200, head.status());
        assertEquals("", head.body());
        assertEquals(200, http.method("OPTIONS", "/docs/").status());
    }

    @Test
    void htmlEscapingCoversMarkupAndQuotes() {
        assertEquals(
                "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;", DocsPage.escape("<a href=\"x\" title='y'>&"));
    }

    /** {@link TestBinders.EchoText} whose compiled 3.1 document has the title {@code Churn <model>}. */
    static final class Titled extends TestBinders.EchoText {
        @Override
        public String scoringClass() {
            return "test.Titled";
        }

        @Override
        public List<String> documentVersions() {
            return List.of("3.1");
        }
    }

    /** The {@code <title>} of {@code /docs/} served for the binder by a server with the given set-up. */
    private static String pageTitle(ServerConfig.Builder config) throws Exception {
        try (ScoringServer titled =
                ScoringServer.start(config.port(0).workerCount(1).build(), new Titled())) {
            String html = new Http(titled.port()).get("/docs/").body();
            Matcher title = Pattern.compile("<title>(.*)</title>").matcher(html);
            assertTrue(title.find(), html);
            return title.group(1);
        }
    }

    @Test
    void thePageIsTitledAsTheDocumentItShows(@TempDir Path appRoot) throws Exception {
        // the compiled @ScoringService(title), not the default service name
        assertEquals("Churn &lt;model&gt; - API documentation", pageTitle(ServerConfig.builder()));
        // a name set at start-up replaces the document's title, and so the page's
        assertEquals(
                "Configured - API documentation",
                pageTitle(ServerConfig.builder().serviceName("Configured")));
        // a user's own 3.1 document is shown as it is, its title too
        Files.writeString(appRoot.resolve("swagger3.1.json"), """
                {"openapi": "3.1.0", "info": {"title": "From the file", "version": "1"}, "paths": {}}""");
        assertEquals(
                "From the file - API documentation",
                pageTitle(ServerConfig.builder().serviceName("Configured").appRoot(appRoot)));
    }
}

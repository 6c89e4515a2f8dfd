package dev.scorespec.runtime.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /docs}: Swagger UI over the service's OpenAPI 3.1 document, served from the
 * {@code org.webjars:swagger-ui} jar on the class path, so the page loads nothing from elsewhere.
 *
 * <ul>
 *   <li>{@code /docs} redirects to {@code docs/}, so that the page's relative links work under any path
 *       prefix;</li>
 *   <li>{@code /docs/}: the page ({@code docs/index.html} of this package, titled as the document it shows);</li>
 *   <li>{@code /docs/scorespec-docs.js}: the script that starts Swagger UI on {@code ../swagger.json?version=3.1}
 *       and, when that answers 401, asks for the key first;</li>
 *   <li>{@code /docs/swagger-ui/<version>/<file>}: Swagger UI's own files, cached for a year since the path
 *       names the version.</li>
 * </ul>
 *
 * <p>The page and its files hold no service data, so they are open when key authentication is on; the
 * document and {@code /score} are not. Files are read from the class path on first use, on a worker thread,
 * then kept in memory, gzipped too for the clients that accept it.
 *
 * <p>Hand-written rather than Vert.x Web's {@code StaticHandler}: that serves a whole folder (here the WebJar's,
 * with its OAuth2 redirect page, which the page does not use and which stays a 404), needs Vert.x to unpack
 * class-path resources into a cache folder on disk (a read-only container may have none), and gzips only
 * through the server-wide {@code HttpServerOptions.setCompressionSupported}, which would compress the
 * {@code /score} answers too, where the Python server never does.
 */
final class DocsPage {

    static final String ALLOW = "GET, HEAD, OPTIONS";

    /** What the page may load: its own server's files and answers, nothing else, and no inline script. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; "
            + "img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; "
            + "form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static final Logger LOG = LoggerFactory.getLogger(DocsPage.class);
    private static final String OWN = "dev/scorespec/runtime/server/docs/";
    private static final String SCRIPT = "scorespec-docs.js";
    /** Swagger UI's files the page uses; the WebJar holds more (other bundles, the OAuth2 redirect page). */
    private static final Map<String, String> SWAGGER_UI_FILES = Map.of(
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui.css", "text/css; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String REVALIDATE = "no-cache";

    private final Vertx vertx;
    private final String version;
    private final String assetPrefix;
    /**
     * The page's title: the title of the document it shows, asked for when the page is first served (the
     * documents are prepared while the server starts).
     */
    private final Supplier<String> title;

    private final Map<String, Future<Asset>> assets = new ConcurrentHashMap<>();

    private DocsPage(Vertx vertx, String version, Supplier<String> title) {
        this.vertx = vertx;
        this.version = version;
        this.assetPrefix = "/docs/swagger-ui/" + version + "/";
        this.title = title;
    }

    /**
     * The page, or null when Swagger UI is not on the class path (then {@code /docs} is a 404).
     *
     * @param title the title of the document the page shows, so that the tab and the page agree
     */
    static DocsPage create(Vertx vertx, Supplier<String> title) {
        String version = swaggerUiVersion();
        String bundle = webJarPath(version, "swagger-ui-bundle.js");
        if (classLoader().getResource(bundle) == null) {
            LOG.warn("GET /docs is off: Swagger UI (org.webjars:swagger-ui {}) is not on the class path", version);
            return null;
        }
        return new DocsPage(vertx, version, title);
    }

    /**
     * Answers a path under {@code /docs}, without the service path prefix.
     *
     * @param localPath {@code /docs} or a path starting with {@code /docs/}
     */
    void handle(RoutingContext ctx, String localPath) {
        HttpMethod method = ctx.request().method();
        if (method.equals(HttpMethod.OPTIONS)) {
            Responses.options(ctx, ALLOW);
            return;
        }
        if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
            Responses.methodNotAllowed(ctx, ALLOW);
            return;
        }
        if (localPath.equals("/docs")) {
            // relative, so that it stays under whatever prefix the request came with
            ctx.response().setStatusCode(301).putHeader("location", "docs/").end();
            return;
        }
        Future<Asset> asset;
        if (localPath.equals("/docs/")) {
            asset = asset("index.html", this::page);
        } else if (localPath.equals("/docs/" + SCRIPT)) {
            asset = asset(SCRIPT, () -> Asset.of(read(OWN + SCRIPT), "text/javascript; charset=utf-8", REVALIDATE));
        } else if (localPath.startsWith(assetPrefix)
                && SWAGGER_UI_FILES.containsKey(localPath.substring(assetPrefix.length()))) {
            String file = localPath.substring(assetPrefix.length());
            asset = asset(file, () -> Asset.of(read(webJarPath(version, file)), SWAGGER_UI_FILES.get(file), IMMUTABLE));
        } else {
            Responses.error(ctx, 404, Responses.NOT_FOUND);
            return;
        }
        asset.onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else {
                ar.result().send(ctx);
            }
        });
    }

    private interface Loader {
        Asset load() throws IOException;
    }

    /** An asset, loaded once on a worker thread. */
    private Future<Asset> asset(String name, Loader loader) {
        return assets.computeIfAbsent(name, n -> vertx.executeBlocking(loader::load, false));
    }

    /** The page, titled with the document's title. */
    private Asset page() throws IOException {
        String title = this.title.get();
        String html = new String(read(OWN + "index.html"), StandardCharsets.UTF_8)
                .replace("{{title}}", escape(title + " - API documentation"))
                .replace("{{name}}", escape(title))
                .replace("{{version}}", escape(version));
        return Asset.of(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", REVALIDATE)
                .withHeader("content-security-policy", CONTENT_SECURITY_POLICY);
    }

    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<':
                    s.append("&lt;");
                    break;
                case '>':
                    s.append("&gt;");
                    break;
                case '&':
                    s.append("&amp;");
                    break;
                case '"':
                    s.append("&quot;");
                    break;
                case '\'':
                    s.append("&#39;");
                    break;
                default:
                    s.append(c);
            }
        }
        return s.toString();
    }

    private static String swaggerUiVersion() {
        Properties properties = new Properties();
        try (InputStream in = classLoader().getResourceAsStream("dev/scorespec/runtime/server/swagger-ui.properties")) {
            if (in == null) {
                throw new IllegalStateException("swagger-ui.properties is missing from the ScoreSpec runtime jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static String webJarPath(String version, String file) {
        return "META-INF/resources/webjars/swagger-ui/" + version + "/" + file;
    }

    private static ClassLoader classLoader() {
        ClassLoader loader = DocsPage.class.getClassLoader();
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = classLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("No " + resource + " on the class path");
            }
            return in.readAllBytes();
        }
    }

    /** One file as served: its bytes, gzipped bytes when that saves, and headers. */
    private static final class Asset {
        final Buffer body;
        final Buffer gzipped;
        final String contentType;
        final String cacheControl;
        final Map<String, String> headers;

        private Asset(
                Buffer body, Buffer gzipped, String contentType, String cacheControl, Map<String, String> headers) {
            this.body = body;
            this.gzipped = gzipped;
            this.contentType = contentType;
            this.cacheControl = cacheControl;
            this.headers = headers;
        }

        static Asset of(byte[] bytes, String contentType, String cacheControl) throws IOException {
            Buffer gzipped = null;
            if (!contentType.startsWith("image/")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3);
                try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                    gzip.write(bytes);
                }
                gzipped = out.size() < bytes.length ? Buffer.buffer(out.toByteArray()) : null;
            }
            return new Asset(Buffer.buffer(bytes), gzipped, contentType, cacheControl, Map.of());
        }

        Asset withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Asset(body, gzipped, contentType, cacheControl, Map.copyOf(more));
        }

        void send(RoutingContext ctx) {
            if (!Responses.writable(ctx)) {
                return;
            }
            HttpServerResponse response = ctx.response()
                    .setStatusCode(200)
                    .putHeader("content-type", contentType)
                    .putHeader("cache-control", cacheControl)
                    .putHeader("x-content-type-options", "nosniff");
            headers.forEach(response::putHeader);
            if (gzipped != null) {
                response.headers().add("vary", "Accept-Encoding"); // added: CORS may have set Vary: Origin
                if (acceptsGzip(ctx.request().getHeader("accept-encoding"))) {
                    response.putHeader("content-encoding", "gzip").end(gzipped);
                    return;
                }
            }
            response.end(body);
        }

        /** Whether {@code Accept-Encoding} lists gzip without {@code q=0}. */
        static boolean acceptsGzip(String acceptEncoding) {
            if (acceptEncoding == null) {
                return false;
            }
            for (String part : acceptEncoding.split(",", -1)) {
                String[] codingAndParams = part.split(";", -1);
                if (!codingAndParams[0].strip().equalsIgnoreCase("gzip")) {
                    continue;
                }
                for (int i = 1; i < codingAndParams.length; i++) {
                    String param =
                            codingAndParams[i].strip().toLowerCase(Locale.ROOT).replace(" ", "");
                    if (param.matches("q=0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
            return false;
        }
    }
}

package dev.scorespec.runtime.server;

import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.runtime.binding.CompiledResource;
import dev.scorespec.runtime.binding.ScoringBinder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The documents served at {@code /swagger.json}, prepared once at start-up: the binder's compile-time
 * documents with the configured service name, version and path prefix filled in, or the files
 * {@code swagger.json}/{@code swagger2.json} (2.0), {@code swagger3.json} (3.0) and {@code swagger3.1.json}
 * (3.1) of the app root, served as they are, as the Python server does.
 */
final class OpenApiDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiDocuments.class);

    /**
     * The versions the Python server knows: its name in messages, the {@code version} query values that
     * select it, the binder's name for it, and the app-root files that replace it, first found wins.
     */
    @SuppressWarnings("ImmutableEnumChecker") // the lists are List.of, immutable
    private enum Kind {
        V2("2", List.of("2", "2.0"), OpenApiVersion.V2_0, List.of("swagger.json", "swagger2.json")),
        V3("3", List.of("3", "3.0"), OpenApiVersion.V3_0, List.of("swagger3.json")),
        V31("3.1", List.of("3.1"), OpenApiVersion.V3_1, List.of("swagger3.1.json"));

        final String name;
        final List<String> queryValues;
        final String binderVersion;
        final List<String> overrideFiles;

        Kind(String name, List<String> queryValues, OpenApiVersion binderVersion, List<String> overrideFiles) {
            this.name = name;
            this.queryValues = queryValues;
            this.binderVersion = binderVersion.label();
            this.overrideFiles = overrideFiles;
        }

        static Kind byQuery(String value) {
            for (Kind k : values()) {
                if (k.queryValues.contains(value)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** What {@code GET /swagger.json?version=...} answers: a document, or a 404 message. */
    static final class Lookup {
        final Buffer document;
        final String notFoundMessage;

        private Lookup(Buffer document, String notFoundMessage) {
            this.document = document;
            this.notFoundMessage = notFoundMessage;
        }
    }

    private final Map<Kind, Buffer> documents;
    /** The compile-time documents among {@link #documents}, which say where the server is; files do not. */
    private final Map<Kind, JsonObject> generated;
    /** The {@code info.title} of the 3.1 document, which {@code /docs} shows; null when there is none. */
    private final String docsTitle;

    private OpenApiDocuments(Map<Kind, Buffer> documents, Map<Kind, JsonObject> generated, String docsTitle) {
        this.documents = documents;
        this.generated = generated;
        this.docsTitle = docsTitle;
    }

    static OpenApiDocuments load(ScoringBinder<?, ?> binder, ServerConfig config) throws ServerStartException {
        Map<Kind, Buffer> documents = new LinkedHashMap<>();
        Map<Kind, JsonObject> generated = new LinkedHashMap<>();
        List<String> binderVersions = binder.documentVersions();
        for (String version : binderVersions) {
            boolean known = false;
            for (Kind k : Kind.values()) {
                known |= k.binderVersion.equals(version);
            }
            if (!known) {
                LOG.warn(
                        "The binder of {} lists an OpenAPI document of version {}, which is not served "
                                + "(served versions: 2.0, 3.0, 3.1)",
                        binder.scoringClass(),
                        version);
            }
        }
        String docsTitle = null;
        for (Kind kind : Kind.values()) {
            JsonObject document = readOverride(config.appRoot(), kind);
            if (document == null && binderVersions.contains(kind.binderVersion)) {
                document = customize(readResource(binder, kind.binderVersion), config);
                generated.put(kind, document);
            }
            if (document != null) {
                documents.put(kind, document.toBuffer());
                if (kind == Kind.V31 && document.getValue("info") instanceof JsonObject info) {
                    docsTitle = info.getValue("title") instanceof String t ? t : null;
                }
            }
        }
        if (documents.isEmpty()) {
            LOG.info("No OpenAPI document is prepared");
        } else {
            LOG.info("OpenAPI documents are prepared for versions [{}]", String.join(", ", names(documents)));
        }
        return new OpenApiDocuments(documents, generated, docsTitle);
    }

    /**
     * The title of the document {@code /docs} shows (3.1): {@code @ScoringService(title)} as compiled, the
     * name configured at start-up that replaces it, or a user's file's own; empty without a 3.1 document or
     * a title in it.
     */
    Optional<String> docsTitle() {
        return Optional.ofNullable(docsTitle);
    }

    /** The versions served, as the {@code version} query names them: {@code [2, 3, 3.1]}. */
    List<String> versions() {
        return names(documents);
    }

    /**
     * The answer to a {@code version} query value; null means none was given, which selects 2. A generated
     * document says where the server is as the client reached it ({@code servers} in 3.x, the host and
     * scheme list in 2.0), so a client generated from it calls this server; a user's file is served as
     * it is.
     *
     * @param scheme {@code http} or {@code https}, as the client used it
     * @param host the request's {@code Host} (or HTTP/2 {@code :authority}), null when it sent none
     */
    Lookup find(String version, String scheme, String host) {
        String v = version == null ? "2" : version;
        Kind kind = Kind.byQuery(v);
        if (kind == null) {
            return new Lookup(
                    null,
                    "Swagger version [" + v + "] is not valid. Supported versions: ["
                            + String.join(", ", names(documents)) + "].");
        }
        Buffer document = documents.get(kind);
        if (document == null) {
            return new Lookup(
                    null,
                    "Swagger version [" + v + "] is not supported for the scoring script. "
                            + "Supported swagger versions: [" + String.join(", ", names(documents)) + "].");
        }
        JsonObject located = generated.get(kind);
        if (located != null && host != null) {
            document = (kind == Kind.V2
                            ? withSwagger2Host(located, scheme, host)
                            : withServers(located, scheme + "://" + host))
                    .toBuffer();
        }
        return new Lookup(document, null);
    }

    /** {@code servers} after {@code info}: the paths carry the prefix already, so the URL has none. */
    private static JsonObject withServers(JsonObject document, String url) {
        JsonObject located = new JsonObject();
        for (Map.Entry<String, Object> member : document) {
            if (!member.getKey().equals("servers")) {
                located.put(member.getKey(), member.getValue());
            }
            if (member.getKey().equals("info")) {
                located.put("servers", new JsonArray().add(new JsonObject().put("url", url)));
            }
        }
        return located;
    }

    /** The host, {@code basePath} and scheme list after {@code info}, where 2.0 places them. */
    private static JsonObject withSwagger2Host(JsonObject document, String scheme, String host) {
        JsonObject located = new JsonObject();
        for (Map.Entry<String, Object> member : document) {
            String key = member.getKey();
            if (!key.equals("host") && !key.equals("basePath") && !key.equals("schemes")) {
                located.put(key, member.getValue());
            }
            if (key.equals("info")) {
                located.put("host", host).put("basePath", "/").put("schemes", new JsonArray().add(scheme));
            }
        }
        return located;
    }

    private static List<String> names(Map<Kind, Buffer> documents) {
        List<String> names = new ArrayList<>();
        for (Kind k : documents.keySet()) {
            names.add(k.name);
        }
        return names;
    }

    /**
     * Fills in the service name, version and path prefix configured at start-up, and drops key
     * authentication when no key is configured. The compile-time document carries the title and version of
     * {@code @ScoringService} (by default {@code ML service} and {@code 1.0}), a description ending with
     * that title, paths without prefix, and the {@code Bearer} scheme; a name or version not configured
     * leaves the compiled one as it is.
     */
    static JsonObject customize(JsonObject document, ServerConfig config) {
        JsonObject doc = document.copy();
        JsonObject info = doc.getJsonObject("info");
        if (info != null) {
            config.configuredServiceName().ifPresent(name -> {
                String oldTitle = info.getString("title");
                Object description = info.getValue("description");
                if (oldTitle != null && description instanceof String d && d.endsWith(oldTitle)) {
                    info.put("description", d.substring(0, d.length() - oldTitle.length()) + name);
                }
                info.put("title", name);
            });
            config.configuredServiceVersion().ifPresent(version -> info.put("version", version));
        }
        if (config.authKey().isEmpty()) {
            dropKeyAuthentication(doc);
        }
        modelExamples(doc, config);
        JsonObject paths = doc.getJsonObject("paths");
        if (paths != null && !config.servicePathPrefix().isEmpty()) {
            JsonObject prefixed = new JsonObject();
            for (Map.Entry<String, Object> e : paths) {
                prefixed.put(config.servicePathPrefix() + e.getKey(), e.getValue());
            }
            doc.put("paths", prefixed);
        }
        return doc;
    }

    /**
     * The Open Inference Protocol's path parameters have the model's name and version as examples, so that
     * trying a route out in {@code /docs} reaches the model: the configured ones replace the compiled defaults.
     */
    private static void modelExamples(JsonObject doc, ServerConfig config) {
        JsonObject components = doc.getJsonObject("components");
        JsonObject parameters = components == null ? null : components.getJsonObject("parameters");
        if (parameters == null) {
            return;
        }
        config.modelName().ifPresent(name -> example(parameters, "ModelName", name));
        config.modelVersion()
                .or(config::configuredServiceVersion)
                .ifPresent(version -> example(parameters, "ModelVersion", version));
    }

    private static void example(JsonObject parameters, String parameter, String value) {
        if (parameters.getValue(parameter) instanceof JsonObject p && p.containsKey("example")) {
            p.put("example", value);
        }
    }

    /**
     * Without a configured key the server asks for none, so the document must not either: a generated
     * client would otherwise demand a key to construct, and Swagger UI would show a lock. The
     * compile-time documents declare the {@code Bearer} scheme, its requirements and the {@code 401}
     * answer; all three are removed.
     */
    private static void dropKeyAuthentication(JsonObject doc) {
        doc.remove("securityDefinitions");
        doc.remove("security");
        JsonObject components = doc.getJsonObject("components");
        if (components != null) {
            components.remove("securitySchemes");
        }
        JsonObject paths = doc.getJsonObject("paths");
        if (paths == null) {
            return;
        }
        for (Map.Entry<String, Object> path : paths) {
            if (!(path.getValue() instanceof JsonObject item)) {
                continue;
            }
            for (Map.Entry<String, Object> operation : item) {
                if (operation.getValue() instanceof JsonObject op) {
                    op.remove("security");
                    if (op.getValue("responses") instanceof JsonObject responses) {
                        responses.remove("401");
                    }
                }
            }
        }
    }

    private static JsonObject readOverride(Path appRoot, Kind kind) throws ServerStartException {
        for (String name : kind.overrideFiles) {
            Path file = appRoot.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                JsonObject doc = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
                LOG.info("Loaded the user's swagger file for version [{}] from {}", kind.name, file);
                return doc;
            } catch (IOException | DecodeException e) {
                throw new ServerStartException(
                        "Cannot read the swagger file " + file + " (it replaces the generated " + "document of version "
                                + kind.name + "): " + e.getMessage(),
                        e);
            }
        }
        return null;
    }

    private static JsonObject readResource(ScoringBinder<?, ?> binder, String version) throws ServerStartException {
        String resource = binder.documentResource();
        String member = OpenApiVersion.forLabel(version).orElseThrow().member();
        try {
            byte[] document = CompiledResource.member(binder, member)
                    .orElseThrow(() -> new ServerStartException("The binder of " + binder.scoringClass()
                            + " lists an OpenAPI document of version " + version + ", but the class path has no "
                            + resource + " with its " + member + "."));
            return new JsonObject(new String(document, StandardCharsets.UTF_8));
        } catch (IOException | DecodeException | ClassCastException e) {
            throw new ServerStartException(
                    "Cannot read the OpenAPI document " + member + " in " + resource + " of " + binder.scoringClass()
                            + ": " + e.getMessage(),
                    e);
        }
    }
}

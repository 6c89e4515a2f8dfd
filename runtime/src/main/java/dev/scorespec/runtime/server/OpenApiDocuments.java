package dev.scorespec.runtime.server;

import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.runtime.binding.ScoringBinder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private OpenApiDocuments(Map<Kind, Buffer> documents) {
        this.documents = documents;
    }

    static OpenApiDocuments load(ScoringBinder<?, ?> binder, ServerConfig config) throws ServerStartException {
        Map<Kind, Buffer> documents = new LinkedHashMap<>();
        List<String> binderVersions = binder.documentVersions();
        for (String version : binderVersions) {
            boolean known = false;
            for (Kind k : Kind.values()) {
                known |= k.binderVersion.equals(version);
            }
            if (!known) {
                LOG.warn("The binder of {} lists an OpenAPI document of version {}, which is not served "
                        + "(served versions: 2.0, 3.0, 3.1)", binder.scoringClass(), version);
            }
        }
        for (Kind kind : Kind.values()) {
            JsonObject user = readOverride(config.appRoot(), kind);
            if (user != null) {
                documents.put(kind, user.toBuffer());
            } else if (binderVersions.contains(kind.binderVersion)) {
                JsonObject generated = readResource(binder, kind.binderVersion);
                documents.put(kind, customize(generated, config).toBuffer());
            }
        }
        if (documents.isEmpty()) {
            LOG.info("No OpenAPI document is prepared");
        } else {
            LOG.info("OpenAPI documents are prepared for versions [{}]", String.join(", ", names(documents)));
        }
        return new OpenApiDocuments(documents);
    }

    /** The versions served, as the {@code version} query names them: {@code [2, 3, 3.1]}. */
    List<String> versions() {
        return names(documents);
    }

    /** The answer to a {@code version} query value; null means none was given, which selects 2. */
    Lookup find(String version) {
        String v = version == null ? "2" : version;
        Kind kind = Kind.byQuery(v);
        if (kind == null) {
            return new Lookup(null, "Swagger version [" + v + "] is not valid. Supported versions: ["
                    + String.join(", ", names(documents)) + "].");
        }
        Buffer document = documents.get(kind);
        if (document == null) {
            return new Lookup(null, "Swagger version [" + v + "] is not supported for the scoring script. "
                    + "Supported swagger versions: [" + String.join(", ", names(documents)) + "].");
        }
        return new Lookup(document, null);
    }

    private static List<String> names(Map<Kind, Buffer> documents) {
        List<String> names = new ArrayList<>();
        for (Kind k : documents.keySet()) {
            names.add(k.name);
        }
        return names;
    }

    /**
     * Fills in the configured service name, version and path prefix. The compile-time document carries the
     * defaults: title {@code ML service}, a description ending with that title, version {@code 1.0} and
     * paths without prefix.
     */
    static JsonObject customize(JsonObject document, ServerConfig config) {
        JsonObject doc = document.copy();
        JsonObject info = doc.getJsonObject("info");
        if (info != null) {
            String oldTitle = info.getString("title");
            Object description = info.getValue("description");
            if (oldTitle != null && description instanceof String d && d.endsWith(oldTitle)) {
                
                info.put("description", d.substring(0, d.length() - oldTitle.length()) + config.serviceName());
            }
            info.put("title", config.serviceName());
            info.put("version", config.serviceVersion());
        }
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
                throw new ServerStartException("Cannot read the swagger file " + file + " (it replaces the generated "
                        + "document of version " + kind.name + "): " + e.getMessage(), e);
            }
        }
        return null;
    }

    private static JsonObject readResource(ScoringBinder<?, ?> binder, String version) throws ServerStartException {
        String resource = binder.documentResource(version);
        ClassLoader loader = binder.getClass().getClassLoader();
        if (loader == null) {
            loader = ClassLoader.getSystemClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ServerStartException("The binder of " + binder.scoringClass() + " lists an OpenAPI document "
                        + "of version " + version + ", but the class path has no " + resource + ".");
            }
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | DecodeException | ClassCastException e) {
            throw new ServerStartException("Cannot read the OpenAPI document " + resource + " of " + binder.scoringClass()
                    + ": " + e.getMessage(), e);
        }
    }
}

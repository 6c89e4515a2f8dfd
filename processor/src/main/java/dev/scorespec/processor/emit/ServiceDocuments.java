package dev.scorespec.processor.emit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.model.ScoringSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The complete service documents of a scoring class, shaped like the Python server's
 * (azureml-inference-server-http): a health check at {@code /}, scoring at {@code /score} with the
 * {@code ServiceInput}/{@code ServiceOutput} schemas of {@link JsonSchemas}, the document itself at
 * {@code /swagger.json}, and Bearer API-key security.
 *
 * <p>Output is deterministic: no timestamps, members in a fixed order, {@code "\n"} line ends, and a
 * final newline, so the same spec always gives the same bytes.
 */
public final class ServiceDocuments {

    private ServiceDocuments() {}

    /**
     * Every supported version's document with the spec's title and version ({@link ServiceInfo#of}).
     *
     * @return version label ({@code "2.0"}, {@code "3.0"}, {@code "3.1"}) to pretty-printed JSON, oldest
     *     first, only the versions of {@link JsonSchemas#supportedVersions}
     */
    public static Map<String, String> render(ScoringSpec spec) {
        return render(spec, ServiceInfo.of(spec));
    }

    /** Every supported version's document, with the given title, version and path prefix. */
    public static Map<String, String> render(ScoringSpec spec, ServiceInfo info) {
        return render(spec, info, OpenInferenceMetadata.document(spec));
    }

    /**
     * Every supported version's document, with the given title, version and path prefix, and the class's
     * Open Inference Protocol metadata ({@link OpenInferenceMetadata#document}), which the 3.x documents
     * describe: the processor builds it once per class, for its checks, these documents and its resource.
     */
    public static Map<String, String> render(ScoringSpec spec, ServiceInfo info, ObjectNode metadata) {
        Map<String, String> documents = new LinkedHashMap<>();
        for (OpenApiVersion version : JsonSchemas.supportedVersions(spec)) {
            documents.put(version.label(), render(spec, version, info, metadata));
        }
        return Collections.unmodifiableMap(documents);
    }

    /**
     * One version's document as pretty-printed JSON.
     *
     * @throws IllegalArgumentException when the samples cannot be described in {@code version}
     */
    public static String render(ScoringSpec spec, OpenApiVersion version, ServiceInfo info) {
        return render(spec, version, info, OpenInferenceMetadata.document(spec));
    }

    private static String render(ScoringSpec spec, OpenApiVersion version, ServiceInfo info, ObjectNode metadata) {
        return version == OpenApiVersion.V2_0
                ? PrettyJson.write(Swagger2Document.build(spec, info))
                : OpenApi3Document.write(spec, version, info, metadata);
    }
}

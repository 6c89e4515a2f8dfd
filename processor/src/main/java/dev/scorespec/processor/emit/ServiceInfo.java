package dev.scorespec.processor.emit;

import dev.scorespec.processor.model.ScoringSpec;
import java.util.Objects;

/**
 * What the Python server fills into its document templates at run time ({@code $SERVICE_NAME$},
 * {@code $SERVICE_VERSION$}, {@code $PATH_PREFIX$}). Documents written at compile time use the title
 * and version of {@code @ScoringService} ({@link #of}); a server started with a service name, version or
 * path prefix rewrites {@code info.title}, {@code info.description}, {@code info.version} and prefixes
 * the keys of {@code paths}.
 *
 * @param title the service name
 * @param version the service version
 * @param pathPrefix a path prefix such as {@code "v1"} or {@code "/v1/"}; empty for none
 */
public record ServiceInfo(String title, String version, String pathPrefix) {

    /** The Python server's defaults: {@code ML service}, {@code 1.0}, no prefix. */
    public static final ServiceInfo DEFAULTS = new ServiceInfo("ML service", "1.0", "");

    /** The spec's own title and version ({@code @ScoringService}'s), without prefix. */
    public static ServiceInfo of(ScoringSpec spec) {
        return new ServiceInfo(spec.names().title(), spec.names().version(), "");
    }

    public ServiceInfo {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(pathPrefix, "pathPrefix");
    }

    /** {@code info.description}, as the Python server words it. */
    public String description() {
        return "API specification for the Azure Machine Learning service " + title;
    }

    /**
     * A path under the prefix: {@code "/score"} stays {@code "/score"} without a prefix and becomes
     * {@code "/v1/score"} with the prefix {@code "v1"} (slashes around the prefix are ignored).
     */
    public String path(String path) {
        String trimmed = pathPrefix.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? path : "/" + trimmed + path;
    }
}

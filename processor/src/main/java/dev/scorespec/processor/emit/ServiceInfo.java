package dev.scorespec.processor.emit;

import java.util.Objects;

/**
 * What the Python server fills into its document templates at run time ({@code $SERVICE_NAME$},
 * {@code $SERVICE_VERSION$}, {@code $PATH_PREFIX$}). Documents written at compile time use
 * {@link #DEFAULTS}; a server configured otherwise rewrites {@code info.title},
 * {@code info.description}, {@code info.version} and prefixes the keys of {@code paths}.
 *
 * @param title the service name
 * @param version the service version
 * @param pathPrefix a path prefix such as {@code "v1"} or {@code "/v1/"}; empty for none
 */
public record ServiceInfo(String title, String version, String pathPrefix) {

    /** The Python server's defaults: {@code ML service}, {@code 1.0}, no prefix. */
    public static final ServiceInfo DEFAULTS = new ServiceInfo("ML service", "1.0", "");

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

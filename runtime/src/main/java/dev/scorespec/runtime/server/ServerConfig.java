package dev.scorespec.runtime.server;

import dev.scorespec.runtime.ModelDir;
import dev.scorespec.runtime.batching.BatchPolicy;
import dev.scorespec.runtime.logging.LogFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a {@link ScoringServer}. Immutable; made with {@link #builder()}, or from a command line and
 * the environment with {@link ConfigParser}.
 *
 * <p>The builder's defaults suit embedding and tests: it listens on {@code 127.0.0.1}. The command line
 * listens on {@code 0.0.0.0} by default, as the Python server does.
 */
public final class ServerConfig {

    /** The Python server's default port. */
    public static final int DEFAULT_PORT = 5001;
    /** The Python server's default {@code SCORING_TIMEOUT_MS}: one hour. */
    public static final long DEFAULT_SCORING_TIMEOUT_MS = 3_600_000L;
    /** 100 MiB. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 100L * 1024 * 1024;
    /** Seconds an idle keep-alive connection stays open, as before this became a setting. */
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 60;
    /** The most bytes of headers a request may have (Netty answers 431 above it). */
    static final int MAX_HEADER_BYTES = 32 * 1024;
    /** A quarter of the header limit, so that a key always fits beside a client's other headers. */
    static final int MAX_AUTH_KEY_LENGTH = MAX_HEADER_BYTES / 4;
    /** Paths the server answers itself: a prefix equal to one of them (or under /docs) would shadow it. */
    private static final List<String> ROUTES = List.of("/score", "/swagger.json", "/docs");

    public static final String DEFAULT_SERVICE_NAME = "ML service";
    public static final String DEFAULT_SERVICE_VERSION = "1.0";
    /** The environment variable that names the Spark master, read by the server and by {@code scorespec-spark}. */
    public static final String SPARK_MASTER_ENV = "SCORESPEC_SPARK_MASTER";
    /**
     * The system property through which the launcher hands {@link #sparkMaster()} to {@code scorespec-spark}'s
     * session owner: the runtime does not know Spark, and the owner reads it when it is first used.
     */
    public static final String SPARK_MASTER_PROPERTY = "scorespec.spark.master";

    private final String host;
    private final int port;
    private final Path modelDir;
    /** Null unless configured: the documents then keep the title and version they were compiled with. */
    private final String serviceName;

    private final String serviceVersion;
    private final String servicePathPrefix;
    private final long scoringTimeoutMs;
    private final Path appRoot;
    private final long maxRequestBytes;
    private final int workerCount;
    private final String scoringClass;
    private final String modelName;
    private final String modelVersion;
    private final String sparkMaster;
    private final List<String> corsOrigins;
    private final String authKey;
    private final int idleTimeoutSeconds;
    private final long maxBytesInFlight;
    private final long shutdownGraceMs;
    private final LogFormat logFormat;
    /** Null unless configured: {@code @Batching}'s own limits then apply. */
    private final Integer batchMaxRows;

    private final Integer batchMaxDelayMs;
    private final BatchPolicy batchPolicy;

    private ServerConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.modelDir = b.modelDir;
        this.serviceName = b.serviceName;
        this.serviceVersion = b.serviceVersion;
        this.servicePathPrefix = normalizePrefix(b.servicePathPrefix);
        this.scoringTimeoutMs = b.scoringTimeoutMs;
        this.appRoot = b.appRoot.toAbsolutePath().normalize();
        this.maxRequestBytes = b.maxRequestBytes;
        this.workerCount = b.workerCount;
        this.scoringClass = b.scoringClass;
        this.modelName = b.modelName;
        this.modelVersion = b.modelVersion;
        this.sparkMaster = b.sparkMaster;
        this.corsOrigins = List.copyOf(b.corsOrigins);
        this.authKey = b.authKey;
        this.idleTimeoutSeconds = b.idleTimeoutSeconds;
        this.maxBytesInFlight = b.maxBytesInFlight > 0 ? b.maxBytesInFlight : defaultMaxBytesInFlight();
        this.shutdownGraceMs = b.shutdownGraceMs;
        this.logFormat = b.logFormat;
        this.batchMaxRows = b.batchMaxRows;
        this.batchMaxDelayMs = b.batchMaxDelayMs;
        this.batchPolicy = b.batchPolicy;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.modelDir = modelDir;
        b.serviceName = serviceName;
        b.serviceVersion = serviceVersion;
        b.servicePathPrefix = servicePathPrefix;
        b.scoringTimeoutMs = scoringTimeoutMs;
        b.appRoot = appRoot;
        b.maxRequestBytes = maxRequestBytes;
        b.workerCount = workerCount;
        b.scoringClass = scoringClass;
        b.modelName = modelName;
        b.modelVersion = modelVersion;
        b.sparkMaster = sparkMaster;
        b.corsOrigins = corsOrigins;
        b.authKey = authKey;
        b.idleTimeoutSeconds = idleTimeoutSeconds;
        b.maxBytesInFlight = maxBytesInFlight;
        b.shutdownGraceMs = shutdownGraceMs;
        b.logFormat = logFormat;
        b.batchMaxRows = batchMaxRows;
        b.batchMaxDelayMs = batchMaxDelayMs;
        b.batchPolicy = batchPolicy;
        return b;
    }

    /** The address to listen on. */
    public String host() {
        return host;
    }

    /** The port to listen on; 0 picks a free one (see {@link ScoringServer#port()}). */
    public int port() {
        return port;
    }

    /** The configured model directory ({@code AZUREML_MODEL_DIR}), if any. */
    public Optional<Path> modelDirPath() {
        return Optional.ofNullable(modelDir);
    }

    /** What {@code init} receives: the configured folder, or {@link ModelDir#unconfigured()}. */
    public ModelDir modelDir() {
        return modelDir == null ? ModelDir.unconfigured() : ModelDir.of(modelDir);
    }

    /** The configured service name, or {@value #DEFAULT_SERVICE_NAME} when none was configured. */
    public String serviceName() {
        return configuredServiceName().orElse(DEFAULT_SERVICE_NAME);
    }

    /** The configured service version, or {@value #DEFAULT_SERVICE_VERSION} when none was configured. */
    public String serviceVersion() {
        return configuredServiceVersion().orElse(DEFAULT_SERVICE_VERSION);
    }

    /**
     * The service name set at start-up, which replaces {@code info.title} (and the end of the description)
     * of the served documents; empty when none was set, and the documents keep the title they were compiled
     * with ({@code @ScoringService(title)}).
     */
    public Optional<String> configuredServiceName() {
        return Optional.ofNullable(serviceName);
    }

    /**
     * The service version set at start-up, which replaces {@code info.version} of the served documents;
     * empty when none was set, and the documents keep {@code @ScoringService(version)}.
     */
    public Optional<String> configuredServiceVersion() {
        return Optional.ofNullable(serviceVersion);
    }

    /**
     * The path prefix, normalized to {@code ""} or {@code "/a/b"} (one leading slash, none trailing): the
     * routes are served under it (and without it), and every {@code paths} key of the documents starts
     * with it.
     */
    public String servicePathPrefix() {
        return servicePathPrefix;
    }

    /** How long one {@code run} may take before the client gets a 500. */
    public long scoringTimeoutMs() {
        return scoringTimeoutMs;
    }

    /** The folder searched for {@code swagger.json}, {@code swagger2.json}, {@code swagger3.json}, ... */
    public Path appRoot() {
        return appRoot;
    }

    /** The largest request body accepted; a larger one is answered 413. */
    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    /** The size of the worker pool that runs {@code bind}, {@code run} and {@code write}. */
    public int workerCount() {
        return workerCount;
    }

    /** The fully qualified scoring class to serve when several binders are on the class path. */
    public Optional<String> scoringClass() {
        return Optional.ofNullable(scoringClass);
    }

    /**
     * The model name of the Open Inference Protocol routes ({@code /v2/models/<name>}); empty when none was
     * configured, and the scoring class's simple name is.
     */
    public Optional<String> modelName() {
        return Optional.ofNullable(modelName);
    }

    /**
     * The model version of the Open Inference Protocol routes; empty when none was configured, and the service
     * version is (configured, or {@code @ScoringService(version)}).
     */
    public Optional<String> modelVersion() {
        return Optional.ofNullable(modelVersion);
    }

    /** Why a model name or version cannot be a path segment of the V2 routes; null when it can. */
    static String segmentProblem(String value) {
        if (value.isEmpty() || value.chars().anyMatch(c -> "/%?#".indexOf(c) >= 0 || c <= ' ')) {
            return "it must be one path segment: not empty, without '/', '%', '?', '#' or white space";
        }
        return null;
    }

    /**
     * The Spark master a scoring class with Spark samples runs on, when configured; the {@code scorespec-spark}
     * runtime otherwise takes {@value #SPARK_MASTER_ENV} or {@code local[*]}.
     */
    public Optional<String> sparkMaster() {
        return Optional.ofNullable(sparkMaster);
    }

    /** The origins allowed by CORS; empty means CORS is off. {@code "*"} allows any origin. */
    public List<String> corsOrigins() {
        return corsOrigins;
    }

    /**
     * The key that {@code /score} and {@code /swagger.json} require as {@code Authorization: Bearer <key>};
     * empty means key authentication is off.
     */
    public Optional<String> authKey() {
        return Optional.ofNullable(authKey);
    }

    /**
     * What makes a key unusable, or null when it is fine: a key must be non-empty and made of visible ASCII
     * characters, the only ones an {@code Authorization} header carries unchanged (no spaces or line breaks).
     * The message never repeats the key.
     */
    static String authKeyProblem(String key) {
        if (key.isEmpty()) {
            return "the key is empty";
        }
        if (key.length() > MAX_AUTH_KEY_LENGTH) {
            return "the key has " + key.length() + " characters; a key may have at most " + MAX_AUTH_KEY_LENGTH
                    + ", so that the Authorization header fits within the server's limit of "
                    + MAX_HEADER_BYTES + " bytes of headers with room for the others";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return "the key holds "
                        + (Character.isWhitespace(c)
                                ? "whitespace"
                                : "the character U+" + String.format(Locale.ROOT, "%04X", (int) c))
                        + " at position " + (i + 1)
                        + "; a key may hold only visible ASCII characters, which a header carries unchanged";
            }
        }
        return null;
    }

    /**
     * Seconds after which a connection with no request in flight is closed; 0 for never. A request being
     * read, scored or answered keeps its connection open, however long {@code run} takes.
     */
    public int idleTimeoutSeconds() {
        return idleTimeoutSeconds;
    }

    /**
     * The most bytes of request bodies held at once across every request in flight: a body that would pass
     * it is answered 503 with {@code Retry-After} before it is read (413 when it alone is larger). The
     * default is an eighth of the maximum heap ({@code -Xmx}), leaving the rest for what binding and
     * {@code run} make of the bodies: a body of numbers binds to about four times its size in arrays, and
     * a model's {@code run} copies them again (measured with the ridge sample under {@code -Xmx1g}: with a
     * quarter, two 92 MB requests were admitted and both ran out of memory in {@code run}).
     */
    public long maxBytesInFlight() {
        return maxBytesInFlight;
    }

    /** An eighth of the maximum heap. */
    public static long defaultMaxBytesInFlight() {
        return Runtime.getRuntime().maxMemory() / 8;
    }

    /** How long {@link ScoringServer#close()} waits for in-flight requests. */
    public long shutdownGraceMs() {
        return shutdownGraceMs;
    }

    /**
     * The format of the runtime's default logging, which the launcher selects before the first line is
     * logged (see {@link LogFormat}); a running server does not read it.
     */
    public LogFormat logFormat() {
        return logFormat;
    }

    /**
     * The most rows of one {@code run} call of a {@code @Batching} class, set at start-up in place of the
     * annotation's {@code maxRows}; 0 turns batching off, every request then gets its own call. Empty when
     * not set. A class without {@code @Batching} is never batched.
     */
    public Optional<Integer> batchMaxRows() {
        return Optional.ofNullable(batchMaxRows);
    }

    /**
     * The longest a request of a {@code @Batching} class waits for others, in milliseconds, set at start-up in
     * place of the annotation's {@code maxDelayMs}; empty when not set.
     */
    public Optional<Integer> batchMaxDelayMs() {
        return Optional.ofNullable(batchMaxDelayMs);
    }

    /**
     * When a batch of a {@code @Batching} class runs, in place of the adaptive policy (which waits only while
     * its model of batch time says no request can miss its deadline); empty for that default. Set by code
     * that starts the server itself ({@link ScoringServer#start}); no flag can name a class.
     */
    public Optional<BatchPolicy> batchPolicy() {
        return Optional.ofNullable(batchPolicy);
    }

    /**
     * Why a normalized prefix cannot work, or null. A request path is matched as sent, decoded only where
     * Vert.x normalizes it, so a prefix must be written the way clients send it: path characters of RFC 3986
     * only, no empty, {@code .} or {@code ..} segment; and it must not shadow one of the server's own routes.
     */
    static String prefixProblem(String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            boolean pathChar = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0);
            if (!pathChar) {
                return "it holds " + (c == ' ' ? "a space" : "'" + c + "'") + " at position " + (i + 1)
                        + ", which a request path cannot carry as it is; use letters, digits and - . _ ~ only";
            }
        }
        for (String segment :
                prefix.isEmpty() ? new String[0] : prefix.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "it has an empty, '.' or '..' segment, which clients and proxies rewrite";
            }
        }
        for (String route : ROUTES) {
            if (prefix.equals(route) || (route.equals("/docs") && prefix.startsWith("/docs/"))) {
                return "the server's own route " + route + " would answer in its place; choose another prefix";
            }
        }
        return null;
    }

    /**
     * {@code ""} for no prefix, otherwise one leading slash and no trailing one: {@code "api/v1/"} becomes
     * {@code "/api/v1"}, and {@code "/"} becomes {@code ""}.
     */
    static String normalizePrefix(String prefix) {
        String p = prefix.strip();
        int start = 0;
        int end = p.length();
        while (start < end && p.charAt(start) == '/') {
            start++;
        }
        while (end > start && p.charAt(end - 1) == '/') {
            end--;
        }
        return start == end ? "" : "/" + p.substring(start, end);
    }

    @Override
    public String toString() {
        return "host=" + host + ", port=" + port + ", modelDir=" + (modelDir == null ? "(not set)" : modelDir)
                + ", serviceName=" + (serviceName == null ? "(compiled)" : serviceName)
                + ", serviceVersion=" + (serviceVersion == null ? "(compiled)" : serviceVersion)
                + ", servicePathPrefix=" + (servicePathPrefix.isEmpty() ? "(none)" : servicePathPrefix)
                + ", scoringTimeoutMs=" + scoringTimeoutMs + ", appRoot=" + appRoot
                + ", maxRequestBytes=" + maxRequestBytes + ", maxBytesInFlight=" + maxBytesInFlight
                + ", idleTimeoutSeconds=" + idleTimeoutSeconds
                + ", workerCount=" + workerCount
                + ", scoringClass=" + (scoringClass == null ? "(not set)" : scoringClass)
                + ", modelName=" + (modelName == null ? "(class name)" : modelName)
                + ", modelVersion=" + (modelVersion == null ? "(service version)" : modelVersion)
                + ", corsOrigins=" + (corsOrigins.isEmpty() ? "(CORS off)" : String.join(",", corsOrigins))
                + ", authKey=" + (authKey == null ? "(authentication off)" : "(set)")
                + ", logFormat=" + logFormat.name().toLowerCase(Locale.ROOT)
                + ", batchMaxRows=" + (batchMaxRows == null ? "(@Batching)" : batchMaxRows)
                + ", batchMaxDelayMs=" + (batchMaxDelayMs == null ? "(@Batching)" : batchMaxDelayMs)
                + ", batchPolicy="
                + (batchPolicy == null ? "(adaptive)" : batchPolicy.getClass().getName());
    }

    /** Builds a {@link ServerConfig}; every setter checks its value. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private Path modelDir;
        private String serviceName;
        private String serviceVersion;
        private String servicePathPrefix = "";
        private long scoringTimeoutMs = DEFAULT_SCORING_TIMEOUT_MS;
        private Path appRoot = Path.of("");
        private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private int workerCount = Runtime.getRuntime().availableProcessors();
        private String scoringClass;
        private String modelName;
        private String modelVersion;
        private String sparkMaster;
        private List<String> corsOrigins = List.of();
        private String authKey;
        private int idleTimeoutSeconds = DEFAULT_IDLE_TIMEOUT_SECONDS;
        /** 0 for the default, {@link ServerConfig#defaultMaxBytesInFlight()}. */
        private long maxBytesInFlight;

        private long shutdownGraceMs = 10_000;
        private LogFormat logFormat = LogFormat.PLAIN;
        private Integer batchMaxRows;
        private Integer batchMaxDelayMs;
        private BatchPolicy batchPolicy;

        private Builder() {}

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** 0 to 65535; 0 picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be from 0 to 65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /** The model directory, or null for none. */
        public Builder modelDir(Path modelDir) {
            this.modelDir = modelDir;
            return this;
        }

        public Builder serviceName(String serviceName) {
            this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
            return this;
        }

        public Builder serviceVersion(String serviceVersion) {
            this.serviceVersion = Objects.requireNonNull(serviceVersion, "serviceVersion");
            return this;
        }

        /** Any form: {@code "api/v1"}, {@code "/api/v1/"}; normalized as {@link ServerConfig#servicePathPrefix()}. */
        public Builder servicePathPrefix(String servicePathPrefix) {
            String problem =
                    prefixProblem(normalizePrefix(Objects.requireNonNull(servicePathPrefix, "servicePathPrefix")));
            if (problem != null) {
                throw new IllegalArgumentException(
                        "Invalid service path prefix '" + servicePathPrefix + "': " + problem + ".");
            }
            this.servicePathPrefix = servicePathPrefix;
            return this;
        }

        public Builder scoringTimeoutMs(long scoringTimeoutMs) {
            if (scoringTimeoutMs < 1) {
                throw new IllegalArgumentException("scoringTimeoutMs must be at least 1, not " + scoringTimeoutMs);
            }
            this.scoringTimeoutMs = scoringTimeoutMs;
            return this;
        }

        public Builder appRoot(Path appRoot) {
            this.appRoot = Objects.requireNonNull(appRoot, "appRoot");
            return this;
        }

        public Builder maxRequestBytes(long maxRequestBytes) {
            if (maxRequestBytes < 1) {
                throw new IllegalArgumentException("maxRequestBytes must be at least 1, not " + maxRequestBytes);
            }
            this.maxRequestBytes = maxRequestBytes;
            return this;
        }

        public Builder workerCount(int workerCount) {
            if (workerCount < 1) {
                throw new IllegalArgumentException("workerCount must be at least 1, not " + workerCount);
            }
            this.workerCount = workerCount;
            return this;
        }

        /** The Spark master for Spark samples, or null for the Spark runtime's own default. */
        public Builder sparkMaster(String sparkMaster) {
            this.sparkMaster = sparkMaster;
            return this;
        }

        /** The fully qualified scoring class to serve, or null to take the only binder found. */
        public Builder scoringClass(String scoringClass) {
            this.scoringClass = scoringClass;
            return this;
        }

        /** The model name of {@code /v2/models/<name>}: one path segment, no {@code /}. */
        public Builder modelName(String modelName) {
            this.modelName = pathSegment(modelName, "model name");
            return this;
        }

        /** The model version of {@code /v2/models/<name>/versions/<version>}: one path segment, no {@code /}. */
        public Builder modelVersion(String modelVersion) {
            this.modelVersion = pathSegment(modelVersion, "model version");
            return this;
        }

        private static String pathSegment(String value, String what) {
            Objects.requireNonNull(value, what);
            String problem = segmentProblem(value);
            if (problem != null) {
                throw new IllegalArgumentException("Invalid " + what + " '" + value + "': " + problem + ".");
            }
            return value;
        }

        public Builder corsOrigins(List<String> corsOrigins) {
            this.corsOrigins = List.copyOf(corsOrigins);
            return this;
        }

        /**
         * The key clients must send as {@code Authorization: Bearer <key>} to {@code /score} and
         * {@code /swagger.json}, or null for no key authentication.
         *
         * @throws IllegalArgumentException when the key is empty or holds characters other than visible ASCII
         */
        public Builder authKey(String authKey) {
            String problem = authKey == null ? null : authKeyProblem(authKey);
            if (problem != null) {
                throw new IllegalArgumentException("Invalid authentication key: " + problem + ".");
            }
            this.authKey = authKey;
            return this;
        }

        public Builder idleTimeoutSeconds(int idleTimeoutSeconds) {
            if (idleTimeoutSeconds < 0) {
                throw new IllegalArgumentException("idleTimeoutSeconds must not be negative");
            }
            this.idleTimeoutSeconds = idleTimeoutSeconds;
            return this;
        }

        /** See {@link ServerConfig#maxBytesInFlight()}; 0 for the default. */
        public Builder maxBytesInFlight(long maxBytesInFlight) {
            if (maxBytesInFlight < 0) {
                throw new IllegalArgumentException("maxBytesInFlight must not be negative, not " + maxBytesInFlight);
            }
            this.maxBytesInFlight = maxBytesInFlight;
            return this;
        }

        public Builder shutdownGraceMs(long shutdownGraceMs) {
            if (shutdownGraceMs < 0) {
                throw new IllegalArgumentException("shutdownGraceMs must not be negative");
            }
            this.shutdownGraceMs = shutdownGraceMs;
            return this;
        }

        public Builder logFormat(LogFormat logFormat) {
            this.logFormat = Objects.requireNonNull(logFormat, "logFormat");
            return this;
        }

        /** See {@link ServerConfig#batchMaxRows()}: 0 turns batching off; null for {@code @Batching}'s own. */
        public Builder batchMaxRows(Integer batchMaxRows) {
            if (batchMaxRows != null && batchMaxRows < 0) {
                throw new IllegalArgumentException("batchMaxRows must not be negative, not " + batchMaxRows);
            }
            this.batchMaxRows = batchMaxRows;
            return this;
        }

        /** See {@link ServerConfig#batchMaxDelayMs()}; null for {@code @Batching}'s own. */
        public Builder batchMaxDelayMs(Integer batchMaxDelayMs) {
            if (batchMaxDelayMs != null && batchMaxDelayMs < 0) {
                throw new IllegalArgumentException("batchMaxDelayMs must not be negative, not " + batchMaxDelayMs);
            }
            this.batchMaxDelayMs = batchMaxDelayMs;
            return this;
        }

        /** A policy of the user's for when batches run; null for the adaptive default. */
        public Builder batchPolicy(BatchPolicy batchPolicy) {
            this.batchPolicy = batchPolicy;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(this);
        }
    }
}

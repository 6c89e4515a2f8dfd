package dev.scorespec.spark.session;

import dev.scorespec.runtime.server.ServerConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * Owns the one {@link SparkSession} of a scoring server whose scoring class has Spark samples: request
 * bodies become {@code Dataset<Row>}s in it. The session is created on first use, once, and stopped when the
 * server shuts down ({@link #close()}, and a JVM shutdown hook as a backstop).
 *
 * <p>The master is, in order: the system property {@value #MASTER_PROPERTY} ({@code -Dscorespec.spark.master=
 * spark://host:7077}; the server's {@code --spark-master} sets it), the environment variable {@value #MASTER_ENV}, Spark's own {@code spark.master}
 * property (spark-submit sets it), else {@code local[*]}: every core of this machine, no cluster. A local
 * session binds to loopback only and has no web UI, so an embedded Spark opens no port to the network.
 *
 * <p>A session that already exists in the JVM (a user's Spark job, spark-submit) is used as it is and never
 * stopped here: its owner is whoever made it.
 */
public final class SparkSessionOwner implements AutoCloseable {

    public static final String MASTER_PROPERTY = ServerConfig.SPARK_MASTER_PROPERTY;
    public static final String MASTER_ENV = ServerConfig.SPARK_MASTER_ENV;
    static final String DEFAULT_MASTER = "local[*]";

    private static final SparkSessionOwner SHARED = new SparkSessionOwner(
            master(System.getProperty(MASTER_PROPERTY), System.getenv(MASTER_ENV), System.getProperty("spark.master")),
            Map.of());

    private final String master;
    private final Map<String, String> config;
    private SparkSession session;
    private boolean created;
    private Thread shutdownHook;

    /**
     * An owner of a session on {@code master} with {@code config} on top of the defaults; most code wants
     * {@link #shared()}.
     */
    public SparkSessionOwner(String master, Map<String, String> config) {
        this.master = master;
        this.config = Map.copyOf(config);
    }

    /** The server's owner, configured from the system property, the environment or spark-submit. */
    public static SparkSessionOwner shared() {
        return SHARED;
    }

    /** The master URL a session is (or would be) created on. */
    public String master() {
        return master;
    }

    /** The first master given: the property, the environment variable, Spark's own property, or {@code local[*]}. */
    static String master(String property, String environment, String sparkMaster) {
        for (String candidate : new String[] {property, environment, sparkMaster}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.trim();
            }
        }
        return DEFAULT_MASTER;
    }

    /** The settings a new session gets: loopback and no UI in local mode, then this owner's config. */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        if (master.startsWith("local")) {
            settings.put("spark.driver.bindAddress", "127.0.0.1");
            settings.put("spark.driver.host", "127.0.0.1");
            settings.put("spark.ui.enabled", "false");
        }
        settings.putAll(config);
        return settings;
    }

    /** The session, created on the first call; an existing session of the JVM is used instead of a new one. */
    public synchronized SparkSession session() {
        if (session == null || session.sparkContext().isStopped()) {
            Optional<SparkSession> existing = existing();
            if (existing.isPresent()) {
                session = existing.get();
                created = false;
            } else {
                SparkSession.Builder builder =
                        SparkSession.builder().appName("scorespec").master(master);
                settings().forEach(builder::config);
                session = builder.getOrCreate();
                created = true;
                if (shutdownHook == null) {
                    shutdownHook = new Thread(this::close, "scorespec-spark-stop");
                    Runtime.getRuntime().addShutdownHook(shutdownHook);
                }
            }
        }
        return session;
    }

    /** Whether a session is running that this owner created. */
    public synchronized boolean ownsRunningSession() {
        return created && session != null && !session.sparkContext().isStopped();
    }

    private static Optional<SparkSession> existing() {
        scala.Option<SparkSession> active = SparkSession.getActiveSession();
        if (active.isDefined() && !active.get().sparkContext().isStopped()) {
            return Optional.of(active.get());
        }
        scala.Option<SparkSession> fallback = SparkSession.getDefaultSession();
        if (fallback.isDefined() && !fallback.get().sparkContext().isStopped()) {
            return Optional.of(fallback.get());
        }
        return Optional.empty();
    }

    /** Stops the session if this owner created it; a later {@link #session()} starts a new one. */
    @Override
    public synchronized void close() {
        if (created && session != null) {
            session.stop();
        }
        session = null;
        created = false;
    }
}

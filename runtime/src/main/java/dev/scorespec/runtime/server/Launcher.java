package dev.scorespec.runtime.server;

import dev.scorespec.runtime.binding.ScoringBinder;
import dev.scorespec.runtime.logging.LogFormat;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * Starts the server from a command line: configuration from flags and the environment, the binder from
 * the class path, a JVM shutdown hook for SIGTERM. {@code dev.scorespec.runtime.Main} delegates here.
 *
 * <p>Exit codes: 0 after {@code --help} or {@code --version}; 2 for a configuration error (unknown flag, malformed or
 * out-of-range value); 3 when the server cannot start (no binder or no choice among several, a failing
 * {@code init}, a missing document, a port that cannot be bound).
 */
public final class Launcher {

    public static final int EXIT_CONFIG = 2;
    public static final int EXIT_START = 3;

    /** Said once on standard error when the log would be silent. */
    static final String NO_LOGGING_BACKEND = "scorespec: no SLF4J logging backend is on the class path, so this "
            + "server logs nothing (no start-up line, no access log, no stack traces). Add "
            + "ch.qos.logback:logback-classic at runtime scope to the service's dependencies.";

    private Launcher() {}

    /** Starts, then blocks until the server is closed by the shutdown hook; exits non-zero on failure. */
    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (ConfigParser.wantsHelp(arguments)) {
            System.out.print(ConfigParser.usage());
            return;
        }
        if (ConfigParser.wantsVersion(arguments)) {
            System.out.println(ConfigParser.versionText());
            return;
        }
        ScoringServer server;
        try {
            // the log format before anything is logged: logback configures itself at the first logger
            ServerConfig config = parse(arguments, System.getenv());
            LogFormat.select(config.logFormat());
            if (LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory) {
                System.err.println(NO_LOGGING_BACKEND);
            }
            server = launch(config, Thread.currentThread().getContextClassLoader());
        } catch (LaunchException e) {
            report(e, System.err);
            System.exit(e.exitCode);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "scorespec-shutdown"));
        server.awaitClose();
    }

    /** Parses the configuration, selects the binder, starts the server. */
    static ScoringServer launch(List<String> args, Map<String, String> env, ClassLoader loader) throws LaunchException {
        return launch(parse(args, env), loader);
    }

    private static ServerConfig parse(List<String> args, Map<String, String> env) throws LaunchException {
        try {
            return ConfigParser.parse(args, env);
        } catch (ConfigException e) {
            throw new LaunchException(EXIT_CONFIG, e.getMessage() + " Run with --help to list the options.", null);
        }
    }

    /** Selects the binder, starts the server. */
    static ScoringServer launch(ServerConfig config, ClassLoader loader) throws LaunchException {
        config.sparkMaster().ifPresent(master -> System.setProperty(ServerConfig.SPARK_MASTER_PROPERTY, master));
        try {
            ScoringBinder<?, ?> binder = Binders.load(loader, config.scoringClass());
            return ScoringServer.start(config, binder);
        } catch (ServerStartException e) {
            throw new LaunchException(EXIT_START, e.getMessage(), e.getCause());
        }
    }

    private static void report(LaunchException e, PrintStream err) {
        if (e.exitCode == EXIT_START) {
            // not a static field: the first logger configures logback, which must wait for --log-format
            Logger log = LoggerFactory.getLogger(Launcher.class);
            log.error("The scoring server cannot start: {}", e.getMessage(), e.getCause());
        }
        err.println("scorespec: " + e.getMessage());
        // without an SLF4J provider the log is silent: the cause must still reach someone
        if (e.getCause() != null && LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory) {
            e.getCause().printStackTrace(err);
        }
    }

    /** A start that failed, with the process exit code it calls for. */
    static final class LaunchException extends Exception {
        private static final long serialVersionUID = 1L;
        final int exitCode;

        LaunchException(int exitCode, String message, Throwable cause) {
            super(message, cause);
            this.exitCode = exitCode;
        }
    }
}

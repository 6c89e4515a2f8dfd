package dev.scorespec.runtime.server;

import dev.scorespec.runtime.logging.LogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Reads a {@link ServerConfig} from command-line flags and environment variables, the environment
 * variables having the Python server's names. A flag beats its environment variable; an environment
 * variable set to the empty string counts as unset, except {@code SCORESPEC_AUTH_KEY} and
 * {@code SCORESPEC_AUTH_KEY_FILE}: an empty key is an error, so that a key lost on the way (say, an unset
 * shell variable) cannot turn authentication off unnoticed. Messages never repeat a key.
 *
 * <p>Flags are read by picocli, which also lays out {@code --help} and answers {@code --version}. They are
 * written {@code --port 5001} or {@code --port=5001}; underscores in a flag's name are read as dashes, so
 * the Python server's {@code --model_dir} and {@code --worker_count} work too. An unknown flag, a flag
 * given twice, a missing value, a malformed number or an out-of-range one is a {@link ConfigException},
 * never a silent default.
 */
public final class ConfigParser {

    /** Every setting, with its flag, environment variable and default as shown by {@link #usage()}. */
    public enum Option {
        PORT("--port", "SERVER_PORT", "5001", "Port to listen on, 1-65535."),
        HOST("--host", "SCORESPEC_HOST", "0.0.0.0", "Address to listen on."),
        MODEL_DIR(
                "--model-dir",
                "AZUREML_MODEL_DIR",
                "(not set: the working directory)",
                "Folder with the model files, given to @Init."),
        SERVICE_NAME(
                "--service-name",
                "SERVICE_NAME",
                "(@ScoringService title: " + ServerConfig.DEFAULT_SERVICE_NAME + " unless set)",
                "Title of the served OpenAPI documents."),
        SERVICE_VERSION(
                "--service-version",
                "SERVICE_VERSION",
                "(@ScoringService version: " + ServerConfig.DEFAULT_SERVICE_VERSION + " unless set)",
                "Version of the served OpenAPI documents."),
        SERVICE_PATH_PREFIX(
                "--service-path-prefix",
                "SERVICE_PATH_PREFIX",
                "(none)",
                "Path prefix of the routes and of the documents' paths."),
        SCORING_TIMEOUT_MS(
                "--scoring-timeout-ms",
                "SCORING_TIMEOUT_MS",
                Long.toString(ServerConfig.DEFAULT_SCORING_TIMEOUT_MS),
                "Milliseconds one run may take before the client gets a 500."),
        APP_ROOT(
                "--app-root",
                "AML_APP_ROOT",
                "(the working directory)",
                "Folder searched for swagger.json, swagger2.json, swagger3.json, swagger3.1.json overrides."),
        MAX_REQUEST_BYTES(
                "--max-request-bytes",
                "SCORESPEC_MAX_REQUEST_BYTES",
                Long.toString(ServerConfig.DEFAULT_MAX_REQUEST_BYTES) + " (100 MiB)",
                "Largest request body accepted; larger ones get 413."),
        MAX_BYTES_IN_FLIGHT(
                "--max-bytes-in-flight",
                "SCORESPEC_MAX_BYTES_IN_FLIGHT",
                "(an eighth of the maximum heap)",
                "Most bytes of request bodies held at once; a body that would pass it gets 503 with Retry-After."),
        IDLE_TIMEOUT_SECONDS(
                "--idle-timeout-seconds",
                "SCORESPEC_IDLE_TIMEOUT_SECONDS",
                Integer.toString(ServerConfig.DEFAULT_IDLE_TIMEOUT_SECONDS),
                "Seconds a connection with no request in flight stays open; 0 keeps it open. A request being "
                        + "read, scored or answered is never cut."),
        WORKER_COUNT(
                "--worker-count",
                "WORKER_COUNT",
                "(the number of cores)",
                "Threads that bind, run and write requests concurrently."),
        SCORING_CLASS(
                "--scoring-class",
                "SCORESPEC_SCORING_CLASS",
                "(the only one on the class path)",
                "Fully qualified scoring class to serve when several are on the class path."),
        MODEL_NAME(
                "--model-name",
                "SCORESPEC_MODEL_NAME",
                "(the scoring class's simple name)",
                "Model name of the Open Inference Protocol routes, /v2/models/<name>."),
        MODEL_VERSION(
                "--model-version",
                "SCORESPEC_MODEL_VERSION",
                "(the service version)",
                "Model version of the Open Inference Protocol routes, /v2/models/<name>/versions/<version>."),
        CORS_ORIGINS(
                "--cors-origins", "AML_CORS_ORIGINS", "(CORS off)", "Comma-separated origins allowed by CORS, or *."),
        AUTH_KEY(
                "--auth-key",
                "SCORESPEC_AUTH_KEY",
                "(key authentication off)",
                "Key that /score and /swagger.json require as 'Authorization: Bearer <key>'."),
        AUTH_KEY_FILE(
                "--auth-key-file",
                "SCORESPEC_AUTH_KEY_FILE",
                "(key authentication off)",
                "File holding that key (a trailing line break is ignored); instead of the key itself."),
        BATCH_MAX_ROWS(
                "--batch-max-rows",
                "SCORESPEC_BATCH_MAX_ROWS",
                "(@Batching maxRows: 256 unless set)",
                "Most rows of one run call of a @Batching class; 0 turns batching off."),
        BATCH_MAX_DELAY_MS(
                "--batch-max-delay-ms",
                "SCORESPEC_BATCH_MAX_DELAY_MS",
                "(@Batching maxDelayMs: 5 unless set)",
                "Longest a request of a @Batching class waits for others to share its run call; 0 never waits."),
        SPARK_MASTER(
                "--spark-master",
                ServerConfig.SPARK_MASTER_ENV,
                "local[*] (every core of this machine)",
                "Spark master of a scoring class with Spark samples (local[2], spark://host:7077, yarn, k8s://...)."),
        LOG_FORMAT(
                "--log-format",
                LogFormat.ENV,
                "plain",
                "plain or json (one JSON object per line), for the runtime's default logging (logback without a "
                        + "logback.xml).");

        private final String flag;
        private final String env;
        private final String defaultText;
        private final String description;

        Option(String flag, String env, String defaultText, String description) {
            this.flag = flag;
            this.env = env;
            this.defaultText = defaultText;
            this.description = description;
        }

        public String flag() {
            return flag;
        }

        public String env() {
            return env;
        }

        public String defaultText() {
            return defaultText;
        }

        public String description() {
            return description;
        }
    }

    /** Flags of the Python server whose names differ from ours by more than underscores. */
    private static final Map<String, Option> ALIASES = Map.of("--access-control-allow-origins", Option.CORS_ORIGINS);

    private ConfigParser() {}

    /** Whether the command line asks for {@link #usage()} ({@code --help} or {@code -h}). */
    public static boolean wantsHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    /** Whether the command line asks for {@link #versionText()} ({@code --version} or {@code -V}). */
    public static boolean wantsVersion(List<String> args) {
        return args.contains("--version") || args.contains("-V");
    }

    /** Parses flags and environment variables; the command line's defaults listen on {@code 0.0.0.0}. */
    public static ServerConfig parse(List<String> args, Map<String, String> env) throws ConfigException {
        Map<Option, String> flags = readFlags(args);
        ServerConfig.Builder b = ServerConfig.builder().host("0.0.0.0");
        Optional<Setting> s;

        if ((s = setting(Option.HOST, flags, env)).isPresent()) {
            b.host(s.get().value);
        }
        if ((s = setting(Option.PORT, flags, env)).isPresent()) {
            b.port((int) s.get().number(1, 65535, "a port number from 1 to 65535"));
        }
        if ((s = setting(Option.MODEL_DIR, flags, env)).isPresent()) {
            b.modelDir(s.get().path());
        }
        if ((s = setting(Option.SERVICE_NAME, flags, env)).isPresent()) {
            b.serviceName(s.get().value);
        }
        if ((s = setting(Option.SERVICE_VERSION, flags, env)).isPresent()) {
            b.serviceVersion(s.get().value);
        }
        if ((s = setting(Option.SERVICE_PATH_PREFIX, flags, env)).isPresent()) {
            String problem = ServerConfig.prefixProblem(ServerConfig.normalizePrefix(s.get().value));
            if (problem != null) {
                throw new ConfigException("Invalid " + s.get().source + " '" + s.get().value + "': " + problem + ".");
            }
            b.servicePathPrefix(s.get().value);
        }
        if ((s = setting(Option.SCORING_TIMEOUT_MS, flags, env)).isPresent()) {
            b.scoringTimeoutMs(s.get().number(1, Long.MAX_VALUE, "a whole number of milliseconds, at least 1"));
        }
        if ((s = setting(Option.APP_ROOT, flags, env)).isPresent()) {
            b.appRoot(s.get().path());
        }
        if ((s = setting(Option.MAX_REQUEST_BYTES, flags, env)).isPresent()) {
            b.maxRequestBytes(s.get().number(1, Long.MAX_VALUE, "a whole number of bytes, at least 1"));
        }
        if ((s = setting(Option.MAX_BYTES_IN_FLIGHT, flags, env)).isPresent()) {
            b.maxBytesInFlight(s.get().number(1, Long.MAX_VALUE, "a whole number of bytes, at least 1"));
        }
        if ((s = setting(Option.IDLE_TIMEOUT_SECONDS, flags, env)).isPresent()) {
            b.idleTimeoutSeconds((int) s.get().number(0, 86_400, "a whole number of seconds from 0 to 86400"));
        }
        if ((s = setting(Option.WORKER_COUNT, flags, env)).isPresent()) {
            b.workerCount((int) s.get().number(1, 10_000, "a whole number from 1 to 10000"));
        }
        if ((s = setting(Option.SCORING_CLASS, flags, env)).isPresent()) {
            b.scoringClass(s.get().value.strip());
        }
        if ((s = setting(Option.MODEL_NAME, flags, env)).isPresent()) {
            String problem = ServerConfig.segmentProblem(s.get().value.strip());
            if (problem != null) {
                throw new ConfigException("Invalid " + s.get().source + " '" + s.get().value + "': " + problem + ".");
            }
            b.modelName(s.get().value.strip());
        }
        if ((s = setting(Option.MODEL_VERSION, flags, env)).isPresent()) {
            String problem = ServerConfig.segmentProblem(s.get().value.strip());
            if (problem != null) {
                throw new ConfigException("Invalid " + s.get().source + " '" + s.get().value + "': " + problem + ".");
            }
            b.modelVersion(s.get().value.strip());
        }
        if ((s = setting(Option.CORS_ORIGINS, flags, env)).isPresent()) {
            List<String> origins = new ArrayList<>();
            for (String origin : s.get().value.split(",", -1)) {
                if (!origin.isBlank()) {
                    origins.add(origin.strip());
                }
            }
            if (origins.contains("*") && origins.size() > 1) {
                throw new ConfigException("Invalid " + s.get().source + " '" + s.get().value
                        + "': '*' allows every origin and cannot be listed with others.");
            }
            b.corsOrigins(origins);
        }
        if ((s = setting(Option.BATCH_MAX_ROWS, flags, env)).isPresent()) {
            b.batchMaxRows(
                    (int) s.get().number(0, 1_000_000, "a whole number of rows from 0 (batching off) to 1000000"));
        }
        if ((s = setting(Option.BATCH_MAX_DELAY_MS, flags, env)).isPresent()) {
            b.batchMaxDelayMs((int) s.get().number(0, 60_000, "a whole number of milliseconds from 0 to 60000"));
        }
        if ((s = setting(Option.SPARK_MASTER, flags, env)).isPresent()) {
            b.sparkMaster(s.get().value.strip());
        }
        if ((s = setting(Option.LOG_FORMAT, flags, env)).isPresent()) {
            Setting format = s.get();
            b.logFormat(LogFormat.parse(format.value)
                    .orElseThrow(() -> new ConfigException(
                            "Invalid " + format.source + " '" + format.value + "': expected plain or json.")));
        }
        authKey(flags, env).ifPresent(b::authKey);
        return b.build();
    }

    /** The key from {@link Option#AUTH_KEY} or the file of {@link Option#AUTH_KEY_FILE}; never both. */
    private static Optional<String> authKey(Map<Option, String> flags, Map<String, String> env) throws ConfigException {
        for (Option o : List.of(Option.AUTH_KEY, Option.AUTH_KEY_FILE)) {
            String value = env.get(o.env);
            if (!flags.containsKey(o) && value != null && value.isEmpty()) {
                throw new ConfigException("The environment variable " + o.env + " is set but empty. Unset it to serve "
                        + "without key authentication, or give it a " + (o == Option.AUTH_KEY ? "key." : "file."));
            }
        }
        Optional<Setting> key = setting(Option.AUTH_KEY, flags, env);
        Optional<Setting> file = setting(Option.AUTH_KEY_FILE, flags, env);
        if (key.isPresent() && file.isPresent()) {
            throw new ConfigException("The key is given twice, by " + key.get().source + " and by " + file.get().source
                    + ". Give either the key or a file holding it.");
        }
        if (key.isPresent()) {
            String problem = ServerConfig.authKeyProblem(key.get().value);
            if (problem != null) {
                throw new ConfigException("Invalid " + key.get().source + ": " + problem + ".");
            }
            return Optional.of(key.get().value);
        }
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Path path = file.get().path();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigException("Cannot read the key file " + path + " (" + file.get().source + "): " + e + ".");
        }
        // the key is the file's line: editors and echo end it with a line break
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        String stripped = text.substring(0, end);
        String problem = ServerConfig.authKeyProblem(stripped);
        if (problem != null) {
            throw new ConfigException("Invalid key file " + path + " (" + file.get().source + "): " + problem + ".");
        }
        return Optional.of(stripped);
    }

    /** The help text: every flag with its environment variable and default, laid out by picocli. */
    public static String usage() {
        return new CommandLine(command(new IdentityHashMap<>())).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** What {@code --version} prints: the runtime's name and version. */
    public static String versionText() {
        return String.join(
                System.lineSeparator(), command(new IdentityHashMap<>()).version());
    }

    /**
     * The command line as picocli sees it, built from {@link Option} so that every flag is declared once.
     * Each flag is read as text; the value is checked afterwards, with its environment variable, so that
     * both give the same messages.
     */
    private static CommandSpec command(IdentityHashMap<OptionSpec, Option> options) {
        CommandSpec spec = CommandSpec.create()
                .name("java -cp <class path> dev.scorespec.runtime.Main")
                .mixinStandardHelpOptions(true)
                .version("ScoreSpec runtime " + runtimeVersion());
        spec.usageMessage()
                .description("Serves the scoring class whose ScoreSpec binder is on the class path, with the HTTP "
                        + "contract of azureml-inference-server-http. Flags beat environment variables; an empty "
                        + "environment variable counts as unset.")
                .sortOptions(false);
        spec.parser().overwrittenOptionsAllowed(false).abbreviatedOptionsAllowed(false);
        for (Option o : Option.values()) {
            List<String> names = new ArrayList<>(List.of(o.flag));
            ALIASES.forEach((alias, target) -> {
                if (target == o) {
                    names.add(alias);
                }
            });
            OptionSpec spec1 = OptionSpec.builder(names.toArray(String[]::new))
                    .paramLabel("<value>")
                    .type(String.class)
                    .description(o.description, "Environment: " + o.env + "; default: " + o.defaultText)
                    .build();
            spec.addOption(spec1);
            options.put(spec1, o);
        }
        return spec;
    }

    static String runtimeVersion() {
        Properties properties = new Properties();
        try (InputStream in = ConfigParser.class.getResourceAsStream("scorespec.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "(unknown version)");
    }

    /**
     * The flags given, by option. Picocli reads them; its errors are reworded here into the messages this
     * class has always given (they name the flag as documented and say what to do).
     */
    private static Map<Option, String> readFlags(List<String> args) throws ConfigException {
        List<String> normalized = new ArrayList<>(args.size());
        for (String arg : args) {
            if (arg.equals("--")) {
                throw unexpected(arg); // picocli would take it as the end of the options
            }
            int eq = arg.indexOf('=');
            // the Python server's flags are written with underscores: --model_dir
            normalized.add(
                    !arg.startsWith("--")
                            ? arg
                            : eq < 0
                                    ? arg.replace('_', '-')
                                    : arg.substring(0, eq).replace('_', '-') + arg.substring(eq));
        }
        IdentityHashMap<OptionSpec, Option> options = new IdentityHashMap<>();
        CommandLine.ParseResult result;
        try {
            result = new CommandLine(command(options)).parseArgs(normalized.toArray(String[]::new));
        } catch (CommandLine.UnmatchedArgumentException e) {
            String arg = e.getUnmatched().isEmpty() ? "" : e.getUnmatched().get(0);
            if (arg.startsWith("--") && arg.length() > 2) {
                int eq = arg.indexOf('=');
                throw new ConfigException("Unknown option '" + (eq < 0 ? arg : arg.substring(0, eq))
                        + "'. Known options: " + knownFlags() + ".");
            }
            throw unexpected(arg);
        } catch (CommandLine.MissingParameterException e) {
            throw new ConfigException("Option " + flagOf(e.getMissing().get(0), options) + " needs a value.");
        } catch (CommandLine.OverwrittenOptionException e) {
            throw new ConfigException("Option " + flagOf(e.getOverwritten(), options) + " is given more than once.");
        } catch (CommandLine.ParameterException e) {
            throw new ConfigException(e.getMessage() + ". Run with --help to list the options.");
        }
        Map<Option, String> flags = new EnumMap<>(Option.class);
        for (OptionSpec given : result.matchedOptions()) {
            Option option = options.get(given);
            if (option == null) {
                continue; // --help and --version, which the launcher answers before parsing
            }
            String value = given.getValue();
            if (value == null || value.isEmpty()) {
                throw new ConfigException("Option " + option.flag + " needs a value.");
            }
            flags.put(option, value);
        }
        return flags;
    }

    private static ConfigException unexpected(String arg) {
        return new ConfigException("Unexpected argument '" + arg + "'. Options are written --name value "
                + "or --name=value; run with --help to list them.");
    }

    private static String flagOf(CommandLine.Model.ArgSpec arg, IdentityHashMap<OptionSpec, Option> options) {
        Option option = arg instanceof OptionSpec ? options.get(arg) : null;
        return option != null ? option.flag : arg.paramLabel();
    }

    private static String knownFlags() {
        StringBuilder s = new StringBuilder();
        for (Option o : Option.values()) {
            s.append(s.length() == 0 ? "" : ", ").append(o.flag);
        }
        return s.append(", --help, --version").toString();
    }

    private static Optional<Setting> setting(Option option, Map<Option, String> flags, Map<String, String> env) {
        String flag = flags.get(option);
        if (flag != null) {
            return Optional.of(new Setting(option.flag, flag));
        }
        String value = env.get(option.env);
        if (value != null && !value.isEmpty()) {
            return Optional.of(new Setting("environment variable " + option.env, value));
        }
        return Optional.empty();
    }

    /** One value with where it came from, for messages. */
    private static final class Setting {
        final String source;
        final String value;

        Setting(String source, String value) {
            this.source = source;
            this.value = value;
        }

        long number(long min, long max, String expected) throws ConfigException {
            long n;
            try {
                n = Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new ConfigException("Invalid " + source + " '" + value + "': expected " + expected + ".");
            }
            if (n < min || n > max) {
                throw new ConfigException("Invalid " + source + " '" + value + "': expected " + expected + ".");
            }
            return n;
        }

        Path path() throws ConfigException {
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                throw new ConfigException("Invalid " + source + " '" + value + "': " + e.getMessage() + ".");
            }
        }
    }
}

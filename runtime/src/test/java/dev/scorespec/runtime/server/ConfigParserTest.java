package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorespec.runtime.logging.LogFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigParserTest {

    private static ServerConfig parse(List<String> args, Map<String, String> env) throws ConfigException {
        return ConfigParser.parse(args, env);
    }

    private static String error(List<String> args, Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> parse(args, env)).getMessage();
    }

    @Test
    void defaults() throws Exception {
        ServerConfig c = parse(List.of(), Map.of());
        assertEquals("0.0.0.0", c.host());
        assertEquals(5001, c.port());
        assertEquals(Optional.empty(), c.modelDirPath());
        assertFalse(c.modelDir().isConfigured());
        assertEquals("ML service", c.serviceName());
        assertEquals("1.0", c.serviceVersion());
        assertEquals(Optional.empty(), c.configuredServiceName(), "the documents keep their compiled title");
        assertEquals(Optional.empty(), c.configuredServiceVersion(), "the documents keep their compiled version");
        assertEquals("", c.servicePathPrefix());
        assertEquals(3_600_000L, c.scoringTimeoutMs());
        assertEquals(Path.of("").toAbsolutePath(), c.appRoot());
        assertEquals(100L * 1024 * 1024, c.maxRequestBytes());
        assertEquals(Runtime.getRuntime().availableProcessors(), c.workerCount());
        assertEquals(Optional.empty(), c.scoringClass());
        assertEquals(List.of(), c.corsOrigins());
    }

    @Test
    void environmentVariablesHaveThePythonServersNames() throws Exception {
        ServerConfig c = parse(
                List.of(),
                Map.ofEntries(
                        Map.entry("SERVER_PORT", "6000"),
                        Map.entry("SCORESPEC_HOST", "127.0.0.1"),
                        Map.entry("AZUREML_MODEL_DIR", "/models"),
                        Map.entry("SERVICE_NAME", "ridge"),
                        Map.entry("SERVICE_VERSION", "2.1"),
                        Map.entry("SERVICE_PATH_PREFIX", "api/v1/"),
                        Map.entry("SCORING_TIMEOUT_MS", "1500"),
                        Map.entry("AML_APP_ROOT", "/app"),
                        Map.entry("SCORESPEC_MAX_REQUEST_BYTES", "2048"),
                        Map.entry("WORKER_COUNT", "3"),
                        Map.entry("SCORESPEC_SCORING_CLASS", "com.example.Ridge"),
                        Map.entry("AML_CORS_ORIGINS", "https://a.example, https://b.example")));
        assertEquals(6000, c.port());
        assertEquals("127.0.0.1", c.host());
        assertEquals(Optional.of(Path.of("/models")), c.modelDirPath());
        assertTrue(c.modelDir().isConfigured());
        assertEquals("ridge", c.serviceName());
        assertEquals("2.1", c.serviceVersion());
        assertEquals("/api/v1", c.servicePathPrefix());
        assertEquals(1500, c.scoringTimeoutMs());
        assertEquals(Path.of("/app"), c.appRoot());
        assertEquals(2048, c.maxRequestBytes());
        assertEquals(3, c.workerCount());
        assertEquals(Optional.of("com.example.Ridge"), c.scoringClass());
        assertEquals(List.of("https://a.example", "https://b.example"), c.corsOrigins());
    }

    @Test
    void flagsInBothFormsBeatTheEnvironment() throws Exception {
        ServerConfig c = parse(
                List.of(
                        "--port",
                        "7000",
                        "--service-name=flagged",
                        "--scoring-timeout-ms=10",
                        "--worker-count",
                        "5",
                        "--max-request-bytes=99",
                        "--scoring-class",
                        "a.B",
                        "--app-root",
                        "/root2",
                        "--model-dir=/m2",
                        "--service-version",
                        "3",
                        "--service-path-prefix=/x/",
                        "--host",
                        "::1",
                        "--cors-origins",
                        "*"),
                Map.of("SERVER_PORT", "6000", "SERVICE_NAME", "env", "SCORING_TIMEOUT_MS", "20", "WORKER_COUNT", "2"));
        assertEquals(7000, c.port());
        assertEquals("flagged", c.serviceName());
        assertEquals(10, c.scoringTimeoutMs());
        assertEquals(5, c.workerCount());
        assertEquals(99, c.maxRequestBytes());
        assertEquals(Optional.of("a.B"), c.scoringClass());
        assertEquals(Path.of("/root2"), c.appRoot());
        assertEquals(Optional.of(Path.of("/m2")), c.modelDirPath());
        assertEquals("3", c.serviceVersion());
        assertEquals("/x", c.servicePathPrefix());
        assertEquals("::1", c.host());
        assertEquals(List.of("*"), c.corsOrigins());
    }

    @Test
    void theSparkMasterComesFromTheFlagOrTheEnvironment() throws Exception {
        assertEquals(Optional.empty(), parse(List.of(), Map.of()).sparkMaster());
        assertEquals(
                Optional.of("local[2]"),
                parse(List.of(), Map.of("SCORESPEC_SPARK_MASTER", "local[2]")).sparkMaster());
        assertEquals(
                Optional.of("spark://h:7077"),
                parse(List.of("--spark-master", "spark://h:7077"), Map.of("SCORESPEC_SPARK_MASTER", "local[2]"))
                        .sparkMaster());
    }

    @Test
    void thePythonServersFlagSpellingsWork() throws Exception {
        ServerConfig c = parse(
                List.of("--model_dir", "/m", "--worker_count=4", "--access_control_allow_origins", "https://a.example"),
                Map.of());
        assertEquals(Optional.of(Path.of("/m")), c.modelDirPath());
        assertEquals(4, c.workerCount());
        assertEquals(List.of("https://a.example"), c.corsOrigins());
    }

    @Test
    void emptyEnvironmentVariablesCountAsUnset() throws Exception {
        ServerConfig c = parse(List.of(), Map.of("SERVER_PORT", "", "SERVICE_NAME", "", "WORKER_COUNT", ""));
        assertEquals(5001, c.port());
        assertEquals("ML service", c.serviceName());
        assertEquals(Optional.empty(), c.configuredServiceName());
    }

    @Test
    void theOpenInferenceModelNameAndVersionAreOnePathSegmentEach() throws Exception {
        ServerConfig c = parse(List.of("--model-name", "diabetes"), Map.of("SCORESPEC_MODEL_VERSION", "3"));
        assertEquals(Optional.of("diabetes"), c.modelName());
        assertEquals(Optional.of("3"), c.modelVersion());
        assertEquals(Optional.empty(), parse(List.of(), Map.of()).modelName());
        assertEquals(
                "Invalid --model-name 'a/b': it must be one path segment: not empty, without '/', '%', '?', '#' or white"
                        + " space.",
                error(List.of("--model-name", "a/b"), Map.of()));
        assertEquals(
                "Invalid environment variable SCORESPEC_MODEL_VERSION '1 2': it must be one path segment: not empty, without '/', '%', '?',"
                        + " '#' or white space.",
                error(List.of(), Map.of("SCORESPEC_MODEL_VERSION", "1 2")));
    }

    @Test
    void unknownFlagIsAnError() {
        String m = error(List.of("--prot", "5001"), Map.of());
        assertTrue(m.startsWith("Unknown option '--prot'."), m);
        assertTrue(m.contains("--port"), m);
    }

    @Test
    void positionalArgumentIsAnError() {
        assertTrue(error(List.of("5001"), Map.of()).startsWith("Unexpected argument '5001'"));
        assertTrue(error(List.of("-p", "5001"), Map.of()).startsWith("Unexpected argument '-p'"));
        assertTrue(error(List.of("--"), Map.of()).startsWith("Unexpected argument '--'"));
    }

    @Test
    void flagWithoutValueIsAnError() {
        assertEquals("Option --port needs a value.", error(List.of("--port"), Map.of()));
        assertEquals("Option --port needs a value.", error(List.of("--port="), Map.of()));
        assertEquals("Option --port needs a value.", error(List.of("--port", "--host", "x"), Map.of()));
    }

    @Test
    void batchLimitsOverrideTheAnnotationFlagsBeatingTheEnvironment() throws Exception {
        ServerConfig none = parse(List.of(), Map.of());
        assertEquals(Optional.empty(), none.batchMaxRows());
        assertEquals(Optional.empty(), none.batchMaxDelayMs());
        ServerConfig env =
                parse(List.of(), Map.of("SCORESPEC_BATCH_MAX_ROWS", "32", "SCORESPEC_BATCH_MAX_DELAY_MS", "0"));
        assertEquals(Optional.of(32), env.batchMaxRows());
        assertEquals(Optional.of(0), env.batchMaxDelayMs());
        ServerConfig flags = parse(
                List.of("--batch-max-rows", "0", "--batch_max_delay_ms=12"),
                Map.of("SCORESPEC_BATCH_MAX_ROWS", "32", "SCORESPEC_BATCH_MAX_DELAY_MS", "1"));
        assertEquals(Optional.of(0), flags.batchMaxRows(), "0 turns batching off");
        assertEquals(Optional.of(12), flags.batchMaxDelayMs());
        assertEquals(
                "Invalid --batch-max-rows '-1': expected a whole number of rows from 0 (batching off) to 1000000.",
                error(List.of("--batch-max-rows", "-1"), Map.of()));
        assertEquals(
                "Invalid environment variable SCORESPEC_BATCH_MAX_DELAY_MS '5ms': expected a whole number of"
                        + " milliseconds from 0 to 60000.",
                error(List.of(), Map.of("SCORESPEC_BATCH_MAX_DELAY_MS", "5ms")));
    }

    @Test
    void logFormatIsPlainOrJson() throws Exception {
        assertEquals(LogFormat.PLAIN, parse(List.of(), Map.of()).logFormat());
        assertEquals(
                LogFormat.JSON, parse(List.of("--log-format", "json"), Map.of()).logFormat());
        assertEquals(
                LogFormat.JSON, parse(List.of("--log_format=JSON"), Map.of()).logFormat());
        assertEquals(
                LogFormat.JSON,
                parse(List.of(), Map.of("SCORESPEC_LOG_FORMAT", "json")).logFormat());
        assertEquals(
                LogFormat.PLAIN,
                parse(List.of("--log-format", "plain"), Map.of("SCORESPEC_LOG_FORMAT", "json"))
                        .logFormat(),
                "the flag beats the environment");
        assertEquals(
                "Invalid --log-format 'xml': expected plain or json.", error(List.of("--log-format", "xml"), Map.of()));
        assertEquals(
                "Invalid environment variable SCORESPEC_LOG_FORMAT 'logfmt': expected plain or json.",
                error(List.of(), Map.of("SCORESPEC_LOG_FORMAT", "logfmt")));
    }

    @Test
    void repeatedFlagIsAnError() {
        assertEquals("Option --port is given more than once.", error(List.of("--port=1", "--port", "2"), Map.of()));
    }

    @Test
    void malformedNumbersAreErrorsNamingTheirSource() {
        assertEquals(
                "Invalid --port 'abc': expected a port number from 1 to 65535.",
                error(List.of("--port", "abc"), Map.of()));
        assertEquals(
                "Invalid environment variable SERVER_PORT '50x1': expected a port number from 1 to 65535.",
                error(List.of(), Map.of("SERVER_PORT", "50x1")));
        assertTrue(error(List.of(), Map.of("SCORING_TIMEOUT_MS", "1.5")).contains("SCORING_TIMEOUT_MS"));
        assertTrue(error(List.of(), Map.of("WORKER_COUNT", "many")).contains("WORKER_COUNT"));
        assertTrue(error(List.of("--max-request-bytes", "100MB"), Map.of()).contains("--max-request-bytes"));
    }

    @Test
    void outOfRangeNumbersAreErrors() {
        for (String port : List.of("0", "-1", "65536", "99999999999999999999")) {
            assertTrue(error(List.of("--port=" + port), Map.of()).startsWith("Invalid --port"), port);
        }
        assertTrue(error(List.of("--scoring-timeout-ms", "0"), Map.of()).startsWith("Invalid --scoring-timeout-ms"));
        assertTrue(error(List.of("--worker-count", "0"), Map.of()).startsWith("Invalid --worker-count"));
        assertTrue(error(List.of("--max-request-bytes", "-5"), Map.of()).startsWith("Invalid --max-request-bytes"));
        assertEquals(65535, assertDoesNotThrowPort("65535"));
        assertEquals(1, assertDoesNotThrowPort("1"));
    }

    private static int assertDoesNotThrowPort(String port) {
        try {
            return parse(List.of("--port", port), Map.of()).port();
        } catch (ConfigException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void starCannotBeMixedWithOrigins() {
        assertTrue(error(List.of(), Map.of("AML_CORS_ORIGINS", "*, https://a.example"))
                .contains("'*'"));
    }

    @Test
    void helpIsRecognizedAndListsEveryOption() {
        assertTrue(ConfigParser.wantsHelp(List.of("--port", "1", "--help")));
        assertTrue(ConfigParser.wantsHelp(List.of("-h")));
        assertFalse(ConfigParser.wantsHelp(List.of("--port", "1")));
        String usage = ConfigParser.usage();
        for (ConfigParser.Option o : ConfigParser.Option.values()) {
            assertTrue(usage.contains(o.flag()), o.flag());
            assertTrue(usage.contains(o.env()), o.env());
        }
    }

    @Test
    void helpShowsEachFlagWithItsEnvironmentVariableAndVersionIsAnswered() {
        String usage = ConfigParser.usage();
        assertTrue(usage.contains("--version"), usage);
        assertTrue(
                usage.contains("--cors-origins, --access-control-allow-origins=<value>")
                        || usage.contains("--access-control-allow-origins, --cors-origins=<value>"),
                usage);
        assertTrue(usage.contains("Environment: SERVER_PORT; default: 5001"), usage);
        assertTrue(ConfigParser.wantsVersion(List.of("--version")));
        assertTrue(ConfigParser.wantsVersion(List.of("-V")));
        assertFalse(ConfigParser.wantsVersion(List.of("--port", "1")));
        // the version Maven filtered into the runtime's resources, not the fallback
        assertTrue(
                ConfigParser.versionText().matches("ScoreSpec runtime \\d+\\.\\d+\\.\\d+.*"),
                ConfigParser.versionText());
    }

    @Test
    void helpAndVersionAreNotConfigurationErrors() throws ConfigException {
        assertEquals(5001, parse(List.of("--version"), Map.of()).port());
        assertEquals(7, parse(List.of("--help", "--port", "7"), Map.of()).port());
    }

    @Test
    void builderChecksItsValues() {
        assertThrows(
                IllegalArgumentException.class, () -> ServerConfig.builder().port(65536));
        assertThrows(
                IllegalArgumentException.class, () -> ServerConfig.builder().port(-1));
        assertThrows(
                IllegalArgumentException.class, () -> ServerConfig.builder().workerCount(0));
        assertThrows(
                IllegalArgumentException.class, () -> ServerConfig.builder().scoringTimeoutMs(0));
        assertThrows(
                IllegalArgumentException.class, () -> ServerConfig.builder().maxRequestBytes(0));
        ServerConfig c = ServerConfig.builder().port(0).build();
        assertEquals("127.0.0.1", c.host(), "embedding listens on loopback by default");
        assertEquals(0, c.port());
        assertEquals(c.toString(), c.toBuilder().build().toString());
    }
}

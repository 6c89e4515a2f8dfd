package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key authentication: its configuration, and what it guards over real loopback HTTP. */
class KeyAuthTest {

    private static final String KEY = "s3cr3t-Key_0123456789+/=";
    private static final String SUM = "{\"data\": [[1, 2, 3]]}";

    private static ScoringServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        server = ScoringServer.start(
                ServerConfig.builder()
                        .port(0)
                        .workerCount(2)
                        .authKey(KEY)
                        .servicePathPrefix("api")
                        .corsOrigins(List.of("https://app.example"))
                        .build(),
                new TestBinders.Sum());
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- over HTTP

    @Test
    void scoreAndDocumentsAnswerWithTheKey() {
        Http.Reply score = http.postJson("/score", SUM, "Authorization", "Bearer " + KEY);
        assertEquals(200, score.status(), score.toString());
        assertEquals("[6.0]", score.body());
        Http.Reply get = http.get("/api/score?data=[[1,1,1]]", "Authorization", "bearer   " + KEY);
        assertEquals(200, get.status(), get.toString());
        assertEquals("[3.0]", get.body());
        Http.Reply swagger = http.get("/swagger.json?version=3.1", "Authorization", "Bearer " + KEY);
        assertEquals(200, swagger.status(), swagger.toString());
        assertEquals("3.1.0", swagger.json().getString("openapi"));
    }

    @Test
    void withoutAKeyScoreAndDocumentsAre401() {
        for (Http.Reply r : List.of(
                http.postJson("/score", SUM),
                http.get("/score?data=[[1,1,1]]"),
                http.get("/api/score?data=[[1,1,1]]"),
                http.method("PUT", "/score"),
                http.get("/swagger.json"),
                http.get("/api/swagger.json?version=3"),
                http.method("HEAD", "/swagger.json"))) {
            assertEquals(401, r.status(), r.toString());
            assertEquals("Bearer", r.header("www-authenticate"), r.toString());
            if (!r.response.request().method().equals("HEAD")) {
                assertEquals(Responses.JSON, r.header("content-type"));
                assertEquals(KeyAuth.MISSING, r.message());
            }
            assertTrue(r.header("x-request-id") != null, r.toString());
        }
    }

    @Test
    void aWrongKeyIs401InvalidToken() {
        for (String wrong : List.of(
                "Bearer wrong",
                "Bearer " + KEY + "x",
                "Bearer " + KEY.substring(1),
                "Bearer " + KEY.toUpperCase(),
                "Bearer " + KEY + " " + KEY)) {
            Http.Reply r = http.postJson("/score", SUM, "Authorization", wrong);
            assertEquals(401, r.status(), wrong);
            assertEquals("Bearer error=\"invalid_token\"", r.header("www-authenticate"));
            assertEquals(KeyAuth.WRONG_KEY, r.message());
        }
    }

    @Test
    void anotherSchemeIs401() {
        for (String other : List.of(KEY, "Basic " + KEY, "Bearer", "Bearer ", "Token " + KEY)) {
            Http.Reply r = http.postJson("/score", SUM, "Authorization", other);
            assertEquals(401, r.status(), other);
            assertEquals("Bearer", r.header("www-authenticate"));
            assertEquals(KeyAuth.NOT_BEARER, r.message(), other);
        }
    }

    @Test
    void healthAndUnknownPathsStayOpen() {
        assertEquals("Healthy", http.get("/").body());
        assertEquals("Healthy", http.get("/api").body());
        assertEquals(404, http.get("/predict").status());
    }

    @Test
    void corsPreflightStaysOpenAndA401CarriesCorsHeaders() {
        Http.Reply preflight = http.method(
                "OPTIONS",
                "/score",
                "Origin",
                "https://app.example",
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "authorization, content-type");
        assertEquals(204, preflight.status(), preflight.toString());
        assertEquals("https://app.example", preflight.header("access-control-allow-origin"));
        assertEquals("authorization, content-type", preflight.header("access-control-allow-headers"));

        Http.Reply denied = http.postJson("/score", SUM, "Origin", "https://app.example");
        assertEquals(401, denied.status());
        assertEquals("https://app.example", denied.header("access-control-allow-origin"));
    }

    @Test
    void withoutAKeyConfiguredNothingIsAsked() throws Exception {
        try (ScoringServer open = ScoringServer.start(
                ServerConfig.builder().port(0).workerCount(1).build(), new TestBinders.Sum())) {
            Http plain = new Http(open.port());
            Http.Reply score = plain.postJson("/score", SUM);
            assertEquals(200, score.status());
            assertNull(score.header("www-authenticate"));
            // a key nobody asked for is ignored, as the Python server ignores it
            assertEquals(
                    200,
                    plain.postJson("/score", SUM, "Authorization", "Bearer whatever")
                            .status());
            assertEquals(200, plain.get("/swagger.json").status());
        }
    }

    // ---- configuration

    private static ServerConfig parse(List<String> args, Map<String, String> env) throws ConfigException {
        return ConfigParser.parse(args, env);
    }

    private static String error(List<String> args, Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> parse(args, env)).getMessage();
    }

    @Test
    void theKeyComesFromTheEnvironmentAFlagOrAFile(@TempDir Path dir) throws Exception {
        assertEquals(Optional.empty(), parse(List.of(), Map.of()).authKey());
        assertEquals(
                Optional.of("abc"),
                parse(List.of(), Map.of("SCORESPEC_AUTH_KEY", "abc")).authKey());
        assertEquals(
                Optional.of("def"),
                parse(List.of("--auth-key", "def"), Map.of("SCORESPEC_AUTH_KEY", "abc"))
                        .authKey());
        Path file = dir.resolve("key");
        Files.writeString(file, "from-a-file\r\n\n");
        assertEquals(
                Optional.of("from-a-file"),
                parse(List.of(), Map.of("SCORESPEC_AUTH_KEY_FILE", file.toString()))
                        .authKey());
        assertEquals(
                Optional.of("from-a-file"),
                parse(List.of("--auth_key_file=" + file), Map.of()).authKey());
    }

    @Test
    void keyMistakesAreConfigurationErrorsThatNeverRepeatTheKey(@TempDir Path dir) throws Exception {
        assertEquals(
                "The environment variable SCORESPEC_AUTH_KEY is set but empty. Unset it to serve without key "
                        + "authentication, or give it a key.",
                error(List.of(), Map.of("SCORESPEC_AUTH_KEY", "")));
        assertEquals(
                "The environment variable SCORESPEC_AUTH_KEY_FILE is set but empty. Unset it to serve without key "
                        + "authentication, or give it a file.",
                error(List.of(), Map.of("SCORESPEC_AUTH_KEY_FILE", "")));
        Path file = dir.resolve("key");
        Files.writeString(file, "k");
        assertEquals(
                "The key is given twice, by environment variable SCORESPEC_AUTH_KEY and by --auth-key-file. "
                        + "Give either the key or a file holding it.",
                error(List.of("--auth-key-file", file.toString()), Map.of("SCORESPEC_AUTH_KEY", "abc")));
        assertEquals(
                "Invalid --auth-key: the key holds whitespace at position 4; a key may hold only visible ASCII "
                        + "characters, which a header carries unchanged.",
                error(List.of("--auth-key=top secret"), Map.of()));
        assertEquals(
                "Invalid environment variable SCORESPEC_AUTH_KEY: the key holds the character U+00E9 at position 3; "
                        + "a key may hold only visible ASCII characters, which a header carries unchanged.",
                error(List.of(), Map.of("SCORESPEC_AUTH_KEY", "clé")));

        Path empty = dir.resolve("empty");
        Files.writeString(empty, "\n");
        assertEquals(
                "Invalid key file " + empty + " (--auth-key-file): the key is empty.",
                error(List.of("--auth-key-file", empty.toString()), Map.of()));
        Path twoLines = dir.resolve("two-lines");
        Files.writeString(twoLines, "first\nsecond\n");
        String e = error(List.of(), Map.of("SCORESPEC_AUTH_KEY_FILE", twoLines.toString()));
        assertEquals(
                "Invalid key file " + twoLines + " (environment variable SCORESPEC_AUTH_KEY_FILE): the key holds "
                        + "whitespace at position 6; a key may hold only visible ASCII characters, which a header carries "
                        + "unchanged.",
                e);
        assertFalse(e.contains("first") || e.contains("second"), e);
        Path missing = dir.resolve("missing");
        assertTrue(error(List.of("--auth-key-file", missing.toString()), Map.of())
                .startsWith("Cannot read the key file " + missing
                        + " (--auth-key-file): java.nio.file.NoSuchFileException"));
    }

    @Test
    void theBuilderChecksTheKeyAndToStringHidesIt() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ServerConfig.builder().authKey(""));
        assertEquals("Invalid authentication key: the key is empty.", e.getMessage());
        String shown = ServerConfig.builder().authKey(KEY).build().toString();
        assertTrue(shown.contains("authKey=(set)"), shown);
        assertFalse(shown.contains(KEY), shown);
        assertTrue(ServerConfig.builder().build().toString().contains("authKey=(authentication off)"));
    }
}

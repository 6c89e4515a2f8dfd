package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings that would start a server that cannot work are refused at start-up, naming the fix. */
class StartUpChecksTest {

    private static String error(Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> ConfigParser.parse(List.of(), env))
                .getMessage();
    }

    @Test
    void aPrefixARequestPathCannotCarryIsRefused() {
        String m = error(Map.of("SERVICE_PATH_PREFIX", "/a b"));
        assertEquals(
                "Invalid environment variable SERVICE_PATH_PREFIX '/a b': it holds a space at position 3, which a "
                        + "request path cannot carry as it is; use letters, digits and - . _ ~ only.",
                m);
        for (String prefix : List.of("/a?b", "/a#b", "/a%20b", "/é", "/a//b", "/a/../b", "/./a")) {
            assertTrue(
                    error(Map.of("SERVICE_PATH_PREFIX", prefix))
                            .startsWith("Invalid environment variable " + "SERVICE_PATH_PREFIX '" + prefix + "'"),
                    prefix);
        }
        assertThrows(
                IllegalArgumentException.class, () -> ServerConfig.builder().servicePathPrefix("/a b"));
    }

    @Test
    void aPrefixThatShadowsARouteIsRefused() {
        for (String prefix : List.of("/score", "score/", "/swagger.json", "/docs", "/docs/v1")) {
            String m = assertThrows(
                            ConfigException.class,
                            () -> ConfigParser.parse(List.of("--service-path-prefix", prefix), Map.of()))
                    .getMessage();
            assertTrue(m.contains("would answer in its place; choose another prefix"), m);
        }
    }

    @Test
    void usualPrefixesAreAccepted() throws ConfigException {
        for (String prefix : List.of("/api/v1", "api", "/models/ridge-2_0~x", "/", "/scores", "/v1/score")) {
            ConfigParser.parse(List.of("--service-path-prefix", prefix), Map.of());
        }
    }

    @Test
    void aKeyTooLongForAHeaderIsRefused() throws ConfigException {
        String tooLong = "k".repeat(ServerConfig.MAX_AUTH_KEY_LENGTH + 1);
        String m = error(Map.of("SCORESPEC_AUTH_KEY", tooLong));
        assertTrue(
                m.startsWith("Invalid environment variable SCORESPEC_AUTH_KEY: the key has 8193 characters; a key "
                        + "may have at most 8192"),
                m);
        assertTrue(!m.contains(tooLong), "the key is never repeated");
        assertThrows(
                IllegalArgumentException.class, () -> ServerConfig.builder().authKey(tooLong));
    }

    @Test
    void theLongestKeyAuthenticates() throws Exception {
        String longest = "k".repeat(ServerConfig.MAX_AUTH_KEY_LENGTH);
        try (ScoringServer server = ScoringServer.start(
                ServerConfig.builder().port(0).authKey(longest).build(), new TestBinders.Sum())) {
            Http.Reply r = new Http(server.port())
                    .postJson(
                            "/score",
                            "{\"data\": [[1,2,3]]}",
                            "Authorization",
                            "Bearer " + longest,
                            "x-padding",
                            "p".repeat(8_000));
            assertEquals(200, r.status(), r.toString());
        }
    }
}

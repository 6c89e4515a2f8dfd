package dev.scorespec.runtime.server;

import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Key authentication, as an Azure ML online endpoint asks for it: {@code Authorization: Bearer <key>}.
 * A request without the right key is answered {@code 401} with {@code WWW-Authenticate: Bearer} and a JSON
 * message.
 *
 * <p>The key is compared as a SHA-256 digest with {@link MessageDigest#isEqual}, so the time a comparison
 * takes depends neither on how much of the key a guess gets right nor on the key's length.
 */
final class KeyAuth {

    static final String MISSING = "This service requires a key: send the header 'Authorization: Bearer <key>'.";
    static final String NOT_BEARER = "The Authorization header must be 'Bearer <key>'.";
    static final String WRONG_KEY = "The key is not valid.";

    private static final String SCHEME = "bearer ";

    private final byte[] keyDigest;

    KeyAuth(String key) {
        this.keyDigest = sha256(key);
    }

    /** Whether the request carries the key; when it does not, it has been answered 401. */
    boolean admit(RoutingContext ctx) {
        String header = ctx.request().getHeader("authorization");
        if (header == null) {
            reject(ctx, "Bearer", MISSING);
            return false;
        }
        // the scheme is case-insensitive (RFC 9110), the key is not
        String value = header.strip();
        if (value.length() <= SCHEME.length()
                || !value.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            reject(ctx, "Bearer", NOT_BEARER);
            return false;
        }
        String given = value.substring(SCHEME.length()).strip();
        if (!MessageDigest.isEqual(keyDigest, sha256(given))) {
            reject(ctx, "Bearer error=\"invalid_token\"", WRONG_KEY);
            return false;
        }
        return true;
    }

    private static void reject(RoutingContext ctx, String challenge, String message) {
        if (Responses.writable(ctx)) {
            ctx.response().putHeader("www-authenticate", challenge);
            Responses.error(ctx, 401, message);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}

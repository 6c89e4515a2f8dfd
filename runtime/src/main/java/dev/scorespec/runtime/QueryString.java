package dev.scorespec.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a query string as werkzeug does for the Python server: pairs separated by {@code &} (not
 * {@code ;}), {@code +} as a space, percent escapes as UTF-8 with malformed escapes kept as they are and
 * malformed UTF-8 replaced, names case-sensitive, in order of first appearance, a name without {@code =}
 * having the empty value. {@link ScoringRequest#queryParameters()} and the server's {@code GET /score} and
 * {@code /swagger.json?version=} read queries with it.
 */
public final class QueryString {

    private QueryString() {}

    /** The parameters of a request URI's query, in order of first appearance; empty when it has none. */
    public static Map<String, List<String>> parse(String uri) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        int q = uri.indexOf('?');
        if (q < 0) {
            return params;
        }
        int hash = uri.indexOf('#', q);
        String query = hash < 0 ? uri.substring(q + 1) : uri.substring(q + 1, hash);
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /** The first value of a parameter in a request URI's query, or null. */
    public static String first(String uri, String name) {
        List<String> values = parse(uri).get(name);
        return values == null ? null : values.get(0);
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    utf8 = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(utf8, 0, utf8.length);
            }
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}

package dev.scorespec.runtime.binding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.scorespec.runtime.NDArray;
import dev.scorespec.runtime.ScoringRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The structure of request bodies, as generated binders walk it: the outer object of parameters,
 * required keys, fixed-length sub-arrays, and values bound to {@code Object}. Scalars are read by
 * {@link JsonValues}, arrays by {@link NdArrayReader}.
 */
public final class JsonBody {

    /** Deeper than this, a path would be longer than the message it is for. */
    private static final int MAX_PATH_DEPTH = 32;

    private JsonBody() {}

    /** Moves to the body's opening brace: the body is one JSON object with a property per parameter. */
    public static void startObject(JsonParser json) throws IOException {
        JsonToken token = json.nextToken();
        if (token == null) {
            throw BindingException.at(
                    "", "The request body is empty; expected a JSON object with the parameters of run.");
        }
        if (token != JsonToken.START_OBJECT) {
            throw BindingException.at(
                    "",
                    "The request body must be a JSON object with the parameters of run, got "
                            + JsonValues.describe(json) + ".");
        }
    }

    /** Checks that nothing follows the body's closing brace. */
    public static void end(JsonParser json) throws IOException {
        if (json.nextToken() != null) {
            throw BindingException.at("", "The request body has more content after its JSON object.");
        }
    }

    /**
     * A parser over a request's JSON body, once the body is known to be UTF-8: Jackson would decode an
     * overlong or out-of-range sequence into a character the client never sent.
     *
     * @throws BindingException naming the offset of the first byte that is not UTF-8
     */
    public static JsonParser parser(ScoringRequest request) throws IOException {
        byte[] body = request.body();
        String problem = Utf8.problem(body);
        if (problem != null) {
            throw BindingException.at("", "The request body is not valid UTF-8: " + problem + ".");
        }
        String nul = leadingNul(body);
        if (nul != null) {
            throw BindingException.at("", "The request body is not valid JSON: " + nul + ".");
        }
        return request.jsonParser();
    }

    /**
     * Why Jackson would not read a UTF-8 body as UTF-8: it takes a NUL among the first four bytes for
     * UTF-16 or UTF-32 and decodes the body as such, or fails with its own IOException on a byte order
     * no encoding has. In UTF-8 JSON a NUL is never valid there (JSON text starts with white space or a
     * value, and strings escape it). Null when there is no such NUL.
     */
    public static String leadingNul(byte[] body) {
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) {
                return "a NUL byte at offset " + i + "; JSON bodies are UTF-8 text, where a NUL is written \\u0000"
                        + " inside a string";
            }
        }
        return null;
    }

    /**
     * Turns a parse failure into the client's error, in our words ({@link JsonErrors}): the body is not
     * JSON, or a value in it is over one of the parser's limits, which names the value's path.
     */
    public static BindingException malformed(JsonParser json, JsonProcessingException e) {
        if (e instanceof StreamConstraintsException limit) {
            // Thrown without a position. The parser is still on the value too long or the container too
            // deep; a name too long is not a token yet, so its place is where the parser stopped.
            String where =
                    JsonErrors.at(JsonErrors.isNameLimit(limit) ? json.currentLocation() : json.currentTokenLocation());
            if (json.getParsingContext().getNestingDepth() > MAX_PATH_DEPTH) {
                return BindingException.at("", "The request body is over a limit: " + JsonErrors.problem(e) + where);
            }
            return BindingException.at(json, JsonErrors.problem(e) + where);
        }
        return BindingException.at("", "The request body is not valid JSON: " + JsonErrors.describe(e));
    }

    /** Fails on an object that lacks a required key; call on its closing brace. */
    public static void requireKey(JsonParser json, boolean present, String key) throws IOException {
        if (!present) {
            throw BindingException.at(json, "missing required property '" + key + "'");
        }
    }

    /**
     * Fails on a map that lacks one of the required keys, naming the first missing one in the sample's
     * order (a list, so the message is the same on every run); call on its closing brace.
     */
    public static void requireKeys(JsonParser json, Map<String, ?> map, List<String> keys) throws IOException {
        for (String key : keys) {
            if (!map.containsKey(key)) {
                throw BindingException.at(json, "missing required property '" + key + "'");
            }
        }
    }

    /**
     * Checks the first dimension of a fixed-size sub-array (a structured field such as
     * {@code ('grades', 'f8', (2,))}), whose every dimension is fixed. Call on its closing bracket.
     */
    public static NDArray fixedLength(JsonParser json, NDArray array, int length) throws IOException {
        if (array.shape(0) != length) {
            throw BindingException.at(json, "expected " + length + " values, got " + array.shape(0));
        }
        return array;
    }

    /**
     * Checks the length of one inner array of rows of records (a structured array of rank 2 or more),
     * every dimension of which but the first is the sample's. Call on its closing bracket.
     */
    public static void fixedLength(JsonParser json, List<?> rows, int length) throws IOException {
        if (rows.size() != length) {
            throw BindingException.at(json, "expected " + length + " records, got " + rows.size());
        }
    }

    /**
     * Reads a scalar that may be one of several JSON types (a list sample that mixes them), given by
     * their JSON Schema names: {@code integer}, {@code number}, {@code string}, {@code boolean}. A
     * number keeps its kind ({@code 2} is a {@code Long}, see {@link JsonValues#readNumber}). The names
     * {@code array} and {@code object} only word the message: the caller reads those itself.
     */
    public static Object readScalarOf(JsonParser json, String... types) throws IOException {
        JsonToken token = json.currentToken();
        for (String type : types) {
            switch (type) {
                case "integer":
                    if (token == JsonToken.VALUE_NUMBER_INT) {
                        return json.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                                ? json.getBigIntegerValue()
                                : json.getLongValue();
                    }
                    break;
                case "number":
                    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                        return JsonValues.readNumber(json);
                    }
                    break;
                case "array":
                case "object":
                    break;
                case "string":
                    if (token == JsonToken.VALUE_STRING) {
                        return json.getText();
                    }
                    break;
                case "boolean":
                    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                        return token == JsonToken.VALUE_TRUE;
                    }
                    break;
                default:
                    throw new IllegalArgumentException("Unknown JSON type " + type);
            }
        }
        throw BindingException.at(
                json, "expected " + String.join(" or ", articles(types)) + ", got " + JsonValues.describe(json));
    }

    /**
     * Reads any JSON value into plain Java: {@code Map}, {@code List}, {@code String}, {@code Long} or
     * {@code BigInteger}, {@code Double}, {@code Boolean}, or {@code null}. For members of an object
     * bound to {@code Map<String, Object>} that its sample does not name.
     */
    public static Object readAny(JsonParser json) throws IOException {
        switch (json.currentToken()) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    json.nextToken();
                    map.put(name, readAny(json));
                }
                return Collections.unmodifiableMap(map);
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readAny(json));
                }
                return Collections.unmodifiableList(list);
            }
            case VALUE_NULL:
                return null;
            default:
                return readScalarOf(json, "integer", "number", "string", "boolean");
        }
    }

    private static List<String> articles(String... types) {
        List<String> out = new ArrayList<>();
        for (String t : types) {
            out.add(t.equals("integer") || t.equals("array") || t.equals("object") ? "an " + t : "a " + t);
        }
        return out;
    }
}

package dev.scorespec.runtime.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.binding.JsonBody;
import dev.scorespec.runtime.binding.JsonErrors;
import dev.scorespec.runtime.binding.Utf8;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks and conversions the Python server applies to a scoring request before {@code run}, with its
 * messages: the JSON object body of a schema-decorated {@code run}, the UTF-8 text body of an undecorated
 * one, and the JSON object built from the query of a {@code GET /score}.
 */
final class RequestBodies {

    static final String EMPTY_BODY = "POST body is empty. Expecting a JSON dictionary.";
    static final String NOT_AN_OBJECT = "POST body should be a JSON dictionary.";
    static final String NOT_JSON = "POST body could not be decoded as JSON: ";
    static final String NOT_UTF8 = "Input cannot be decoded as UTF-8: ";
    static final String WRONG_CONTENT_TYPE = "Expects Content-Type to be application/json";

    private RequestBodies() {}

    /**
     * Whether a Content-Type is JSON as Flask's {@code request.is_json} decides: {@code application/json}
     * or {@code application/*+json}, any parameters ({@code charset=utf-8}) allowed, case ignored.
     */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mime = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
        return mime.equals("application/json") || (mime.startsWith("application/") && mime.endsWith("+json"));
    }

    /**
     * Checks that a body is one JSON object and nothing else.
     *
     * @return null when it is, otherwise the client-facing reason
     */
    static String jsonObjectProblem(byte[] body) {
        if (body.length == 0) {
            return EMPTY_BODY;
        }
        String notUtf8 = Utf8.problem(body);
        if (notUtf8 != null) {
            return NOT_JSON + "invalid UTF-8: " + notUtf8;
        }
        String nul = JsonBody.leadingNul(body);
        if (nul != null) {
            return NOT_JSON + nul;
        }
        JsonFactory json = ScoringRequest.jsonFactory();
        try (JsonParser parser = json.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return NOT_JSON + "no JSON value, only white space";
            }
            parser.skipChildren();
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                return NOT_JSON + "extra data after the JSON value" + at(parser.currentTokenLocation());
            }
            return first == JsonToken.START_OBJECT ? null : NOT_AN_OBJECT;
        } catch (JsonProcessingException e) {
            return NOT_JSON + describe(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Jackson parse failure as text for clients: the problem and where, in our words. */
    static String describe(JsonProcessingException e) {
        return JsonErrors.describe(e);
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /**
     * Checks that a body is UTF-8 text.
     *
     * @return null when it is, otherwise the client-facing reason
     */
    static String utf8Problem(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(Math.min(Math.max(body.length, 16), 8192));
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return NOT_UTF8 + "invalid byte 0x" + String.format(Locale.ROOT, "%02x", body[in.position()] & 0xff)
                        + " at position " + in.position();
            }
            if (result.isUnderflow()) {
                break;
            }
            out.clear();
        }
        out.clear();
        CoderResult flush = decoder.flush(out);
        return flush.isError() ? NOT_UTF8 + "truncated sequence at the end" : null;
    }

    /**
     * The JSON object the Python server makes of a {@code GET /score} query: each parameter's value parsed
     * as JSON, or kept as a string when it is not JSON; a repeated parameter becomes a list.
     */
    static byte[] queryAsJson(Map<String, List<String>> params) {
        JsonFactory json = ScoringRequest.jsonFactory();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, List<String>> p : params.entrySet()) {
                g.writeFieldName(p.getKey());
                List<String> values = p.getValue();
                if (values.size() == 1) {
                    writeValue(json, g, values.get(0));
                } else {
                    g.writeStartArray();
                    for (String v : values) {
                        writeValue(json, g, v);
                    }
                    g.writeEndArray();
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeValue(JsonFactory json, JsonGenerator g, String value) throws IOException {
        if (isOneJsonValue(json, value)) {
            // checked to be exactly one JSON value: copied as written, numbers keep every digit
            g.writeRawValue(value.strip());
        } else {
            g.writeString(value);
        }
    }

    private static boolean isOneJsonValue(JsonFactory json, String value) {
        try (JsonParser parser = json.createParser(value)) {
            if (parser.nextToken() == null) {
                return false;
            }
            int depth = 0;
            do {
                JsonToken t = parser.currentToken();
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                } else if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
                    parser.getText(); // decodes escapes, so that a bad one is caught here
                }
            } while (depth > 0 && parser.nextToken() != null);
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }
}

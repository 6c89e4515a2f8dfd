package dev.scorespec.runtime.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scorespec.runtime.ScoringRequest;
import java.io.IOException;

/** Test helpers: parsers positioned the way generated binders position them. */
final class Json {

    private Json() {}

    /**
     * A parser over {@code {"<field>": <value>}} positioned on the value's first token, as generated
     * code leaves it: nextToken START_OBJECT, nextToken FIELD_NAME, nextToken value.
     */
    static JsonParser at(String field, String valueJson) throws IOException {
        return atBody("{\"" + field + "\": " + valueJson + "}");
    }

    /** A parser over a body that is one object, positioned on its first field's value. */
    static JsonParser atBody(String body) throws IOException {
        JsonParser p = ScoringRequest.json(body).jsonParser();
        assertEquals(JsonToken.START_OBJECT, p.nextToken());
        assertEquals(JsonToken.FIELD_NAME, p.nextToken());
        p.nextToken();
        return p;
    }

    /** A parser on the value of {@code {"v": <valueJson>}}. */
    static JsonParser value(String valueJson) throws IOException {
        return at("v", valueJson);
    }
}

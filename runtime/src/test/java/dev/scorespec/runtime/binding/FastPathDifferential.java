package dev.scorespec.runtime.binding;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.scorespec.runtime.DType;
import dev.scorespec.runtime.NDArray;
import java.io.IOException;
import java.util.Arrays;

/**
 * Binds one body as a generated binder does (an object of parameters, {@code data} read by
 * {@link NdArrayReader}, other properties skipped, nothing after the object), once with the server's
 * parsers, whose arrays of numbers take the fast path, and once with a plain Jackson factory of the same
 * settings, which only has the careful path. Each run is described as one string: the value read, the
 * parser's position just after it and the path, or the error; the two must be equal.
 */
final class FastPathDifferential {

    private static final JsonFactory FAST = BodyJsonFactory.create();
    private static final JsonFactory CAREFUL = BodyJsonFactory.settings().build();

    /** What the binder reads {@code data} as. */
    record Target(DType dtype, int[] sampleShape, boolean enforceShape, boolean javaArray) {
        @Override
        public String toString() {
            return dtype + " " + Arrays.toString(sampleShape) + (enforceShape ? " enforced" : "")
                    + (javaArray ? " as Java arrays" : " as NDArray");
        }
    }

    private FastPathDifferential() {}

    /** Reads {@code data} and describes what it read. */
    interface Reader {
        String read(JsonParser json) throws IOException;
    }

    static String fast(byte[] body, Target target) {
        return bind(FAST, body, json -> read(json, target));
    }

    static String careful(byte[] body, Target target) {
        return bind(CAREFUL, body, json -> read(json, target));
    }

    static String fast(byte[] body, Reader reader) {
        return bind(FAST, body, reader);
    }

    static String careful(byte[] body, Reader reader) {
        return bind(CAREFUL, body, reader);
    }

    /** True when the server's factory gives a parser that can take the fast path over this body. */
    static boolean fastParser(byte[] body) throws IOException {
        try (JsonParser json = FAST.createParser(body)) {
            return json instanceof BodyParser;
        }
    }

    private static String bind(JsonFactory factory, byte[] body, Reader reader) {
        StringBuilder out = new StringBuilder();
        try (JsonParser json = factory.createParser(body)) {
            try {
                JsonBody.startObject(json);
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    json.nextToken();
                    if (name.equals("data")) {
                        out.append("data = ").append(reader.read(json));
                        out.append(" then at ").append(json.currentToken()).append(' ');
                        out.append(location(json.currentTokenLocation())).append(' ');
                        out.append(location(json.currentLocation()));
                        out.append(" in ")
                                .append(json.getParsingContext().pathAsPointer())
                                .append('\n');
                    } else {
                        json.skipChildren();
                    }
                }
                JsonBody.end(json);
                return out.append("bound").toString();
            } catch (JsonProcessingException e) {
                throw JsonBody.malformed(json, e);
            }
        } catch (IOException | RuntimeException e) {
            return out.append(e.getClass().getSimpleName())
                    .append(": ")
                    .append(e.getMessage())
                    .toString();
        }
    }

    private static String read(JsonParser json, Target target) throws IOException {
        if (target.javaArray()) {
            Object array =
                    NdArrayReader.readJavaArray(json, target.dtype(), target.sampleShape(), target.enforceShape());
            return array.getClass().getSimpleName() + " " + Arrays.deepToString(new Object[] {array});
        }
        NDArray array = NdArrayReader.read(json, target.dtype(), target.sampleShape(), target.enforceShape());
        return array.dtype() + " " + Arrays.toString(array.shape()) + " "
                + Arrays.deepToString(new Object[] {array.data()});
    }

    private static String location(JsonLocation at) {
        return at.getLineNr() + ":" + at.getColumnNr() + "@" + at.getByteOffset();
    }
}

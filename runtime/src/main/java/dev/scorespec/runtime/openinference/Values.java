package dev.scorespec.runtime.openinference;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Writes the plain Java values that {@link dev.scorespec.runtime.binding.JsonBody#readAny} reads. */
final class Values {

    private Values() {}

    static void write(JsonGenerator out, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> member : map.entrySet()) {
                out.writeFieldName((String) member.getKey());
                write(out, member.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object item : list) {
                write(out, item);
            }
            out.writeEndArray();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Long l) {
            out.writeNumber(l);
        } else if (value instanceof BigInteger big) {
            out.writeNumber(big);
        } else if (value instanceof Double d) {
            out.writeNumber(d);
        } else if (value instanceof InferRequest.JsonNumber number) {
            out.writeNumber(number.text());
        } else if (value == null) {
            out.writeNull();
        } else {
            throw new IllegalArgumentException("Not a JSON value: " + value.getClass());
        }
    }
}

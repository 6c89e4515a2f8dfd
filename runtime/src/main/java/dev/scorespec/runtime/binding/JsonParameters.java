package dev.scorespec.runtime.binding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.scorespec.runtime.ScoringRequest;
import java.io.IOException;
import java.util.List;

/**
 * The body of a {@link BodyKind#JSON_PARAMETERS} request as a generated binder declares it: one JSON
 * object with a property per parameter of {@code run}, each read by the binder's own reader. The walk
 * over the object is the same for every binder, so it lives here, and a binder holds only what is its
 * own: the names, which are required, and how each value is read.
 *
 * <p>Properties that name no parameter are skipped, as the schema allows them; a parameter given twice
 * takes its last value. Part of the contract with generated code, not an API for users.
 */
public final class JsonParameters {

    /** Reads one parameter's value, with the parser on its first token, and checks it against the sample. */
    @FunctionalInterface
    public interface Reader {
        Object read(JsonParser json) throws IOException;
    }

    /** One property of the body: its name, whether requests must have it, and its reader. */
    public record Parameter(String name, boolean required, Reader reader) {}

    private final Parameter[] parameters;

    private JsonParameters(List<Parameter> parameters) {
        this.parameters = parameters.toArray(new Parameter[0]);
    }

    /** The body's parameters, in the order of {@link #read}'s values. */
    public static JsonParameters of(Parameter... parameters) {
        return new JsonParameters(List.of(parameters));
    }

    /** A parameter that every request must have. */
    public static Parameter required(String name, Reader reader) {
        return new Parameter(name, true, reader);
    }

    /** A parameter that requests may leave out; its value is then {@code null}. */
    public static Parameter optional(String name, Reader reader) {
        return new Parameter(name, false, reader);
    }

    /**
     * Reads the body: one value per parameter, in declaration order, {@code null} for an optional one the
     * body leaves out.
     *
     * @throws BindingException when the body is not one JSON object, a value does not fit its sample, or a
     *     required parameter is missing (the first one in declaration order is named)
     */
    public Object[] read(ScoringRequest request) throws IOException {
        Object[] values = new Object[parameters.length];
        boolean[] present = new boolean[parameters.length];
        // Declared outside the try so that a parse failure can say where the parser was.
        JsonParser json = JsonBody.parser(request);
        try (json) {
            JsonBody.startObject(json);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                int index = indexOf(json.currentName());
                json.nextToken();
                if (index < 0) {
                    json.skipChildren();
                } else {
                    values[index] = parameters[index].reader().read(json);
                    present[index] = true;
                }
            }
            JsonBody.end(json);
        } catch (JsonProcessingException e) {
            throw JsonBody.malformed(json, e);
        }
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].required() && !present[i]) {
                throw BindingException.missing(parameters[i].name());
            }
        }
        return values;
    }

    private int indexOf(String name) {
        // A body has a handful of parameters: a scan is as quick as a hash lookup, and allocates nothing.
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}

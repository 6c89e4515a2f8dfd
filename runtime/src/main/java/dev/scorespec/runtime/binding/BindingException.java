package dev.scorespec.runtime.binding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A request body that does not fit the input schema. The message is meant for the client as it is:
 * a JSON path and a plain problem, such as {@code data[1]: expected 10 values, got 9}. The server
 * answers it with 400 and {@code {"message": ...}}.
 *
 * <p>It extends {@link IOException} so that generated binders, which parse with Jackson's streaming
 * API, declare one exception type; it is never an I/O failure.
 */
public final class BindingException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    private BindingException(String path, String problem) {
        super(path.isEmpty() ? problem : path + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    /** A problem at an explicit path, such as {@code data[1]}; an empty path means the whole body. */
    public static BindingException at(String path, String problem) {
        return new BindingException(path, problem);
    }

    /**
     * A problem at the parser's current position. The path is taken from Jackson's parsing context,
     * so binders track no path of their own while the input is valid.
     *
     * <p>On {@code [} or <code>{</code> Jackson's context is already the new, empty container, so the
     * path is taken from its parent: the container as a value, as for any other token. On {@code ]} or
     * <code>}</code> the context is the parent again, so the path names the container just ended.
     */
    public static BindingException at(JsonParser parser, String problem) {
        JsonStreamContext context = parser.getParsingContext();
        JsonToken token = parser.currentToken();
        if ((token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) && context.getParent() != null) {
            context = context.getParent();
        }
        return new BindingException(pathOf(context), problem);
    }

    /** A required parameter that the body leaves out; the wording is the Python server's. */
    public static BindingException missing(String parameter) {
        return new BindingException("", "A value is not provided for the '" + parameter + "' parameter.");
    }

    /** The JSON path of the offending value, such as {@code data[0][3]}; empty for the whole body. */
    public String path() {
        return path;
    }

    /** The problem without the path. */
    public String problem() {
        return problem;
    }

    /**
     * Renders a parsing context as {@code name[index].name}: array elements by index, object members by
     * name. The outermost object (the body) contributes nothing.
     */
    static String pathOf(JsonStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                boolean topLevel = c.getParent() == null || c.getParent().inRoot();
                segments.push(topLevel ? c.getCurrentName() : "." + c.getCurrentName());
            }
        }
        String path = String.join("", segments);
        return path.startsWith(".") ? path.substring(1) : path;
    }
}

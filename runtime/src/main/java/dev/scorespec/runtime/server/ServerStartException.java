package dev.scorespec.runtime.server;

/**
 * The server could not start: no binder or an ambiguous choice of binders, a failing {@code init}, a
 * missing or malformed OpenAPI document, a port that cannot be bound. The message says what happened; the
 * cause, when there is one, is the original failure.
 */
public final class ServerStartException extends Exception {

    private static final long serialVersionUID = 1L;

    public ServerStartException(String message) {
        super(message);
    }

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}

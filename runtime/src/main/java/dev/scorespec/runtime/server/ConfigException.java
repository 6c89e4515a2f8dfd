package dev.scorespec.runtime.server;

/**
 * A command line or environment the server cannot start with: an unknown flag, a malformed number, a port
 * out of range. The message is meant for the person starting the server, as it is.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}

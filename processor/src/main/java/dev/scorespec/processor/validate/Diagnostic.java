package dev.scorespec.processor.validate;

import dev.scorespec.processor.model.Location;

/** One error found in a scoring class, with where to report it. */
public record Diagnostic(Message message, String text, Location where) {

    public static Diagnostic of(Location where, Message message, Object... args) {
        return new Diagnostic(message, message.format(args), where);
    }
}

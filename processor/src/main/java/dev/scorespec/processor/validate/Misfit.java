package dev.scorespec.processor.validate;

/**
 * Thrown inside sample inference to stop at the first problem with a sample; caught where the
 * sample's location is known and turned into one diagnostic. Never escapes the validator.
 */
public final class Misfit extends Exception {

    private static final long serialVersionUID = 1L;

    final Message message;
    final transient Object[] args;

    public Misfit(Message message, Object... args) {
        super(message.format(args), null, false, false);
        this.message = message;
        this.args = args;
    }
}

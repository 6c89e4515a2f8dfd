package dev.scorespec.runtime.binding;

/** A fast reader giving up, for the careful reader to read the value: thrown without a stack trace. */
final class HandOver extends Exception {
    private static final long serialVersionUID = 1L;

    HandOver() {
        super("hand over to the careful reader", null, false, false);
    }
}

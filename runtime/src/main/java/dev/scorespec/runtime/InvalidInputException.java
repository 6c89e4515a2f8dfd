package dev.scorespec.runtime;

/**
 * Thrown by {@code run} when a request fits the input schema but still cannot be scored, such as two
 * inputs whose row counts disagree: the server answers {@code 400} with this message, where any other
 * exception from {@code run} is a {@code 500} that hides its text. Say which field is wrong and why, as
 * the binder's messages do ({@code "Inputs.input2: 3 rows, but Inputs.input1 has 2"}).
 *
 * <p>The Python server has no counterpart: an exception in {@code run} is always a 500 there.
 */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}

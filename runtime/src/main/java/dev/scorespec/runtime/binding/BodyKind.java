package dev.scorespec.runtime.binding;

/** How a scoring {@code run} method takes the request body. */
public enum BodyKind {
    /** A JSON object with one property per {@code run} parameter, checked against the samples. */
    JSON_PARAMETERS,
    /** A {@code run(String)} without schema: the raw JSON body text, unchecked. */
    JSON_TEXT
}

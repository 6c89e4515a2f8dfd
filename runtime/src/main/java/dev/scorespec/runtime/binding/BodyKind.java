package dev.scorespec.runtime.binding;

/** How a scoring {@code run} method takes the request body. */
public enum BodyKind {
    /** A JSON object with one property per {@code run} parameter, checked against the samples. */
    JSON_PARAMETERS,
    /** A {@code run(String)} without schema: the raw JSON body text, unchecked. */
    JSON_TEXT,
    /**
     * A {@link dev.scorespec.annotations.RawHttp @RawHttp} {@code run(ScoringRequest)}: the request as it came,
     * any method the server routes to {@code run} ({@code GET}, {@code POST}), any body and Content-Type.
     * {@link ScoringBinder#bind} hands the request over as it is, {@code run} returns a
     * {@link dev.scorespec.runtime.ScoringResponse} that the server writes as it is, and
     * {@link ScoringBinder#write} is never called.
     */
    RAW_HTTP
}

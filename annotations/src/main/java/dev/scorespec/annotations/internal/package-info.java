/**
 * Not public API: the facts the annotation processor and the runtime must agree on, written once. The
 * numpy dtypes with their names, ranges and JSON Schema forms ({@link DType}), the document versions
 * ({@link OpenApiVersion}) and the one resource they are written to ({@link ScoringResource}), the text codecs of date, time, timedelta
 * and base64 values ({@link TemporalText}, {@link Base64Text}), and the JSON layout of a data frame in
 * each orient ({@link FrameLayout}).
 *
 * <p>The processor checks samples with these codecs and the runtime reads requests with them, so a sample
 * the build accepts is a request the server accepts, with the same value. Scoring code should not call
 * anything here: it may change in any release, like {@code dagger.internal}.
 */
package dev.scorespec.annotations.internal;

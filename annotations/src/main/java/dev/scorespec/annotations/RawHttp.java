package dev.scorespec.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code run} method that takes the HTTP request as it came and answers with its own response:
 * the Python server's {@code @rawhttp}. The method is declared
 * {@code public ScoringResponse run(ScoringRequest request)}; {@code GET} and {@code POST /score} reach it
 * with any body and Content-Type, nothing is parsed or checked, and it sets the status, headers and body.
 *
 * <p>There is no schema to describe such a request, so {@link InputSchema}, {@link OutputSchema} and
 * {@link RequestHeaders} cannot be used with it (compile errors); the request's headers are in
 * {@link dev.scorespec.runtime.ScoringRequest#headers()}. The class needs no {@link ScoringService}.
 *
 * <pre>{@code
 * @RawHttp
 * public ScoringResponse run(ScoringRequest request) {
 *     if (request.method().equals("GET")) {
 *         return ScoringResponse.text(200, request.fullPath());
 *     }
 *     return ScoringResponse.bytes(200, request.body())
 *             .withHeader("Access-Control-Allow-Origin", "http://www.example.com");
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface RawHttp {}

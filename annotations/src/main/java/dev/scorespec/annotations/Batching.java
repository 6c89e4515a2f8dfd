package dev.scorespec.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for adaptive batching of a scoring class: concurrent {@code /score} requests are bound each on
 * its own, queued, and scored together in one {@code run} call whose batched inputs are the requests'
 * inputs concatenated along their first dimension; the output is split back, row for row.
 *
 * <p>Opt-in per class, because it changes what {@code run} sees: a batch of rows from several requests
 * instead of one request's. Requests batch together only when their non-batched parameters (a
 * threshold, {@code GlobalParameters}) are equal. Raw HTTP {@code run}s are never batched.
 *
 * <p>Both limits can be overridden at start-up, flags beating environment variables: {@code
 * --batch-max-rows} / {@code SCORESPEC_BATCH_MAX_ROWS} and {@code --batch-max-delay-ms} / {@code
 * SCORESPEC_BATCH_MAX_DELAY_MS}. See the README's "Batching" section for what they trade.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Batching {

    /**
     * The most rows (not requests) one {@code run} call receives. A request that alone has more rows
     * than this is scored alone, unsplit, as it would be without batching.
     */
    int maxRows() default 256;

    /**
     * The longest a request waits in the queue for others to join its batch, in milliseconds. The
     * batcher waits less when no other request is expected in time, or when waiting could make a request
     * miss its scoring deadline; {@code 0} never waits (requests still batch while a run is under way).
     */
    int maxDelayMs() default 5;
}

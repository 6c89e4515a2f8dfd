package dev.scorespec.runtime.server;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.scorespec.runtime.binding.ScoringBinder;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;

/**
 * What a scoring route's requests and answers look like around the binder, which always binds a
 * {@code /score} body and writes {@code /score}'s answer: {@link #SCORE} is that contract itself; the Open
 * Inference Protocol's {@code infer} translates on both sides ({@link OpenInferenceRoutes}). Everything
 * between (workers, the scoring timeout, metrics) is {@link ScoreHandler}'s, the same for both.
 */
interface WireFormat {

    /** {@code /score}: the body goes to the binder as it is, its answer and errors as the Python server's. */
    WireFormat SCORE = new WireFormat() {
        @Override
        public Prepared prepare(byte[] body, String requestId) {
            return new Prepared(body, null);
        }

        @Override
        public <R> void write(ScoringBinder<?, R> binder, R result, Prepared request, JsonGenerator out)
                throws IOException {
            binder.write(result, out);
        }

        @Override
        public void error(RoutingContext ctx, int status, String message, boolean runFailed) {
            Responses.error(ctx, status, message, runFailed);
        }
    };

    /**
     * The {@code /score} body of a request body, with what the answer needs of the request; runs on a worker.
     *
     * @throws dev.scorespec.runtime.binding.BindingException when the request does not fit: a 400
     */
    Prepared prepare(byte[] body, String requestId) throws IOException;

    /** Writes what {@code run} returned. */
    <R> void write(ScoringBinder<?, R> binder, R result, Prepared request, JsonGenerator out) throws IOException;

    /** Answers an error: a status and a message for the client. */
    void error(RoutingContext ctx, int status, String message, boolean runFailed);

    /**
     * A request ready for the binder.
     *
     * @param body the {@code /score} body
     * @param state what {@link #write} needs of the request; null for {@code /score}
     */
    record Prepared(byte[] body, Object state) {}
}

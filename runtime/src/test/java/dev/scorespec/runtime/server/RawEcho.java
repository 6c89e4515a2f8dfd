package dev.scorespec.runtime.server;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.scorespec.runtime.ModelDir;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.ScoringResponse;
import dev.scorespec.runtime.binding.BodyKind;
import dev.scorespec.runtime.binding.ScoringBinder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written {@code @RawHttp} binder, as the processor generates it, over a run that shows what it
 * received. {@code GET} answers the full path as text; {@code POST} echoes the body with the request's
 * Content-Type. Query parameters change the answer: {@code status}, {@code header=name:value} (repeatable),
 * {@code throw}, {@code null}.
 */
final class RawEcho implements ScoringBinder<ScoringRequest, ScoringResponse> {

    final AtomicInteger runs = new AtomicInteger();
    volatile ScoringRequest last;

    @Override
    public String scoringClass() {
        return "test.RawEcho";
    }

    @Override
    public List<String> documentVersions() {
        return List.of();
    }

    @Override
    public BodyKind bodyKind() {
        return BodyKind.RAW_HTTP;
    }

    @Override
    public void init(ModelDir models) {}

    @Override
    public ScoringRequest bind(ScoringRequest request) {
        return request;
    }

    @Override
    public ScoringResponse run(ScoringRequest request) {
        runs.incrementAndGet();
        last = request;
        Map<String, List<String>> query = request.queryParameters();
        if (query.containsKey("throw")) {
            throw new IllegalStateException("boom: secret internals");
        }
        if (query.containsKey("null")) {
            return null;
        }
        int status =
                Integer.parseInt(query.getOrDefault("status", List.of("200")).get(0));
        ScoringResponse response = request.method().equals("GET")
                ? ScoringResponse.text(status, request.fullPath())
                : ScoringResponse.bytes(status, request.body())
                        .withHeader(
                                "Content-Type", request.header("content-type").orElse(ScoringResponse.OCTET_STREAM));
        for (String header : query.getOrDefault("header", List.of())) {
            int colon = header.indexOf(':');
            response = response.withHeader(header.substring(0, colon), header.substring(colon + 1));
        }
        return response;
    }

    @Override
    public void write(ScoringResponse result, JsonGenerator out) {
        throw new UnsupportedOperationException("A @RawHttp run answers with its own ScoringResponse");
    }
}

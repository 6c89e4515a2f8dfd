package dev.scorespec.benchmarks;

import com.dslplatform.json.DslJson;
import com.dslplatform.json.JsonReader;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.scorespec.runtime.ScoringRequest;

/**
 * The parsers every benchmark's baselines share, so that each compares the binder with the same Jackson
 * set-up: created once, with fast floating-point parsing on, as the server's.
 */
final class Baselines {

    /** The server's own factory, which the streaming limits read with. */
    static final JsonFactory STREAMING = ScoringRequest.jsonFactory();

    /**
     * A mapper as a developer would keep one: created once, with the same parser settings, and
     * {@code java.time} support for the data frame's date-times.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                    .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
                    .build())
            .addModule(new JavaTimeModule())
            .build();

    /**
     * DSL-JSON, doubles parsed exactly: its faster settings round some numbers differently from Java, and
     * the benchmarks' set-up would reject it for decoding other values.
     */
    static final DslJson<Object> DSL_JSON =
            new DslJson<>(new DslJson.Settings<>().doublePrecision(JsonReader.DoublePrecision.EXACT));

    private Baselines() {}
}

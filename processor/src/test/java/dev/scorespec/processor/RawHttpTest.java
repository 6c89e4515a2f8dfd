package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.scorespec.processor.DiagnosticsTest.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.google.testing.compile.Compilation;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.ScoringResponse;
import dev.scorespec.runtime.binding.BodyKind;
import dev.scorespec.runtime.binding.ScoringBinder;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @RawHttp}: the binder that hands the request over as it came, and the misuses (SS200-SS204). */
class RawHttpTest {

    static final String ECHO = """
            public class Echo {
                @RawHttp
                public ScoringResponse run(ScoringRequest request) {
                    if (request.method().equals("GET")) {
                        return ScoringResponse.text(200, request.fullPath());
                    }
                    return ScoringResponse.bytes(201, request.body()).withHeader("x-seen", request.mediaType().orElse("none"));
                }
            }
            """;

    @Test
    void theBinderHandsTheRequestOverAndReturnsTheResponse() throws Exception {
        ScoringBinder<Record, Object> binder = BinderTest.binder("Echo", ECHO);
        assertEquals(BodyKind.RAW_HTTP, binder.bodyKind());
        assertEquals(List.of("2.0", "3.0", "3.1"), binder.documentVersions());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        ScoringRequest post = ScoringRequest.of("POST", "/score", Map.of("Content-Type", "image/png"), png);
        Record arguments = binder.bind(post);
        assertSame(
                post,
                arguments.getClass().getRecordComponents()[0].getAccessor().invoke(arguments));
        ScoringResponse answer = (ScoringResponse) binder.run(arguments);
        assertEquals(201, answer.status());
        assertEquals(Map.of("content-type", "application/octet-stream", "x-seen", "image/png"), answer.headers());
        assertArrayEquals(png, answer.body());

        ScoringResponse get = (ScoringResponse)
                binder.run(binder.bind(ScoringRequest.of("GET", "/score?size=small", Map.of(), new byte[0])));
        assertEquals("/score?size=small", get.bodyText());
        assertEquals("text/plain; charset=utf-8", get.header("Content-Type").orElseThrow());
    }

    @Test
    void theBinderNeverWritesJson() throws Exception {
        ScoringBinder<Record, Object> binder = BinderTest.binder("Echo", ECHO);
        try (JsonGenerator out = ScoringRequest.jsonFactory().createGenerator(new StringWriter())) {
            assertThrows(UnsupportedOperationException.class, () -> binder.write(ScoringResponse.empty(204), out));
        }
    }

    @Test
    void generatedSourceSaysWhyNothingIsParsed() throws Exception {
        Compilation compilation = Sources.compile(Sources.source("Echo", ECHO));
        assertThat(compilation).succeededWithoutWarnings();
        String source = compilation
                .generatedSourceFile("test.Echo_ScoreSpec")
                .orElseThrow()
                .getCharContent(true)
                .toString();
        assertTrue(source.contains("extends GeneratedBinder<Echo, Echo_ScoreSpec.Arguments, ScoringResponse>"), source);
        assertTrue(source.contains("public record Arguments(ScoringRequest request)"), source);
        assertTrue(
                source.contains("// run takes the request as it came: nothing is parsed or checked.\n"
                        + "        return new Arguments(request);"),
                source);
        assertTrue(source.contains("return scoring.run(arguments.request());"), source);
        assertTrue(source.contains("super(\"test.Echo\", BodyKind.RAW_HTTP, "), source);
        CompiledClasses files = new CompiledClasses(compilation);
        assertEquals(List.of("META-INF/scorespec/test.Echo.json"), List.copyOf(files.paths("META-INF/scorespec/")));
        for (OpenApiVersion version : OpenApiVersion.values()) {
            assertNotNull(files.document("test.Echo", version), version.member());
        }
        assertNull(files.openInference("test.Echo"), "a raw request has no tensors");
        assertTrue(files.document("test.Echo", OpenApiVersion.V3_0).contains("\"application/octet-stream\""));
        assertTrue(files.text(ScoreSpecProcessor.SERVICE_FILE).lines().anyMatch("test.Echo_ScoreSpec"::equals));
    }

    // ---- SS200-SS204

    @Test
    void inputSchemaOnARawRun() {
        assertError(
                """
                public class Bad {
                    @RawHttp
                    @InputSchema(param = "request", standard = @Standard(sample = "1"))
                    public ScoringResponse run(ScoringRequest request) { return ScoringResponse.empty(204); }
                }
                """,
                "SS200",
                "run is @RawHttp: it receives the request as it came, so no schema applies to it and "
                        + "@InputSchema cannot be used with it. Remove @InputSchema, or remove @RawHttp to have the body parsed "
                        + "against the samples.",
                "@InputSchema");
    }

    @Test
    void repeatedInputSchemasOnARawRunAreEachReported() {
        JavaFileObject source = Sources.source("Bad", """
                public class Bad {
                    @RawHttp
                    @InputSchema(param = "a", standard = @Standard(sample = "1"))
                    @InputSchema(param = "b", standard = @Standard(sample = "2"))
                    public ScoringResponse run(ScoringRequest request) { return ScoringResponse.empty(204); }
                }
                """);
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("[SS200]").inFile(source).onLineContaining("param = \"a\"");
        assertThat(compilation).hadErrorContaining("[SS200]").inFile(source).onLineContaining("param = \"b\"");
    }

    @Test
    void outputSchemaOnARawRun() {
        assertError(
                """
                public class Bad {
                    @RawHttp
                    @OutputSchema(standard = @Standard(sample = "1"))
                    public ScoringResponse run(ScoringRequest request) { return ScoringResponse.empty(204); }
                }
                """,
                "SS200",
                "run is @RawHttp: it receives the request as it came, so no schema applies to it and "
                        + "@OutputSchema cannot be used with it. Remove @OutputSchema, or remove @RawHttp",
                "@OutputSchema");
    }

    @Test
    void requestHeadersOnARawRun() {
        assertError(
                """
                public class Bad {
                    @RawHttp
                    public ScoringResponse run(ScoringRequest request,
                            @RequestHeaders Map<String, String> headers) { return ScoringResponse.empty(204); }
                }
                """,
                "SS201",
                "Parameter 'headers' is marked @RequestHeaders, but run is @RawHttp: its ScoringRequest "
                        + "carries the headers (request.headers(), request.header(name)). Remove the parameter.",
                "@RequestHeaders");
    }

    @Test
    void rawRunWithOtherParameters() {
        assertError(
                """
                public class Bad {
                    @RawHttp
                    public ScoringResponse run(byte[] body, String path) { return ScoringResponse.empty(204); }
                }
                """,
                "SS202",
                "A @RawHttp run takes exactly one ScoringRequest, but this one takes (byte[] body, String path). "
                        + "Declare it as 'public ScoringResponse run(ScoringRequest request)'.",
                "public ScoringResponse run");
        assertError(
                """
                public class Bad {
                    @RawHttp
                    public ScoringResponse run() { return ScoringResponse.empty(204); }
                }
                """,
                "SS202",
                "A @RawHttp run takes exactly one ScoringRequest, but this one takes ().",
                "public ScoringResponse run");
    }

    @Test
    void rawRunThatDoesNotReturnAResponse() {
        assertError(
                """
                public class Bad {
                    @RawHttp
                    public Map<String, Object> run(ScoringRequest request) { return Map.of(); }
                }
                """,
                "SS203",
                "A @RawHttp run returns the ScoringResponse the server sends, but this one returns "
                        + "Map<String, Object>. Return a ScoringResponse, such as ScoringResponse.json(200, result).",
                "public Map<String, Object> run");
    }

    @Test
    void bothSignatureProblemsAreReportedTogether() {
        Compilation compilation = Sources.compile(Sources.source("Bad", """
                public class Bad {
                    @RawHttp
                    public void run(String body) {}
                }
                """));
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("[SS202]");
        assertThat(compilation).hadErrorContaining("[SS203]");
    }

    @Test
    void rawHttpTypesWithoutRawHttp() {
        assertError(
                """
                @ScoringService
                public class Bad {
                    public ScoringResponse run(ScoringRequest request) { return ScoringResponse.empty(204); }
                }
                """,
                "SS204",
                "run takes a ScoringRequest and returns a ScoringResponse, as only a @RawHttp run does. "
                        + "Add @RawHttp to run to receive the request as it came and answer with your own response, or take "
                        + "JSON parameters with @InputSchema.",
                "public ScoringResponse run");
        assertError(
                """
                @ScoringService
                public class Bad {
                    public ScoringResponse run(String body) { return ScoringResponse.empty(204); }
                }
                """,
                "SS204",
                "run returns a ScoringResponse, as only a @RawHttp run does.",
                "public ScoringResponse run");
        assertError("""
                public class Bad {
                    @InputSchema(param = "data", standard = @Standard(sample = "1"))
                    public long run(long data, ScoringRequest request) { return data; }
                }
                """, "SS204", "run takes a ScoringRequest, as only a @RawHttp run does.", "public long run");
    }

    @Test
    void rawHttpOnAMethodNotNamedRun() {
        assertError(
                """
                public class Bad {
                    @RawHttp
                    public ScoringResponse score(ScoringRequest request) { return ScoringResponse.empty(204); }
                }
                """,
                "SS112",
                "@RawHttp is on 'score', but the scoring method must be named 'run'",
                "public ScoringResponse score");
    }
}

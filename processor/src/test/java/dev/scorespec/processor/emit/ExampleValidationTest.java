package dev.scorespec.processor.emit;

import static dev.scorespec.processor.emit.TestSpecs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.model.ScoringSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example validates against its own schema (the first fix of the golden NOTES), checked by an
 * OpenAPI 3.0 and 3.1 schema validator with format assertions; and the same validator rejects the
 * reference's own examples where the reference is wrong, so the check is not vacuous.
 */
class ExampleValidationTest {

    static Stream<String> cases() {
        return GoldenCases.all().keySet().stream();
    }

    /** The cases with a departure that fixes an example; a stated range leaves the reference's valid. */
    static Stream<String> casesWithDifferences() {
        return cases().filter(name -> Golden.load(name).differences().stream()
                .anyMatch(d -> !d.path("scorespec").has("maximum")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void examplesValidateAgainstTheirSchemas(String name) {
        ScoringSpec spec = GoldenCases.all().get(name);
        for (OpenApiVersion version : List.of(OpenApiVersion.V3_0, OpenApiVersion.V3_1)) {
            JsonNode input = JsonSchemas.inputSchema(spec, version);
            assertEquals(List.of(), ExampleValidator.validateExample(input, version), name + " input, " + version);
            JsonNode output = JsonSchemas.outputSchema(spec, version);
            if (output.has("example")) {
                assertEquals(
                        List.of(), ExampleValidator.validateExample(output, version), name + " output, " + version);
            }
        }
    }

    /** Where ScoreSpec departs from the reference, the reference's example fails its own schema. */
    @ParameterizedTest
    @MethodSource("casesWithDifferences")
    void referenceExamplesFailWhereWeDepart(String name) {
        Golden golden = Golden.load(name);
        for (OpenApiVersion version : List.of(OpenApiVersion.V3_0, OpenApiVersion.V3_1)) {
            List<String> problems = new java.util.ArrayList<>();
            problems.addAll(ExampleValidator.validateExample(golden.reference("input_schema"), version));
            problems.addAll(ExampleValidator.validateExample(golden.reference("output_schema"), version));
            assertFalse(problems.isEmpty(), name + ": the reference's examples should fail, " + version);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            date-time-local | "2020-01-01T00:00:00"        | true
            date-time-local | "2020-01-01T00:00:00.123456" | true
            date-time-local | "2020-01-01 00:00:00"        | false
            date-time-local | "2020-01-01T00:00:00Z"       | false
            date-time-local | "2020-01-01T00:00"           | false
            time-local      | "13:45:30.000123"            | true
            time-local      | "13:45:30+00:00"             | false
            time-local      | "13:45:30.000123 +0000"      | false
            date-time       | "2020-01-01T00:00:00Z"       | true
            date-time       | "2020-01-01T00:00:00"        | false
            date-time       | "2020-01-01 00:00:00,000000" | false
            time            | "01:02:03.000000 +0000"      | false
            date            | "2020-01-02"                 | true
            """)
    void formatsAreAsserted(String format, String value, boolean valid) {
        JsonNode schema = json("{\"type\": \"string\", \"format\": \"" + format + "\"}");
        for (OpenApiVersion version : List.of(OpenApiVersion.V3_0, OpenApiVersion.V3_1)) {
            List<String> problems = ExampleValidator.validate(schema, json(value), version);
            assertEquals(valid, problems.isEmpty(), format + " " + value + " " + version + ": " + problems);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            int64 | 9223372036854775807  | true
            int64 | -9223372036854775808 | true
            int64 | 7.0                  | true
            int64 | 7.5                  | true
            int64 | "x"                  | true
            int64 | 9223372036854775808  | false
            int64 | -9223372036854775809 | false
            int64 | -12345678901234567890 | false
            int32 | 2147483647           | true
            int32 | 2147483648           | false
            int32 | -2147483649          | false
            """)
    void integerFormatsAreAsserted(String format, String value, boolean valid) {
        // The format alone: it bounds integral numbers and leaves the type to "type".
        JsonNode schema = json("{\"format\": \"" + format + "\"}");
        for (OpenApiVersion version : List.of(OpenApiVersion.V3_0, OpenApiVersion.V3_1)) {
            List<String> problems = ExampleValidator.validate(schema, json(value), version);
            assertEquals(valid, problems.isEmpty(), format + " " + value + " " + version + ": " + problems);
        }
    }
}

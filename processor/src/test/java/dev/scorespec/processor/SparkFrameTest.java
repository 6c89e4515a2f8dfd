package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.testing.compile.Compilation;
import dev.scorespec.runtime.binding.ScoringBinder;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Spark sample kind, {@code @SparkFrame}: its schemas in the three documents (inference-schema's own
 * {@code SparkParameterType} test as the golden), and each mistake in a sample as one compile error with its
 * id, text and line. The binders it generates are compared with their goldens by {@link BinderGoldenTest} and
 * run against a real Spark session by {@code scorespec-spark}'s tests.
 */
class SparkFrameTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The reference's test of {@code SparkParameterType}: a frame of names and states in, the states out. */
    static final String REFERENCE = """
            import org.apache.spark.sql.Dataset;
            import org.apache.spark.sql.Row;

            /**
             * @input_schema('param', SparkParameterType(spark.createDataFrame(pd.DataFrame(
             *     {'name': ['Sarah', 'John'], 'state': ['WA', 'CA']}))))
             * @output_schema(SparkParameterType(spark.createDataFrame(pd.DataFrame({'state': ['WA', 'CA']}))))
             */
            public class SparkReference {
                @InputSchema(param = "param", spark = @SparkFrame(sample = \"""
                        [{"name": "Sarah", "state": "WA"}, {"name": "John", "state": "CA"}]\"""))
                @OutputSchema(spark = @SparkFrame(sample = "[{\\"state\\": \\"WA\\"}, {\\"state\\": \\"CA\\"}]"))
                public Dataset<Row> run(Dataset<Row> param) { return param; }
            }
            """;

    /** Every Spark type of a sample, pinned by DDL. */
    static final String TYPES = """
            import org.apache.spark.sql.Dataset;
            import org.apache.spark.sql.Row;

            public class SparkTypes {
                @InputSchema(param = "people", spark = @SparkFrame(
                        ddl = "name STRING NOT NULL, age INT, small SMALLINT, tiny TINYINT, big BIGINT, ok BOOLEAN,"
                                + " ratio FLOAT, score DOUBLE, price DECIMAL(10,2), photo BINARY, born DATE,"
                                + " joined TIMESTAMP, scores ARRAY<DOUBLE>, attrs MAP<STRING, INT>,"
                                + " address STRUCT<city: STRING, zip: STRING>",
                        sample = \"""
                            [{"name": "Sarah", "age": 31, "small": 7, "tiny": 1, "big": 9007199254740993, "ok": true,
                              "ratio": 0.5, "score": 1.25, "price": 12.5, "photo": "AAEC", "born": "1990-01-02",
                              "joined": "2020-01-02T03:04:05Z", "scores": [0.5, 1.0], "attrs": {"a": 1},
                              "address": {"city": "Seattle", "zip": "98101"}}]\"""))
                @OutputSchema(spark = @SparkFrame(ddl = "name STRING, score DOUBLE", sample = \"""
                        [{"name": "Sarah", "score": 0.5}]\"""))
                public Dataset<Row> run(Dataset<Row> people) { return people; }
            }
            """;

    private static Compilation compile(JavaFileObject source) {
        return Sources.compile(SparkStubs.with(source));
    }

    // ------------------------------------------------------------------------------ documents

    @ParameterizedTest
    @ValueSource(strings = {"swagger-2.0", "openapi-3.0", "openapi-3.1"})
    void theReferenceTestsSchemasInEveryDocument(String document) throws IOException {
        Compilation compilation = compile(Sources.source("SparkReference", REFERENCE));
        assertThat(compilation).succeeded();
        JsonNode schemas = schemas(compilation, "test.SparkReference", document);

        ObjectNode input = schemas.path("ServiceInput").deepCopy();
        // The documents add the required parameters (README, differences); the rest is the reference's.
        assertEquals(List.of("param"), List.of(input.remove("required").get(0).asText()));
        // Compared as JSON values, as GoldenEndToEndTest compares every reference case's documents.
        assertEquals(JSON.readTree("""
                        {"type": "object", "properties": {"param": {"type": "array", "items": {"type": "object",
                        "properties": {"name": {"type": "string"}, "state": {"type": "string"}}}}},
                        "example": {"param": [{"name": "Sarah", "state": "WA"}, {"name": "John", "state": "CA"}]}}"""), input);
        assertEquals(JSON.readTree("""
                        {"type": "array", "items": {"type": "object", "properties": {"state": {"type": "string"}}},
                        "example": [{"state": "WA"}, {"state": "CA"}]}"""), schemas.path("ServiceOutput"));
        ScoringBinder<?, ?> binder = new CompiledClasses(compilation).instance("test.SparkReference_ScoreSpec");
        assertEquals(List.of("2.0", "3.0", "3.1"), binder.documentVersions());
    }

    @Test
    void everySparkTypeHasTheReferencesTypeAndFormat() throws IOException {
        Compilation compilation = compile(Sources.source("SparkTypes", TYPES));
        assertThat(compilation).succeeded();
        JsonNode people = schemas(compilation, "test.SparkTypes", "openapi-3.1").at("/ServiceInput/properties/people");
        assertEquals(JSON.readTree("""
                        {"type": "array", "items": {"type": "object", "properties": {
                          "name": {"type": "string"},
                          "age": {"type": "integer", "format": "int32"},
                          "small": {"type": "integer", "format": "int16"},
                          "tiny": {"type": "integer", "format": "int8"},
                          "big": {"type": "integer", "format": "int64"},
                          "ok": {"type": "boolean"},
                          "ratio": {"type": "number", "format": "float"},
                          "score": {"type": "number", "format": "double"},
                          "price": {"type": "number", "format": "decimal"},
                          "photo": {"type": "string", "format": "binary"},
                          "born": {"type": "string", "format": "date"},
                          "joined": {"type": "string", "format": "date-time"},
                          "scores": {"type": "array", "items": {"type": "number", "format": "double"}},
                          "attrs": {"type": "object", "additionalProperties": {"type": "integer", "format": "int32"}},
                          "address": {"type": "object", "properties": {"city": {"type": "string"}, "zip": {"type": "string"}}}
                        }}}""").toString(), people.toString());
    }

    @Test
    void withoutDdlTheTypesAreWhatSparkInfersFromJson() throws IOException {
        Compilation compilation = compile(Sources.source("Inferred", """
                import org.apache.spark.sql.Dataset;
                import org.apache.spark.sql.Row;

                public class Inferred {
                    @InputSchema(param = "data", spark = @SparkFrame(sample = \"""
                            [{"z": 1, "a": 1.5, "s": "x", "b": true, "l": [1, 2], "o": {"k": null}},
                             {"z": 2.5, "a": null}]\"""))
                    public int run(Dataset<Row> data) { return 0; }
                }
                """));
        assertThat(compilation).succeeded();
        assertEquals(
                JSON.readTree("""
                        {"a": {"type": "number", "format": "double"}, "b": {"type": "boolean"},
                         "l": {"type": "array", "items": {"type": "integer", "format": "int64"}},
                         "o": {"type": "object", "properties": {"k": {"type": "string"}}},
                         "s": {"type": "string"}, "z": {"type": "number", "format": "double"}}""").toString(),
                schemas(compilation, "test.Inferred", "openapi-3.1")
                        .at("/ServiceInput/properties/data/items/properties")
                        .toString());
    }

    @Test
    void aTimestampWithoutTimeZoneIsANaiveDateTime() throws IOException {
        Compilation compilation = compile(Sources.source("Naive", """
                import org.apache.spark.sql.Dataset;
                import org.apache.spark.sql.Row;

                public class Naive {
                    @InputSchema(param = "data", spark = @SparkFrame(ddl = "at TIMESTAMP_NTZ", sample = \"""
                            [{"at": "2020-01-02T03:04:05"}]\"""))
                    public int run(Dataset<Row> data) { return 0; }
                }
                """));
        assertThat(compilation).succeeded();
        assertEquals(
                "{\"type\":\"string\",\"format\":\"date-time-local\"}",
                schemas(compilation, "test.Naive", "openapi-3.1")
                        .at("/ServiceInput/properties/data/items/properties/at")
                        .toString());
        assertError(
                "ddl = \"at TIMESTAMP_NTZ\", sample = \"[{\\\"at\\\": \\\"2020-01-02T03:04:05Z\\\"}]\"",
                "SS214",
                "Row 0 of the @SparkFrame sample for 'data' does not fit its ddl: 'at' expected an RFC 3339 date-time"
                        + " without offset (2020-01-02T03:04:05), got \"2020-01-02T03:04:05Z\".");
    }

    /**
     * In the Open Inference Protocol a Spark frame is a records dataframe: one tensor per column, the frame
     * that is the whole request by the columns' own names; a column that is not a plain value makes the
     * metadata say why the frame has no tensor form.
     */
    @Test
    void openInferenceMapsAFrameOfPlainColumnsToOneTensorPerColumn() throws IOException {
        Compilation reference = compile(Sources.source("SparkReference", REFERENCE));
        assertThat(reference).succeeded();
        JsonNode inputs = JSON.readTree(new CompiledClasses(reference).openInference("test.SparkReference"))
                .get("inputs");
        assertEquals(JSON.readTree("""
                        [{"name": "name", "datatype": "BYTES", "shape": [-1], "parameters": {"content_type": "pd",
                           "scorespec_path": "/param", "scorespec_column": "name", "scorespec_orient": "records"}},
                         {"name": "state", "datatype": "BYTES", "shape": [-1], "parameters": {"content_type": "pd",
                           "scorespec_path": "/param", "scorespec_column": "state", "scorespec_orient": "records"}}]"""), inputs);

        Compilation types = compile(Sources.source("SparkTypes", TYPES));
        assertThat(types).succeeded();
        JsonNode unsupported = JSON.readTree(new CompiledClasses(types).openInference("test.SparkTypes"))
                .at("/inputs/0/parameters/scorespec_unsupported");
        assertEquals(
                "a Spark frame's column 'price' of type decimal(10,2) has no tensor form; only columns of plain values do",
                unsupported.asText());
    }

    private static JsonNode schemas(Compilation compilation, String scoringClass, String document) throws IOException {
        String text = new CompiledClasses(compilation).member(scoringClass, document);
        JsonNode root = JSON.readTree(text);
        return document.startsWith("swagger")
                ? root.path("definitions")
                : root.path("components").path("schemas");
    }

    // ------------------------------------------------------------------------------ diagnostics

    /** Compiles a class Bad whose run takes a {@code Dataset<Row> data} with the given {@code @SparkFrame}. */
    private static void assertError(String spark, String id, String text) {
        assertError("""
                import org.apache.spark.sql.Dataset;
                import org.apache.spark.sql.Row;

                public class Bad {
                    @InputSchema(param = "data", spark = @SparkFrame(%s))
                    public int run(Dataset<Row> data) { return 0; }
                }
                """.formatted(spark), id, text, "@InputSchema");
    }

    private static void assertError(String body, String id, String text, String line) {
        JavaFileObject source = Sources.source("Bad", body);
        Compilation compilation = compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[" + id + "] " + text)
                .inFile(source)
                .onLineContaining(line);
    }

    @Test
    void javaTypeIsNotADatasetOfRows() {
        assertError(
                """
                public class Bad {
                    @InputSchema(param = "data", spark = @SparkFrame(sample = "[{\\"a\\": 1}]"))
                    public int run(Map<String, Object> data) { return 0; }
                }
                """,
                "SS210",
                "A @SparkFrame sample binds to a Spark Dataset<Row>, but 'data' is Map<String, Object>. Declare it"
                        + " as org.apache.spark.sql.Dataset<org.apache.spark.sql.Row>.",
                "@InputSchema");
        assertError(
                """
                import org.apache.spark.sql.Dataset;
                import org.apache.spark.sql.Row;

                public class Bad {
                    @InputSchema(param = "data", spark = @SparkFrame(sample = "[{\\"a\\": 1}]"))
                    @OutputSchema(spark = @SparkFrame(sample = "[{\\"a\\": 1}]"))
                    public String run(Dataset<Row> data) { return ""; }
                }
                """,
                "SS210",
                "A @SparkFrame sample binds to a Spark Dataset<Row>, but the output of run is String.",
                "@OutputSchema");
    }

    @Test
    void sampleIsNotRecords() {
        assertError(
                "sample = \"5\"",
                "SS211",
                "The @SparkFrame sample for 'data' is 5. Write it as JSON records, a list of row objects:"
                        + " [{\"name\": \"Sarah\", \"age\": 31}, ...].");
        assertError(
                "sample = \"{\\\"a\\\": [1, 2]}\"",
                "SS211",
                "The @SparkFrame sample for 'data' is an object. Write it as JSON records");
        assertError(
                "sample = \"[{\\\"a\\\": 1}, [1]]\"",
                "SS211",
                "The @SparkFrame sample for 'data' is a list whose row 1 is an array, not an object.");
    }

    @Test
    void sampleWithoutRowsOrColumns() {
        assertError(
                "sample = \"[]\", ddl = \"a INT\"",
                "SS212",
                "The @SparkFrame sample for 'data' has no rows, from which ScoreSpec can tell neither the columns"
                        + " nor what a request looks like. Give at least one row with a value in each column.");
        assertError("sample = \"[{}]\"", "SS212", "The @SparkFrame sample for 'data' has no columns");
    }

    @Test
    void ddlThatDoesNotParse() {
        assertError(
                "sample = \"[{\\\"a\\\": \\\"x\\\"}]\", ddl = \"a VARCHAR(3)\"",
                "SS213",
                "The @SparkFrame ddl for 'data' is not Spark DDL that ScoreSpec reads: at 2 ('VARCHAR(3)'):"
                        + " unsupported type 'VARCHAR'; the types are BOOLEAN, TINYINT,");
        assertError(
                "sample = \"[{\\\"a\\\": 1}]\", ddl = \"a INT,\"",
                "SS213",
                "The @SparkFrame ddl for 'data' is not Spark DDL that ScoreSpec reads: at 6 (the end): expected a"
                        + " column name. Write the columns as StructType.fromDDL takes them, such as ddl = \"name STRING,"
                        + " age INT, scores ARRAY<DOUBLE>\".");
        assertError(
                "sample = \"[{\\\"a\\\": 1}]\", ddl = \"a INT, A INT\"",
                "SS213",
                "The @SparkFrame ddl for 'data' is not Spark DDL that ScoreSpec reads: the name 'A' is given twice.");
    }

    @Test
    void sampleRowThatDoesNotFitTheDdl() {
        assertError(
                "ddl = \"age INT\", sample = \"[{\\\"age\\\": 1}, {\\\"age\\\": 3000000000}]\"",
                "SS214",
                "Row 1 of the @SparkFrame sample for 'data' does not fit its ddl: 'age' expected an integer from"
                        + " -2147483648 to 2147483647, got 3000000000. Change the sample or the ddl.");
        assertError(
                "ddl = \"t TIMESTAMP\", sample = \"[{\\\"t\\\": \\\"2020-01-02T03:04:05\\\"}]\"",
                "SS214",
                "Row 0 of the @SparkFrame sample for 'data' does not fit its ddl: 't' expected an RFC 3339 date-time"
                        + " with offset (2020-01-02T03:04:05Z), got \"2020-01-02T03:04:05\": the offset (Z or +hh:mm) is"
                        + " required, as a TIMESTAMP is an instant.");
        assertError(
                "ddl = \"a STRUCT<city: STRING>\", sample = \"[{\\\"a\\\": {\\\"town\\\": \\\"x\\\"}}]\"",
                "SS214",
                "Row 0 of the @SparkFrame sample for 'data' does not fit its ddl: 'a' unknown field 'town'; the fields"
                        + " are 'city'.");
        assertError(
                "ddl = \"a INT NOT NULL, b INT\", sample = \"[{\\\"b\\\": 1}]\"",
                "SS214",
                "Row 0 of the @SparkFrame sample for 'data' does not fit its ddl: missing column 'a', which is NOT"
                        + " NULL.");
        assertError(
                "ddl = \"p DECIMAL(4,1)\", sample = \"[{\\\"p\\\": 1.25}]\"",
                "SS214",
                "Row 0 of the @SparkFrame sample for 'data' does not fit its ddl: 'p' expected a number with at most 3"
                        + " digits before the point and 1 after (decimal(4,1)), got 1.25.");
        assertError(
                "ddl = \"s ARRAY<BINARY>\", sample = \"[{\\\"s\\\": [\\\"AAEC\\\", \\\"QR==\\\"]}]\"",
                "SS214",
                "Row 0 of the @SparkFrame sample for 'data' does not fit its ddl: 's[1]' expected canonical base64"
                        + " text, got \"QR==\".");
    }

    @Test
    void inferredColumnsThatSparkDrops() {
        assertError(
                "sample = \"[{\\\"a\\\": 1, \\\"e\\\": {}}]\"",
                "SS214",
                "Row 0 of the @SparkFrame sample for 'data' does not fit its columns as Spark infers them (a BIGINT):"
                        + " unknown column 'e'; the columns are 'a'.");
    }

    @Test
    void mapKeysThatAreNotStrings() {
        assertError(
                "ddl = \"m MAP<INT, STRING>\", sample = \"[{\\\"m\\\": {\\\"1\\\": \\\"x\\\"}}]\"",
                "SS215",
                "The @SparkFrame ddl for 'data' has MAP<INT,STRING> at 'm': JSON carries a map as an object, whose"
                        + " keys are strings. Use MAP<STRING, ...>, or an ARRAY<STRUCT<key: ..., value: ...>>.");
    }
}

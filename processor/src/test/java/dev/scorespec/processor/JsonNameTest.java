package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.scorespec.processor.BinderTest.bind;
import static dev.scorespec.processor.BinderTest.reject;
import static dev.scorespec.processor.BinderTest.score;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.emit.DocumentParsers;
import java.time.LocalDate;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @JsonName}: a snake_case payload binds to camelCase record components, in {@code @Standard}
 * samples, nested parameters and structured ndarrays; the documents, the binder's reading and writing
 * and its error paths all use the JSON key, and two components of one key are a compile error.
 */
class JsonNameTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CUSTOMERS = """
            public class Customers {
                public record Customer(
                        @JsonName("customer_id") long customerId, @JsonName("signed_up") LocalDate signedUp, String plan) {}

                public record Churn(@JsonName("customer_id") long customerId, @JsonName("churn_risk") double churnRisk) {}

                @InputSchema(param = "customer", standard = @Standard(
                        sample = "{\\"customer_id\\": 7, \\"signed_up\\": \\"2020-01-02\\", \\"plan\\": \\"gold\\"}"))
                @OutputSchema(standard = @Standard(sample = "{\\"customer_id\\": 7, \\"churn_risk\\": 0.25}"))
                public Churn run(Customer customer) {
                    return new Churn(customer.customerId(), customer.signedUp().getYear() < 2021 ? 0.75 : 0.25);
                }
            }
            """;

    @Test
    void snakeCaseKeysBindToCamelCaseComponents() throws Exception {
        var binder = BinderTest.binder("Customers", CUSTOMERS);
        Record customer = (Record) component(
                bind(binder, "{\"customer\": {\"customer_id\": 42, \"signed_up\": \"2019-05-06\", \"plan\": \"p\"}}"),
                "customer");
        assertEquals(42L, component(customer, "customerId"));
        assertEquals(LocalDate.of(2019, 5, 6), component(customer, "signedUp"));
        assertEquals(
                "{\"customer_id\":42,\"churn_risk\":0.75}",
                score(binder, "{\"customer\": {\"customer_id\": 42, \"signed_up\": \"2019-05-06\", \"plan\": \"p\"}}"));
    }

    @Test
    void errorsNameTheJsonKey() throws Exception {
        var binder = BinderTest.binder("Customers", CUSTOMERS);
        assertEquals(
                "customer.customer_id: expected an integer, got \"x\"",
                reject(
                        binder,
                        "{\"customer\": {\"customer_id\": \"x\", \"signed_up\": \"2019-05-06\", \"plan\": \"p\"}}"));
        assertEquals(
                "customer: missing required property 'signed_up'",
                reject(binder, "{\"customer\": {\"customer_id\": 1, \"plan\": \"p\"}}"));
        // The Java name is not a key of the payload: it is ignored like any unknown key, so signed_up is missing.
        assertEquals(
                "customer: missing required property 'signed_up'",
                reject(binder, "{\"customer\": {\"customer_id\": 1, \"signedUp\": \"2019-05-06\", \"plan\": \"p\"}}"));
    }

    @Test
    void documentsUseTheJsonKey() throws Exception {
        Compilation compilation = Sources.compile(Sources.source("Customers", CUSTOMERS));
        assertThat(compilation).succeededWithoutWarnings();
        CompiledClasses classes = new CompiledClasses(compilation);
        JsonNode customer = json("""
                {"type": "object", "required": ["customer_id", "signed_up", "plan"], "properties": {
                  "customer_id": {"type": "integer", "format": "int64"},
                  "signed_up": {"type": "string", "format": "date"},
                  "plan": {"type": "string"}}}""");
        JsonNode churn = json("""
                {"type": "object", "required": ["customer_id", "churn_risk"], "properties": {
                  "customer_id": {"type": "integer", "format": "int64"},
                  "churn_risk": {"type": "number", "format": "double"}},
                 "example": {"customer_id": 7, "churn_risk": 0.25}}""");
        JsonNode example =
                json("{\"customer\": {\"customer_id\": 7, \"signed_up\": \"2020-01-02\", \"plan\": \"gold\"}}");
        for (OpenApiVersion version : OpenApiVersion.values()) {
            String file = version.member();
            String text = classes.document("test.Customers", version);
            assertEquals(List.of(), DocumentParsers.messages(text, version), file);
            JsonNode schemas = version == OpenApiVersion.V2_0
                    ? json(text).path("definitions")
                    : json(text).path("components").path("schemas");
            assertEquals(
                    customer, schemas.path("ServiceInput").path("properties").path("customer"), file);
            assertEquals(example, schemas.path("ServiceInput").path("example"), file);
            assertEquals(churn, schemas.path("ServiceOutput"), file);
        }
    }

    @Test
    void generatedCodeKeepsJavaNamesForJava() throws Exception {
        Compilation compilation = Sources.compile(Sources.source("Customers", CUSTOMERS));
        String source = compilation
                .generatedSourceFile("test.Customers_ScoreSpec")
                .orElseThrow()
                .getCharContent(true)
                .toString();
        assertTrue(source.contains("case \"customer_id\" -> {"), source);
        assertTrue(source.contains("customerId = JsonValues.readLong(json);"), source);
        assertTrue(source.contains("JsonBody.requireKey(json, hasSignedUp, \"signed_up\");"), source);
        assertTrue(source.contains("out.writeFieldName(\"churn_risk\");"), source);
        assertTrue(source.contains("value.churnRisk()"), source);
    }

    private static final String NESTED = """
            public class Nested {
                public record Point(@JsonName("x_pos") @Standard(sample = "1.5") double xPos, @Standard(sample = "2.5") double y) {}

                public record Row(@JsonName("row_id") long rowId, @JsonName("unit_price") double unitPrice) {}

                public record Features(@JsonName("start_point") Point startPoint,
                        @JsonName("order_rows") @NdArray(sample = "[{\\"row_id\\": 1, \\"unit_price\\": 2.5}]") Row[] orderRows) {}

                @InputSchema(param = "features")
                @OutputSchema(standard = @Standard(sample = "1.0"))
                public double run(Features features) {
                    return features.startPoint().xPos() + features.orderRows()[0].unitPrice();
                }
            }
            """;

    @Test
    void nestedParametersAndStructuredArraysUseTheJsonKey() throws Exception {
        var binder = BinderTest.binder("Nested", NESTED);
        String body = """
                {"features": {"start_point": {"x_pos": 1, "y": 2}, "order_rows": [{"row_id": 3, "unit_price": 4.5}]}}""";
        assertEquals("5.5", score(binder, body));
        assertEquals(
                "features.start_point: missing required property 'x_pos'",
                reject(binder, body.replace("\"x_pos\": 1, ", "")));
        assertEquals(
                "features.order_rows[0].unit_price: expected a number, got \"a\"",
                reject(binder, body.replace("4.5", "\"a\"")));

        CompiledClasses classes = new CompiledClasses(Sources.compile(Sources.source("Nested", NESTED)));
        JsonNode features = json(classes.document("test.Nested", OpenApiVersion.V3_1))
                .path("components")
                .path("schemas")
                .path("ServiceInput")
                .path("properties")
                .path("features");
        assertEquals(json("[\"start_point\", \"order_rows\"]"), features.path("required"));
        assertEquals(
                json("[\"x_pos\", \"y\"]"),
                features.path("properties").path("start_point").path("required"));
        assertEquals(
                List.of("row_id", "unit_price"),
                iterable(features.path("properties")
                        .path("order_rows")
                        .path("items")
                        .path("properties")
                        .fieldNames()));
    }

    @Test
    void aSampleKeyedByTheJavaNameIsAMisfit() {
        JavaFileObject source = Sources.source("Bad", """
                public class Bad {
                    public record Customer(@JsonName("customer_id") long customerId) {}

                    @InputSchema(param = "customer", standard = @Standard(sample = "{\\"customerId\\": 7}"))
                    public double run(Customer customer) { return 0; }
                }
                """);
        Compilation compilation = Sources.compile(source);
        assertThat(compilation)
                .hadErrorContaining(
                        "[SS144] The sample for 'customer' does not fit Bad.Customer: the sample has the key "
                                + "'customerId', which is not a component of Customer. Change the sample or the Java type.")
                .inFile(source)
                .onLineContaining("@InputSchema");
    }

    @Test
    void twoComponentsOfOneKeyAreACompileError() {
        JavaFileObject source = Sources.source("Bad", """
                public class Bad {
                    public record Customer(
                            long customer_id,
                            @JsonName("customer_id") long customerId) {}

                    @InputSchema(param = "customer", standard = @Standard(sample = "{\\"customer_id\\": 7}"))
                    public double run(Customer customer) { return 0; }
                }
                """);
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[SS184] Components 'customer_id' and 'customerId' of Customer both have the JSON "
                        + "key 'customer_id', and a JSON object holds a key once. Give 'customerId' another @JsonName.")
                .inFile(source)
                .onLineContaining("@JsonName(\"customer_id\") long customerId");
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private static Object component(Record record, String name) throws ReflectiveOperationException {
        return record.getClass().getMethod(name).invoke(record);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}

package dev.scorespec.processor.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import dev.scorespec.annotations.internal.OpenApiVersion;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates a value against a schema as an OpenAPI 3.0 or 3.1 schema validator does, with format
 * assertions on (networknt json-schema-validator). The OpenAPI registry's {@code date-time-local} and
 * {@code time-local}, which ScoreSpec uses for naive values, are checked too: RFC 3339 without offset.
 * So are {@code int32} and {@code int64}, which the validator leaves unchecked but OpenAPI defines as
 * signed 32 and 64 bits (and Python's openapi-schema-validator checks): an integer beyond them fails.
 */
public final class ExampleValidator {

    /** RFC 3339 partial-time: hh:mm:ss with an optional fraction, no offset. */
    private static final String PARTIAL_TIME = "([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?";

    private static final String FULL_DATE = "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";

    static final Format DATE_TIME_LOCAL = local("date-time-local", FULL_DATE + "T" + PARTIAL_TIME);
    static final Format TIME_LOCAL = local("time-local", PARTIAL_TIME);
    static final Format INT32 = signedBits("int32", 32);
    static final Format INT64 = signedBits("int64", 64);

    private static final SchemaRegistry OPENAPI_30 = registry(Dialects.getOpenApi30());
    private static final SchemaRegistry OPENAPI_31 = registry(Dialects.getOpenApi31());

    private ExampleValidator() {}

    /** The problems of {@code value} against {@code schema}; empty when it is valid. */
    static List<String> validate(JsonNode schema, JsonNode value, OpenApiVersion version) {
        return errors(schema, value, version).stream().map(Error::toString).toList();
    }

    /** The problems of {@code value} against {@code schema}, each with its instance location. */
    public static List<Error> errors(JsonNode schema, JsonNode value, OpenApiVersion version) {
        SchemaRegistry registry = version == OpenApiVersion.V3_1 ? OPENAPI_31 : OPENAPI_30;
        ObjectNode withoutExample = ((ObjectNode) schema).deepCopy();
        withoutExample.remove("example");
        return registry.getSchema(withoutExample).validate(value);
    }

    /** The problems of a schema's own {@code example} against it. */
    static List<String> validateExample(JsonNode schema, OpenApiVersion version) {
        if (!schema.has("example")) {
            throw new IllegalArgumentException("No example in " + schema);
        }
        return validate(schema, schema.get("example"), version);
    }

    private static SchemaRegistry registry(Dialect base) {
        Dialect dialect = Dialect.builder(base)
                .format(DATE_TIME_LOCAL)
                .format(TIME_LOCAL)
                .format(INT32)
                .format(INT64)
                .build();
        return SchemaRegistry.withDefaultDialect(
                dialect,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build()));
    }

    private static Format local(String name, String regex) {
        Pattern pattern = Pattern.compile(regex);
        return new Format() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public boolean matches(ExecutionContext context, String value) {
                return pattern.matcher(value).matches();
            }
        };
    }

    /** An integer format: integral numbers must fit in {@code bits} signed bits; other values are not its concern. */
    private static Format signedBits(String name, int bits) {
        return new Format() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public boolean matches(ExecutionContext context, SchemaContext schemaContext, JsonNode value) {
                if (!value.isNumber()
                        || value.decimalValue().stripTrailingZeros().scale() > 0) {
                    return true;
                }
                return value.decimalValue().toBigInteger().bitLength() < bits;
            }
        };
    }
}

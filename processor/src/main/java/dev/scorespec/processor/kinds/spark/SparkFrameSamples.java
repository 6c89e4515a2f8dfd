package dev.scorespec.processor.kinds.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorespec.annotations.internal.Base64Text;
import dev.scorespec.annotations.internal.TemporalText;
import dev.scorespec.annotations.internal.spark.SparkDdl;
import dev.scorespec.annotations.internal.spark.SparkInference;
import dev.scorespec.annotations.internal.spark.SparkType;
import dev.scorespec.processor.model.JavaType;
import dev.scorespec.processor.model.ScoringSpec.Sample;
import dev.scorespec.processor.model.SparkFrameType;
import dev.scorespec.processor.validate.Message;
import dev.scorespec.processor.validate.Misfit;
import dev.scorespec.processor.validate.SampleValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a {@code @SparkFrame} sample and decides its {@link SparkFrameType}: the sample is JSON records; its
 * schema is the {@code ddl}, or, without one, what Spark's JSON reader infers from the rows
 * ({@link SparkInference}). Every row must then fit the schema by the rules the runtime's {@code SparkRowReader}
 * reads requests with (integers within their type's range, {@code 7.0} taken as an integer, decimals without
 * rounding, canonical base64, RFC 3339 dates and timestamps with an offset, nulls only where allowed), so a
 * sample that compiles is one a request may carry. The example is the sample, integers written as integers.
 */
public final class SparkFrameSamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DATASET = "org.apache.spark.sql.Dataset";
    private static final String ROW = "org.apache.spark.sql.Row";

    private final String subject;

    public SparkFrameSamples(String subject) {
        this.subject = subject;
    }

    /** The sample's type, or the first problem with it. */
    public Sample sample(JsonNode json, String source, String ddl, JavaType target) throws Misfit {
        if (!(target instanceof JavaType.Declared d
                && d.is(DATASET)
                && d.arguments().size() == 1
                && d.arguments().get(0).is(ROW))) {
            throw new Misfit(Message.SPARK_TARGET, subject, target.name());
        }
        if (!json.isArray()) {
            throw new Misfit(Message.SPARK_SAMPLE_FORM, source, subject, SampleValues.describe(json));
        }
        for (int i = 0; i < json.size(); i++) {
            if (!json.get(i).isObject()) {
                throw new Misfit(
                        Message.SPARK_SAMPLE_FORM,
                        source,
                        subject,
                        "a list whose row " + i + " is " + SampleValues.describe(json.get(i)) + ", not an object");
            }
        }
        if (json.isEmpty()) {
            throw new Misfit(Message.SPARK_EMPTY, source, subject, "rows");
        }
        SparkType.Struct schema;
        String against;
        if (ddl.isBlank()) {
            List<Object> rows = new ArrayList<>();
            json.forEach(row -> rows.add(plain(row)));
            schema = SparkInference.inferRecords(rows);
            if (schema.fields().isEmpty()) {
                throw new Misfit(Message.SPARK_EMPTY, source, subject, "columns");
            }
            against = "columns as Spark infers them (" + SparkDdl.format(schema) + ")";
        } else {
            try {
                schema = SparkDdl.parseSchema(ddl);
            } catch (SparkDdl.DdlException e) {
                throw new Misfit(Message.SPARK_DDL, subject, e.getMessage());
            }
            against = "ddl";
        }
        requireStringKeys(schema, "");
        ArrayNode example = NODES.arrayNode();
        for (int i = 0; i < json.size(); i++) {
            try {
                example.add(struct(json.get(i), schema, "", true));
            } catch (Problem p) {
                throw new Misfit(Message.SPARK_ROW_MISFIT, i, source, subject, against, p.getMessage());
            }
        }
        return new Sample(new SparkFrameType(schema), example);
    }

    /** Maps travel as JSON objects, so their keys must be strings; the runtime reads no other. */
    private void requireStringKeys(SparkType type, String path) throws Misfit {
        if (type instanceof SparkType.Struct s) {
            for (SparkType.Field f : s.fields()) {
                requireStringKeys(f.type(), path.isEmpty() ? f.name() : path + "." + f.name());
            }
        } else if (type instanceof SparkType.Array a) {
            requireStringKeys(a.element(), path + "[]");
        } else if (type instanceof SparkType.MapType m) {
            if (m.key() != SparkType.Atomic.STRING) {
                throw new Misfit(
                        Message.SPARK_MAP_KEY, subject, m.simpleString().toUpperCase(Locale.ROOT), path);
            }
            requireStringKeys(m.value(), path + "{}");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // One value against its type, as SparkRowReader reads it; returns the value as the example shows it.

    private JsonNode value(JsonNode node, SparkType type, boolean nullable, String path) throws Problem {
        if (node.isNull()) {
            if (!nullable) {
                throw new Problem(path, "is null, which its type does not allow (NOT NULL)");
            }
            return node;
        }
        if (type instanceof SparkType.Atomic atomic) {
            return atomic(node, atomic, path);
        }
        if (type instanceof SparkType.Decimal decimal) {
            return decimal(node, decimal, path);
        }
        if (type instanceof SparkType.Array array) {
            if (!node.isArray()) {
                throw new Problem(path, "expected an array (" + shown(type) + "), got " + SampleValues.describe(node));
            }
            ArrayNode items = NODES.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                items.add(value(node.get(i), array.element(), array.containsNull(), path + "[" + i + "]"));
            }
            return items;
        }
        if (type instanceof SparkType.MapType map) {
            if (!node.isObject()) {
                throw new Problem(path, "expected an object (" + shown(type) + "), got " + SampleValues.describe(node));
            }
            ObjectNode entries = NODES.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                entries.set(
                        e.getKey(), value(e.getValue(), map.value(), map.valueContainsNull(), path + "." + e.getKey()));
            }
            return entries;
        }
        SparkType.Struct struct = (SparkType.Struct) type;
        if (!node.isObject()) {
            throw new Problem(path, "expected an object (" + shown(type) + "), got " + SampleValues.describe(node));
        }
        return struct(node, struct, path, false);
    }

    /** A row (its fields are columns) or a struct value. */
    private ObjectNode struct(JsonNode node, SparkType.Struct struct, String path, boolean row) throws Problem {
        String what = row ? "column" : "field";
        Set<String> given = new HashSet<>();
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            SparkType.Field field = struct.field(e.getKey());
            String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            if (field == null) {
                throw new Problem(
                        path, "unknown " + what + " '" + e.getKey() + "'; the " + what + "s are " + struct.names());
            }
            given.add(field.name());
            values.put(e.getKey(), value(e.getValue(), field.type(), field.nullable(), at));
        }
        for (SparkType.Field field : struct.fields()) {
            if (!given.contains(field.name()) && !field.nullable()) {
                throw new Problem(path, "missing " + what + " '" + field.name() + "', which is NOT NULL");
            }
        }
        ObjectNode result = NODES.objectNode();
        values.forEach(result::set);
        return result;
    }

    private static JsonNode atomic(JsonNode node, SparkType.Atomic type, String path) throws Problem {
        switch (type) {
            case BYTE:
                return integer(node, Byte.MIN_VALUE, Byte.MAX_VALUE, path);
            case SHORT:
                return integer(node, Short.MIN_VALUE, Short.MAX_VALUE, path);
            case INTEGER:
                return integer(node, Integer.MIN_VALUE, Integer.MAX_VALUE, path);
            case LONG:
                return integer(node, Long.MIN_VALUE, Long.MAX_VALUE, path);
            case FLOAT:
                if (!node.isNumber() || Math.abs(node.doubleValue()) > Float.MAX_VALUE) {
                    throw new Problem(
                            path, "expected a number within a float's range, got " + SampleValues.describe(node));
                }
                return node;
            case DOUBLE:
                if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
                    throw new Problem(
                            path, "expected a number within a double's range, got " + SampleValues.describe(node));
                }
                return node;
            case BOOLEAN:
                if (!node.isBoolean()) {
                    throw new Problem(path, "expected true or false, got " + SampleValues.describe(node));
                }
                return node;
            case STRING:
                if (!node.isTextual()) {
                    throw new Problem(path, "expected a string, got " + SampleValues.describe(node));
                }
                return node;
            case BINARY:
                if (!node.isTextual() || Base64Text.decode(node.textValue()) == null) {
                    throw new Problem(path, "expected canonical base64 text, got " + SampleValues.describe(node));
                }
                return node;
            case DATE:
                if (!node.isTextual() || TemporalText.parseDate(node.textValue()) == null) {
                    throw new Problem(
                            path, "expected an RFC 3339 date (2020-01-02), got " + SampleValues.describe(node));
                }
                return node;
            case TIMESTAMP:
                if (!node.isTextual() || TemporalText.parseOffsetDateTime(node.textValue()) == null) {
                    String why = node.isTextual() && TemporalText.lacksOnlyOffset(node.textValue())
                            ? ": the offset (Z or +hh:mm) is required, as a TIMESTAMP is an instant"
                            : "";
                    throw new Problem(
                            path,
                            "expected an RFC 3339 date-time with offset (2020-01-02T03:04:05Z), got "
                                    + SampleValues.describe(node) + why);
                }
                return node;
            case TIMESTAMP_NTZ:
                if (!node.isTextual() || TemporalText.parseLocalDateTime(node.textValue()) == null) {
                    throw new Problem(
                            path,
                            "expected an RFC 3339 date-time without offset (2020-01-02T03:04:05), got "
                                    + SampleValues.describe(node));
                }
                return node;
        }
        throw new IllegalStateException("unreachable: " + type);
    }

    private static JsonNode integer(JsonNode node, long min, long max, String path) throws Problem {
        if (!node.isNumber() || !SampleValues.isIntegral(node)) {
            throw new Problem(
                    path, "expected an integer from " + min + " to " + max + ", got " + SampleValues.describe(node));
        }
        BigDecimal value = node.decimalValue();
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new Problem(
                    path, "expected an integer from " + min + " to " + max + ", got " + SampleValues.describe(node));
        }
        return NODES.numberNode(value.toBigIntegerExact());
    }

    private static JsonNode decimal(JsonNode node, SparkType.Decimal type, String path) throws Problem {
        int before = type.precision() - type.scale();
        String expected = "expected a number with at most " + before + " digits before the point and " + type.scale()
                + " after (" + type.simpleString() + "), got ";
        if (!node.isNumber()) {
            throw new Problem(path, expected + SampleValues.describe(node));
        }
        BigDecimal value = node.decimalValue();
        BigDecimal exact = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (exact.scale() > type.scale() || exact.precision() - exact.scale() > before) {
            throw new Problem(path, expected + SampleValues.describe(node));
        }
        return node;
    }

    private static String shown(SparkType type) {
        return type.simpleString().toUpperCase(Locale.ROOT);
    }

    /** A JSON value as the plain Java values {@link SparkInference} takes. */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> object = new LinkedHashMap<>();
            node.properties().forEach(e -> object.put(e.getKey(), plain(e.getValue())));
            return object;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(plain(item)));
            return items;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return null;
    }

    /** A value that does not fit its type: where (a column, {@code address.city}, {@code scores[1]}) and why. */
    private static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String path, String problem) {
            super((path.isEmpty() ? "" : "'" + path + "' ") + problem, null, false, false);
        }
    }
}

package dev.scorespec.processor.kinds.standard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.scorespec.annotations.internal.Base64Text;
import dev.scorespec.annotations.internal.DType;
import dev.scorespec.annotations.internal.TemporalText;
import dev.scorespec.processor.model.JavaType;
import dev.scorespec.processor.model.ListType;
import dev.scorespec.processor.model.ObjectType;
import dev.scorespec.processor.model.ScalarKind;
import dev.scorespec.processor.model.ScalarType;
import dev.scorespec.processor.model.ScoringSpec.Sample;
import dev.scorespec.processor.model.UnionType;
import dev.scorespec.processor.model.ValueType;
import dev.scorespec.processor.validate.Message;
import dev.scorespec.processor.validate.Misfit;
import dev.scorespec.processor.validate.SampleValues;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Infers the type of a {@code @Standard} sample for a Java target (a value, a list, an object, a
 * record), as inference-schema infers a schema from a Python sample, and normalizes the sample into the
 * schema's example. Every mismatch between the sample and the Java type is a {@link Misfit}.
 */
public final class StandardSamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ClassName OBJECT = ClassName.OBJECT;
    private static final TypeName LIST_OF_OBJECT = ParameterizedTypeName.get(ClassName.get(List.class), OBJECT);
    private static final TypeName MAP_OF_OBJECT =
            ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), OBJECT);

    /** The subject of messages, such as {@code 'data'} or {@code the output of run}. */
    private final String subject;

    public StandardSamples(String subject) {
        this.subject = subject;
    }

    public Sample sample(JsonNode sample, JavaType target) throws Misfit {
        SampleValues.requireNotTable(subject, target);
        ArrayList<JsonNode> example = new ArrayList<>(1);
        ValueType type = standard(sample, target, "", example);
        return new Sample(type, example.get(0));
    }

    /** Infers the type of {@code sample} for {@code target}; adds the normalized example to {@code example}. */
    private ValueType standard(JsonNode sample, JavaType target, String path, List<JsonNode> example) throws Misfit {
        if (sample.isNull()) {
            throw misfit(target, path, "is null; samples hold a representative value, never null");
        }
        if (target instanceof JavaType.Record record) {
            return record(sample, record, path, example);
        }
        if (target instanceof JavaType.Array array && !isBytes(target)) {
            return list(sample, array.component(), target.name(), true, path, example);
        }
        if (target.is("java.util.List")
                && target instanceof JavaType.Declared d
                && d.arguments().size() == 1) {
            return list(sample, d.arguments().get(0), target.name(), false, path, example);
        }
        if (target.is("java.util.Map")
                && target instanceof JavaType.Declared d
                && d.arguments().size() == 2) {
            if (!d.arguments().get(0).is("java.lang.String")) {
                throw new Misfit(
                        Message.UNSUPPORTED_TYPE,
                        subject,
                        target.name(),
                        "JSON object keys are strings; use Map<String, ...>");
            }
            return map(sample, d.arguments().get(1), target.name(), path, example);
        }
        if (target.is("java.lang.Object")) {
            return inferred(sample, path, example);
        }
        Optional<ScalarKind> kind = scalarKind(target);
        if (kind.isEmpty()) {
            throw new Misfit(
                    Message.UNSUPPORTED_TYPE,
                    subject,
                    target.name(),
                    target instanceof JavaType.Unsupported u
                            ? u.why()
                            : "supported types are primitives and their boxes, String, byte[], LocalDate, "
                                    + "OffsetDateTime, LocalDateTime, OffsetTime, LocalTime, List, Map<String, ...>, arrays, records and "
                                    + "NDArray");
        }
        example.add(scalar(sample, kind.get(), target, path));
        return new ScalarType(
                target.name(), kind.get(), target.is("java.time.LocalDateTime") || target.is("java.time.LocalTime"));
    }

    private ValueType record(JsonNode sample, JavaType.Record record, String path, List<JsonNode> example)
            throws Misfit {
        if (!sample.isObject()) {
            throw misfit(
                    record,
                    path,
                    "is " + SampleValues.describe(sample)
                            + ", but a record's sample is a JSON object with one key per component");
        }
        if (!record.accessible()) {
            throw new Misfit(
                    Message.UNSUPPORTED_TYPE,
                    subject,
                    record.name(),
                    "the record is private; make it package-private or public");
        }
        if (record.generic()) {
            throw new Misfit(Message.GENERIC_RECORD, subject, record.name());
        }
        for (Iterator<String> names = sample.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (record.components().stream().noneMatch(c -> c.key().equals(name))) {
                throw misfit(
                        record,
                        path,
                        "has the key '" + name + "', which is not a component of "
                                + record.name().simpleName());
            }
        }
        List<ObjectType.Property> properties = new ArrayList<>();
        ObjectNode normalized = NODES.objectNode();
        for (JavaType.Component component : record.components()) {
            String key = component.key();
            JsonNode value = sample.get(key);
            if (value == null) {
                throw misfit(record, path, "has no key '" + key + "' for the record component " + named(component));
            }
            if (value.isNull()) {
                properties.add(new ObjectType.Property(
                        key, component.name(), nullValue(component.type(), path + "." + key), true, true));
                normalized.set(key, value);
                continue;
            }
            List<JsonNode> valueExample = new ArrayList<>(1);
            properties.add(new ObjectType.Property(
                    key, component.name(), standard(value, component.type(), path + "." + key, valueExample), true));
            normalized.set(key, valueExample.get(0));
        }
        example.add(normalized);
        return new ObjectType(record.name(), properties, true);
    }

    /** {@code 'customerId' (JSON name 'customer_id')}, or {@code of that name} when the key is the name. */
    private static String named(JavaType.Component component) {
        return component.jsonName().isPresent()
                ? "'" + component.name() + "' (@JsonName \"" + component.key() + "\")"
                : "of that name";
    }

    private ValueType map(JsonNode sample, JavaType valueType, TypeName javaType, String path, List<JsonNode> example)
            throws Misfit {
        if (!sample.isObject()) {
            throw new Misfit(
                    Message.DOES_NOT_FIT,
                    subject,
                    javaType,
                    (path.isEmpty() ? "the sample" : path) + " is " + SampleValues.describe(sample)
                            + ", but a Map's sample is a JSON object");
        }
        if (sample.isEmpty() && !valueType.is("java.lang.Object")) {
            throw new Misfit(Message.EMPTY_SAMPLE, "sample", subject, "{}");
        }
        List<ObjectType.Property> properties = new ArrayList<>();
        ObjectNode normalized = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = sample.properties().iterator(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                properties.add(new ObjectType.Property(
                        field.getKey(), nullValue(valueType, path + "." + field.getKey()), true, true));
                normalized.set(field.getKey(), field.getValue());
                continue;
            }
            List<JsonNode> valueExample = new ArrayList<>(1);
            properties.add(new ObjectType.Property(
                    field.getKey(),
                    standard(field.getValue(), valueType, path + "." + field.getKey(), valueExample),
                    true));
            normalized.set(field.getKey(), valueExample.get(0));
        }
        example.add(normalized);
        return oneValueType(new ObjectType(javaType, properties, false));
    }

    /**
     * A map whose values are not bound to {@code Object} reads every value as one type, so each key takes
     * the type that all its sample's values fit ({@code {"a": [1], "b": ["x"]}} as {@code Map<String,
     * List<Object>>}); only a key whose sample value is null may be null. A record, or a map of
     * {@code Object}, keeps each key's own type.
     */
    private static ObjectType oneValueType(ObjectType object) {
        if (object.record()
                || object.properties().isEmpty()
                || ((ParameterizedTypeName) object.javaType())
                        .typeArguments()
                        .get(1)
                        .equals(OBJECT)) {
            return object;
        }
        ValueType values = merge(
                object.properties().stream().map(ObjectType.Property::type).toList());
        return new ObjectType(
                object.javaType(),
                object.properties().stream()
                        .map(p -> new ObjectType.Property(p.name(), values, p.required(), p.nullable()))
                        .toList(),
                false);
    }

    private ValueType list(
            JsonNode sample, JavaType item, TypeName javaType, boolean javaArray, String path, List<JsonNode> example)
            throws Misfit {
        if (!sample.isArray()) {
            throw new Misfit(
                    Message.DOES_NOT_FIT,
                    subject,
                    javaType,
                    (path.isEmpty() ? "the sample" : path) + " is " + SampleValues.describe(sample)
                            + ", but a list's sample is a JSON array");
        }
        if (sample.isEmpty()) {
            throw new Misfit(Message.EMPTY_SAMPLE, "sample", subject, "[]");
        }
        ArrayNode normalized = NODES.arrayNode();
        List<ValueType> itemTypes = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            List<JsonNode> itemExample = new ArrayList<>(1);
            itemTypes.add(standard(sample.get(i), item, path + "[" + i + "]", itemExample));
            normalized.add(itemExample.get(0));
        }
        ValueType itemType = merge(itemTypes);
        if (item.is("java.lang.Object") && itemType instanceof ScalarType s && s.kind() == ScalarKind.DOUBLE) {
            // A list of numbers is a list of doubles, as JSON Schema's "number" includes integers.
            normalized = NODES.arrayNode();
            for (JsonNode n : sample) {
                normalized.add(NODES.numberNode(n.doubleValue()));
            }
        }
        example.add(normalized);
        return new ListType(javaType, itemType, javaArray);
    }

    /**
     * The type of a key whose sample is {@code null} (Python's {@code None}): a plain Java type says what
     * else it may be; bound to {@code Object}, any value, which merging with the key's other samples
     * narrows. A primitive cannot be null, and a list, map or record needs a value to describe.
     */
    private ValueType nullValue(JavaType target, String path) throws Misfit {
        if (target.is("java.lang.Object")) {
            return new UnionType(OBJECT, List.of(), List.of());
        }
        Optional<ScalarKind> kind = scalarKind(target);
        if (kind.isEmpty() || target instanceof JavaType.Primitive) {
            throw misfit(
                    target,
                    path,
                    "is null, which "
                            + (target instanceof JavaType.Primitive
                                    ? "a primitive cannot hold; use its box (Double, Long, ...)"
                                    : "says nothing of a list, map or record; give a representative value"));
        }
        return new ScalarType(
                target.name(), kind.get(), target.is("java.time.LocalDateTime") || target.is("java.time.LocalTime"));
    }

    /**
     * One type that every one of {@code types} fits, so that each item of a sample validates and binds:
     * equal types are kept; objects merge key by key (a key is required when every object has it); lists
     * merge their items; integers and fractions make a number; any other mix is a union of the plain
     * kinds, one array and one object. Only values bound to {@code Object} can differ in kind, so a
     * union is always of {@code Object}.
     */
    private static ValueType merge(List<ValueType> types) {
        if (types.stream().allMatch(types.get(0)::equals)) {
            return types.get(0);
        }
        Set<ScalarKind> kinds = new LinkedHashSet<>();
        List<ListType> lists = new ArrayList<>();
        List<ObjectType> objects = new ArrayList<>();
        List<ScalarType> scalars = new ArrayList<>();
        for (ValueType type : types) {
            if (type instanceof UnionType union) {
                kinds.addAll(union.kinds());
                union.list().ifPresent(lists::add);
                union.object().ifPresent(objects::add);
            } else if (type instanceof ListType list) {
                lists.add(list);
            } else if (type instanceof ObjectType object) {
                objects.add(object);
            } else if (type instanceof ScalarType scalar) {
                kinds.add(scalar.kind());
                scalars.add(scalar);
            } else {
                throw new IllegalStateException("no @Standard sample is " + type);
            }
        }
        if (kinds.equals(Set.of(ScalarKind.INT64, ScalarKind.DOUBLE))) {
            kinds = Set.of(ScalarKind.DOUBLE);
        }
        List<ValueType> structures = new ArrayList<>();
        if (!lists.isEmpty()) {
            ListType first = lists.get(0);
            structures.add(new ListType(
                    first.javaType(), merge(lists.stream().map(ListType::items).toList()), first.javaArray()));
        }
        if (!objects.isEmpty()) {
            structures.add(mergeObjects(objects));
        }
        if (kinds.isEmpty() && structures.size() == 1) {
            return structures.get(0);
        }
        if (kinds.size() == 1 && structures.isEmpty()) {
            ScalarKind kind = kinds.iterator().next();
            return scalars.stream()
                    .filter(s -> s.kind() == kind)
                    .findFirst()
                    .orElseGet(() -> new ScalarType(OBJECT, kind, false));
        }
        return new UnionType(OBJECT, List.copyOf(kinds), structures);
    }

    /** Objects of one Java type merged key by key, keys in order of first appearance. */
    private static ObjectType mergeObjects(List<ObjectType> objects) {
        Map<String, List<ObjectType.Property>> byName = new LinkedHashMap<>();
        for (ObjectType object : objects) {
            for (ObjectType.Property property : object.properties()) {
                byName.computeIfAbsent(property.name(), n -> new ArrayList<>()).add(property);
            }
        }
        List<ObjectType.Property> properties = new ArrayList<>();
        byName.forEach((name, seen) -> properties.add(new ObjectType.Property(
                name,
                merge(seen.stream().map(ObjectType.Property::type).toList()),
                seen.size() == objects.size() && seen.stream().allMatch(ObjectType.Property::required),
                seen.stream().anyMatch(ObjectType.Property::nullable))));
        ObjectType first = objects.get(0);
        return oneValueType(new ObjectType(first.javaType(), properties, first.record()));
    }

    /** The type of a sample bound to Object: from its JSON alone. */
    private ValueType inferred(JsonNode sample, String path, List<JsonNode> example) throws Misfit {
        if (sample.isArray()) {
            return list(
                    sample,
                    new JavaType.Declared(OBJECT, "java.lang.Object", List.of()),
                    LIST_OF_OBJECT,
                    false,
                    path,
                    example);
        }
        if (sample.isObject()) {
            return map(
                    sample, new JavaType.Declared(OBJECT, "java.lang.Object", List.of()), MAP_OF_OBJECT, path, example);
        }
        ScalarKind kind = sample.isIntegralNumber()
                ? ScalarKind.INT64
                : sample.isNumber() ? ScalarKind.DOUBLE : sample.isBoolean() ? ScalarKind.BOOLEAN : ScalarKind.STRING;
        // Bound to Object, a fraction is read as a Double: beyond its range, the binder would refuse its own example.
        if (kind == ScalarKind.DOUBLE && !DType.FLOAT64.holds(sample.doubleValue())) {
            throw misfit(
                    new JavaType.Declared(OBJECT, "java.lang.Object", List.of()),
                    path,
                    "is " + SampleValues.describe(sample) + ", beyond the range of a Double, "
                            + DType.FLOAT64.rangeText());
        }
        example.add(kind == ScalarKind.DOUBLE ? NODES.numberNode(sample.doubleValue()) : sample);
        return new ScalarType(OBJECT, kind, false);
    }

    private static Optional<ScalarKind> scalarKind(JavaType type) {
        if (isBytes(type)) {
            return Optional.of(ScalarKind.BYTES);
        }
        String name = type instanceof JavaType.Primitive p
                ? p.name().toString()
                : type instanceof JavaType.Declared d ? d.qualifiedName() : "";
        return Optional.ofNullable(
                switch (name) {
                    case "long", "java.lang.Long" -> ScalarKind.INT64;
                    case "int", "java.lang.Integer", "short", "java.lang.Short", "byte", "java.lang.Byte" ->
                        ScalarKind.INT32;
                    case "double", "java.lang.Double", "java.lang.Number" -> ScalarKind.DOUBLE;
                    case "float", "java.lang.Float" -> ScalarKind.FLOAT;
                    case "boolean", "java.lang.Boolean" -> ScalarKind.BOOLEAN;
                    case "java.lang.String" -> ScalarKind.STRING;
                    case "java.time.LocalDate" -> ScalarKind.DATE;
                    case "java.time.OffsetDateTime", "java.time.LocalDateTime" -> ScalarKind.DATE_TIME;
                    case "java.time.OffsetTime", "java.time.LocalTime" -> ScalarKind.TIME;
                    default -> null;
                });
    }

    private static boolean isBytes(JavaType type) {
        return type instanceof JavaType.Array a
                && a.component() instanceof JavaType.Primitive p
                && p.name().equals(TypeName.BYTE);
    }

    /** Checks a scalar sample against its kind and returns it normalized. */
    private JsonNode scalar(JsonNode sample, ScalarKind kind, JavaType target, String path) throws Misfit {
        String name = target.name().toString();
        switch (kind) {
            case INT64, INT32 -> {
                if (!sample.isNumber() || !SampleValues.isIntegral(sample)) {
                    throw misfit(target, path, "is " + SampleValues.describe(sample) + ", not an integer");
                }
                BigInteger value = sample.bigIntegerValue();
                BigInteger[] range = switch (name) {
                    case "byte", "java.lang.Byte" -> range(DType.INT8);
                    case "short", "java.lang.Short" -> range(DType.INT16);
                    case "int", "java.lang.Integer" -> range(DType.INT32);
                    default -> range(DType.INT64);
                };
                if (value.compareTo(range[0]) < 0 || value.compareTo(range[1]) > 0) {
                    throw misfit(target, path, "is " + value + ", outside " + name + "'s range");
                }
                return NODES.numberNode(value.longValue());
            }
            case DOUBLE, FLOAT -> {
                if (!sample.isNumber()) {
                    throw misfit(target, path, "is " + SampleValues.describe(sample) + ", not a number");
                }
                DType storage = kind == ScalarKind.FLOAT ? DType.FLOAT32 : DType.FLOAT64;
                if (!storage.holds(sample.doubleValue())) {
                    throw misfit(
                            target,
                            path,
                            "is " + SampleValues.describe(sample) + ", beyond " + name + "'s range "
                                    + storage.rangeText());
                }
                return kind == ScalarKind.FLOAT
                        ? NODES.numberNode(sample.floatValue())
                        : NODES.numberNode(sample.doubleValue());
            }
            case BOOLEAN -> {
                if (!sample.isBoolean()) {
                    throw misfit(target, path, "is " + SampleValues.describe(sample) + ", not true or false");
                }
                return sample;
            }
            case STRING -> {
                if (!sample.isTextual()) {
                    throw misfit(target, path, "is " + SampleValues.describe(sample) + ", not a string");
                }
                return sample;
            }
            case BYTES -> {
                if (!sample.isTextual() || Base64Text.decode(sample.asText()) == null) {
                    throw misfit(
                            target,
                            path,
                            "is " + SampleValues.describe(sample) + ", not canonical base64 text such as \"aGVsbG8=\"");
                }
                return sample;
            }
            default -> {
                if (!sample.isTextual()) {
                    throw misfit(target, path, "is " + SampleValues.describe(sample) + ", not a string");
                }
                return NODES.textNode(temporal(sample.asText(), name)
                        .orElseThrow(() -> misfit(
                                target,
                                path,
                                "is " + SampleValues.describe(sample) + ", not " + temporalExample(name))));
            }
        }
    }

    /** Parses a date/time sample as the runtime reads requests (RFC 3339) and prints it back in RFC 3339 form. */
    private static Optional<String> temporal(String text, String javaType) {
        return Optional.ofNullable(
                switch (javaType) {
                    case "java.time.LocalDate" -> formatted(TemporalText.parseDate(text), TemporalText::format);
                    case "java.time.OffsetDateTime" ->
                        formatted(TemporalText.parseOffsetDateTime(text), TemporalText::format);
                    case "java.time.LocalDateTime" ->
                        formatted(TemporalText.parseLocalDateTime(text), TemporalText::format);
                    case "java.time.OffsetTime" -> formatted(TemporalText.parseOffsetTime(text), TemporalText::format);
                    case "java.time.LocalTime" -> formatted(TemporalText.parseLocalTime(text), TemporalText::format);
                    default -> throw new IllegalArgumentException(javaType);
                });
    }

    private static <T> String formatted(T value, java.util.function.Function<T, String> format) {
        return value == null ? null : format.apply(value);
    }

    private static String temporalExample(String javaType) {
        return switch (javaType) {
            case "java.time.LocalDate" -> "a date such as \"2020-01-02\"";
            case "java.time.OffsetDateTime" -> "a date-time with offset such as \"2020-01-02T03:04:05Z\"";
            case "java.time.LocalDateTime" -> "a date-time without offset such as \"2020-01-02T03:04:05\"";
            case "java.time.OffsetTime" -> "a time with offset such as \"13:45:30Z\"";
            default -> "a time such as \"13:45:30\"";
        };
    }

    private Misfit misfit(JavaType target, String path, String problem) {
        return new Misfit(
                Message.DOES_NOT_FIT,
                subject,
                target.name(),
                (path.isEmpty() ? "the sample" : path.startsWith(".") ? path.substring(1) : path) + " " + problem);
    }

    /** The range of a Java integer type: that of the numpy dtype of its width. */
    private static BigInteger[] range(DType dtype) {
        return new BigInteger[] {dtype.min(), dtype.max()};
    }
}

package dev.scorespec.processor.validate;

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
import dev.scorespec.processor.model.JavaElement;
import dev.scorespec.processor.model.JavaType;
import dev.scorespec.processor.model.ListType;
import dev.scorespec.processor.model.NdArrayType;
import dev.scorespec.processor.model.ObjectType;
import dev.scorespec.processor.model.ScalarKind;
import dev.scorespec.processor.model.ScalarType;
import dev.scorespec.processor.model.ScoringSpec.Sample;
import dev.scorespec.processor.model.UnionType;
import dev.scorespec.processor.model.ValueType;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Infers the {@link ValueType} of a sample for a Java target, as inference-schema infers a schema from
 * a Python sample, and normalizes the sample into the schema's example. Every mismatch between the
 * sample, the dtype and the Java type is a {@link Misfit}.
 */
final class SampleTypes {

    static final String NDARRAY = "dev.scorespec.runtime.NDArray";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ClassName OBJECT = ClassName.OBJECT;
    private static final TypeName LIST_OF_OBJECT = ParameterizedTypeName.get(ClassName.get(List.class), OBJECT);
    private static final TypeName MAP_OF_OBJECT =
            ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), OBJECT);

    /** The subject of messages, such as {@code 'data'} or {@code the output of run}. */
    private final String subject;

    SampleTypes(String subject) {
        this.subject = subject;
    }

    /** A Tablesaw table takes a dataframe sample; say so rather than list the types other samples bind to. */
    private void requireNotTable(JavaType target) throws Misfit {
        if (target.is(DataFrameSamples.TABLE)) {
            throw new Misfit(Message.UNSUPPORTED_TYPE, subject, target.name(),
                    "a Tablesaw Table takes a dataframe sample, dataframe = @DataFrame(sample = ...)");
        }
    }

    // ---------------------------------------------------------------- ndarray

    Sample ndarray(JsonNode sample, String dtypeName, boolean enforceShape, JavaType target) throws Misfit {
        requireNotTable(target);
        if (!sample.isArray()) {
            throw new Misfit(Message.DOES_NOT_FIT, subject, target.name(),
                    "an @NdArray sample is a JSON array, but this is " + describe(sample));
        }
        if (target.is(NDARRAY)) {
            List<Integer> shape = shape(sample);
            DType dtype = dtypeName.isEmpty() ? inferDType(sample) : dtype(dtypeName);
            checkLeaves(sample, dtype, target, "");
            return new Sample(new NdArrayType(target.name(), NdArrayType.Target.NDARRAY, Optional.of(dtype), List.of(),
                    shape, enforceShape), normalize(sample, dtype));
        }
        if (!(target instanceof JavaType.Array)) {
            throw new Misfit(Message.UNSUPPORTED_TYPE, subject, target.name(),
                    "an @NdArray sample binds to a Java array (double[][], long[], String[], ...), to NDArray for any "
                            + "rank, or to an array of records for a structured dtype");
        }
        int javaRank = 0;
        JavaType element = target;
        while (element instanceof JavaType.Array array) {
            element = array.component();
            javaRank++;
        }
        if (element instanceof JavaType.Record record) {
            return structured(sample, record, javaRank, enforceShape, target);
        }
        List<Integer> shape = shape(sample);
        Optional<JavaElement> javaElement = javaElement(element);
        // byte[] is the element of a bytes array when the sample holds text rather than numbers.
        if (javaElement.orElse(null) == JavaElement.BYTE && javaRank == shape.size() + 1
                && (dtypeName.isEmpty() || dtype(dtypeName) == DType.BYTES)) {
            javaElement = Optional.of(JavaElement.BYTES);
            javaRank--;
        }
        if (javaElement.isEmpty()) {
            throw new Misfit(Message.UNSUPPORTED_TYPE, subject, target.name(),
                    "the array's element type " + element.name() + " is not one of the ndarray element types "
                            + "(primitives, String, byte[], LocalDateTime, Duration)");
        }
        DType dtype = dtypeName.isEmpty() ? dtypeFor(javaElement.get()) : dtype(dtypeName);
        if (JavaElement.of(dtype) != javaElement.get()) {
            TypeName wanted = arrayOf(JavaElement.of(dtype), javaRank);
            throw new Misfit(Message.DTYPE_MISMATCH, dtype.numpyName(), subject, JavaElement.of(dtype).javaName(),
                    target.name(), wanted, dtypeFor(javaElement.get()).numpyName());
        }
        if (javaRank != shape.size()) {
            throw new Misfit(Message.RANK_MISMATCH, subject, shape.size(), target.name(), javaRank);
        }
        checkLeaves(sample, dtype, target, "");
        return new Sample(new NdArrayType(target.name(), NdArrayType.Target.JAVA_ARRAY, Optional.of(dtype), List.of(),
                shape, enforceShape), normalize(sample, dtype));
    }

    /** A structured dtype: rows are objects keyed by field name (or lists in field order), bound to records. */
    private Sample structured(JsonNode sample, JavaType.Record record, int javaRank, boolean enforceShape, JavaType target)
            throws Misfit {
        if (javaRank != 1) {
            throw new Misfit(Message.RANK_MISMATCH, subject, 1, target.name(), javaRank);
        }
        if (sample.isEmpty()) {
            throw new Misfit(Message.EMPTY_SAMPLE, "sample", subject, "[]");
        }
        if (!record.accessible()) {
            throw new Misfit(Message.UNSUPPORTED_TYPE, subject, target.name(), "the record is private; make it package-private or public");
        }
        List<NdArrayType.Field> fields = new ArrayList<>();
        JsonNode first = sample.get(0);
        for (int i = 0; i < record.components().size(); i++) {
            JavaType.Component component = record.components().get(i);
            JavaType type = component.type();
            int rank = 0;
            while (type instanceof JavaType.Array array) {
                type = array.component();
                rank++;
            }
            Optional<JavaElement> element = javaElement(type);
            if (element.isEmpty()) {
                throw new Misfit(Message.UNSUPPORTED_TYPE, subject, target.name(), "record component '" + component.name()
                        + "' has type " + component.type().name() + ", which is not an ndarray element type or array of one");
            }
            JsonNode firstValue = field(first, component.name(), i, record, "[0]");
            List<Integer> subShape = rank == 0 ? List.of() : shape(firstValue);
            if (subShape.size() != rank) {
                throw new Misfit(Message.RANK_MISMATCH, subject + " field '" + component.name() + "'", subShape.size(),
                        component.type().name(), rank);
            }
            fields.add(new NdArrayType.Field(component.name(), dtypeFor(element.get()), subShape, component.type().name()));
        }
        ArrayNode example = NODES.arrayNode();
        for (int row = 0; row < sample.size(); row++) {
            JsonNode value = sample.get(row);
            if (value.isObject()) {
                for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (fields.stream().noneMatch(f -> f.name().equals(name))) {
                        throw new Misfit(Message.DOES_NOT_FIT, subject, target.name(), "row [" + row + "] has the field '"
                                + name + "', which is not a component of " + record.name().simpleName());
                    }
                }
            }
            ObjectNode normalized = example.addObject();
            for (int i = 0; i < fields.size(); i++) {
                NdArrayType.Field field = fields.get(i);
                JsonNode fieldValue = field(value, field.name(), i, record, "[" + row + "]");
                String where = "[" + row + "]." + field.name();
                if (!field.shape().isEmpty() && !shape(fieldValue).equals(field.shape())) {
                    throw new Misfit(Message.RAGGED, subject, where + " has shape " + shape(fieldValue) + ", row [0] has "
                            + field.shape());
                }
                checkLeaves(fieldValue, field.dtype(), target, where);
                normalized.set(field.name(), normalize(fieldValue, field.dtype()));
            }
        }
        return new Sample(new NdArrayType(target.name(), NdArrayType.Target.RECORDS, Optional.empty(), fields,
                List.of(sample.size()), enforceShape), example);
    }

    /** A field of a structured row, given as an object member or by position. */
    private JsonNode field(JsonNode row, String name, int index, JavaType.Record record, String where) throws Misfit {
        JsonNode value = row.isObject() ? row.get(name) : row.isArray() ? row.get(index) : null;
        if (!row.isObject() && !row.isArray()) {
            throw new Misfit(Message.DOES_NOT_FIT, subject, record.name(),
                    "row " + where + " is " + describe(row) + ", but a record row is an object or a list of fields");
        }
        if (value == null) {
            throw new Misfit(Message.DOES_NOT_FIT, subject, record.name(), "row " + where + " has no value for component '"
                    + name + "'");
        }
        return value;
    }

    private DType dtype(String name) throws Misfit {
        return DType.forName(name).orElseThrow(() -> new Misfit(Message.UNKNOWN_DTYPE, name, subject, DType.names()));
    }

    /** The shape of nested arrays; objects and scalars are leaves. Ragged and empty samples are misfits. */
    private List<Integer> shape(JsonNode node) throws Misfit {
        List<Integer> shape = new ArrayList<>();
        shapeInto(node, "", shape, 0);
        return shape;
    }

    private void shapeInto(JsonNode node, String path, List<Integer> shape, int depth) throws Misfit {
        if (node.isEmpty()) {
            throw new Misfit(Message.EMPTY_SAMPLE, "sample", subject, path.isEmpty() ? "[]" : "empty at " + path);
        }
        shape.add(node.size());
        boolean nested = node.get(0).isArray();
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isArray() != nested) {
                throw new Misfit(Message.RAGGED, subject, path + "[" + i + "] is " + describe(node.get(i)) + ", "
                        + path + "[0] is " + describe(node.get(0)));
            }
        }
        if (!nested) {
            return;
        }
        List<Integer> first = new ArrayList<>();
        shapeInto(node.get(0), path + "[0]", first, depth + 1);
        for (int i = 1; i < node.size(); i++) {
            List<Integer> other = new ArrayList<>();
            shapeInto(node.get(i), path + "[" + i + "]", other, depth + 1);
            if (!other.equals(first)) {
                throw new Misfit(Message.RAGGED, subject, "row " + path + "[" + i + "] has " + describeShape(other)
                        + ", row " + path + "[0] has " + describeShape(first));
            }
        }
        shape.addAll(first);
    }

    private static String describeShape(List<Integer> shape) {
        return shape.size() == 1 ? shape.get(0) + " values" : "shape " + shape;
    }

    /** numpy's inference: all booleans bool, all integers int64, all numbers float64, all strings str. */
    private DType inferDType(JsonNode sample) throws Misfit {
        List<String> firstByKind = new ArrayList<>();
        Set<String> kinds = new LinkedHashSet<>();
        collectKinds(sample, "", kinds, firstByKind);
        if (kinds.equals(Set.of("integer"))) {
            return DType.INT64;
        }
        if (kinds.stream().allMatch(k -> k.equals("integer") || k.equals("number"))) {
            return DType.FLOAT64;
        }
        if (kinds.equals(Set.of("boolean"))) {
            return DType.BOOL;
        }
        if (kinds.equals(Set.of("string"))) {
            return DType.STR;
        }
        throw new Misfit(Message.MIXED, subject, String.join(", ", firstByKind));
    }

    private static void collectKinds(JsonNode node, String path, Set<String> kinds, List<String> firstByKind) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectKinds(node.get(i), path + "[" + i + "]", kinds, firstByKind);
            }
            return;
        }
        String kind = node.isIntegralNumber() ? "integer" : node.isNumber() ? "number" : node.isBoolean() ? "boolean"
                : node.isTextual() ? "string" : node.isNull() ? "null" : "object";
        if (kinds.add(kind)) {
            firstByKind.add(path + " is " + (kind.equals("integer") ? "an integer" : kind.equals("object") ? "an object"
                    : kind.equals("null") ? "null" : "a " + kind));
        }
    }

    /** Checks that every leaf of the sample is a value of the dtype. */
    private void checkLeaves(JsonNode node, DType dtype, JavaType target, String path) throws Misfit {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkLeaves(node.get(i), dtype, target, path + "[" + i + "]");
            }
            return;
        }
        Optional<String> problem = leafProblem(node, dtype);
        if (problem.isPresent()) {
            throw new Misfit(Message.DOES_NOT_FIT, subject, target.name() + " (dtype " + dtype.numpyName() + ")",
                    path + " is " + describe(node) + ", " + problem.get());
        }
    }

    private static Optional<String> leafProblem(JsonNode node, DType dtype) {
        if (dtype.isInteger()) {
            if (!node.isNumber() || !isIntegral(node)) {
                return Optional.of("not an integer");
            }
            BigInteger value = node.bigIntegerValue();
            if (value.compareTo(dtype.min()) < 0 || value.compareTo(dtype.max()) > 0) {
                return Optional.of("outside " + dtype.numpyName() + "'s range " + dtype.min() + " to " + dtype.max());
            }
            return Optional.empty();
        }
        if (dtype.isFloating()) {
            if (!node.isNumber()) {
                return Optional.of("not a number");
            }
            return dtype.holds(node.doubleValue()) ? Optional.empty()
                    : Optional.of("beyond " + dtype.numpyName() + "'s range " + dtype.rangeText());
        }
        return switch (dtype) {
            case BOOL -> node.isBoolean() ? Optional.empty() : Optional.of("not true or false");
            case STR -> node.isTextual() ? Optional.empty() : Optional.of("not a string");
            case BYTES -> node.isTextual() && Base64Text.decode(node.asText()) != null ? Optional.empty()
                    : Optional.of("not canonical base64 text such as \"aGVsbG8=\"");
            case DATETIME64 -> node.isTextual() && TemporalText.parseLocalDateTime(node.asText()) != null ? Optional.empty()
                    : Optional.of("not a date-time such as \"2020-01-01T00:00:00\"");
            case TIMEDELTA64 -> node.isTextual() && TemporalText.parseTimedelta(node.asText()) != null ? Optional.empty()
                    : Optional.of("not a duration such as \"3600 seconds\", \"2 weeks\" or \"PT1H\"");
            default -> Optional.of("not a " + dtype.numpyName());
        };
    }

    static boolean isIntegral(JsonNode node) {
        return node.isIntegralNumber() || (node.isNumber() && node.decimalValue().stripTrailingZeros().scale() <= 0);
    }

    private static BigInteger[] range(DType dtype) {
        return new BigInteger[] {dtype.min(), dtype.max()};
    }

    /** The example: numbers as the dtype writes them (1.0 for floats), date-times in ISO form. */
    private static JsonNode normalize(JsonNode node, DType dtype) {
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode();
            node.forEach(child -> array.add(normalize(child, dtype)));
            return array;
        }
        if (dtype.isFloating()) {
            return NODES.numberNode(node.doubleValue());
        }
        if (dtype.isInteger()) {
            BigInteger value = node.bigIntegerValue();
            return value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
        }
        if (dtype == DType.DATETIME64) {
            return NODES.textNode(TemporalText.format(TemporalText.parseLocalDateTime(node.asText())));
        }
        return node;
    }

    private static Optional<JavaElement> javaElement(JavaType type) {
        if (type instanceof JavaType.Primitive p) {
            for (JavaElement e : JavaElement.values()) {
                if (e.isPrimitive() && p.name().toString().equals(e.javaName())) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }
        if (type instanceof JavaType.Array a && a.component() instanceof JavaType.Primitive p && p.name().equals(TypeName.BYTE)) {
            return Optional.of(JavaElement.BYTES);
        }
        for (JavaElement e : JavaElement.values()) {
            if (!e.isPrimitive() && type.is(e.javaName())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The dtype a Java element type stands for when no dtype is named. */
    private static DType dtypeFor(JavaElement element) {
        return switch (element) {
            case BYTE -> DType.INT8;
            case SHORT -> DType.INT16;
            case INT -> DType.INT32;
            case LONG -> DType.INT64;
            case FLOAT -> DType.FLOAT32;
            case DOUBLE -> DType.FLOAT64;
            case BOOLEAN -> DType.BOOL;
            case STRING -> DType.STR;
            case BYTES -> DType.BYTES;
            case LOCAL_DATE_TIME -> DType.DATETIME64;
            case DURATION -> DType.TIMEDELTA64;
        };
    }

    private static TypeName arrayOf(JavaElement element, int rank) {
        TypeName type = switch (element) {
            case BYTE -> TypeName.BYTE;
            case SHORT -> TypeName.SHORT;
            case INT -> TypeName.INT;
            case LONG -> TypeName.LONG;
            case FLOAT -> TypeName.FLOAT;
            case DOUBLE -> TypeName.DOUBLE;
            case BOOLEAN -> TypeName.BOOLEAN;
            case STRING -> ClassName.get(String.class);
            case BYTES -> com.palantir.javapoet.ArrayTypeName.of(TypeName.BYTE);
            case LOCAL_DATE_TIME -> ClassName.get(LocalDateTime.class);
            case DURATION -> ClassName.get(Duration.class);
        };
        for (int i = 0; i < Math.max(rank, 1); i++) {
            type = com.palantir.javapoet.ArrayTypeName.of(type);
        }
        return type;
    }

    // ---------------------------------------------------------------- standard

    Sample standard(JsonNode sample, JavaType target) throws Misfit {
        requireNotTable(target);
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
        if (target.is("java.util.List") && target instanceof JavaType.Declared d && d.arguments().size() == 1) {
            return list(sample, d.arguments().get(0), target.name(), false, path, example);
        }
        if (target.is("java.util.Map") && target instanceof JavaType.Declared d && d.arguments().size() == 2) {
            if (!d.arguments().get(0).is("java.lang.String")) {
                throw new Misfit(Message.UNSUPPORTED_TYPE, subject, target.name(), "JSON object keys are strings; use Map<String, ...>");
            }
            return map(sample, d.arguments().get(1), target.name(), path, example);
        }
        if (target.is("java.lang.Object")) {
            return inferred(sample, path, example);
        }
        Optional<ScalarKind> kind = scalarKind(target);
        if (kind.isEmpty()) {
            throw new Misfit(Message.UNSUPPORTED_TYPE, subject, target.name(), target instanceof JavaType.Unsupported u
                    ? u.why() : "supported types are primitives and their boxes, String, byte[], LocalDate, "
                    + "OffsetDateTime, LocalDateTime, OffsetTime, LocalTime, List, Map<String, ...>, arrays, records and "
                    + "NDArray");
        }
        example.add(scalar(sample, kind.get(), target, path));
        return new ScalarType(target.name(), kind.get(),
                target.is("java.time.LocalDateTime") || target.is("java.time.LocalTime"));
    }

    private ValueType record(JsonNode sample, JavaType.Record record, String path, List<JsonNode> example) throws Misfit {
        if (!sample.isObject()) {
            throw misfit(record, path, "is " + describe(sample) + ", but a record's sample is a JSON object with one key per component");
        }
        if (!record.accessible()) {
            throw new Misfit(Message.UNSUPPORTED_TYPE, subject, record.name(), "the record is private; make it package-private or public");
        }
        for (Iterator<String> names = sample.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (record.components().stream().noneMatch(c -> c.name().equals(name))) {
                throw misfit(record, path, "has the key '" + name + "', which is not a component of "
                        + record.name().simpleName());
            }
        }
        List<ObjectType.Property> properties = new ArrayList<>();
        ObjectNode normalized = NODES.objectNode();
        for (JavaType.Component component : record.components()) {
            JsonNode value = sample.get(component.name());
            if (value == null) {
                throw misfit(record, path, "has no key '" + component.name() + "' for the record component of that name");
            }
            List<JsonNode> valueExample = new ArrayList<>(1);
            properties.add(new ObjectType.Property(component.name(),
                    standard(value, component.type(), path + "." + component.name(), valueExample), true));
            normalized.set(component.name(), valueExample.get(0));
        }
        example.add(normalized);
        return new ObjectType(record.name(), properties, true);
    }

    private ValueType map(JsonNode sample, JavaType valueType, TypeName javaType, String path, List<JsonNode> example)
            throws Misfit {
        if (!sample.isObject()) {
            throw new Misfit(Message.DOES_NOT_FIT, subject, javaType, (path.isEmpty() ? "the sample" : path)
                    + " is " + describe(sample) + ", but a Map's sample is a JSON object");
        }
        if (sample.isEmpty() && !valueType.is("java.lang.Object")) {
            throw new Misfit(Message.EMPTY_SAMPLE, "sample", subject, "{}");
        }
        List<ObjectType.Property> properties = new ArrayList<>();
        ObjectNode normalized = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = sample.properties().iterator(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            List<JsonNode> valueExample = new ArrayList<>(1);
            properties.add(new ObjectType.Property(field.getKey(),
                    standard(field.getValue(), valueType, path + "." + field.getKey(), valueExample), true));
            normalized.set(field.getKey(), valueExample.get(0));
        }
        example.add(normalized);
        return new ObjectType(javaType, properties, false);
    }

    private ValueType list(JsonNode sample, JavaType item, TypeName javaType, boolean javaArray, String path,
            List<JsonNode> example) throws Misfit {
        if (!sample.isArray()) {
            throw new Misfit(Message.DOES_NOT_FIT, subject, javaType, (path.isEmpty() ? "the sample" : path)
                    + " is " + describe(sample) + ", but a list's sample is a JSON array");
        }
        if (sample.isEmpty()) {
            throw new Misfit(Message.EMPTY_SAMPLE, "sample", subject, "[]");
        }
        ArrayNode normalized = NODES.arrayNode();
        ValueType itemType = null;
        List<ValueType> itemTypes = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            List<JsonNode> itemExample = new ArrayList<>(1);
            ValueType t = standard(sample.get(i), item, path + "[" + i + "]", itemExample);
            itemTypes.add(t);
            normalized.add(itemExample.get(0));
            itemType = itemType == null ? t : itemType;
        }
        if (item.is("java.lang.Object")) {
            itemType = unify(itemTypes);
            if (itemType instanceof ScalarType s && s.kind() == ScalarKind.DOUBLE) {
                // A list of numbers is a list of doubles, as JSON Schema's "number" includes integers.
                normalized = NODES.arrayNode();
                for (JsonNode n : sample) {
                    normalized.add(NODES.numberNode(n.doubleValue()));
                }
            }
        }
        example.add(normalized);
        return new ListType(javaType, itemType, javaArray);
    }

    /** One type for the items of a List<Object>: all alike, all numbers, or a union of scalars. */
    private ValueType unify(List<ValueType> types) throws Misfit {
        if (types.stream().allMatch(types.get(0)::equals)) {
            return types.get(0);
        }
        Set<ScalarKind> kinds = new LinkedHashSet<>();
        for (ValueType t : types) {
            if (!(t instanceof ScalarType s)) {
                throw new Misfit(Message.MIXED, subject, "a list that mixes arrays or objects with other items; "
                        + "only plain values may mix");
            }
            kinds.add(s.kind());
        }
        if (kinds.equals(Set.of(ScalarKind.INT64, ScalarKind.DOUBLE))) {
            return new ScalarType(OBJECT, ScalarKind.DOUBLE, false);
        }
        return new UnionType(OBJECT, List.copyOf(kinds));
    }

    /** The type of a sample bound to Object: from its JSON alone. */
    private ValueType inferred(JsonNode sample, String path, List<JsonNode> example) throws Misfit {
        if (sample.isArray()) {
            return list(sample, new JavaType.Declared(OBJECT, "java.lang.Object", List.of()), LIST_OF_OBJECT, false, path, example);
        }
        if (sample.isObject()) {
            return map(sample, new JavaType.Declared(OBJECT, "java.lang.Object", List.of()), MAP_OF_OBJECT, path, example);
        }
        ScalarKind kind = sample.isIntegralNumber() ? ScalarKind.INT64 : sample.isNumber() ? ScalarKind.DOUBLE
                : sample.isBoolean() ? ScalarKind.BOOLEAN : ScalarKind.STRING;
        example.add(kind == ScalarKind.DOUBLE ? NODES.numberNode(sample.doubleValue()) : sample);
        return new ScalarType(OBJECT, kind, false);
    }

    private static Optional<ScalarKind> scalarKind(JavaType type) {
        if (isBytes(type)) {
            return Optional.of(ScalarKind.BYTES);
        }
        String name = type instanceof JavaType.Primitive p ? p.name().toString()
                : type instanceof JavaType.Declared d ? d.qualifiedName() : "";
        return Optional.ofNullable(switch (name) {
            case "long", "java.lang.Long" -> ScalarKind.INT64;
            case "int", "java.lang.Integer", "short", "java.lang.Short", "byte", "java.lang.Byte" -> ScalarKind.INT32;
            case "double", "java.lang.Double" -> ScalarKind.DOUBLE;
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
        return type instanceof JavaType.Array a && a.component() instanceof JavaType.Primitive p && p.name().equals(TypeName.BYTE);
    }

    /** Checks a scalar sample against its kind and returns it normalized. */
    private JsonNode scalar(JsonNode sample, ScalarKind kind, JavaType target, String path) throws Misfit {
        String name = target.name().toString();
        switch (kind) {
            case INT64, INT32 -> {
                if (!sample.isNumber() || !isIntegral(sample)) {
                    throw misfit(target, path, "is " + describe(sample) + ", not an integer");
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
                    throw misfit(target, path, "is " + describe(sample) + ", not a number");
                }
                DType storage = kind == ScalarKind.FLOAT ? DType.FLOAT32 : DType.FLOAT64;
                if (!storage.holds(sample.doubleValue())) {
                    throw misfit(target, path, "is " + describe(sample) + ", beyond " + name + "'s range "
                            + storage.rangeText());
                }
                return kind == ScalarKind.FLOAT ? NODES.numberNode(sample.floatValue()) : NODES.numberNode(sample.doubleValue());
            }
            case BOOLEAN -> {
                if (!sample.isBoolean()) {
                    throw misfit(target, path, "is " + describe(sample) + ", not true or false");
                }
                return sample;
            }
            case STRING -> {
                if (!sample.isTextual()) {
                    throw misfit(target, path, "is " + describe(sample) + ", not a string");
                }
                return sample;
            }
            case BYTES -> {
                if (!sample.isTextual() || Base64Text.decode(sample.asText()) == null) {
                    throw misfit(target, path, "is " + describe(sample) + ", not canonical base64 text such as \"aGVsbG8=\"");
                }
                return sample;
            }
            default -> {
                if (!sample.isTextual()) {
                    throw misfit(target, path, "is " + describe(sample) + ", not a string");
                }
                return NODES.textNode(temporal(sample.asText(), name).orElseThrow(() -> misfit(target, path,
                        "is " + describe(sample) + ", not " + temporalExample(name))));
            }
        }
    }

    /** Parses a date/time sample as the runtime reads requests (RFC 3339) and prints it back in RFC 3339 form. */
    private static Optional<String> temporal(String text, String javaType) {
        return Optional.ofNullable(switch (javaType) {
            case "java.time.LocalDate" -> formatted(TemporalText.parseDate(text), TemporalText::format);
            case "java.time.OffsetDateTime" -> formatted(TemporalText.parseOffsetDateTime(text), TemporalText::format);
            case "java.time.LocalDateTime" -> formatted(TemporalText.parseLocalDateTime(text), TemporalText::format);
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
        return new Misfit(Message.DOES_NOT_FIT, subject, target.name(), (path.isEmpty() ? "the sample" : path.startsWith(".")
                ? path.substring(1) : path) + " " + problem);
    }

    /** How a JSON value reads in a message. */
    static String describe(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isNull()) {
            return "null";
        }
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }
}

package dev.scorespec.processor.kinds.ndarray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.scorespec.annotations.internal.Base64Text;
import dev.scorespec.annotations.internal.DType;
import dev.scorespec.annotations.internal.TemporalText;
import dev.scorespec.processor.model.JavaElement;
import dev.scorespec.processor.model.JavaType;
import dev.scorespec.processor.model.NdArrayType;
import dev.scorespec.processor.model.ScoringSpec.Sample;
import dev.scorespec.processor.validate.Message;
import dev.scorespec.processor.validate.Misfit;
import dev.scorespec.processor.validate.SampleValues;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Infers the {@link NdArrayType} of an {@code @NdArray} sample for a Java target, as inference-schema
 * infers a numpy array's schema, and normalizes the sample into the schema's example. Every mismatch
 * between the sample, the dtype and the Java type is a {@link Misfit}.
 */
public final class NdArraySamples {

    static final String NDARRAY = "dev.scorespec.runtime.NDArray";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The subject of messages, such as {@code 'data'} or {@code the output of run}. */
    private final String subject;

    public NdArraySamples(String subject) {
        this.subject = subject;
    }

    public Sample sample(JsonNode sample, String dtypeName, boolean enforceShape, JavaType target) throws Misfit {
        SampleValues.requireNotTable(subject, target);
        if (!sample.isArray()) {
            throw new Misfit(
                    Message.DOES_NOT_FIT,
                    subject,
                    target.name(),
                    "an @NdArray sample is a JSON array, but this is " + SampleValues.describe(sample));
        }
        if (target.is(NDARRAY) && sample.isEmpty() && !dtypeName.isEmpty()) {
            return empty(dtype(dtypeName), NdArrayType.Target.NDARRAY, 1, target);
        }
        if (target.is(NDARRAY)) {
            List<Integer> shape = shape(sample);
            DType dtype =
                    dtypeName.isEmpty() ? inferDType(sample) : dayIfDatesOnly(dtype(dtypeName), dtypeName, sample);
            checkLeaves(sample, dtype, target, "");
            return new Sample(
                    new NdArrayType(
                            target.name(),
                            NdArrayType.Target.NDARRAY,
                            Optional.of(dtype),
                            List.of(),
                            shape,
                            enforceShape),
                    normalize(sample, dtype));
        }
        if (!(target instanceof JavaType.Array)) {
            throw new Misfit(
                    Message.UNSUPPORTED_TYPE,
                    subject,
                    target.name(),
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
        if (sample.isEmpty() && javaElement(element).isPresent()) {
            JavaElement stated = javaElement(element).get();
            DType dtype = dtypeName.isEmpty() ? dtypeFor(stated) : dtype(dtypeName);
            if (dtype == DType.DATETIME64 && stated == JavaElement.LOCAL_DATE && isUnitless(dtypeName)) {
                dtype = DType.DATETIME64_D;
            }
            if (JavaElement.of(dtype) == stated) {
                return empty(dtype, NdArrayType.Target.JAVA_ARRAY, javaRank, target);
            }
        }
        List<Integer> shape = shape(sample);
        Optional<JavaElement> javaElement = javaElement(element);
        // byte[] is the element of a bytes array when the sample holds text rather than numbers.
        if (javaElement.orElse(null) == JavaElement.BYTE
                && javaRank == shape.size() + 1
                && (dtypeName.isEmpty() || dtype(dtypeName) == DType.BYTES)) {
            javaElement = Optional.of(JavaElement.BYTES);
            javaRank--;
        }
        if (javaElement.isEmpty()) {
            throw new Misfit(
                    Message.UNSUPPORTED_TYPE,
                    subject,
                    target.name(),
                    "the array's element type " + element.name() + " is not one of the ndarray element types "
                            + "(primitives, String, byte[], LocalDateTime, LocalDate, Duration)");
        }
        DType dtype = dtypeName.isEmpty() ? dtypeFor(javaElement.get()) : dtype(dtypeName);
        if (dtype == DType.DATETIME64 && javaElement.get() == JavaElement.LOCAL_DATE && isUnitless(dtypeName)) {
            dtype = DType.DATETIME64_D;
        }
        if (JavaElement.of(dtype) != javaElement.get()) {
            TypeName wanted = arrayOf(JavaElement.of(dtype), javaRank);
            throw new Misfit(
                    Message.DTYPE_MISMATCH,
                    dtype.numpyName(),
                    subject,
                    JavaElement.of(dtype).javaName(),
                    target.name(),
                    wanted,
                    dtypeFor(javaElement.get()).numpyName());
        }
        if (javaRank != shape.size()) {
            throw new Misfit(Message.RANK_MISMATCH, subject, shape.size(), target.name(), javaRank);
        }
        checkLeaves(sample, dtype, target, "");
        return new Sample(
                new NdArrayType(
                        target.name(),
                        NdArrayType.Target.JAVA_ARRAY,
                        Optional.of(dtype),
                        List.of(),
                        shape,
                        enforceShape),
                normalize(sample, dtype));
    }

    /**
     * An empty sample, numpy's {@code (0, n)} array, whose JSON ({@code []}) keeps only its first
     * dimension: the dtype and the Java type state the rest, the rank and the element. Its other
     * dimensions are unknown, so they are not enforced.
     */
    private static Sample empty(DType dtype, NdArrayType.Target target, int rank, JavaType javaType) {
        List<Integer> shape = new ArrayList<>(java.util.Collections.nCopies(rank, 0));
        return new Sample(
                new NdArrayType(javaType.name(), target, Optional.of(dtype), List.of(), shape, false),
                NODES.arrayNode());
    }

    /**
     * A structured dtype: rows are objects keyed by field name (or lists in field order), bound to records;
     * an array of records of rank n (rows of records for n = 2) nests the rows n arrays deep, every level
     * rectangular.
     */
    private Sample structured(
            JsonNode sample, JavaType.Record record, int javaRank, boolean enforceShape, JavaType target)
            throws Misfit {
        if (sample.isEmpty()) {
            throw new Misfit(Message.EMPTY_SAMPLE, "sample", subject, "[]");
        }
        int sampleRank = recordRank(sample);
        if (sampleRank > 0 && sampleRank != javaRank) {
            throw new Misfit(Message.RANK_MISMATCH, subject, sampleRank, target.name(), javaRank);
        }
        if (!record.accessible()) {
            throw new Misfit(
                    Message.UNSUPPORTED_TYPE,
                    subject,
                    target.name(),
                    "the record is private; make it package-private or public");
        }
        if (record.generic()) {
            throw new Misfit(Message.GENERIC_RECORD, subject, record.name());
        }
        // The rows in row-major order, with their paths ([0][1] for rank 2), and the array's shape.
        List<Integer> shape = new ArrayList<>();
        List<JsonNode> rows = List.of(sample);
        List<String> paths = List.of("");
        for (int depth = 0; depth < javaRank; depth++) {
            List<JsonNode> next = new ArrayList<>();
            List<String> nextPaths = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                JsonNode node = rows.get(i);
                String path = paths.get(i);
                if (!node.isArray()) {
                    throw new Misfit(
                            Message.RAGGED,
                            subject,
                            path + " is " + SampleValues.describe(node) + ", " + paths.get(0) + " is "
                                    + SampleValues.describe(rows.get(0)));
                }
                if (node.isEmpty()) {
                    throw new Misfit(Message.EMPTY_SAMPLE, "sample", subject, "empty at " + path);
                }
                if (i == 0) {
                    shape.add(node.size());
                } else if (node.size() != shape.get(depth)) {
                    throw new Misfit(
                            Message.RAGGED,
                            subject,
                            "row " + path + " has " + node.size() + " values, row " + paths.get(0) + " has "
                                    + shape.get(depth));
                }
                for (int j = 0; j < node.size(); j++) {
                    next.add(node.get(j));
                    nextPaths.add(path + "[" + j + "]");
                }
            }
            rows = next;
            paths = nextPaths;
        }
        List<NdArrayType.Field> fields = new ArrayList<>();
        JsonNode first = rows.get(0);
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
                throw new Misfit(
                        Message.UNSUPPORTED_TYPE,
                        subject,
                        target.name(),
                        "record component '" + component.name() + "' has type "
                                + component.type().name() + ", which is not an ndarray element type or array of one");
            }
            JsonNode firstValue = field(first, component.key(), i, record, paths.get(0));
            List<Integer> subShape = rank == 0 ? List.of() : shape(firstValue);
            if (subShape.size() != rank) {
                throw new Misfit(
                        Message.RANK_MISMATCH,
                        subject + " field '" + component.key() + "'",
                        subShape.size(),
                        component.type().name(),
                        rank);
            }
            fields.add(new NdArrayType.Field(
                    component.key(),
                    component.name(),
                    dtypeFor(element.get()),
                    subShape,
                    component.type().name()));
        }
        List<JsonNode> normalizedRows = new ArrayList<>();
        for (int row = 0; row < rows.size(); row++) {
            JsonNode value = rows.get(row);
            String rowPath = paths.get(row);
            if (value.isObject()) {
                for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (fields.stream().noneMatch(f -> f.name().equals(name))) {
                        throw new Misfit(
                                Message.DOES_NOT_FIT,
                                subject,
                                target.name(),
                                "row " + rowPath + " has the field '" + name + "', which is not a component of "
                                        + record.name().simpleName());
                    }
                }
            }
            ObjectNode normalized = NODES.objectNode();
            for (int i = 0; i < fields.size(); i++) {
                NdArrayType.Field field = fields.get(i);
                JsonNode fieldValue = field(value, field.name(), i, record, rowPath);
                String where = rowPath + "." + field.name();
                if (!field.shape().isEmpty() && !shape(fieldValue).equals(field.shape())) {
                    throw new Misfit(
                            Message.RAGGED,
                            subject,
                            where + " has shape " + shape(fieldValue) + ", row " + paths.get(0) + " has "
                                    + field.shape());
                }
                checkLeaves(fieldValue, field.dtype(), target, where);
                normalized.set(field.name(), normalize(fieldValue, field.dtype()));
            }
            normalizedRows.add(normalized);
        }
        return new Sample(
                new NdArrayType(
                        target.name(), NdArrayType.Target.RECORDS, Optional.empty(), fields, shape, enforceShape),
                nest(normalizedRows.iterator(), shape, 0));
    }

    /**
     * How many arrays deep a structured sample's first object is: 2 for {@code [[{"a": 1}]]}. Zero when
     * its first rows are lists in field order, whose depth only the Java type tells.
     */
    private static int recordRank(JsonNode sample) {
        int rank = 0;
        JsonNode node = sample;
        while (node.isArray() && !node.isEmpty()) {
            node = node.get(0);
            rank++;
        }
        return node.isObject() ? rank : 0;
    }

    /** The rows, in row-major order, nested in arrays of the shape. */
    private static ArrayNode nest(Iterator<JsonNode> rows, List<Integer> shape, int depth) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < shape.get(depth); i++) {
            array.add(depth + 1 == shape.size() ? rows.next() : nest(rows, shape, depth + 1));
        }
        return array;
    }

    /** A field of a structured row, given as an object member or by position. */
    private JsonNode field(JsonNode row, String name, int index, JavaType.Record record, String where) throws Misfit {
        JsonNode value = row.isObject() ? row.get(name) : row.isArray() ? row.get(index) : null;
        if (!row.isObject() && !row.isArray()) {
            throw new Misfit(
                    Message.DOES_NOT_FIT,
                    subject,
                    record.name(),
                    "row " + where + " is " + SampleValues.describe(row)
                            + ", but a record row is an object or a list of fields");
        }
        if (value == null) {
            throw new Misfit(
                    Message.DOES_NOT_FIT,
                    subject,
                    record.name(),
                    "row " + where + " has no value for component '" + name + "'");
        }
        return value;
    }

    /**
     * numpy gives a unit-less {@code datetime64} the unit its text needs: {@code "2021-05-06"} alone makes
     * {@code datetime64[D]}. So a unit-less sample of dates only is the day dtype, and date-only requests
     * are what it takes; a sample that mixes dates and date-times stays {@code datetime64}, whose values
     * are date-times.
     */
    private static DType dayIfDatesOnly(DType named, String dtypeName, JsonNode sample) {
        return named == DType.DATETIME64 && isUnitless(dtypeName) && allDates(sample) ? DType.DATETIME64_D : named;
    }

    private static boolean isUnitless(String dtypeName) {
        return dtypeName.trim().equalsIgnoreCase("datetime64");
    }

    private static boolean allDates(JsonNode node) {
        if (node.isArray()) {
            for (JsonNode child : node) {
                if (!allDates(child)) {
                    return false;
                }
            }
            return true;
        }
        return node.isTextual() && TemporalText.parseDate(node.asText()) != null;
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
                throw new Misfit(
                        Message.RAGGED,
                        subject,
                        path + "[" + i + "] is " + SampleValues.describe(node.get(i)) + ", " + path + "[0] is "
                                + SampleValues.describe(node.get(0)));
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
                throw new Misfit(
                        Message.RAGGED,
                        subject,
                        "row " + path + "[" + i + "] has " + describeShape(other) + ", row " + path + "[0] has "
                                + describeShape(first));
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
        String kind = node.isIntegralNumber()
                ? "integer"
                : node.isNumber()
                        ? "number"
                        : node.isBoolean()
                                ? "boolean"
                                : node.isTextual() ? "string" : node.isNull() ? "null" : "object";
        if (kinds.add(kind)) {
            firstByKind.add(path + " is "
                    + (kind.equals("integer")
                            ? "an integer"
                            : kind.equals("object") ? "an object" : kind.equals("null") ? "null" : "a " + kind));
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
            throw new Misfit(
                    Message.DOES_NOT_FIT,
                    subject,
                    target.name() + " (dtype " + dtype.numpyName() + ")",
                    path + " is " + SampleValues.describe(node) + ", " + problem.get());
        }
    }

    private static Optional<String> leafProblem(JsonNode node, DType dtype) {
        if (dtype.isInteger()) {
            if (!node.isNumber() || !SampleValues.isIntegral(node)) {
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
            return dtype.holds(node.doubleValue())
                    ? Optional.empty()
                    : Optional.of("beyond " + dtype.numpyName() + "'s range " + dtype.rangeText());
        }
        return switch (dtype) {
            case BOOL -> node.isBoolean() ? Optional.empty() : Optional.of("not true or false");
            case STR -> node.isTextual() ? Optional.empty() : Optional.of("not a string");
            case BYTES ->
                node.isTextual() && Base64Text.decode(node.asText()) != null
                        ? Optional.empty()
                        : Optional.of("not canonical base64 text such as \"aGVsbG8=\"");
            case DATETIME64 ->
                node.isTextual() && TemporalText.parseLocalDateTime(node.asText()) != null
                        ? Optional.empty()
                        : node.isTextual() && TemporalText.parseDate(node.asText()) != null
                                ? Optional.of(
                                        "a date alone, not a date-time such as \"2020-01-01T00:00:00\"; for dates, "
                                                + "name dtype datetime64[D] and bind LocalDate[] or NDArray")
                                : Optional.of("not a date-time such as \"2020-01-01T00:00:00\"");
            case DATETIME64_D ->
                node.isTextual() && TemporalText.parseDate(node.asText()) != null
                        ? Optional.empty()
                        : Optional.of("not a date such as \"2021-05-06\"");
            case TIMEDELTA64 ->
                node.isTextual() && TemporalText.parseTimedelta(node.asText()) != null
                        ? Optional.empty()
                        : Optional.of("not a duration such as \"3600 seconds\", \"2 weeks\" or \"PT1H\"");
            default -> Optional.of("not a " + dtype.numpyName());
        };
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
        if (dtype == DType.DATETIME64_D) {
            return NODES.textNode(TemporalText.format(TemporalText.parseDate(node.asText())));
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
        if (type instanceof JavaType.Array a
                && a.component() instanceof JavaType.Primitive p
                && p.name().equals(TypeName.BYTE)) {
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
            case LOCAL_DATE -> DType.DATETIME64_D;
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
            case LOCAL_DATE -> ClassName.get(LocalDate.class);
            case DURATION -> ClassName.get(Duration.class);
        };
        for (int i = 0; i < Math.max(rank, 1); i++) {
            type = com.palantir.javapoet.ArrayTypeName.of(type);
        }
        return type;
    }
}

package dev.scorespec.annotations.internal.spark;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Infers a Spark sample's schema from its JSON rows as Spark's JSON reader does with its default options
 * ({@code spark.read().json(...)}), so a sample without DDL gets the types Spark itself would give it:
 * <ul>
 *   <li>integers {@code bigint}; an integer beyond a long {@code decimal(digits,0)}, or {@code double}
 *       past 38 digits; any other number {@code double};</li>
 *   <li>strings {@code string} (no date or timestamp guessing), booleans {@code boolean};</li>
 *   <li>arrays {@code array<t>} of their elements' common type, objects {@code struct<...>} with the fields
 *       sorted by name;</li>
 *   <li>across rows and elements: {@code bigint} and {@code double} give {@code double}, decimals widen,
 *       structs merge their fields, null gives way to any type, and any other mix gives {@code string};</li>
 *   <li>a field that is null in every row is {@code string}; an empty object is dropped, as Spark drops
 *       empty structs.</li>
 * </ul>
 * Every inferred field is nullable and every array may hold nulls, as in Spark.
 *
 * <p>The JSON comes as plain Java values, so any JSON library can feed it: {@link Map} for an object,
 * {@link List} for an array, {@link String}, {@link Boolean}, null, and numbers as written: an integer as
 * {@link Long}, {@link Integer} or {@link BigInteger}, any number with a fraction or exponent as
 * {@link Double} or {@link BigDecimal}.
 */
public final class SparkInference {

    /**
     * What a JSON null contributes: nothing, until another value gives the field a type. While inference
     * runs a type is a {@link SparkType}, this, or one of the records at the end whose parts may still be
     * this; {@link #canonical} turns them into Spark types.
     */
    private static final Object NULL = new Object();

    private SparkInference() {}

    /**
     * The schema of records: a list of row objects.
     *
     * @throws IllegalArgumentException when a row is not an object, naming the row
     */
    public static SparkType.Struct inferRecords(List<?> rows) {
        Object merged = new InferredStruct(new TreeMap<>());
        for (int i = 0; i < rows.size(); i++) {
            Object row = rows.get(i);
            if (!(row instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("row " + i + " is not an object: each row of a Spark sample is"
                        + " an object of column values");
            }
            merged = merge(merged, infer(row));
        }
        SparkType canonical = canonical(merged);
        return canonical == null ? new SparkType.Struct(List.of()) : (SparkType.Struct) canonical;
    }

    /** The type of one JSON value, before canonicalization (null for a JSON null). */
    private static Object infer(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof String) {
            return SparkType.Atomic.STRING;
        }
        if (value instanceof Boolean) {
            return SparkType.Atomic.BOOLEAN;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return SparkType.Atomic.LONG;
        }
        if (value instanceof BigInteger big) {
            if (big.bitLength() < 64) {
                return SparkType.Atomic.LONG;
            }
            int digits = big.abs().toString().length();
            return digits <= SparkType.Decimal.MAX_PRECISION
                    ? new SparkType.Decimal(digits, 0)
                    : SparkType.Atomic.DOUBLE;
        }
        if (value instanceof Number) {
            return SparkType.Atomic.DOUBLE;
        }
        if (value instanceof Map<?, ?> object) {
            // Spark sorts the fields by name; a TreeMap on String orders as Scala's string comparison does.
            Map<String, Object> fields = new TreeMap<>();
            for (Map.Entry<?, ?> e : object.entrySet()) {
                String name = String.valueOf(e.getKey());
                Object type = infer(e.getValue());
                fields.put(name, fields.containsKey(name) ? merge(fields.get(name), type) : type);
            }
            return new InferredStruct(fields);
        }
        if (value instanceof List<?> items) {
            Object element = NULL;
            for (Object item : items) {
                element = merge(element, infer(item));
            }
            return new InferredArray(element);
        }
        throw new IllegalArgumentException(
                "not a JSON value: " + value.getClass().getName());
    }

    /** The common type of two inferred types, as Spark's JSON inference merges them. */
    private static Object merge(Object a, Object b) {
        if (a == NULL) {
            return b;
        }
        if (b == NULL || a.equals(b)) {
            return a;
        }
        if ((a == SparkType.Atomic.LONG && b == SparkType.Atomic.DOUBLE)
                || (a == SparkType.Atomic.DOUBLE && b == SparkType.Atomic.LONG)) {
            return SparkType.Atomic.DOUBLE;
        }
        if ((a == SparkType.Atomic.DOUBLE && b instanceof SparkType.Decimal)
                || (a instanceof SparkType.Decimal && b == SparkType.Atomic.DOUBLE)) {
            return SparkType.Atomic.DOUBLE;
        }
        if (a == SparkType.Atomic.LONG && b instanceof SparkType.Decimal) {
            return merge(new SparkType.Decimal(20, 0), b);
        }
        if (a instanceof SparkType.Decimal && b == SparkType.Atomic.LONG) {
            return merge(a, new SparkType.Decimal(20, 0));
        }
        if (a instanceof SparkType.Decimal da && b instanceof SparkType.Decimal db) {
            int scale = Math.max(da.scale(), db.scale());
            int range = Math.max(da.precision() - da.scale(), db.precision() - db.scale());
            return range + scale > SparkType.Decimal.MAX_PRECISION
                    ? SparkType.Atomic.DOUBLE
                    : new SparkType.Decimal(range + scale, scale);
        }
        if (a instanceof InferredStruct sa && b instanceof InferredStruct sb) {
            Map<String, Object> fields = new TreeMap<>(sa.fields);
            for (Map.Entry<String, Object> e : sb.fields.entrySet()) {
                if (fields.containsKey(e.getKey())) {
                    fields.put(e.getKey(), merge(fields.get(e.getKey()), e.getValue()));
                } else {
                    fields.put(e.getKey(), e.getValue());
                }
            }
            return new InferredStruct(fields);
        }
        if (a instanceof InferredArray aa && b instanceof InferredArray ab) {
            return new InferredArray(merge(aa.element, ab.element));
        }
        return SparkType.Atomic.STRING;
    }

    /**
     * The inferred type as Spark reports it: null becomes {@code string}, empty structs and fields with an
     * empty name are dropped (null is returned for a type that is dropped).
     */
    private static SparkType canonical(Object type) {
        if (type == NULL) {
            return SparkType.Atomic.STRING;
        }
        if (type instanceof InferredArray array) {
            SparkType element = canonical(array.element);
            return element == null ? null : new SparkType.Array(element, true);
        }
        if (type instanceof InferredStruct struct) {
            List<SparkType.Field> fields = new ArrayList<>();
            for (Map.Entry<String, Object> e : struct.fields.entrySet()) {
                SparkType fieldType = e.getKey().isEmpty() ? null : canonical(e.getValue());
                if (fieldType != null) {
                    fields.add(new SparkType.Field(e.getKey(), fieldType));
                }
            }
            fields.sort(Comparator.comparing(SparkType.Field::name));
            return fields.isEmpty() ? null : new SparkType.Struct(fields);
        }
        return (SparkType) type;
    }

    /** A struct while inference runs: its fields by name, some still null-typed. Never escapes this class. */
    private record InferredStruct(Map<String, Object> fields) {}

    /** An array while inference runs, its element type possibly still null. Never escapes this class. */
    private record InferredArray(Object element) {}
}

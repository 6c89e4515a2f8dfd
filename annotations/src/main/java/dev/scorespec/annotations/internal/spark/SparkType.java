package dev.scorespec.annotations.internal.spark;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A Spark SQL data type without Spark: the types a Spark sample may declare, so the processor can parse a
 * DDL string, infer a sample's types and render the JSON schema without Spark on its path, and the runtime
 * turns the same model into Spark's own {@code StructType}. A closed set: a switch over it lists every
 * place a new type must be handled.
 */
public sealed interface SparkType {

    /** Spark's {@code simpleString}: {@code bigint}, {@code decimal(10,2)}, {@code array<int>}, {@code struct<a:int>}. */
    String simpleString();

    /** The types that hold one value and take no parameters. */
    enum Atomic implements SparkType {
        BYTE("tinyint"),
        SHORT("smallint"),
        INTEGER("int"),
        LONG("bigint"),
        BOOLEAN("boolean"),
        FLOAT("float"),
        DOUBLE("double"),
        STRING("string"),
        BINARY("binary"),
        DATE("date"),
        /** Spark's {@code TIMESTAMP}: an instant, written as RFC 3339 text with an offset. */
        TIMESTAMP("timestamp"),
        /** Spark's {@code TIMESTAMP_NTZ}: a date-time without time zone, written as RFC 3339 text without offset. */
        TIMESTAMP_NTZ("timestamp_ntz");

        private final String simpleString;

        Atomic(String simpleString) {
            this.simpleString = simpleString;
        }

        @Override
        public String simpleString() {
            return simpleString;
        }
    }

    /** {@code DECIMAL(precision, scale)}: at most 38 digits, {@code scale} of them after the point. */
    record Decimal(int precision, int scale) implements SparkType {
        public static final int MAX_PRECISION = 38;

        public Decimal {
            if (precision < 1 || precision > MAX_PRECISION || scale < 0 || scale > precision) {
                throw new IllegalArgumentException("DECIMAL(" + precision + ", " + scale
                        + ") is not a decimal type: the precision is 1 to 38 and the scale 0 to the precision");
            }
        }

        @Override
        public String simpleString() {
            return "decimal(" + precision + "," + scale + ")";
        }
    }

    /** {@code ARRAY<element>}. DDL arrays may always hold nulls. */
    record Array(SparkType element, boolean containsNull) implements SparkType {
        public Array {
            Objects.requireNonNull(element, "element");
        }

        @Override
        public String simpleString() {
            return "array<" + element.simpleString() + ">";
        }
    }

    /** {@code MAP<key, value>}. DDL maps may always hold null values; keys are never null. */
    record MapType(SparkType key, SparkType value, boolean valueContainsNull) implements SparkType {
        public MapType {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String simpleString() {
            return "map<" + key.simpleString() + "," + value.simpleString() + ">";
        }
    }

    /** {@code STRUCT<name: type, ...>}, and the schema of a whole Spark sample (its rows' fields). */
    record Struct(List<Field> fields) implements SparkType {
        public Struct {
            fields = List.copyOf(fields);
        }

        @Override
        public String simpleString() {
            return fields.stream()
                    .map(f -> f.name() + ":" + f.type().simpleString())
                    .collect(Collectors.joining(",", "struct<", ">"));
        }

        /** The field named {@code name} exactly, or null. */
        public Field field(String name) {
            for (Field f : fields) {
                if (f.name().equals(name)) {
                    return f;
                }
            }
            return null;
        }

        /** The field names as messages list them: {@code 'name', 'state'}. */
        public String names() {
            return fields.stream().map(f -> "'" + f.name() + "'").collect(Collectors.joining(", "));
        }
    }

    /** One field of a struct; {@code comment} is null without a {@code COMMENT} clause. */
    record Field(String name, SparkType type, boolean nullable, String comment) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        public Field(String name, SparkType type) {
            this(name, type, true, null);
        }
    }

    /** The DDL keyword of a type for messages: {@code BIGINT}, {@code DECIMAL(10,2)}, {@code ARRAY<INT>}. */
    static String ddlName(SparkType type) {
        return type.simpleString().toUpperCase(Locale.ROOT);
    }
}

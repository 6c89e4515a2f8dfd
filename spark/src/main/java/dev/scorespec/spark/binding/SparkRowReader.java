package dev.scorespec.spark.binding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scorespec.runtime.binding.BindingException;
import dev.scorespec.runtime.binding.JsonValues;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Reads a Spark sample's JSON records ({@code [{"name": "Sarah", "age": 31}, ...]}) straight from the
 * streaming parser into {@link Row}s of a given {@link StructType}, checking every value against its Spark
 * type in the same pass: no JSON text is handed to Spark's reader, which would turn a value that does not
 * fit into null instead of an error.
 *
 * <p>The values are those {@code SparkSession.createDataFrame(rows, schema)} takes: {@code tinyint} to
 * {@code bigint} as {@link Byte}..{@link Long} within their ranges, {@code float} and {@code double} within
 * theirs, {@code decimal(p,s)} as a {@link BigDecimal} of scale {@code s} (a value with more digits before or
 * after the point is refused, never rounded), {@code boolean}, {@code string}, {@code binary} from canonical
 * base64 text, {@code date} from RFC 3339 full-dates ({@link java.time.LocalDate}), {@code timestamp} from
 * RFC 3339 date-times with an offset ({@link java.time.Instant}), {@code timestamp_ntz} from RFC 3339 date-times
 * without one ({@link java.time.LocalDateTime}), arrays as lists, maps (string keys only:
 * JSON's member names) as maps, structs as rows. Null is taken where the field, array or map allows it; a
 * missing nullable field is null, a missing non-nullable one, an unknown one or one given twice is an error.
 *
 * <p>Each error is a {@link BindingException} at the offending token, worded as the other binders' are:
 * {@code param[1].age: expected an integer from -2147483648 to 2147483647, got 3000000000}.
 */
public final class SparkRowReader {

    private final StructType schema;
    private final StructReader rows;

    private SparkRowReader(StructType schema) {
        this.schema = schema;
        this.rows = new StructReader(schema, true);
    }

    /**
     * A reader for rows of {@code schema}, planned once and safe to share between threads.
     *
     * @throws IllegalArgumentException for a schema JSON cannot carry: a map whose keys are not strings, or
     *     a type outside the Spark sample's types (the processor refuses those at compile time)
     */
    public static SparkRowReader forSchema(StructType schema) {
        return new SparkRowReader(schema);
    }

    /** The schema rows are read into. */
    public StructType schema() {
        return schema;
    }

    /**
     * Reads one records value: a JSON array of row objects.
     *
     * <p>Before: the parser is on the value's first token. After: it is on the value's last token, the
     * closing {@code ]}.
     */
    public List<Row> readRecords(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw BindingException.at(
                    p, "expected a list of row objects (orient 'records'), got " + JsonValues.describe(p));
        }
        List<Row> result = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                throw BindingException.at(p, "expected a row object, got " + JsonValues.describe(p));
            }
            result.add(rows.readObject(p, result.size()));
        }
        return result;
    }

    // ---------------------------------------------------------------------------------------------

    /** Reads one value; before, the parser is on its first token, after, on its last. */
    private interface ValueReader {
        Object read(JsonParser p) throws IOException;
    }

    private static ValueReader plan(DataType type, boolean nullable) {
        ValueReader reader = plan(type);
        if (!nullable) {
            return reader; // each reader refuses null: "expected an integer, got null"
        }
        return p -> p.currentToken() == JsonToken.VALUE_NULL ? null : reader.read(p);
    }

    private static ValueReader plan(DataType type) {
        if (type instanceof ByteType) {
            return JsonValues::readByte;
        } else if (type instanceof ShortType) {
            return JsonValues::readShort;
        } else if (type instanceof IntegerType) {
            return JsonValues::readInt;
        } else if (type instanceof LongType) {
            return JsonValues::readLong;
        } else if (type instanceof FloatType) {
            return JsonValues::readFloat;
        } else if (type instanceof DoubleType) {
            return JsonValues::readDouble;
        } else if (type instanceof BooleanType) {
            return JsonValues::readBoolean;
        } else if (type instanceof StringType) {
            return JsonValues::readString;
        } else if (type instanceof BinaryType) {
            return JsonValues::readBase64;
        } else if (type instanceof DateType) {
            return JsonValues::readDate;
        } else if (type instanceof TimestampType) {
            return p -> JsonValues.readOffsetDateTime(p).toInstant();
        } else if (type instanceof TimestampNTZType) {
            return JsonValues::readLocalDateTime;
        } else if (type instanceof DecimalType d) {
            return p -> readDecimal(p, d);
        } else if (type instanceof ArrayType a) {
            ValueReader element = plan(a.elementType(), a.containsNull());
            return p -> {
                JsonValues.expectStartArray(p);
                List<Object> values = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    values.add(element.read(p));
                }
                return values;
            };
        } else if (type instanceof MapType m) {
            if (!(m.keyType() instanceof StringType)) {
                throw new IllegalArgumentException(
                        "A map in JSON has string keys, not " + m.keyType().simpleString() + ": " + m.simpleString());
            }
            ValueReader value = plan(m.valueType(), m.valueContainsNull());
            return p -> {
                JsonValues.expectStartObject(p);
                Map<String, Object> values = new LinkedHashMap<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String key = p.currentName();
                    p.nextToken();
                    if (values.containsKey(key)) {
                        throw BindingException.at(p, "key '" + key + "' is given twice");
                    }
                    values.put(key, value.read(p));
                }
                return values;
            };
        } else if (type instanceof StructType s) {
            StructReader struct = new StructReader(s, false);
            return p -> {
                JsonValues.expectStartObject(p);
                return struct.readObject(p, -1);
            };
        }
        throw new IllegalArgumentException("A Spark sample has no " + type.simpleString() + " values");
    }

    /**
     * A JSON number as a decimal of {@code type}'s scale, refused when it has more digits after the point
     * than the scale (rounding would change it) or more before it than the precision leaves.
     */
    private static BigDecimal readDecimal(JsonParser p, DecimalType type) throws IOException {
        JsonToken t = p.currentToken();
        String text = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT ? p.getText() : "";
        if (text.isEmpty() || !Character.isDigit(text.charAt(text.length() - 1))) { // not a number, or NaN
            throw BindingException.at(p, "expected a number, got " + JsonValues.describe(p));
        }
        BigDecimal value = p.getDecimalValue();
        BigDecimal exact = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        int integerDigits = exact.precision() - exact.scale();
        if (exact.scale() > type.scale() || integerDigits > type.precision() - type.scale()) {
            throw BindingException.at(
                    p,
                    "expected a number with at most " + (type.precision() - type.scale())
                            + " digits before the point and " + type.scale() + " after (" + type.simpleString()
                            + "), got "
                            + JsonValues.describe(p));
        }
        return exact.setScale(type.scale());
    }

    /** Reads the members of one object into a row of a struct's fields. */
    private static final class StructReader {
        private final StructType type;
        private final Map<String, Integer> index = new HashMap<>();
        private final ValueReader[] readers;
        /** Top-level rows are a dataframe's: their fields are columns, and messages name the row. */
        private final boolean columns;

        private final String names;

        StructReader(StructType type, boolean columns) {
            this.type = type;
            this.columns = columns;
            StructField[] fields = type.fields();
            readers = new ValueReader[fields.length];
            for (int i = 0; i < fields.length; i++) {
                index.put(fields[i].name(), i);
                readers[i] = plan(fields[i].dataType(), fields[i].nullable());
            }
            names = Arrays.stream(fields).map(f -> "'" + f.name() + "'").collect(Collectors.joining(", "));
        }

        /** Before: the parser is on <code>{</code>. After: on its <code>}</code>. {@code row} is -1 inside a row. */
        Row readObject(JsonParser p, int row) throws IOException {
            StructField[] fields = type.fields();
            Object[] values = new Object[fields.length];
            boolean[] given = new boolean[fields.length];
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String name = p.currentName();
                Integer i = index.get(name);
                if (i == null) {
                    throw BindingException.at(
                            p,
                            "unknown " + what(name, row) + "; the " + (columns ? "columns" : "fields") + " are "
                                    + names);
                }
                if (given[i]) {
                    throw BindingException.at(
                            p,
                            (columns
                                    ? "column '" + name + "' is given twice in row " + row
                                    : "field '" + name + "' is given twice"));
                }
                given[i] = true;
                p.nextToken();
                values[i] = readers[i].read(p);
            }
            for (int i = 0; i < fields.length; i++) {
                if (!given[i] && !fields[i].nullable()) {
                    throw BindingException.at(p, "missing " + what(fields[i].name(), row));
                }
            }
            return new GenericRowWithSchema(values, type);
        }

        private String what(String name, int row) {
            return columns ? "column '" + name + "' in row " + row : "field '" + name + "'";
        }
    }
}

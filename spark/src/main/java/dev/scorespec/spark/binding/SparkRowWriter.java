package dev.scorespec.spark.binding;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.scorespec.runtime.binding.JsonOutput;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Writes a {@code Dataset<Row>} that a scoring method returned as JSON records, {@code [{"state": "WA"}, ...]},
 * with the text conventions of every other output ({@link JsonOutput}): numbers as themselves (NaN and the
 * infinities as null), {@code binary} as canonical base64 text, {@code date} as {@code 2020-01-02},
 * {@code timestamp} as an RFC 3339 instant in UTC ({@code 2020-01-02T03:04:05Z}), {@code timestamp_ntz}
 * without offset ({@code 2020-01-02T03:04:05}), arrays as arrays, maps and
 * structs as objects, fields in the schema's order. The dataset is collected to the server first, so it
 * must be as small as a response is.
 */
public final class SparkRowWriter {

    private SparkRowWriter() {}

    /** Collects {@code rows} and writes them as one JSON array of row objects. */
    public static void writeRecords(JsonGenerator g, Dataset<Row> rows) throws IOException {
        writeRecords(g, rows.schema(), rows.collectAsList());
    }

    /** Writes collected rows of {@code schema} as one JSON array of row objects. */
    public static void writeRecords(JsonGenerator g, StructType schema, List<Row> rows) throws IOException {
        g.writeStartArray();
        for (Row row : rows) {
            writeStruct(g, schema, row);
        }
        g.writeEndArray();
    }

    private static void writeStruct(JsonGenerator g, StructType type, Row row) throws IOException {
        g.writeStartObject();
        StructField[] fields = type.fields();
        for (int i = 0; i < fields.length; i++) {
            g.writeFieldName(fields[i].name());
            write(g, fields[i].dataType(), row.get(i));
        }
        g.writeEndObject();
    }

    private static void write(JsonGenerator g, DataType type, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (type instanceof BinaryType) {
            JsonOutput.writeBase64(g, (byte[]) value);
        } else if (type instanceof DateType) {
            // java.sql.Date unless spark.sql.datetime.java8API.enabled, which gives LocalDate
            JsonOutput.write(g, value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value);
        } else if (type instanceof TimestampNTZType) {
            JsonOutput.write(g, (LocalDateTime) value);
        } else if (type instanceof TimestampType) {
            JsonOutput.write(g, value instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) value);
        } else if (type instanceof ArrayType a) {
            g.writeStartArray();
            for (Object element : asList(value)) {
                write(g, a.elementType(), element);
            }
            g.writeEndArray();
        } else if (type instanceof MapType m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : asMap(value).entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, m.valueType(), e.getValue());
            }
            g.writeEndObject();
        } else if (type instanceof StructType s) {
            writeStruct(g, s, (Row) value);
        } else {
            JsonOutput.write(g, value); // numbers (decimals as BigDecimal), booleans, strings
        }
    }

    /** An array value: a Scala sequence from Spark, or a Java list or array from a row built by hand. */
    private static Iterable<?> asList(Object value) {
        if (value instanceof scala.collection.Iterable<?> seq) {
            return CollectionConverters.asJava(seq);
        }
        if (value instanceof Object[] array) {
            return java.util.Arrays.asList(array);
        }
        return (Iterable<?>) value;
    }

    private static Map<?, ?> asMap(Object value) {
        if (value instanceof scala.collection.Map<?, ?> map) {
            return CollectionConverters.asJava(map);
        }
        return (Map<?, ?>) value;
    }
}

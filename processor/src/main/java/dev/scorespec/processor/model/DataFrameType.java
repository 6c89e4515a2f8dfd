package dev.scorespec.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A dataframe sample, bound to a Tablesaw {@code Table}: its columns, in the sample's order, and how
 * the frame travels as JSON. The enums mirror {@code dev.scorespec.annotations.Orient} and
 * {@code ColumnKind}, which generated code refers to by constant name.
 *
 * @param javaType {@code tech.tablesaw.api.Table}
 * @param enforceColumnType whether values must fit their column's kind; otherwise the schema states no
 *     types and the binder takes them from the request
 * @param enforceShape whether requests must have exactly these columns
 */
public record DataFrameType(
        TypeName javaType,
        Orient orient,
        List<Column> columns,
        boolean enforceColumnType,
        boolean enforceShape) implements ValueType {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.dataFrame(this);
    }

    public DataFrameType {
        columns = List.copyOf(columns);
    }

    /**
     * Whether one schema for a value of any column needs a union of types, which Swagger 2.0 cannot
     * write: in orients values and split a position holds values of several columns.
     */
    @Override
    public boolean needsUnion() {
        return (orient == Orient.VALUES || orient == Orient.SPLIT) && enforceColumnType && valueSchemas().size() > 1;
    }

    /**
     * The distinct JSON type/format pairs of the columns' values, in column order, nullable where any
     * column of that pair is.
     */
    public List<ValueSchema> valueSchemas() {
        Map<String, ValueSchema> schemas = new LinkedHashMap<>();
        for (Column column : columns) {
            String key = column.kind().jsonType() + "/" + column.kind().jsonFormat().orElse("");
            ValueSchema known = schemas.get(key);
            schemas.put(key, new ValueSchema(column.kind(), column.nullable() || (known != null && known.nullable())));
        }
        return List.copyOf(schemas.values());
    }

    /** The schema of a value: its kind's JSON type and format, and whether it may be null. */
    public record ValueSchema(ColumnKind kind, boolean nullable) {
    }

    /** The {@code format} the reference gives the frame's schema: {@code pandas.DataFrame:records}, ... */
    public String format() {
        return "pandas.DataFrame:" + orient.pandasName();
    }

    /** pandas' orients. */
    public enum Orient {
        RECORDS, SPLIT, INDEX, COLUMNS, VALUES, TABLE;

        public String pandasName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The column kinds, with the JSON Schema type and format of their values. */
    public enum ColumnKind {
        /** pandas' int64, as inference-schema describes it. */
        LONG("integer", "int64", "integer"),
        INTEGER("integer", "int32", "integer"),
        DOUBLE("number", "double", "number"),
        STRING("string", null, "string"),
        BOOLEAN("boolean", null, "boolean"),
        DATE("string", "date", "date"),
        /**
         * A naive date-time: the reference says {@code date-time}, which requires an offset; its own
         * examples fail it. {@code date-time-local} (OpenAPI format registry) is what the values are.
         */
        DATE_TIME("string", "date-time-local", "datetime"),
        /** A date-time with offset, written back in UTC. */
        INSTANT("string", "date-time", "datetime"),
        TIME("string", "time-local", "time"),
        /** ISO-8601 duration text as pandas writes it; the reference's format name, unknown to validators. */
        TIMEDELTA("string", "timedelta", "duration");

        private final String jsonType;
        private final String jsonFormat;
        private final String tableSchemaType;

        ColumnKind(String jsonType, String jsonFormat, String tableSchemaType) {
            this.jsonType = jsonType;
            this.jsonFormat = jsonFormat;
            this.tableSchemaType = tableSchemaType;
        }

        public String jsonType() {
            return jsonType;
        }

        public Optional<String> jsonFormat() {
            return Optional.ofNullable(jsonFormat);
        }

        /** The Table Schema type of orient {@code table}'s {@code fields}, as pandas names it. */
        public String tableSchemaType() {
            return tableSchemaType;
        }
    }

    /**
     * One column.
     *
     * @param nullable whether the sample holds a null in it, so requests may too
     */
    public record Column(String name, ColumnKind kind, boolean nullable) {
    }
}

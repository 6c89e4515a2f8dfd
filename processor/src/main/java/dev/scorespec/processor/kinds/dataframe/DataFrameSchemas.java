package dev.scorespec.processor.kinds.dataframe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorespec.annotations.ColumnKind;
import dev.scorespec.annotations.Orient;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.model.DataFrameType;
import dev.scorespec.processor.model.DataFrameType.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON schema of a dataframe in each of pandas' orients, in the shape inference-schema writes
 * ({@code "format": "pandas.DataFrame:<orient>"} last, the same property layout and key order), with
 * these departures, each listed in the golden README:
 * <ul>
 *   <li>orients {@code index} and {@code columns} do not make the sample's row labels ({@code "0"},
 *       {@code "1"}) required properties: any label is allowed ({@code additionalProperties}), as the
 *       binder allows any number of rows;
 *   <li>orient {@code values} checks each column's type at its position: {@code prefixItems} in OpenAPI
 *       3.1; OpenAPI 3.0 has no positional items, so there a value may be of any column's type; the
 *       reference describes every value as a string;
 *   <li>orient {@code split} describes the values of {@code data} as any of the columns' types, since
 *       {@code columns} may give the columns in another order than the sample's;
 *   <li>naive date-time columns say {@code date-time-local}, not {@code date-time};
 *   <li>a column whose sample holds a null is nullable: {@code nullable} in 3.0, a type union with
 *       {@code "null"} in 3.1, the common {@code x-nullable} extension in Swagger 2.0.
 * </ul>
 * Orients {@code values} and {@code split} of columns of several JSON types need a union, so, as in
 * the reference, they have no Swagger 2.0 document. Without type enforcement the values' schemas are
 * empty: any value.
 */
public final class DataFrameSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DataFrameSchemas() {}

    /**
     * A frame of unknown columns in an orient, for a table returned without output sample: an object
     * or an array, as the orient's layout is.
     */
    public static ObjectNode anyFrame(Orient orient) {
        String type = switch (orient) {
            case RECORDS, VALUES -> "array";
            case SPLIT, INDEX, COLUMNS, TABLE -> "object";
        };
        return NODES.objectNode().put("type", type);
    }

    public static ObjectNode schema(DataFrameType frame, OpenApiVersion version) {
        ObjectNode schema = switch (frame.orient()) {
            case RECORDS -> {
                ObjectNode records = NODES.objectNode().put("type", "array");
                records.set("items", rowObject(frame, version, false));
                yield records;
            }
            case INDEX -> {
                ObjectNode index = NODES.objectNode().put("type", "object");
                index.set("additionalProperties", rowObject(frame, version, false));
                yield index;
            }
            case COLUMNS -> {
                ObjectNode columns = NODES.objectNode().put("type", "object");
                required(columns, frame.columns().stream().map(Column::name).toList());
                ObjectNode properties = columns.putObject("properties");
                for (Column column : frame.columns()) {
                    ObjectNode byLabel = properties.putObject(column.name()).put("type", "object");
                    byLabel.set("additionalProperties", value(frame, column, version));
                }
                yield columns;
            }
            case SPLIT -> {
                ObjectNode split = NODES.objectNode().put("type", "object");
                required(split, List.of("columns", "index", "data"));
                ObjectNode properties = split.putObject("properties");
                properties
                        .putObject("columns")
                        .put("type", "array")
                        .putObject("items")
                        .put("type", "string");
                properties
                        .putObject("index")
                        .put("type", "array")
                        .putObject("items")
                        .put("type", "integer")
                        .put("format", "int64");
                ObjectNode row = NODES.objectNode().put("type", "array");
                row.set("items", anyValue(frame, version));
                properties.putObject("data").put("type", "array").set("items", row);
                yield split;
            }
            case VALUES -> {
                ObjectNode values = NODES.objectNode().put("type", "array");
                values.set("items", rowList(frame, version));
                yield values;
            }
            case TABLE -> table(frame, version);
        };
        schema.put("format", frame.format());
        return schema;
    }

    /** A row as an object by column name, every column required; in orient table also its {@code index}. */
    private static ObjectNode rowObject(DataFrameType frame, OpenApiVersion version, boolean labelled) {
        ObjectNode row = NODES.objectNode().put("type", "object");
        List<String> names = new ArrayList<>();
        if (labelled) {
            names.add("index");
        }
        frame.columns().forEach(c -> names.add(c.name()));
        required(row, names);
        ObjectNode properties = row.putObject("properties");
        if (labelled) {
            properties.putObject("index").put("type", "integer").put("format", "int64");
        }
        for (Column column : frame.columns()) {
            properties.set(column.name(), value(frame, column, version));
        }
        return row;
    }

    /** A row as a list of values in the sample's column order. */
    private static ObjectNode rowList(DataFrameType frame, OpenApiVersion version) {
        ObjectNode row = NODES.objectNode().put("type", "array");
        if (version == OpenApiVersion.V3_1 && frame.needsUnion()) {
            ArrayNode prefixItems = row.putArray("prefixItems");
            frame.columns().forEach(c -> prefixItems.add(value(frame, c, version)));
        } else {
            row.set("items", anyValue(frame, version));
        }
        return row;
    }

    /** pandas' Table Schema orient: the schema object as the reference describes it, and rows with their label. */
    private static ObjectNode table(DataFrameType frame, OpenApiVersion version) {
        ObjectNode table = NODES.objectNode().put("type", "object");
        required(table, List.of("schema", "data"));
        ObjectNode properties = table.putObject("properties");
        ObjectNode schema = properties.putObject("schema").put("type", "object");
        required(schema, List.of("fields", "primaryKey", "pandas_version"));
        ObjectNode schemaProperties = schema.putObject("properties");
        ObjectNode field = schemaProperties
                .putObject("fields")
                .put("type", "array")
                .putObject("items")
                .put("type", "object");
        required(field, List.of("name", "type"));
        ObjectNode fieldProperties = field.putObject("properties");
        fieldProperties.putObject("name").put("type", "string");
        fieldProperties.putObject("type").put("type", "string");
        schemaProperties
                .putObject("primaryKey")
                .put("type", "array")
                .putObject("items")
                .put("type", "string");
        schemaProperties.putObject("pandas_version").put("type", "string");
        properties.putObject("data").put("type", "array").set("items", rowObject(frame, version, true));
        return table;
    }

    /** A value of one column: its kind's type and format, nullable when its sample holds a null. */
    private static ObjectNode value(DataFrameType frame, Column column, OpenApiVersion version) {
        if (!frame.enforceColumnType()) {
            return NODES.objectNode();
        }
        return typed(column.kind(), column.nullable(), version);
    }

    /** A value of any of the columns: one schema when they share it, else {@code anyOf} the distinct ones. */
    private static ObjectNode anyValue(DataFrameType frame, OpenApiVersion version) {
        if (!frame.enforceColumnType()) {
            return NODES.objectNode();
        }
        List<DataFrameType.ValueSchema> types = frame.valueSchemas();
        if (types.size() == 1) {
            return typed(types.get(0).kind(), types.get(0).nullable(), version);
        }
        if (version == OpenApiVersion.V2_0) {
            throw new IllegalArgumentException(
                    "Swagger 2.0 cannot describe values of several types; use OpenAPI 3.0 or 3.1");
        }
        ObjectNode anyOf = NODES.objectNode();
        ArrayNode options = anyOf.putArray("anyOf");
        types.forEach(t -> options.add(typed(t.kind(), t.nullable(), version)));
        return anyOf;
    }

    private static ObjectNode typed(ColumnKind kind, boolean nullable, OpenApiVersion version) {
        ObjectNode schema = NODES.objectNode();
        if (nullable && version == OpenApiVersion.V3_1) {
            schema.putArray("type").add(kind.jsonType()).add("null");
        } else {
            schema.put("type", kind.jsonType());
        }
        kind.jsonFormat().ifPresent(f -> schema.put("format", f));
        if (nullable && version == OpenApiVersion.V3_0) {
            schema.put("nullable", true);
        } else if (nullable && version == OpenApiVersion.V2_0) {
            schema.put("x-nullable", true);
        }
        return schema;
    }

    private static void required(ObjectNode schema, List<String> names) {
        ArrayNode required = schema.putArray("required");
        names.forEach(required::add);
    }
}

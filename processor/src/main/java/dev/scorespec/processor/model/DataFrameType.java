package dev.scorespec.processor.model;

import com.palantir.javapoet.TypeName;
import dev.scorespec.annotations.ColumnKind;
import dev.scorespec.annotations.Orient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dataframe sample, bound to a Tablesaw {@code Table}: its columns, in the sample's order, and how
 * the frame travels as JSON, in the annotations' own {@link Orient} and {@link ColumnKind}.
 *
 * @param javaType {@code tech.tablesaw.api.Table}
 * @param enforceColumnType whether values must fit their column's kind; otherwise the schema states no
 *     types and the binder takes them from the request
 * @param enforceShape whether requests must have exactly these columns
 */
public record DataFrameType(
        TypeName javaType, Orient orient, List<Column> columns, boolean enforceColumnType, boolean enforceShape)
        implements ValueType {

    @Override
    public BatchPlan.Rows rows() {
        return BatchPlan.Rows.TABLE;
    }

    @Override
    public String batchNoun() {
        return "a @DataFrame";
    }

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
        return (orient == Orient.VALUES || orient == Orient.SPLIT)
                && enforceColumnType
                && valueSchemas().size() > 1;
    }

    @Override
    public Optional<String> nestedObject() {
        return Optional.empty();
    }

    @Override
    public String noun() {
        return "a dataframe";
    }

    /**
     * The distinct JSON type/format pairs of the columns' values, in column order, nullable where any
     * column of that pair is.
     */
    public List<ValueSchema> valueSchemas() {
        Map<String, ValueSchema> schemas = new LinkedHashMap<>();
        for (Column column : columns) {
            String key =
                    column.kind().jsonType() + "/" + column.kind().jsonFormat().orElse("");
            ValueSchema known = schemas.get(key);
            schemas.put(key, new ValueSchema(column.kind(), column.nullable() || (known != null && known.nullable())));
        }
        return List.copyOf(schemas.values());
    }

    /** The schema of a value: its kind's JSON type and format, and whether it may be null. */
    public record ValueSchema(ColumnKind kind, boolean nullable) {}

    /** The {@code format} the reference gives the frame's schema: {@code pandas.DataFrame:records}, ... */
    public String format() {
        return "pandas.DataFrame:" + orient.pandasName();
    }

    /**
     * One column.
     *
     * @param nullable whether the sample holds a null in it, so requests may too
     */
    public record Column(String name, ColumnKind kind, boolean nullable) {}
}

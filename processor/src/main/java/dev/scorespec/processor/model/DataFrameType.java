package dev.scorespec.processor.model;

import com.palantir.javapoet.TypeName;
import dev.scorespec.annotations.ColumnKind;
import dev.scorespec.annotations.Orient;
import java.util.List;

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
        TypeName javaType,
        Orient orient,
        List<Column> columns,
        boolean enforceColumnType,
        boolean enforceShape) implements ValueType {

    public DataFrameType {
        columns = List.copyOf(columns);
    }

    /** The {@code format} the reference gives the frame's schema: {@code pandas.DataFrame:records}, ... */
    public String format() {
        return "pandas.DataFrame:" + orient.pandasName();
    }

    /**
     * One column.
     *
     * @param nullable whether the sample holds a null in it, so requests may too
     */
    public record Column(String name, ColumnKind kind, boolean nullable) {
    }
}

package dev.scorespec.runtime.binding;

import dev.scorespec.annotations.ColumnKind;
import dev.scorespec.annotations.Orient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The columns of a {@code @DataFrame} sample and how the frame travels, as a generated binder holds
 * them in a constant: what {@link DataFrameReader} checks requests against and
 * {@link DataFrameWriter} writes results by. Immutable and shared by every request.
 */
public final class DataFrameSpec {

    private final String tableName;
    private final Orient orient;
    private final boolean enforceColumnType;
    private final boolean enforceShape;
    private final List<Column> columns;
    private final String[] names;
    private final Map<String, Integer> positions = new HashMap<>();
    /** How {@link FastRecords} reads this frame, or null when it leaves it to the careful reader. */
    private final FastRecords.Plan fastRecords;

    private DataFrameSpec(
            String tableName, Orient orient, boolean enforceColumnType, boolean enforceShape, List<Column> columns) {
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.orient = Objects.requireNonNull(orient, "orient");
        this.enforceColumnType = enforceColumnType;
        this.enforceShape = enforceShape;
        this.columns = List.copyOf(columns);
        this.names = new String[columns.size()];
        for (int i = 0; i < names.length; i++) {
            // Interned, as Jackson interns field names, so matching a name is mostly an identity check.
            names[i] = columns.get(i).name().intern();
            if (positions.put(names[i], i) != null) {
                throw new IllegalArgumentException("Column '" + names[i] + "' is given twice");
            }
        }
        this.fastRecords = FastRecords.Plan.of(enforceColumnType, enforceShape, this.columns);
    }

    /**
     * A frame's spec.
     *
     * @param tableName the name of the tables read, such as the parameter's name
     * @param enforceColumnType whether values must fit the columns' kinds; otherwise each column takes
     *     its type from the request's values
     * @param enforceShape whether requests must have exactly these columns; otherwise other columns are
     *     read too
     */
    public static DataFrameSpec of(
            String tableName, Orient orient, boolean enforceColumnType, boolean enforceShape, Column... columns) {
        return new DataFrameSpec(tableName, orient, enforceColumnType, enforceShape, List.of(columns));
    }

    /** A column that never holds null. */
    public static Column column(String name, ColumnKind kind) {
        return new Column(name, kind, false);
    }

    /** A column that may hold null, as its sample does. */
    public static Column nullableColumn(String name, ColumnKind kind) {
        return new Column(name, kind, true);
    }

    public String tableName() {
        return tableName;
    }

    public Orient orient() {
        return orient;
    }

    public boolean enforceColumnType() {
        return enforceColumnType;
    }

    public boolean enforceShape() {
        return enforceShape;
    }

    /** The sample's columns, in the sample's order. */
    public List<Column> columns() {
        return columns;
    }

    int size() {
        return names.length;
    }

    String name(int position) {
        return names[position];
    }

    /** How the fast path reads frames of this spec in orient records, or null when it does not. */
    FastRecords.Plan fastRecords() {
        return fastRecords;
    }

    /** The position of a column in the sample, or -1. */
    int position(String name) {
        Integer position = positions.get(name);
        return position == null ? -1 : position;
    }

    /** The column of that name, or null. */
    Column columnNamed(String name) {
        int position = position(name);
        return position < 0 ? null : columns.get(position);
    }

    /** The column names for messages: {@code i, f, s}. */
    String nameList() {
        return String.join(", ", names);
    }

    @Override
    public String toString() {
        return "DataFrameSpec[" + tableName + ", " + orient.pandasName() + ", " + columns
                + (enforceColumnType ? "" : ", types not enforced") + (enforceShape ? "" : ", shape not enforced")
                + "]";
    }

    /**
     * One column of the sample.
     *
     * @param nullable whether requests may give {@code null} for it, as its sample does
     */
    public record Column(String name, ColumnKind kind, boolean nullable) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
        }
    }
}

package dev.scorespec.runtime.batching;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Rows of Tablesaw tables, concatenated and split, for {@link BatchShape} implementations of
 * {@code @DataFrame} parameters and results. Apart from {@link BatchRows} because Tablesaw is optional:
 * only services with dataframes have it.
 */
public final class TableRows {

    private TableRows() {}

    public static int rows(Table table) {
        return table.rowCount();
    }

    /**
     * The columns of a table, names and types in order, for a {@link BatchShape#key}: two tables
     * concatenate only when these are equal.
     */
    public static List<Object> key(Table table) {
        List<Object> key = new ArrayList<>(2 * table.columnCount());
        for (Column<?> column : table.columns()) {
            key.add(column.name());
            key.add(column.type().name());
        }
        return key;
    }

    /** Tables with the same columns, their rows one after the other, in a new table named as the first. */
    public static Table concat(List<Table> tables) {
        Table first = tables.get(0);
        List<Object> key = key(first);
        Table all = first.emptyCopy();
        for (Table table : tables) {
            if (!key(table).equals(key)) {
                throw new IllegalArgumentException("Cannot concatenate a table with columns " + key(table)
                        + " to one with columns " + key + ": their names and types must be equal");
            }
            all.append(table);
        }
        return all;
    }

    /** A table cut into consecutive tables of these rows, each a copy. */
    public static List<Table> split(Table table, int[] rowsPerPart) {
        BatchRows.checkSum(table.rowCount(), rowsPerPart);
        List<Table> parts = new ArrayList<>(rowsPerPart.length);
        int offset = 0;
        for (int rows : rowsPerPart) {
            parts.add(table.inRange(offset, offset + rows));
            offset += rows;
        }
        return parts;
    }
}

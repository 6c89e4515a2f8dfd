package dev.scorespec.runtime.binding;

import java.lang.reflect.Array;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What generated {@link TabularBinding}s call: a dataframe input built from the columns of a batch, and the
 * columns of a result that is a map of the output sample's keys.
 */
public final class TabularColumns {

    private TabularColumns() {}

    /**
     * The table of a dataframe input from {@code columns[from]} on, one array per column of {@code spec}, as
     * {@link TabularBinding.Column#arrayType()} gives them. A value Tablesaw would store as a missing one is
     * refused, as the JSON reader refuses it.
     */
    public static Table table(DataFrameSpec spec, Object[] columns, int from, int rows) throws BindingException {
        Table table = Table.create(spec.tableName());
        for (int c = 0; c < spec.columns().size(); c++) {
            DataFrameSpec.Column column = spec.columns().get(c);
            table.addColumns(column(column, columns[from + c], rows));
        }
        return table;
    }

    private static Column<?> column(DataFrameSpec.Column spec, Object values, int rows) throws BindingException {
        String name = spec.name();
        switch (spec.kind()) {
            case LONG: {
                LongColumn column = LongColumn.create(name);
                for (int i = 0; i < rows; i++) {
                    Object v = Array.get(values, i);
                    if (v == null) {
                        column.appendMissing();
                    } else if ((Long) v == Long.MIN_VALUE) {
                        throw marker(name, i, v);
                    } else {
                        column.append((long) v);
                    }
                }
                return column;
            }
            case INTEGER: {
                IntColumn column = IntColumn.create(name);
                for (int i = 0; i < rows; i++) {
                    Object v = Array.get(values, i);
                    if (v == null) {
                        column.appendMissing();
                    } else if ((Integer) v == Integer.MIN_VALUE) {
                        throw marker(name, i, v);
                    } else {
                        column.append((int) v);
                    }
                }
                return column;
            }
            case DOUBLE: {
                if (values instanceof double[] doubles) {
                    return DoubleColumn.create(name, rows == doubles.length ? doubles : prefix(doubles, rows));
                }
                DoubleColumn column = DoubleColumn.create(name);
                for (int i = 0; i < rows; i++) {
                    Double v = (Double) Array.get(values, i);
                    if (v == null) {
                        column.appendMissing();
                    } else {
                        column.append(v);
                    }
                }
                return column;
            }
            case STRING: {
                StringColumn column = StringColumn.create(name);
                for (int i = 0; i < rows; i++) {
                    String v = (String) Array.get(values, i);
                    if (v == null) {
                        column.appendMissing();
                    } else if (v.isEmpty() && spec.nullable()) {
                        throw BindingException.at(name + "[" + i + "]", ColumnBuilder.EMPTY_STRING);
                    } else {
                        column.append(v);
                    }
                }
                return column;
            }
            case BOOLEAN: {
                BooleanColumn column = BooleanColumn.create(name);
                for (int i = 0; i < rows; i++) {
                    Boolean v = (Boolean) Array.get(values, i);
                    if (v == null) {
                        column.appendMissing();
                    } else {
                        column.append(v);
                    }
                }
                return column;
            }
            case DATE: {
                DateColumn column = DateColumn.create(name);
                for (int i = 0; i < rows; i++) {
                    column.append((LocalDate) Array.get(values, i));
                }
                return column;
            }
            case DATE_TIME: {
                DateTimeColumn column = DateTimeColumn.create(name);
                for (int i = 0; i < rows; i++) {
                    column.append((LocalDateTime) Array.get(values, i));
                }
                return column;
            }
            case INSTANT: {
                InstantColumn column = InstantColumn.create(name);
                for (int i = 0; i < rows; i++) {
                    column.append((Instant) Array.get(values, i));
                }
                return column;
            }
            default:
                // The processor gives no tabular binding to a frame with other kinds of columns.
                throw new IllegalArgumentException("Column " + name + " of kind " + spec.kind() + " is not tabular");
        }
    }

    private static double[] prefix(double[] values, int rows) {
        double[] copy = new double[rows];
        System.arraycopy(values, 0, copy, 0, rows);
        return copy;
    }

    private static BindingException marker(String name, int row, Object value) {
        return BindingException.at(name + "[" + row + "]", value + ": " + ColumnBuilder.MARKER);
    }

    /**
     * The value of the output sample's key {@code key} in a map that {@code run} returned; a map without it is
     * the scoring code's error, as a result that does not fit the output sample is.
     */
    public static <V> V value(Map<String, V> result, String key) {
        V value = result.get(key);
        if (value == null) {
            throw new IllegalStateException("run returned a map without the output sample's key '" + key
                    + "' (its keys: " + result.keySet() + ")");
        }
        return value;
    }
}

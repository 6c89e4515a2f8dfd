package dev.scorespec.runtime.binding;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.scorespec.annotations.ColumnKind;
import dev.scorespec.annotations.Orient;
import dev.scorespec.annotations.internal.FrameLayout;
import dev.scorespec.annotations.internal.TemporalText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.TimeColumn;
import tech.tablesaw.columns.Column;

/**
 * Writes a Tablesaw {@link Table} that {@code run} returned, in a {@code @DataFrame} output's orient,
 * as pandas' {@code DataFrame.to_json(orient=..., date_format="iso")} writes it. Rows are labelled
 * {@code 0, 1, ...} where the orient has labels.
 *
 * <p>Every column of the table is written, in the table's order, by its Tablesaw type: numbers as
 * numbers; booleans; strings; {@code DateColumn} as
 * {@code 2020-01-02}; {@code DateTimeColumn} as {@code 2020-01-02T03:04:05.000} and
 * {@code InstantColumn} as {@code 2020-01-02T03:04:05.000Z}, with milliseconds as pandas writes
 * them; {@code TimeColumn} as {@code 13:45:30}. A {@code LongColumn} that the spec says is a
 * timedelta holds nanoseconds and is written in ISO-8601 as pandas writes timedeltas,
 * {@code P1DT2H0M0S}. Tablesaw stores a missing string as the empty string: it is written as
 * {@code null} when the spec's column is nullable, as {@code ""} otherwise.
 *
 * <p>Any other missing value (a {@code DoubleColumn}'s is NaN) is written as {@code null}, as pandas
 * writes NaN, in a column the spec says is nullable or does not name; in a column whose sample has no
 * null the output schema forbids one, so it is an {@link IllegalArgumentException} naming the column
 * and the row, as is an infinity anywhere, which JSON cannot express and which is not missing.
 */
public final class DataFrameWriter {

    private DataFrameWriter() {}

    /** Writes a table in the spec's orient; the spec tells which columns are timedeltas and may be null. */
    public static void write(JsonGenerator out, Table table, DataFrameSpec spec) throws IOException {
        if (table == null) {
            out.writeNull();
            return;
        }
        List<Column<?>> columns = table.columns();
        Cells[] cells = new Cells[columns.size()];
        for (int c = 0; c < cells.length; c++) {
            cells[c] = Cells.of(columns.get(c), spec.columnNamed(columns.get(c).name()));
        }
        List<String> names = new ArrayList<>(cells.length);
        for (Cells column : cells) {
            names.add(column.name);
        }
        FrameLayout.write(
                spec.orient(), names, c -> cells[c].tableSchemaType(), table.rowCount(), new Sink(out, cells));
    }

    /** Writes a table in an orient, with no spec: no column is a timedelta, missing strings are {@code ""}. */
    public static void write(JsonGenerator out, Table table, Orient orient) throws IOException {
        write(out, table, DataFrameSpec.of(table == null ? "" : table.name(), orient, true, true));
    }

    /** The layout's writer: Jackson's generator, each cell written by its column. */
    private static final class Sink implements FrameLayout.Sink<IOException> {
        private final JsonGenerator out;
        private final Cells[] cells;

        Sink(JsonGenerator out, Cells[] cells) {
            this.out = out;
            this.cells = cells;
        }

        @Override
        public void startObject() throws IOException {
            out.writeStartObject();
        }

        @Override
        public void endObject() throws IOException {
            out.writeEndObject();
        }

        @Override
        public void startArray() throws IOException {
            out.writeStartArray();
        }

        @Override
        public void endArray() throws IOException {
            out.writeEndArray();
        }

        @Override
        public void name(String name) throws IOException {
            out.writeFieldName(name);
        }

        @Override
        public void string(String value) throws IOException {
            out.writeString(value);
        }

        @Override
        public void number(int value) throws IOException {
            out.writeNumber(value);
        }

        @Override
        public void cell(int column, int row) throws IOException {
            cells[column].write(out, row);
        }
    }

    /** Writes the cells of one column, by its Tablesaw type. */
    private static final class Cells {

        private enum Form {
            NUMBER,
            TIMEDELTA,
            BOOLEAN,
            STRING,
            DATE,
            DATE_TIME,
            INSTANT,
            TIME
        }

        final String name;
        private final Column<?> column;
        private final Form form;
        private final boolean nullStrings;
        /** Whether a missing value may be written as null: the spec's column is nullable, or not in the spec. */
        private final boolean nullable;

        private Cells(Column<?> column, Form form, boolean nullStrings, boolean nullable) {
            this.name = column.name();
            this.column = column;
            this.form = form;
            this.nullStrings = nullStrings;
            this.nullable = nullable;
        }

        private IllegalArgumentException cannotWrite(int row, String why) {
            return new IllegalArgumentException(
                    "Cannot write the result as JSON: column '" + name + "', row " + row + ", holds " + why);
        }

        static Cells of(Column<?> column, DataFrameSpec.Column spec) {
            Form form;
            if (column instanceof NumberColumn) {
                form = spec != null && spec.kind() == ColumnKind.TIMEDELTA && column instanceof LongColumn
                        ? Form.TIMEDELTA
                        : Form.NUMBER;
            } else if (column instanceof BooleanColumn) {
                form = Form.BOOLEAN;
            } else if (column instanceof DateColumn) {
                form = Form.DATE;
            } else if (column instanceof DateTimeColumn) {
                form = Form.DATE_TIME;
            } else if (column instanceof InstantColumn) {
                form = Form.INSTANT;
            } else if (column instanceof TimeColumn) {
                form = Form.TIME;
            } else {
                form = Form.STRING;
            }
            return new Cells(column, form, spec != null && spec.nullable(), spec == null || spec.nullable());
        }

        void write(JsonGenerator out, int row) throws IOException {
            if (form != Form.STRING && column.isMissing(row)) {
                if (!nullable) {
                    String missing = isFloatingPoint(column) ? "NaN, a missing value" : "a missing value";
                    throw cannotWrite(
                            row,
                            missing + ", but the output sample's column has no null, so its schema allows" + " none");
                }
                out.writeNull();
                return;
            }
            switch (form) {
                case NUMBER -> writeNumber(out, row);
                case TIMEDELTA -> out.writeString(TemporalText.isoTimedelta(((LongColumn) column).getLong(row)));
                case BOOLEAN -> out.writeBoolean(((BooleanColumn) column).get(row));
                case DATE -> out.writeString(((DateColumn) column).get(row).toString());
                case DATE_TIME -> out.writeString(TemporalText.pandasDateTime(((DateTimeColumn) column).get(row)));
                case INSTANT -> out.writeString(TemporalText.pandasInstant(((InstantColumn) column).get(row)));
                case TIME -> out.writeString(TemporalText.format(((TimeColumn) column).get(row)));
                case STRING -> {
                    String text = column.getString(row);
                    if (text.isEmpty() && nullStrings) {
                        out.writeNull();
                    } else {
                        out.writeString(text);
                    }
                }
            }
        }

        private void writeNumber(JsonGenerator out, int row) throws IOException {
            switch (column.type().name()) {
                case "LONG" -> out.writeNumber(((LongColumn) column).getLong(row));
                case "INTEGER" -> out.writeNumber(((IntColumn) column).getInt(row));
                case "SHORT" -> out.writeNumber(((ShortColumn) column).getShort(row));
                default -> {
                    double value = ((NumberColumn<?, ?>) column).getDouble(row);
                    if (!Double.isFinite(value)) {
                        // NaN is missing and was handled above; an infinity is a value, but not one of JSON's
                        throw cannotWrite(row, value + ", and JSON has no infinity");
                    }
                    out.writeNumber(value);
                }
            }
        }

        /**
         * By class, not by {@link ColumnType}: Tablesaw's type constants can exist twice, depending on
         * whether a column class or {@code ColumnType} was initialized first, so {@code ==} on them fails.
         */
        private static boolean isFloatingPoint(Column<?> column) {
            return column instanceof DoubleColumn || column instanceof FloatColumn;
        }

        /** The Table Schema type pandas' {@code build_table_schema} gives a column like this one. */
        String tableSchemaType() {
            return switch (form) {
                case NUMBER -> isFloatingPoint(column) ? "number" : "integer";
                case TIMEDELTA -> ColumnKind.TIMEDELTA.tableSchemaType();
                case BOOLEAN -> "boolean";
                case DATE -> "date";
                case DATE_TIME, INSTANT -> "datetime";
                case TIME -> "time";
                case STRING -> "string";
            };
        }
    }
}

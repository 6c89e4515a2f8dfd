package dev.scorespec.runtime.binding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scorespec.annotations.Orient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads a {@code @DataFrame} value into a Tablesaw {@link Table} in one pass over the parser, in any
 * of pandas' orients, checking it against the sample's columns as it goes. Values go straight from
 * the parser into the Tablesaw columns, unboxed; there is no JSON tree and no second walk.
 *
 * <p>What is checked, with {@link DataFrameSpec#enforceColumnType()} and
 * {@link DataFrameSpec#enforceShape()} on (the defaults):
 * <ul>
 *   <li>every column of the sample is there, by name (by position in orient {@code values}), and no
 *       other; a column given twice is an error;
 *   <li>every value fits its column's kind, converted only where nothing is lost: an integer into a
 *       double column, {@code 7.0} into an integer column; no number is read from a string, no boolean
 *       from a number, no fraction is cut; {@code null} only in a column whose sample has one;
 *   <li>rows of orients {@code values} and {@code split} have one value per column; in orient
 *       {@code columns} every column has the same row labels; in orient {@code split}, {@code index}
 *       has one label per row.
 * </ul>
 * Without type enforcement each column takes its type from the request's values; without shape
 * enforcement columns the sample does not have are read too (typed from their values), after the
 * sample's. The table's columns are in the sample's order, whatever the order of the request.
 *
 * <p>Row labels are not kept (Tablesaw tables have none): rows keep the order they come in; in orient
 * {@code columns}, the order of the first column's labels, which the other columns are matched to.
 *
 * <p>Errors are {@link BindingException}s at the offending value, naming the column and the row:
 * {@code data[2].f: column 'f' (double) cannot take the string "abc" in row 2}.
 */
public final class DataFrameReader {

    private DataFrameReader() {}

    /**
     * Reads one frame. Before: the parser is on the value's first token. After: it is on the value's
     * last token.
     */
    public static Table read(JsonParser p, DataFrameSpec spec) throws IOException {
        if (spec.orient() == Orient.RECORDS) {
            Table fast = FastRecords.read(p, spec);
            if (fast != null) {
                return fast;
            }
        }
        Frame frame = new Frame(spec);
        int rows = switch (spec.orient()) {
            case RECORDS -> frame.readRecords(p);
            case INDEX -> frame.readIndex(p);
            case COLUMNS -> frame.readColumns(p);
            case SPLIT -> frame.readSplit(p);
            case VALUES -> frame.readValues(p);
            case TABLE -> frame.readTable(p);
        };
        return frame.table(rows);
    }

    /** The columns of one frame being read. */
    private static final class Frame {

        private final DataFrameSpec spec;
        private final int width;
        private final ColumnBuilder[] columns;
        /** Columns the sample does not have, read when the shape is not enforced; by name. */
        private final Map<String, ColumnBuilder> extras = new LinkedHashMap<>();
        /** For rows given as objects: the row (plus one) in which each column was last given. */
        private final int[] givenInRow;

        Frame(DataFrameSpec spec) {
            this.spec = spec;
            this.width = spec.size();
            this.columns = new ColumnBuilder[width];
            for (int c = 0; c < width; c++) {
                DataFrameSpec.Column column = spec.columns().get(c);
                columns[c] = spec.enforceColumnType()
                        ? ColumnBuilder.of(column.name(), column.kind(), column.nullable())
                        : ColumnBuilder.inferred(column.name());
            }
            this.givenInRow = new int[width];
        }

        // ----------------------------------------------------------------------- rows as objects

        /** {@code [{"a": 1, "b": "x"}, ...]} */
        int readRecords(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw BindingException.at(
                        p, "expected a list of row objects (orient 'records'), got " + JsonValues.describe(p));
            }
            int row = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                readRowObject(p, row++, false);
            }
            return row;
        }

        /** {@code {"0": {"a": 1, "b": "x"}, ...}}: rows by label; the labels are not kept. */
        int readIndex(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw BindingException.at(
                        p,
                        "expected an object of row objects by row label (orient 'index'), got "
                                + JsonValues.describe(p));
            }
            int row = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                p.nextToken();
                readRowObject(p, row++, false);
            }
            return row;
        }

        /**
         * {@code {"schema": {"fields": [...], "primaryKey": [...], "pandas_version": "..."}, "data": [...]}}:
         * rows as objects with their label under {@code index}. The Table Schema is checked for its
         * shape only: the sample, not the request, says what the columns are.
         */
        int readTable(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw BindingException.at(
                        p,
                        "expected an object with 'schema' and 'data' (orient 'table'), got " + JsonValues.describe(p));
            }
            boolean sawSchema = false;
            boolean sawData = false;
            int rows = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "schema" -> {
                        once(p, sawSchema, key);
                        sawSchema = true;
                        readTableSchema(p);
                    }
                    case "data" -> {
                        once(p, sawData, key);
                        sawData = true;
                        if (p.currentToken() != JsonToken.START_ARRAY) {
                            throw BindingException.at(
                                    p, "expected a list of row objects, got " + JsonValues.describe(p));
                        }
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            readRowObject(p, rows++, true);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            require(p, sawSchema, "'schema', the frame's Table Schema");
            require(p, sawData, "'data', the list of rows");
            return rows;
        }

        /** One row given as an object by column name; on return the parser is on its closing brace. */
        private void readRowObject(JsonParser p, int row, boolean labelled) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw BindingException.at(p, "expected a row object, got " + JsonValues.describe(p));
            }
            int stamp = row + 1;
            int given = 0;
            int next = 0;
            boolean sawLabel = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                // Rows mostly repeat the sample's order: try the column after the last one first.
                int c = next < width && name.equals(spec.name(next)) ? next : spec.position(name);
                p.nextToken();
                if (c >= 0) {
                    if (givenInRow[c] == stamp) {
                        throw BindingException.at(p, "column '" + name + "' is given twice in row " + row);
                    }
                    givenInRow[c] = stamp;
                    given++;
                    next = c + 1;
                    columns[c].read(p, row);
                } else if (labelled && name.equals("index")) {
                    if (sawLabel) {
                        throw BindingException.at(p, "'index' is given twice in row " + row);
                    }
                    sawLabel = true;
                    JsonValues.readLong(p); // the row label, an integer as the schema says; not kept
                } else {
                    readExtra(p, name, row);
                }
            }
            if (given < width) {
                for (int c = 0; c < width; c++) {
                    if (givenInRow[c] != stamp) {
                        throw BindingException.at(p, "missing column '" + spec.name(c) + "' in row " + row);
                    }
                }
            }
            if (labelled && !sawLabel) {
                throw BindingException.at(p, "missing 'index', the row label, in row " + row);
            }
            for (ColumnBuilder extra : extras.values()) {
                if (extra.size() == row) {
                    extra.appendMissing(); // not given in this row
                }
            }
        }

        /** A value of a column the sample does not have, in a row given as an object. */
        private void readExtra(JsonParser p, String name, int row) throws IOException {
            if (spec.enforceShape()) {
                throw BindingException.at(
                        p, "unknown column '" + name + "' in row " + row + "; the columns are " + spec.nameList());
            }
            ColumnBuilder extra = extras.get(name);
            if (extra == null) {
                extra = extra(name, row);
            } else if (extra.size() > row) {
                throw BindingException.at(p, "column '" + name + "' is given twice in row " + row);
            }
            extra.read(p, row);
        }

        private void readTableSchema(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw BindingException.at(p, "expected the Table Schema object, got " + JsonValues.describe(p));
            }
            boolean sawFields = false;
            boolean sawPrimaryKey = false;
            boolean sawVersion = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "fields" -> {
                        sawFields = true;
                        JsonValues.expectStartArray(p);
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            readTableField(p);
                        }
                    }
                    case "primaryKey" -> {
                        sawPrimaryKey = true;
                        JsonValues.expectStartArray(p);
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            JsonValues.readString(p);
                        }
                    }
                    case "pandas_version" -> {
                        sawVersion = true;
                        JsonValues.readString(p);
                    }
                    default -> p.skipChildren();
                }
            }
            require(p, sawFields, "'fields'");
            require(p, sawPrimaryKey, "'primaryKey'");
            require(p, sawVersion, "'pandas_version'");
        }

        /** {@code {"name": "a", "type": "integer", ...}}: a field of the Table Schema. */
        private static void readTableField(JsonParser p) throws IOException {
            JsonValues.expectStartObject(p);
            boolean sawName = false;
            boolean sawType = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (key.equals("name")) {
                    sawName = true;
                    JsonValues.readString(p);
                } else if (key.equals("type")) {
                    sawType = true;
                    JsonValues.readString(p);
                } else {
                    p.skipChildren();
                }
            }
            require(p, sawName, "'name'");
            require(p, sawType, "'type'");
        }

        // ----------------------------------------------------------------------- columns as objects

        /** {@code {"a": {"0": 1, "1": 2}, "b": {"0": "x", "1": "y"}}}: rows follow the first column's labels. */
        int readColumns(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw BindingException.at(
                        p, "expected an object of columns (orient 'columns'), got " + JsonValues.describe(p));
            }
            boolean[] given = new boolean[width];
            Labels labels = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                ColumnBuilder column = namedColumn(p, name, given);
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    throw BindingException.at(
                            p,
                            "expected an object of column '" + name + "''s values by row label, got "
                                    + JsonValues.describe(p));
                }
                if (labels == null) {
                    labels = readFirstColumn(p, column);
                } else {
                    readAlignedColumn(p, column, labels);
                }
            }
            requireAll(p, given);
            return labels == null ? 0 : labels.size();
        }

        /** The first column read defines the rows: its labels, in its order. */
        private static Labels readFirstColumn(JsonParser p, ColumnBuilder column) throws IOException {
            Labels labels = new Labels(column.name());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                labels.add(p.currentName());
                p.nextToken();
                column.read(p, labels.size() - 1);
            }
            return labels;
        }

        /**
         * A later column, matched to the first by row label. Values in the first column's order are
         * appended as they come; otherwise the column is put in that order once read.
         */
        private static void readAlignedColumn(JsonParser p, ColumnBuilder column, Labels labels) throws IOException {
            int rows = labels.size();
            int read = 0;
            int[] order = null; // order[row]: the position of that row's value in this column
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String label = p.currentName();
                p.nextToken();
                int row;
                if (order == null && read < rows && label.equals(labels.get(read))) {
                    row = read;
                } else {
                    if (order == null) {
                        order = new int[rows];
                        Arrays.fill(order, -1);
                        for (int i = 0; i < read; i++) {
                            order[i] = i;
                        }
                    }
                    row = labels.row(label);
                    if (row < 0) {
                        throw BindingException.at(
                                p,
                                "row label '" + label + "' of column '" + column.name()
                                        + "' is not a row label of column '" + labels.column + "'");
                    }
                    if (order[row] >= 0) {
                        throw BindingException.at(
                                p, "row label '" + label + "' is given twice in column '" + column.name() + "'");
                    }
                    order[row] = read;
                }
                column.read(p, row);
                read++;
            }
            if (read < rows) {
                int missing = read;
                if (order != null) {
                    missing = 0;
                    while (order[missing] >= 0) {
                        missing++;
                    }
                }
                throw BindingException.at(
                        p,
                        "column '" + column.name() + "' has no value for row label '" + labels.get(missing)
                                + "', which column '" + labels.column + "' has");
            }
            if (order != null) {
                column.reorder(order);
            }
        }

        /** The row labels of the first column of orient {@code columns}. */
        private static final class Labels {
            final String column;
            private final List<String> labels = new ArrayList<>();
            private Map<String, Integer> rows;

            Labels(String column) {
                this.column = column;
            }

            void add(String label) {
                labels.add(label);
            }

            int size() {
                return labels.size();
            }

            String get(int row) {
                return labels.get(row);
            }

            /** The row of a label, or -1; the index is built only when a column comes out of order. */
            int row(String label) {
                if (rows == null) {
                    rows = new HashMap<>();
                    for (int i = 0; i < labels.size(); i++) {
                        rows.put(labels.get(i), i);
                    }
                }
                Integer row = rows.get(label);
                return row == null ? -1 : row;
            }
        }

        // ----------------------------------------------------------------------- rows as lists

        /** {@code [[1, "x"], [2, "y"]]}: values by position, in the sample's column order. */
        int readValues(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw BindingException.at(
                        p, "expected a list of rows of values (orient 'values'), got " + JsonValues.describe(p));
            }
            return readPositionalRows(p, columns, true);
        }

        /**
         * {@code {"columns": ["a", "b"], "index": [0, 1], "data": [[1, "x"], [2, "y"]]}}. The rows follow
         * {@code columns}, which may name the columns in any order when it comes before {@code data}, as
         * pandas writes it; when {@code data} comes first, its rows are read in the sample's order and
         * {@code columns} must then say that order.
         */
        int readSplit(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw BindingException.at(
                        p,
                        "expected an object with 'columns', 'index' and 'data' (orient 'split'), got "
                                + JsonValues.describe(p));
            }
            ColumnBuilder[] byPosition = null;
            boolean sawIndex = false;
            boolean sawData = false;
            int labels = 0;
            int rows = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "columns" -> {
                        once(p, byPosition != null, key);
                        byPosition = sawData ? checkSplitColumns(p) : readSplitColumns(p);
                    }
                    case "index" -> {
                        once(p, sawIndex, key);
                        sawIndex = true;
                        labels = readSplitIndex(p);
                    }
                    case "data" -> {
                        once(p, sawData, key);
                        sawData = true;
                        if (p.currentToken() != JsonToken.START_ARRAY) {
                            throw BindingException.at(
                                    p, "expected a list of rows of values, got " + JsonValues.describe(p));
                        }
                        rows = byPosition != null
                                ? readPositionalRows(p, byPosition, false)
                                : readPositionalRows(p, columns, true);
                    }
                    default -> p.skipChildren();
                }
            }
            require(p, byPosition != null, "'columns', the list of column names");
            require(p, sawIndex, "'index', the list of row labels");
            require(p, sawData, "'data', the list of rows");
            if (labels != rows) {
                throw BindingException.at(p, "'index' has " + labels + " row labels, but 'data' has " + rows + " rows");
            }
            return rows;
        }

        /** The column names of a split frame, in the order its rows give the values. */
        private ColumnBuilder[] readSplitColumns(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw BindingException.at(p, "expected a list of column names, got " + JsonValues.describe(p));
            }
            boolean[] given = new boolean[width];
            List<ColumnBuilder> order = new ArrayList<>(width);
            while (p.nextToken() != JsonToken.END_ARRAY) {
                order.add(namedColumn(p, columnName(p), given));
            }
            requireAll(p, given);
            return order.toArray(new ColumnBuilder[0]);
        }

        /**
         * The column names of a split frame whose rows came first and were read in the sample's order
         * (then its extra columns, by position): the names must say that order.
         */
        private ColumnBuilder[] checkSplitColumns(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw BindingException.at(p, "expected a list of column names, got " + JsonValues.describe(p));
            }
            List<ColumnBuilder> positional = new ArrayList<>(extras.values());
            int position = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String name = columnName(p);
                if (position < width) {
                    if (!name.equals(spec.name(position))) {
                        throw BindingException.at(
                                p,
                                "expected column '" + spec.name(position) + "' here: 'data' came"
                                        + " before 'columns', so its rows were read in the sample's column order ("
                                        + spec.nameList() + "); send 'columns' first to give another order");
                    }
                } else if (position - width < positional.size()) {
                    if (spec.position(name) >= 0 || extras.containsKey(name)) {
                        throw BindingException.at(p, "column '" + name + "' is named twice");
                    }
                    renameExtra(positional.get(position - width), name);
                } else {
                    throw BindingException.at(p, "'columns' names more columns than the rows of 'data' have values");
                }
                position++;
            }
            int given = width + positional.size();
            if (position < given) {
                throw BindingException.at(
                        p,
                        "'columns' names " + position + " columns, but the rows of 'data' have " + given + " values");
            }
            List<ColumnBuilder> order = new ArrayList<>(List.of(columns));
            order.addAll(positional);
            return order.toArray(new ColumnBuilder[0]);
        }

        private static String columnName(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw BindingException.at(p, "expected a column name, got " + JsonValues.describe(p));
            }
            return p.getText();
        }

        /** The row labels of a split frame: integers, as the schema says; only their number is kept. */
        private static int readSplitIndex(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw BindingException.at(p, "expected a list of row labels, got " + JsonValues.describe(p));
            }
            int labels = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonValues.readLong(p);
                labels++;
            }
            return labels;
        }

        /**
         * Rows of values by position. With {@code positionalExtras} and the shape not enforced, values
         * after the given columns go to extra columns named by position ({@code "6"}), as pandas names
         * them; every row must then be as long as the first.
         */
        private int readPositionalRows(JsonParser p, ColumnBuilder[] byPosition, boolean positionalExtras)
                throws IOException {
            int rowWidth = -1;
            int row = 0;
            List<ColumnBuilder> positional = positionalExtras && !spec.enforceShape() ? new ArrayList<>() : null;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    throw BindingException.at(p, "expected a row (a list of values), got " + JsonValues.describe(p));
                }
                int j = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (j < byPosition.length) {
                        byPosition[j].read(p, row);
                    } else if (positional != null) {
                        int extra = j - byPosition.length;
                        if (extra == positional.size()) {
                            if (row > 0) {
                                throw BindingException.at(
                                        p, "row " + row + " has more values than row 0, which has " + rowWidth);
                            }
                            positional.add(extra(String.valueOf(j), 0));
                        }
                        positional.get(extra).read(p, row);
                    } else {
                        throw BindingException.at(
                                p,
                                "row " + row + " has more values than the " + byPosition.length + " columns "
                                        + names(byPosition));
                    }
                    j++;
                }
                if (j < byPosition.length) {
                    throw BindingException.at(
                            p,
                            "row " + row + " has " + j + " values, but there are " + byPosition.length + " columns: "
                                    + names(byPosition));
                }
                if (rowWidth >= 0 && j != rowWidth) {
                    throw BindingException.at(p, "row " + row + " has " + j + " values, but row 0 has " + rowWidth);
                }
                rowWidth = j;
                row++;
            }
            return row;
        }

        private static String names(ColumnBuilder[] columns) {
            List<String> names = new ArrayList<>(columns.length);
            for (ColumnBuilder column : columns) {
                names.add(column.name());
            }
            return String.join(", ", names);
        }

        // ----------------------------------------------------------------------- shared

        /** The column of a name given once in the request, a sample column or an extra one. */
        private ColumnBuilder namedColumn(JsonParser p, String name, boolean[] given) throws IOException {
            int c = spec.position(name);
            if (c >= 0) {
                if (given[c]) {
                    throw BindingException.at(p, "column '" + name + "' is given twice");
                }
                given[c] = true;
                return columns[c];
            }
            if (spec.enforceShape()) {
                throw BindingException.at(p, "unknown column '" + name + "'; the columns are " + spec.nameList());
            }
            if (extras.containsKey(name)) {
                throw BindingException.at(p, "column '" + name + "' is given twice");
            }
            return extra(name, 0);
        }

        /** A new column the sample does not have, with {@code rowsBefore} missing values. */
        private ColumnBuilder extra(String name, int rowsBefore) {
            ColumnBuilder extra = ColumnBuilder.inferred(name);
            for (int i = 0; i < rowsBefore; i++) {
                extra.appendMissing();
            }
            extras.put(name, extra);
            return extra;
        }

        private void renameExtra(ColumnBuilder extra, String name) {
            extras.remove(extra.name());
            extra.rename(name);
            extras.put(name, extra);
        }

        /** Fails on the closing token of an object or list that lacks a column of the sample. */
        private void requireAll(JsonParser p, boolean[] given) throws IOException {
            for (int c = 0; c < width; c++) {
                if (!given[c]) {
                    throw BindingException.at(p, "missing column '" + spec.name(c) + "'");
                }
            }
        }

        private static void require(JsonParser p, boolean present, String what) throws IOException {
            if (!present) {
                throw BindingException.at(p, "missing " + what);
            }
        }

        private static void once(JsonParser p, boolean seenBefore, String key) throws IOException {
            if (seenBefore) {
                throw BindingException.at(p, "'" + key + "' is given twice");
            }
        }

        Table table(int rows) {
            List<Column<?>> all = new ArrayList<>(width + extras.size());
            for (ColumnBuilder column : columns) {
                all.add(column.column());
            }
            for (ColumnBuilder extra : extras.values()) {
                all.add(extra.column());
            }
            for (Column<?> column : all) {
                if (column.size() != rows) {
                    throw new IllegalStateException(
                            "Column " + column.name() + " has " + column.size() + " rows, not " + rows);
                }
            }
            return Table.create(spec.tableName(), all);
        }
    }
}

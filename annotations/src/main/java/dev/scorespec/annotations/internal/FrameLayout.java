package dev.scorespec.annotations.internal;

import dev.scorespec.annotations.Orient;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The JSON layout of a data frame in each {@link Orient}, as pandas' {@code DataFrame.to_json(orient=...)}
 * writes it, rows labelled {@code 0, 1, ...}. Written once for the runtime's writer of the tables that
 * {@code run} returns and for the processor's documented examples, so the example shows what the server
 * sends. Each side drives its own JSON writer through a {@link Sink}, and writes the cells itself.
 */
public final class FrameLayout {

    /** The Table Schema version pandas writes in orient {@code table}. */
    public static final String PANDAS_TABLE_SCHEMA_VERSION = "1.4.0";

    private static final String INDEX = "index";

    private FrameLayout() {}

    /** A JSON writer, as the layout uses one; {@code E} is what it throws. */
    public interface Sink<E extends Exception> {
        void startObject() throws E;

        void endObject() throws E;

        void startArray() throws E;

        void endArray() throws E;

        void name(String name) throws E;

        void string(String value) throws E;

        void number(int value) throws E;

        /** Writes the value of column {@code column} (by position) in row {@code row}. */
        void cell(int column, int row) throws E;
    }

    /**
     * Writes a frame.
     *
     * @param columns the column names, in order
     * @param tableSchemaType the Table Schema type of each column by position, which orient {@code table}
     *     writes in its {@code fields}
     * @param rows the number of rows
     */
    public static <E extends Exception> void write(
            Orient orient, List<String> columns, IntFunction<String> tableSchemaType, int rows, Sink<E> out) throws E {
        switch (orient) {
            case RECORDS -> {
                out.startArray();
                for (int row = 0; row < rows; row++) {
                    rowObject(columns, row, out);
                }
                out.endArray();
            }
            case INDEX -> {
                out.startObject();
                for (int row = 0; row < rows; row++) {
                    out.name(Integer.toString(row));
                    rowObject(columns, row, out);
                }
                out.endObject();
            }
            case COLUMNS -> {
                out.startObject();
                for (int column = 0; column < columns.size(); column++) {
                    out.name(columns.get(column));
                    out.startObject();
                    for (int row = 0; row < rows; row++) {
                        out.name(Integer.toString(row));
                        out.cell(column, row);
                    }
                    out.endObject();
                }
                out.endObject();
            }
            case SPLIT -> {
                out.startObject();
                out.name("columns");
                out.startArray();
                for (String name : columns) {
                    out.string(name);
                }
                out.endArray();
                out.name(INDEX);
                out.startArray();
                for (int row = 0; row < rows; row++) {
                    out.number(row);
                }
                out.endArray();
                out.name("data");
                rowLists(columns.size(), rows, out);
                out.endObject();
            }
            case VALUES -> rowLists(columns.size(), rows, out);
            case TABLE -> {
                out.startObject();
                out.name("schema");
                out.startObject();
                out.name("fields");
                out.startArray();
                field(INDEX, "integer", out);
                for (int column = 0; column < columns.size(); column++) {
                    field(columns.get(column), tableSchemaType.apply(column), out);
                }
                out.endArray();
                out.name("primaryKey");
                out.startArray();
                out.string(INDEX);
                out.endArray();
                out.name("pandas_version");
                out.string(PANDAS_TABLE_SCHEMA_VERSION);
                out.endObject();
                out.name("data");
                out.startArray();
                for (int row = 0; row < rows; row++) {
                    out.startObject();
                    out.name(INDEX);
                    out.number(row);
                    cells(columns, row, out);
                    out.endObject();
                }
                out.endArray();
                out.endObject();
            }
        }
    }

    private static <E extends Exception> void rowObject(List<String> columns, int row, Sink<E> out) throws E {
        out.startObject();
        cells(columns, row, out);
        out.endObject();
    }

    private static <E extends Exception> void cells(List<String> columns, int row, Sink<E> out) throws E {
        for (int column = 0; column < columns.size(); column++) {
            out.name(columns.get(column));
            out.cell(column, row);
        }
    }

    private static <E extends Exception> void rowLists(int columns, int rows, Sink<E> out) throws E {
        out.startArray();
        for (int row = 0; row < rows; row++) {
            out.startArray();
            for (int column = 0; column < columns; column++) {
                out.cell(column, row);
            }
            out.endArray();
        }
        out.endArray();
    }

    private static <E extends Exception> void field(String name, String type, Sink<E> out) throws E {
        out.startObject();
        out.name("name");
        out.string(name);
        out.name("type");
        out.string(type);
        out.endObject();
    }
}

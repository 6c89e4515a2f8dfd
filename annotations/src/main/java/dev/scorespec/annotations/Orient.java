package dev.scorespec.annotations;

import java.util.Locale;

/**
 * How a {@link DataFrame} travels as JSON: pandas' {@code orient} names, with the layout of
 * {@code DataFrame.to_json(orient=...)}. Row labels ({@code index}) are not kept: rows keep the
 * order they come in.
 */
public enum Orient {
    /** A list of rows, each an object by column name: {@code [{"a": 1, "b": "x"}, ...]}. The default. */
    RECORDS,
    /**
     * Column names, row labels and rows of values apart:
     * {@code {"columns": ["a", "b"], "index": [0, 1], "data": [[1, "x"], [2, "y"]]}}.
     */
    SPLIT,
    /** An object of rows by row label, each row an object by column name: {@code {"0": {"a": 1, "b": "x"}, ...}}. */
    INDEX,
    /** An object of columns by name, each an object of values by row label: {@code {"a": {"0": 1, "1": 2}, ...}}. */
    COLUMNS,
    /** Rows of values by position, in the sample's column order: {@code [[1, "x"], [2, "y"]]}. */
    VALUES,
    /**
     * pandas' Table Schema form: {@code {"schema": {"fields": [...], "primaryKey": ["index"],
     * "pandas_version": "1.4.0"}, "data": [{"index": 0, "a": 1, "b": "x"}, ...]}}.
     */
    TABLE;

    /** The name pandas gives this orient: {@code records}, {@code split}, ... */
    public String pandasName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

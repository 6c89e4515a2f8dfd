package dev.scorespec.processor.emit;

import static dev.scorespec.processor.emit.TestSpecs.column;
import static dev.scorespec.processor.emit.TestSpecs.field;
import static dev.scorespec.processor.emit.TestSpecs.frame;
import static dev.scorespec.processor.emit.TestSpecs.list;
import static dev.scorespec.processor.emit.TestSpecs.naive;
import static dev.scorespec.processor.emit.TestSpecs.ndarray;
import static dev.scorespec.processor.emit.TestSpecs.object;
import static dev.scorespec.processor.emit.TestSpecs.property;
import static dev.scorespec.processor.emit.TestSpecs.sample;
import static dev.scorespec.processor.emit.TestSpecs.scalar;
import static dev.scorespec.processor.emit.TestSpecs.spec;
import static dev.scorespec.processor.emit.TestSpecs.structured;
import static dev.scorespec.processor.emit.TestSpecs.union;

import dev.scorespec.annotations.ColumnKind;
import dev.scorespec.annotations.Orient;
import dev.scorespec.annotations.internal.DType;
import dev.scorespec.processor.model.DataFrameType;
import dev.scorespec.processor.model.ScalarKind;
import dev.scorespec.processor.model.ScoringSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reference cases of {@code src/test/resources/golden/}, each as the model the validator builds
 * for the Java counterpart of its Python sample, with examples normalized as the validator does
 * (JSON booleans, RFC 3339 dates, base64 bytes).
 */
final class GoldenCases {

    private GoldenCases() {}

    /** Case name (the resource's file name without {@code .json}) to model, in a stable order. */
    static Map<String, ScoringSpec> all() {
        Map<String, ScoringSpec> cases = new LinkedHashMap<>();

        // NumpyParameterType(np.array([True, False, True])) -> NumpyParameterType(np.array([False]))
        cases.put(
                "numpy-bool-1d",
                spec().input("data", sample(ndarray(DType.BOOL, 3), "[true, false, true]"))
                        .output(sample(ndarray(DType.BOOL, 1), "[false]"))
                        .build());
        // dtype='datetime64[s]'
        cases.put(
                "numpy-datetime64-s-1d",
                spec().input(
                                "data",
                                sample(
                                        ndarray(DType.DATETIME64, 2),
                                        "[\"2020-01-01T00:00:00\", \"2021-02-03T04:05:06\"]"))
                        .output(sample(ndarray(DType.DATETIME64, 1), "[\"2020-01-01T00:00:00\"]"))
                        .build());
        cases.put(
                "numpy-float64-1d",
                spec().input("data", sample(ndarray(DType.FLOAT64, 3), "[1.0, 2.5, -3.25]"))
                        .output(sample(ndarray(DType.FLOAT64, 1), "[0.5]"))
                        .build());
        cases.put(
                "numpy-float64-2d",
                spec().input("data", sample(ndarray(DType.FLOAT64, 2, 3), "[[1.0, 2.5, 3.0], [4.0, 5.0, 6.5]]"))
                        .output(sample(ndarray(DType.FLOAT64, 2), "[1.5, 2.5]"))
                        .build());
        cases.put(
                "numpy-int64-2d",
                spec().input("data", sample(ndarray(DType.INT64, 2, 2), "[[1, 2], [3, 4]]"))
                        .output(sample(ndarray(DType.INT64, 2, 1), "[[1], [0]]"))
                        .build());
        cases.put(
                "numpy-str-u10-1d",
                spec().input("data", sample(ndarray(DType.STR, 2), "[\"apple\", \"banana\"]"))
                        .output(sample(ndarray(DType.STR, 1), "[\"fruit\"]"))
                        .build());
        // dtype=[('name', 'U10'), ('grades', 'f8', (2,))] -> dtype='float64, float64'
        cases.put(
                "numpy-structured",
                spec().input(
                                "data",
                                sample(
                                        structured(
                                                java.util.List.of(
                                                        field("name", DType.STR), field("grades", DType.FLOAT64, 2)),
                                                2),
                                        "[{\"name\": \"Sarah\", \"grades\": [8.0, 7.0]}, {\"name\": \"John\", \"grades\": [6.0, 7.0]}]"))
                        .output(sample(
                                structured(
                                        java.util.List.of(field("f0", DType.FLOAT64), field("f1", DType.FLOAT64)), 2),
                                "[{\"f0\": 8.0, \"f1\": 7.0}, {\"f0\": 6.0, \"f1\": 7.0}]"))
                        .build());
        // dtype='timedelta64[s]', no output schema
        cases.put(
                "numpy-timedelta64-1d",
                spec().input("data", sample(ndarray(DType.TIMEDELTA64, 2), "[\"1 seconds\", \"3600 seconds\"]"))
                        .build());
        // The Azure ML docs' ridge example.
        cases.put(
                "seed-ridge",
                spec().input("data", sample(ndarray(DType.INT64, 1, 10), "[[10, 9, 8, 7, 6, 5, 4, 3, 2, 1]]"))
                        .output(sample(ndarray(DType.FLOAT64, 1), "[3726.995]"))
                        .build());

        cases.put(
                "standard-bool",
                spec().input("data", sample(scalar(ScalarKind.BOOLEAN), "true"))
                        .output(sample(scalar(ScalarKind.BOOLEAN), "false"))
                        .build());
        // b'hello' -> base64
        cases.put(
                "standard-bytes",
                spec().input("data", sample(scalar(ScalarKind.BYTES), "\"aGVsbG8=\""))
                        .output(sample(scalar(ScalarKind.BYTES), "\"b2s=\""))
                        .build());
        cases.put(
                "standard-date",
                spec().input("data", sample(scalar(ScalarKind.DATE), "\"2020-01-02\""))
                        .output(sample(scalar(ScalarKind.DATE), "\"2021-03-04\""))
                        .build());
        // datetime.datetime(2020, 1, 2, 3, 4, 5, 678000) without tzinfo: LocalDateTime
        cases.put(
                "standard-datetime-naive",
                spec().input("data", sample(naive(ScalarKind.DATE_TIME), "\"2020-01-02T03:04:05.678\""))
                        .output(sample(naive(ScalarKind.DATE_TIME), "\"2021-06-07T08:09:10\""))
                        .build());
        cases.put(
                "standard-dict",
                spec().input(
                                "data",
                                sample(
                                        object(
                                                property("name", list(scalar(ScalarKind.STRING))),
                                                property("state", list(scalar(ScalarKind.STRING)))),
                                        "{\"name\": [\"Sarah\", \"John\"], \"state\": [\"WA\", \"CA\"]}"))
                        .output(sample(
                                object(property("state", list(scalar(ScalarKind.STRING)))),
                                "{\"state\": [\"WA\", \"CA\"]}"))
                        .build());
        cases.put(
                "standard-float",
                spec().input("data", sample(scalar(ScalarKind.DOUBLE), "1.5"))
                        .output(sample(scalar(ScalarKind.DOUBLE), "2.5"))
                        .build());
        cases.put(
                "standard-int",
                spec().input("data", sample(scalar(ScalarKind.INT64), "5"))
                        .output(sample(scalar(ScalarKind.INT64), "10"))
                        .build());
        cases.put(
                "standard-list-int",
                spec().input("data", sample(list(scalar(ScalarKind.INT64)), "[1, 2, 3]"))
                        .output(sample(list(scalar(ScalarKind.INT64)), "[4, 5]"))
                        .build());
        // ['foo', 1]: items mix JSON types
        cases.put(
                "standard-list-mixed",
                spec().input("data", sample(list(union(ScalarKind.STRING, ScalarKind.INT64)), "[\"foo\", 1]"))
                        .output(sample(scalar(ScalarKind.INT64), "5"))
                        .build());
        cases.put(
                "standard-str",
                spec().input("data", sample(scalar(ScalarKind.STRING), "\"hello\""))
                        .output(sample(scalar(ScalarKind.STRING), "\"world\""))
                        .build());
        // datetime.time(13, 45, 30, 123) without tzinfo: LocalTime
        cases.put(
                "standard-time-naive",
                spec().input("data", sample(naive(ScalarKind.TIME), "\"13:45:30.000123\""))
                        .output(sample(naive(ScalarKind.TIME), "\"01:02:03\""))
                        .build());

        // pd.DataFrame({'i': [1, 2], 'f': [1.5, 2.5], 's': ['a', 'b'], 'b': [True, False],
        //     'dt': pd.to_datetime([...]), 'td': pd.to_timedelta(['1 days', '2 hours'])}) -> pd.DataFrame({'score':
        // [0.25, 0.75]})
        cases.put(
                "pandas-records-mixed",
                spec().input("data", sample(mixedFrame(Orient.RECORDS), """
                        [{"i": 1, "f": 1.5, "s": "a", "b": true, "dt": "2020-01-01T00:00:00.000", "td": "P1DT0H0M0S"},
                         {"i": 2, "f": 2.5, "s": "b", "b": false, "dt": "2020-06-15T12:30:45.000", "td": "P0DT2H0M0S"}]"""))
                        .output(sample(scoreFrame(Orient.RECORDS), "[{\"score\": 0.25}, {\"score\": 0.75}]"))
                        .build());
        cases.put(
                "pandas-split-mixed",
                spec().input("data", sample(mixedFrame(Orient.SPLIT), """
                        {"columns": ["i", "f", "s", "b", "dt", "td"],
                         "index": [0, 1],
                         "data": [[1, 1.5, "a", true, "2020-01-01T00:00:00.000", "P1DT0H0M0S"],
                                  [2, 2.5, "b", false, "2020-06-15T12:30:45.000", "P0DT2H0M0S"]]}"""))
                        .output(sample(
                                scoreFrame(Orient.SPLIT),
                                "{\"columns\": [\"score\"], \"index\": [0, 1], \"data\": [[0.25], [0.75]]}"))
                        .build());
        cases.put(
                "pandas-index-mixed",
                spec().input("data", sample(mixedFrame(Orient.INDEX), """
                        {"0": {"i": 1, "f": 1.5, "s": "a", "b": true, "dt": "2020-01-01T00:00:00.000", "td": "P1DT0H0M0S"},
                         "1": {"i": 2, "f": 2.5, "s": "b", "b": false, "dt": "2020-06-15T12:30:45.000", "td": "P0DT2H0M0S"}}"""))
                        .output(sample(
                                scoreFrame(Orient.INDEX), "{\"0\": {\"score\": 0.25}, \"1\": {\"score\": 0.75}}"))
                        .build());
        cases.put(
                "pandas-columns-mixed",
                spec().input("data", sample(mixedFrame(Orient.COLUMNS), """
                        {"i": {"0": 1, "1": 2},
                         "f": {"0": 1.5, "1": 2.5},
                         "s": {"0": "a", "1": "b"},
                         "b": {"0": true, "1": false},
                         "dt": {"0": "2020-01-01T00:00:00.000", "1": "2020-06-15T12:30:45.000"},
                         "td": {"0": "P1DT0H0M0S", "1": "P0DT2H0M0S"}}"""))
                        .output(sample(scoreFrame(Orient.COLUMNS), "{\"score\": {\"0\": 0.25, \"1\": 0.75}}"))
                        .build());
        cases.put(
                "pandas-values-mixed",
                spec().input("data", sample(mixedFrame(Orient.VALUES), """
                        [[1, 1.5, "a", true, "2020-01-01T00:00:00.000", "P1DT0H0M0S"],
                         [2, 2.5, "b", false, "2020-06-15T12:30:45.000", "P0DT2H0M0S"]]"""))
                        .output(sample(scoreFrame(Orient.VALUES), "[[0.25], [0.75]]"))
                        .build());
        cases.put(
                "pandas-table-mixed",
                spec().input("data", sample(mixedFrame(Orient.TABLE), """
                        {"schema": {"fields": [{"name": "index", "type": "integer"}, {"name": "i", "type": "integer"}, {"name": "f", "type": "number"}, {"name": "s", "type": "string"}, {"name": "b", "type": "boolean"}, {"name": "dt", "type": "datetime"}, {"name": "td", "type": "duration"}], "primaryKey": ["index"], "pandas_version": "1.4.0"},
                         "data": [{"index": 0, "i": 1, "f": 1.5, "s": "a", "b": true, "dt": "2020-01-01T00:00:00.000", "td": "P1DT0H0M0S"}, {"index": 1, "i": 2, "f": 2.5, "s": "b", "b": false, "dt": "2020-06-15T12:30:45.000", "td": "P0DT2H0M0S"}]}"""))
                        .output(
                                sample(
                                        scoreFrame(Orient.TABLE),
                                        "{\"schema\": {\"fields\": [{\"name\": \"index\", \"type\": \"integer\"}, {\"name\": \"score\", \"type\": \"number\"}], \"primaryKey\": [\"index\"], \"pandas_version\": \"1.4.0\"}, \"data\": [{\"index\": 0, \"score\": 0.25}, {\"index\": 1, \"score\": 0.75}]}"))
                        .build());

        // input_data: pd.DataFrame({'sentence1': ['this is a string starting with']}), orient='split';
        // params: {'num_beams': 1, 'max_length': 2}, optional=True; no output schema
        cases.put(
                "multi-input-optional",
                spec().input(
                                "input_data",
                                sample(
                                        frame(Orient.SPLIT, column("sentence1", ColumnKind.STRING)),
                                        "{\"columns\": [\"sentence1\"], \"index\": [0], \"data\": [[\"this is a string starting with\"]]}"))
                        .optionalInput(
                                "params",
                                sample(
                                        object(
                                                property("num_beams", scalar(ScalarKind.INT64)),
                                                property("max_length", scalar(ScalarKind.INT64))),
                                        "{\"num_beams\": 1, \"max_length\": 2}"))
                        .build());
        return cases;
    }

    /** The reference cases' output: one float64 column. */
    private static DataFrameType scoreFrame(Orient orient) {
        return frame(orient, column("score", ColumnKind.DOUBLE));
    }

    /** The reference's mixed frame: int64, float64, str, bool, naive datetime64[ns] and timedelta64[ns] columns. */
    private static DataFrameType mixedFrame(Orient orient) {
        return frame(
                orient,
                column("i", ColumnKind.LONG),
                column("f", ColumnKind.DOUBLE),
                column("s", ColumnKind.STRING),
                column("b", ColumnKind.BOOLEAN),
                column("dt", ColumnKind.DATE_TIME),
                column("td", ColumnKind.TIMEDELTA));
    }
}

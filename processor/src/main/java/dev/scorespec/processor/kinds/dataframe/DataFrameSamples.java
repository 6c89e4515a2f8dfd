package dev.scorespec.processor.kinds.dataframe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorespec.annotations.ColumnKind;
import dev.scorespec.annotations.Orient;
import dev.scorespec.annotations.internal.DType;
import dev.scorespec.annotations.internal.FrameLayout;
import dev.scorespec.annotations.internal.TemporalText;
import dev.scorespec.processor.model.DataFrameType;
import dev.scorespec.processor.model.JavaType;
import dev.scorespec.processor.model.ScoringClassDecl.FrameDecl;
import dev.scorespec.processor.model.ScoringClassDecl.PinDecl;
import dev.scorespec.processor.model.ScoringSpec.Sample;
import dev.scorespec.processor.validate.Message;
import dev.scorespec.processor.validate.Misfit;
import dev.scorespec.processor.validate.SampleValues;
import java.io.StringReader;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.AbstractColumnParser;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.dates.DateParser;
import tech.tablesaw.columns.datetimes.DateTimeParser;
import tech.tablesaw.columns.instant.InstantParser;
import tech.tablesaw.columns.times.TimeParser;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Infers the {@link DataFrameType} of a {@code @DataFrame} sample and writes its example in the
 * frame's orient, as the runtime's {@code DataFrameWriter} would write the sample.
 *
 * <p>Column types come from the sample, as pandas infers dtypes: JSON integers are int64
 * ({@link ColumnKind#LONG}), other numbers float64, booleans bool. Strings are typed with Tablesaw's
 * own parsers: a column whose every string Tablesaw reads as an instant (with offset), a date-time, a
 * time or a date is of that kind; ISO-8601 durations ({@code P1DT2H}) are timedeltas; anything else is
 * a string column. A CSV sample is read by Tablesaw's CSV reader with its type detection (integers as
 * longs, like pandas) and then typed the same way. Pinned columns take their pinned kind, and every
 * value of theirs must fit it.
 */
public final class DataFrameSamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Tablesaw's default detection order, without INTEGER: whole numbers are int64, as pandas reads them. */
    private static final List<ColumnType> CSV_TYPES = List.of(
            ColumnType.LOCAL_DATE_TIME,
            ColumnType.LOCAL_TIME,
            ColumnType.LOCAL_DATE,
            ColumnType.BOOLEAN,
            ColumnType.LONG,
            ColumnType.DOUBLE,
            ColumnType.STRING);

    private final String subject;
    private final DateTimeParser dateTimes = new DateTimeParser(ColumnType.LOCAL_DATE_TIME);
    private final DateParser dates = new DateParser(ColumnType.LOCAL_DATE);
    private final TimeParser times = new TimeParser(ColumnType.LOCAL_TIME);
    private final InstantParser instants = new InstantParser(ColumnType.INSTANT);

    public DataFrameSamples(String subject) {
        this.subject = subject;
    }

    /** A sample given as JSON: a list of row objects, or an object of column lists. */
    public Sample fromJson(JsonNode json, String source, FrameDecl frame, boolean enforceShape, JavaType target)
            throws Misfit {
        requireTable(target);
        Map<String, List<JsonNode>> columns;
        if (json.isArray() && json.isEmpty() && !frame.pins().isEmpty()) {
            columns = statedColumns(frame);
        } else if (json.isArray()) {
            columns = fromRows(json, source);
        } else if (json.isObject() && isEmptyAndStated(json, frame)) {
            columns = statedColumns(frame);
        } else if (json.isObject()) {
            columns = fromColumns(json, source);
        } else {
            throw new Misfit(Message.FRAME_SAMPLE_FORM, source, subject, SampleValues.describe(json));
        }
        return build(columns, frame, enforceShape, target);
    }

    /** A sample given as CSV with a header row, read by Tablesaw with its type detection. */
    public Sample fromCsv(String text, String source, FrameDecl frame, boolean enforceShape, JavaType target)
            throws Misfit {
        requireTable(target);
        Map<String, ColumnType> pinned = new LinkedHashMap<>();
        for (PinDecl pin : frame.pins()) {
            pinned.put(pin.name(), csvType(ColumnKind.valueOf(pin.kind())));
        }
        Table table;
        try {
            table = Table.read()
                    .usingOptions(CsvReadOptions.builder(new StringReader(text))
                            .columnTypesToDetect(CSV_TYPES)
                            .columnTypesPartial(pinned)
                            .build());
        } catch (RuntimeException e) {
            throw new Misfit(Message.FRAME_CSV, source, subject, firstLine(e));
        }
        if (table.columnCount() == 0) {
            throw new Misfit(Message.FRAME_EMPTY, source, subject, "columns");
        }
        if (table.rowCount() == 0) {
            throw new Misfit(Message.FRAME_EMPTY, source, subject, "rows");
        }
        Map<String, List<JsonNode>> columns = new LinkedHashMap<>();
        for (Column<?> column : table.columns()) {
            List<JsonNode> values = new ArrayList<>(column.size());
            for (int row = 0; row < column.size(); row++) {
                values.add(csvValue(column, row));
            }
            columns.put(column.name(), values);
        }
        return build(columns, frame, enforceShape, target);
    }

    /**
     * A {@code (0, n)} frame, pandas' empty frame: {@code []} as records (which keeps no column), or column
     * lists that are all empty. Its columns are the stated ones ({@code columns = @DataFrame.Column(...)}),
     * which give every column's name and type; without them it is SS162.
     */
    private static Map<String, List<JsonNode>> statedColumns(FrameDecl frame) {
        Map<String, List<JsonNode>> columns = new LinkedHashMap<>();
        frame.pins().forEach(pin -> columns.put(pin.name(), new ArrayList<>()));
        return columns;
    }

    /** Whether every column of an object sample is empty and has its type stated. */
    private static boolean isEmptyAndStated(JsonNode object, FrameDecl frame) {
        if (object.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> column : object.properties()) {
            if (!column.getValue().isArray()
                    || !column.getValue().isEmpty()
                    || frame.pins().stream().noneMatch(pin -> pin.name().equals(column.getKey()))) {
                return false;
            }
        }
        return object.size() == frame.pins().size();
    }

    private void requireTable(JavaType target) throws Misfit {
        if (!target.is(SampleValues.TABLE)) {
            throw new Misfit(Message.FRAME_TARGET, subject, target.name());
        }
    }

    // ---------------------------------------------------------------- the sample's two forms

    private Map<String, List<JsonNode>> fromRows(JsonNode rows, String source) throws Misfit {
        if (rows.isEmpty()) {
            throw new Misfit(Message.FRAME_EMPTY, source, subject, "rows");
        }
        Map<String, List<JsonNode>> columns = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            if (!row.isObject()) {
                throw new Misfit(
                        Message.FRAME_SAMPLE_FORM,
                        source,
                        subject,
                        "a list whose row [" + i + "] is " + SampleValues.describe(row) + ", not an object");
            }
            row.fieldNames().forEachRemaining(name -> columns.putIfAbsent(name, new ArrayList<>()));
        }
        if (columns.isEmpty()) {
            throw new Misfit(Message.FRAME_EMPTY, source, subject, "columns");
        }
        for (int i = 0; i < rows.size(); i++) {
            for (Map.Entry<String, List<JsonNode>> column : columns.entrySet()) {
                JsonNode value = rows.get(i).get(column.getKey());
                if (value == null) {
                    throw new Misfit(
                            Message.FRAME_RAGGED,
                            subject,
                            "row [" + i + "] has no value for column '" + column.getKey() + "'");
                }
                column.getValue().add(value);
            }
        }
        return columns;
    }

    private Map<String, List<JsonNode>> fromColumns(JsonNode object, String source) throws Misfit {
        if (object.isEmpty()) {
            throw new Misfit(Message.FRAME_EMPTY, source, subject, "columns");
        }
        Map<String, List<JsonNode>> columns = new LinkedHashMap<>();
        String first = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isArray()) {
                throw new Misfit(
                        Message.FRAME_SAMPLE_FORM,
                        source,
                        subject,
                        "an object whose '" + field.getKey() + "' is " + SampleValues.describe(field.getValue())
                                + ", not a list of the column's values");
            }
            List<JsonNode> values = new ArrayList<>();
            field.getValue().forEach(values::add);
            if (first != null && values.size() != columns.get(first).size()) {
                throw new Misfit(
                        Message.FRAME_RAGGED,
                        subject,
                        "column '" + field.getKey() + "' has " + values.size() + " values, column '" + first + "' has "
                                + columns.get(first).size());
            }
            first = first == null ? field.getKey() : first;
            columns.put(field.getKey(), values);
        }
        if (columns.get(first).isEmpty()) {
            throw new Misfit(Message.FRAME_EMPTY, source, subject, "rows");
        }
        return columns;
    }

    // ---------------------------------------------------------------- columns and types

    private Sample build(Map<String, List<JsonNode>> values, FrameDecl frame, boolean enforceShape, JavaType target)
            throws Misfit {
        Map<String, ColumnKind> pins = new LinkedHashMap<>();
        for (PinDecl pin : frame.pins()) {
            if (!values.containsKey(pin.name())) {
                throw new Misfit(Message.FRAME_PIN_UNKNOWN, pin.name(), subject, String.join(", ", values.keySet()));
            }
            if (pins.put(pin.name(), ColumnKind.valueOf(pin.kind())) != null) {
                long times = frame.pins().stream()
                        .filter(p -> p.name().equals(pin.name()))
                        .count();
                throw new Misfit(Message.FRAME_PIN_TWICE, pin.name(), subject, times);
            }
        }
        if (!frame.enforceColumnType() && !pins.isEmpty()) {
            throw new Misfit(Message.FRAME_PINS_UNUSED, subject);
        }
        Orient orient = Orient.valueOf(frame.orient());
        if (orient == Orient.TABLE && values.containsKey("index")) {
            throw new Misfit(Message.FRAME_INDEX_COLUMN, subject);
        }
        List<DataFrameType.Column> columns = new ArrayList<>();
        Map<String, List<JsonNode>> normalized = new LinkedHashMap<>();
        for (Map.Entry<String, List<JsonNode>> column : values.entrySet()) {
            String name = column.getKey();
            List<JsonNode> cells = column.getValue();
            boolean nullable = false;
            for (int row = 0; row < cells.size(); row++) {
                JsonNode cell = cells.get(row);
                if (cell.isContainerNode()) {
                    throw new Misfit(Message.FRAME_CELL, "[" + row + "]", name, subject, SampleValues.describe(cell));
                }
                nullable |= cell.isNull();
            }
            ColumnKind pinned = pins.get(name);
            ColumnKind kind = pinned != null ? pinned : infer(name, cells);
            List<JsonNode> example = new ArrayList<>(cells.size());
            for (int row = 0; row < cells.size(); row++) {
                example.add(normalize(name, kind, pinned != null, cells.get(row), row));
            }
            columns.add(new DataFrameType.Column(name, kind, nullable));
            normalized.put(name, example);
        }
        DataFrameType type = new DataFrameType(target.name(), orient, columns, frame.enforceColumnType(), enforceShape);
        return new Sample(type, example(type, normalized));
    }

    /** The kind of an unpinned column, from its non-null values. */
    private ColumnKind infer(String name, List<JsonNode> cells) throws Misfit {
        JsonNode firstValue = null;
        int firstRow = -1;
        boolean integers = true;
        for (int row = 0; row < cells.size(); row++) {
            JsonNode cell = cells.get(row);
            if (cell.isNull()) {
                continue;
            }
            if (firstValue == null) {
                firstValue = cell;
                firstRow = row;
            } else if (!family(cell).equals(family(firstValue))) {
                throw new Misfit(
                        Message.FRAME_MIXED,
                        name,
                        subject,
                        family(firstValue) + " (row [" + firstRow + "]) and " + family(cell) + " (row [" + row + "])",
                        name);
            }
            integers &= cell.isIntegralNumber() && cell.bigIntegerValue().bitLength() < 64;
        }
        if (firstValue == null) {
            throw new Misfit(Message.FRAME_ONLY_NULLS, name, subject, name);
        }
        if (firstValue.isNumber()) {
            return integers ? ColumnKind.LONG : ColumnKind.DOUBLE;
        }
        if (firstValue.isBoolean()) {
            return ColumnKind.BOOLEAN;
        }
        return stringKind(cells);
    }

    /**
     * Whether a Tablesaw parser reads the text as a value: not one of its missing-value words
     * ({@code "NA"}, {@code "null"}), which it would also say it can parse.
     */
    private static boolean parses(AbstractColumnParser<?> parser, String text) {
        return !text.isBlank() && !parser.isMissing(text) && parser.canParse(text);
    }

    private static String family(JsonNode cell) {
        return cell.isNumber() ? "numbers" : cell.isBoolean() ? "booleans" : "strings";
    }

    /** The first kind whose Tablesaw parser reads every string of the column; STRING if none does. */
    private ColumnKind stringKind(List<JsonNode> cells) {
        List<String> texts = new ArrayList<>();
        for (JsonNode cell : cells) {
            if (!cell.isNull()) {
                if (cell.asText().isBlank()) {
                    return ColumnKind.STRING; // Tablesaw's parsers take blanks as missing values
                }
                texts.add(cell.asText());
            }
        }
        if (texts.stream().allMatch(t -> parses(instants, t))) {
            return ColumnKind.INSTANT;
        }
        if (texts.stream().allMatch(t -> parses(dateTimes, t))) {
            return ColumnKind.DATE_TIME;
        }
        if (texts.stream().allMatch(t -> parses(times, t))) {
            return ColumnKind.TIME;
        }
        if (texts.stream().allMatch(t -> parses(dates, t))) {
            return ColumnKind.DATE;
        }
        if (texts.stream().allMatch(t -> isoDuration(t) != null)) {
            return ColumnKind.TIMEDELTA;
        }
        return ColumnKind.STRING;
    }

    /**
     * A cell as the example shows it, which is how the runtime's writer writes it; fails when the cell
     * does not fit its column's kind.
     */
    private JsonNode normalize(String name, ColumnKind kind, boolean pinned, JsonNode cell, int row) throws Misfit {
        if (cell.isNull()) {
            return cell;
        }
        String problem = null;
        switch (kind) {
            case LONG, INTEGER -> {
                DType storage = kind == ColumnKind.LONG ? DType.INT64 : DType.INT32;
                if (cell.isNumber() && SampleValues.isIntegral(cell)) {
                    BigInteger value = cell.decimalValue().toBigInteger();
                    // The smallest value is Tablesaw's missing value, which requests may not carry either.
                    if (value.compareTo(storage.min()) > 0 && value.compareTo(storage.max()) <= 0) {
                        return NODES.numberNode(value.longValue());
                    }
                    if (value.equals(storage.min())) {
                        throw new Misfit(
                                Message.FRAME_PIN_MISFIT,
                                name,
                                subject,
                                describeKind(kind, pinned),
                                "row [" + row + "] holds " + value + ", which Tablesaw stores as a missing value");
                    }
                }
                problem = kind == ColumnKind.LONG ? "a 64-bit integer" : "a 32-bit integer";
            }
            case DOUBLE -> {
                // A number beyond double's range would be published as "Infinity", which no request may carry.
                if (cell.isNumber() && DType.FLOAT64.holds(cell.doubleValue())) {
                    return NODES.numberNode(cell.doubleValue());
                }
                problem = "a number from " + DType.FLOAT64.rangeText();
            }
            case BOOLEAN -> {
                if (cell.isBoolean()) {
                    return cell;
                }
                problem = "true or false";
            }
            case STRING -> {
                if (cell.isTextual()) {
                    return cell;
                }
                problem = "a string";
            }
            default -> {
                String text = cell.isTextual() ? cell.asText() : null;
                String written = text == null || text.isBlank() ? null : temporal(kind, text);
                if (written != null) {
                    return NODES.textNode(written);
                }
                if (text != null && !text.isBlank() && Boolean.FALSE.equals(temporalWithinMillis(kind, text))) {
                    throw new Misfit(
                            Message.FRAME_PIN_MISFIT,
                            name,
                            subject,
                            describeKind(kind, pinned),
                            "row [" + row + "] holds " + SampleValues.describe(cell)
                                    + ", finer than the millisecond Tablesaw keeps");
                }
                problem = kindText(kind);
            }
        }
        throw new Misfit(
                Message.FRAME_PIN_MISFIT,
                name,
                subject,
                describeKind(kind, pinned),
                "row [" + row + "] holds " + SampleValues.describe(cell) + ", which is not " + problem);
    }

    /** The writer's text of a date, date-time, instant, time or timedelta; null when it is not one, or finer than ms. */
    @SuppressWarnings({"JavaLocalDateTimeGetNano", "JavaInstantGetSecondsGetNano", "JavaLocalTimeGetNano"
    }) // sub-ms part only
    private String temporal(ColumnKind kind, String text) {
        try {
            String written = switch (kind) {
                case DATE -> parses(dates, text) ? dates.parse(text).toString() : null;
                case DATE_TIME -> {
                    LocalDateTime value = parses(dateTimes, text) ? dateTimes.parse(text) : null;
                    yield value == null || value.getNano() % 1_000_000 != 0 ? null : TemporalText.pandasDateTime(value);
                }
                case INSTANT -> {
                    Instant value = parses(instants, text) ? instants.parse(text) : null;
                    yield value == null || value.getNano() % 1_000_000 != 0 ? null : TemporalText.pandasInstant(value);
                }
                case TIME -> {
                    LocalTime value = parses(times, text) ? times.parse(text) : null;
                    yield value == null || value.getNano() % 1_000_000 != 0 ? null : TemporalText.format(value);
                }
                case TIMEDELTA -> {
                    Duration value = TemporalText.parseTimedelta(text);
                    // Long.MIN_VALUE nanoseconds is Tablesaw's missing value, which requests may not carry either
                    yield value == null || value.toNanos() == Long.MIN_VALUE
                            ? null
                            : TemporalText.isoTimedelta(value.toNanos());
                }
                default -> throw new IllegalArgumentException(kind.name());
            };
            return written != null && readable(kind, written) ? written : null;
        } catch (RuntimeException e) {
            return null; // a parser that said it could, and could not after all; or a duration beyond ~292 years
        }
    }

    /**
     * Whether a request may carry the text the writer writes: Tablesaw's parsers take what requests may
     * not (a year past 9999 is {@code "+12020-..."}), and the runtime reads cells with the shared codecs.
     */
    private static boolean readable(ColumnKind kind, String written) {
        return switch (kind) {
            case DATE -> TemporalText.parseDate(written) != null;
            case DATE_TIME -> TemporalText.parseLocalDateTime(written) != null;
            case INSTANT -> TemporalText.parseOffsetDateTime(written) != null;
            case TIME -> TemporalText.parseLocalTime(written) != null;
            case TIMEDELTA -> TemporalText.parseTimedelta(written) != null;
            default -> true;
        };
    }

    /** For a text that parses as {@code kind}: whether it is within the millisecond; null when it does not parse. */
    @SuppressWarnings({"JavaLocalDateTimeGetNano", "JavaInstantGetSecondsGetNano", "JavaLocalTimeGetNano"
    }) // sub-ms part only
    private Boolean temporalWithinMillis(ColumnKind kind, String text) {
        try {
            int nanos = switch (kind) {
                case DATE_TIME ->
                    parses(dateTimes, text) ? dateTimes.parse(text).getNano() : -1;
                case INSTANT -> parses(instants, text) ? instants.parse(text).getNano() : -1;
                case TIME -> parses(times, text) ? times.parse(text).getNano() : -1;
                default -> -1;
            };
            return nanos < 0 ? null : nanos % 1_000_000 == 0;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String describeKind(ColumnKind kind, boolean pinned) {
        return pinned ? "pinned to " + kind.name() : "a column of " + kind.name() + " (" + kindText(kind) + ")";
    }

    private static String kindText(ColumnKind kind) {
        return switch (kind) {
            case LONG -> "a 64-bit integer";
            case INTEGER -> "a 32-bit integer";
            case DOUBLE -> "a number";
            case STRING -> "a string";
            case BOOLEAN -> "true or false";
            case DATE -> "a date such as \"2020-01-02\"";
            case DATE_TIME -> "a date-time without offset such as \"2020-01-02T03:04:05\"";
            case INSTANT -> "a date-time with offset such as \"2020-01-02T03:04:05Z\"";
            case TIME -> "a time such as \"13:45:30\"";
            case TIMEDELTA -> "a duration such as \"P1DT2H\" or \"3600 seconds\"";
        };
    }

    /** An ISO-8601 duration ({@code P1DT2H}, {@code -PT0.5S}), or null: numpy's text does not make a column a timedelta. */
    private static Duration isoDuration(String text) {
        boolean iso = text.startsWith("P") || text.startsWith("-P") || text.startsWith("+P");
        return iso ? TemporalText.parseTimedelta(text) : null;
    }

    // ---------------------------------------------------------------- CSV

    /** The Tablesaw type a pinned column is read as from CSV; instants and timedeltas are parsed from text. */
    private static ColumnType csvType(ColumnKind kind) {
        return switch (kind) {
            case LONG -> ColumnType.LONG;
            case INTEGER -> ColumnType.INTEGER;
            case DOUBLE -> ColumnType.DOUBLE;
            case BOOLEAN -> ColumnType.BOOLEAN;
            case DATE -> ColumnType.LOCAL_DATE;
            case DATE_TIME -> ColumnType.LOCAL_DATE_TIME;
            case TIME -> ColumnType.LOCAL_TIME;
            case STRING, INSTANT, TIMEDELTA -> ColumnType.STRING;
        };
    }

    /** A CSV cell as JSON: numbers and booleans as themselves, dates and times as ISO text, missing as null. */
    private static JsonNode csvValue(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return NODES.nullNode();
        }
        Object value = column.get(row);
        if (value instanceof Double || value instanceof Float) {
            return NODES.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof Number number) {
            return NODES.numberNode(number.longValue());
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        return NODES.textNode(value.toString());
    }

    private static String firstLine(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    // ---------------------------------------------------------------- the example

    /** The sample in the frame's orient, laid out as the runtime's writer lays out a table; rows labelled 0, 1, ... */
    static JsonNode example(DataFrameType type, Map<String, List<JsonNode>> columns) {
        List<String> names = List.copyOf(columns.keySet());
        List<List<JsonNode>> cells = List.copyOf(columns.values());
        TreeSink tree = new TreeSink(cells);
        FrameLayout.write(
                type.orient(),
                names,
                c -> type.columns().get(c).kind().tableSchemaType(),
                cells.get(0).size(),
                tree);
        return tree.root;
    }

    /** The layout's writer here: a JSON tree whose cells are the sample's normalized values. */
    private static final class TreeSink implements FrameLayout.Sink<RuntimeException> {
        private final List<List<JsonNode>> cells;
        private final Deque<JsonNode> open = new ArrayDeque<>();
        private String name;
        private JsonNode root;

        TreeSink(List<List<JsonNode>> cells) {
            this.cells = cells;
        }

        @Override
        public void startObject() {
            push(NODES.objectNode());
        }

        @Override
        public void endObject() {
            open.pop();
        }

        @Override
        public void startArray() {
            push(NODES.arrayNode());
        }

        @Override
        public void endArray() {
            open.pop();
        }

        @Override
        public void name(String name) {
            this.name = name;
        }

        @Override
        public void string(String value) {
            add(NODES.textNode(value));
        }

        @Override
        public void number(int value) {
            add(NODES.numberNode(value));
        }

        @Override
        public void cell(int column, int row) {
            add(cells.get(column).get(row));
        }

        private void push(JsonNode container) {
            add(container);
            open.push(container);
        }

        private void add(JsonNode value) {
            JsonNode parent = open.peek();
            if (parent == null) {
                root = value;
            } else if (parent instanceof ObjectNode object) {
                object.set(name, value);
            } else {
                ((ArrayNode) parent).add(value);
            }
        }
    }
}

package dev.scorespec.runtime.binding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scorespec.annotations.ColumnKind;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.TimeColumn;
import tech.tablesaw.columns.Column;

/**
 * One column of a frame being read: takes the value at the parser's current token and appends it,
 * unboxed, to its Tablesaw column. A column of the sample has the sample's kind; a column read
 * without type enforcement (or one the sample does not have) takes its kind from its first non-null
 * value, and widens from integers to doubles when a fraction comes later.
 */
final class ColumnBuilder {

    private static final int NANOS_PER_MILLI = 1_000_000;

    /**
     * The values Tablesaw's integer columns store for a missing value: appended, they would read as
     * missing and be written back as {@code null}, so they are refused rather than changed. A
     * {@code DoubleColumn}'s marker is NaN, which JSON cannot carry; the markers of the other kinds are
     * no valid date, time or boolean.
     */
    private static final long MISSING_LONG = Long.MIN_VALUE;

    private static final int MISSING_INT = Integer.MIN_VALUE;
    static final String MARKER = "Tablesaw stores this value as a missing value, so it cannot be kept";
    /** Tablesaw's missing string is the empty string: where null is allowed too, the two cannot be told apart. */
    static final String EMPTY_STRING = "Tablesaw stores a missing string as the empty string, so in a column"
            + " that may hold null it would read as null";

    private String name;
    private final boolean nullable;
    /** Whether the kind comes from the request's values rather than the sample. */
    private final boolean inferred;

    private ColumnKind kind;
    /** Nulls read before an inferred column's first value, appended once its kind is known. */
    private int pendingMissing;

    private Column<?> column;
    private LongColumn longs;
    private IntColumn ints;
    private DoubleColumn doubles;
    private StringColumn strings;
    private BooleanColumn booleans;
    private DateColumn dates;
    private DateTimeColumn dateTimes;
    private InstantColumn instants;
    private TimeColumn times;

    private ColumnBuilder(String name, ColumnKind kind, boolean nullable, boolean inferred) {
        this.name = name;
        this.nullable = nullable;
        this.inferred = inferred;
        if (kind != null) {
            start(kind);
        }
    }

    /** A column of the sample's kind. */
    static ColumnBuilder of(String name, ColumnKind kind, boolean nullable) {
        return new ColumnBuilder(name, kind, nullable, false);
    }

    /** A column typed by the request's values; it may hold nulls. */
    static ColumnBuilder inferred(String name) {
        return new ColumnBuilder(name, null, true, true);
    }

    String name() {
        return name;
    }

    /** Names a column whose name came after its values (a split frame's extra columns). */
    void rename(String newName) {
        name = newName;
        if (column != null) {
            column.setName(newName);
        }
    }

    /** The rows read so far. */
    int size() {
        return column == null ? pendingMissing : column.size();
    }

    /** Reads the value at the current token into the next row; {@code row} is for messages. */
    void read(JsonParser p, int row) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            if (!nullable) {
                throw cannotTake(p, row, null);
            }
            appendMissing();
        } else if (inferred) {
            readInferred(p, row);
        } else {
            readTyped(p, row);
        }
    }

    void appendMissing() {
        if (column == null) {
            pendingMissing++;
        } else {
            column.appendMissing();
        }
    }

    /** Puts the rows in a new order: row {@code i} becomes the value read at {@code order[i]}. */
    void reorder(int[] order) {
        column = column().subset(order);
    }

    /** The finished column; an inferred column that never saw a value is a column of strings. */
    Column<?> column() {
        if (column == null) {
            start(ColumnKind.STRING);
        }
        return column;
    }

    // ---------------------------------------------------------------------------------------------

    @SuppressWarnings({"JavaLocalDateTimeGetNano", "JavaLocalTimeGetNano"}) // only the sub-ms part matters
    private void readTyped(JsonParser p, int row) throws IOException {
        switch (kind) {
            case LONG: {
                long value;
                try {
                    value = JsonValues.readLong(p);
                } catch (BindingException e) {
                    throw cannotTake(p, row, rangeProblem(p, ColumnKind.LONG));
                }
                appendLong(p, row, value);
                break;
            }
            case INTEGER: {
                int value;
                try {
                    value = JsonValues.readInt(p);
                } catch (BindingException e) {
                    throw cannotTake(p, row, rangeProblem(p, ColumnKind.INTEGER));
                }
                if (value == MISSING_INT) {
                    throw cannotTake(p, row, MARKER);
                }
                ints.append(value);
                break;
            }
            case DOUBLE:
                try {
                    doubles.append(JsonValues.readDouble(p));
                } catch (BindingException e) {
                    throw cannotTake(p, row, rangeProblem(p, ColumnKind.DOUBLE));
                }
                break;
            case STRING: {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    throw cannotTake(p, row, null);
                }
                String value = p.getText();
                if (value.isEmpty() && nullable) {
                    throw cannotTake(p, row, EMPTY_STRING);
                }
                strings.append(value);
                break;
            }
            case BOOLEAN: {
                JsonToken t = p.currentToken();
                if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                    throw cannotTake(p, row, null);
                }
                booleans.append(t == JsonToken.VALUE_TRUE);
                break;
            }
            case DATE:
                try {
                    dates.append(JsonValues.readDate(p));
                } catch (BindingException e) {
                    throw cannotTake(p, row, null);
                }
                break;
            case DATE_TIME: {
                LocalDateTime value;
                try {
                    value = JsonValues.readLocalDateTime(p);
                } catch (BindingException e) {
                    throw cannotTake(p, row, null);
                }
                requireMillis(p, row, value.getNano());
                dateTimes.append(value);
                break;
            }
            case INSTANT: {
                OffsetDateTime value;
                try {
                    value = JsonValues.readOffsetDateTime(p);
                } catch (BindingException e) {
                    throw cannotTake(p, row, null);
                }
                requireMillis(p, row, value.getNano());
                instants.append(value.toInstant());
                break;
            }
            case TIME: {
                LocalTime value;
                try {
                    value = JsonValues.readLocalTime(p);
                } catch (BindingException e) {
                    throw cannotTake(p, row, null);
                }
                requireMillis(p, row, value.getNano());
                times.append(value);
                break;
            }
            case TIMEDELTA: {
                Duration value;
                try {
                    value = JsonValues.readTimedelta(p);
                } catch (BindingException e) {
                    throw cannotTake(p, row, null);
                }
                long nanos;
                try {
                    nanos = value.toNanos();
                } catch (ArithmeticException e) {
                    throw cannotTake(p, row, "beyond the about 292 years that nanoseconds in a long can hold");
                }
                appendLong(p, row, nanos);
                break;
            }
            default:
                throw new IllegalStateException("Unknown column kind " + kind);
        }
    }

    /**
     * Reads a value of a column typed by the request: integers make a {@code LongColumn}, other numbers a
     * {@code DoubleColumn} (an integer column turns into one at its first fraction), strings a
     * {@code StringColumn}, booleans a {@code BooleanColumn}. Other mixes are errors.
     */
    private void readInferred(JsonParser p, int row) throws IOException {
        JsonToken t = p.currentToken();
        boolean integer = t == JsonToken.VALUE_NUMBER_INT && isLong(p);
        boolean number = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
        if (kind == null) {
            ColumnKind first = integer
                    ? ColumnKind.LONG
                    : number
                            ? ColumnKind.DOUBLE
                            : t == JsonToken.VALUE_STRING
                                    ? ColumnKind.STRING
                                    : t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE
                                            ? ColumnKind.BOOLEAN
                                            : null;
            if (first == null) {
                throw cannotTake(p, row, "a value is a number, string, boolean or null");
            }
            start(first);
        }
        switch (kind) {
            case LONG:
                if (integer) {
                    appendLong(p, row, p.getLongValue());
                    return;
                }
                if (number) {
                    widenToDoubles();
                    appendDouble(p, row);
                    return;
                }
                break;
            case DOUBLE:
                if (number) {
                    appendDouble(p, row);
                    return;
                }
                break;
            case STRING:
                if (t == JsonToken.VALUE_STRING) {
                    strings.append(p.getText());
                    return;
                }
                break;
            case BOOLEAN:
                if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                    booleans.append(t == JsonToken.VALUE_TRUE);
                    return;
                }
                break;
            default:
                throw new IllegalStateException("Inferred columns have no kind " + kind);
        }
        throw cannotTake(
                p,
                row,
                "its earlier values are "
                        + (kind == ColumnKind.LONG
                                ? "integers"
                                : kind == ColumnKind.DOUBLE
                                        ? "numbers"
                                        : kind == ColumnKind.STRING ? "strings" : "booleans"));
    }

    /** Appends to a {@code LongColumn}, whose smallest value Tablesaw takes for a missing one. */
    private void appendLong(JsonParser p, int row, long value) throws IOException {
        if (value == MISSING_LONG) {
            throw cannotTake(p, row, MARKER);
        }
        longs.append(value);
    }

    private void appendDouble(JsonParser p, int row) throws IOException {
        try {
            doubles.append(JsonValues.readDouble(p));
        } catch (BindingException e) {
            throw cannotTake(p, row, rangeProblem(p, ColumnKind.DOUBLE));
        }
    }

    private static boolean isLong(JsonParser p) throws IOException {
        JsonParser.NumberType type = p.getNumberType();
        return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
    }

    private void widenToDoubles() {
        doubles = longs.asDoubleColumn();
        doubles.setName(name);
        column = doubles;
        longs = null;
        kind = ColumnKind.DOUBLE;
    }

    private void start(ColumnKind kind) {
        this.kind = kind;
        switch (kind) {
            case LONG, TIMEDELTA -> column = longs = LongColumn.create(name);
            case INTEGER -> column = ints = IntColumn.create(name);
            case DOUBLE -> column = doubles = DoubleColumn.create(name);
            case STRING -> column = strings = StringColumn.create(name);
            case BOOLEAN -> column = booleans = BooleanColumn.create(name);
            case DATE -> column = dates = DateColumn.create(name);
            case DATE_TIME -> column = dateTimes = DateTimeColumn.create(name);
            case INSTANT -> column = instants = InstantColumn.create(name);
            case TIME -> column = times = TimeColumn.create(name);
            default -> throw new IllegalStateException("Unknown column kind " + kind);
        }
        for (; pendingMissing > 0; pendingMissing--) {
            column.appendMissing();
        }
    }

    /** Tablesaw keeps times to the millisecond; a finer fraction is refused rather than cut. */
    private void requireMillis(JsonParser p, int row, int nanos) throws IOException {
        if (nanos % NANOS_PER_MILLI != 0) {
            throw cannotTake(
                    p, row, "Tablesaw keeps times to the millisecond, and cutting the rest would change the value");
        }
    }

    /** Why a number did not fit, when it is its size rather than its kind; null when the value says why. */
    private static String rangeProblem(JsonParser p, ColumnKind kind) {
        JsonToken t = p.currentToken();
        if (kind == ColumnKind.DOUBLE) {
            return t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
                    ? "it is beyond the range of a double"
                    : null;
        }
        if (t != JsonToken.VALUE_NUMBER_INT) {
            return null; // a fraction, or not a number
        }
        return kind == ColumnKind.LONG
                ? "it is beyond the range of a 64-bit integer"
                : "it is beyond the range of a 32-bit integer";
    }

    /** {@code column 'f' (double) cannot take the string "abc" in row 2[: why]}. */
    private BindingException cannotTake(JsonParser p, int row, String why) throws IOException {
        String value = p.currentToken() == JsonToken.VALUE_STRING
                ? "the string " + JsonValues.describe(p)
                : JsonValues.describe(p);
        return BindingException.at(
                p,
                "column '" + name + "' (" + describeKind() + ") cannot take " + value + " in row " + row
                        + (why == null ? "" : ": " + why));
    }

    private String describeKind() {
        if (inferred) {
            return kind == null ? "typed by its values" : label(kind) + ", from its first value";
        }
        return label(kind);
    }

    /** How a kind reads in messages, with an example of its text where it has one. */
    static String label(ColumnKind kind) {
        return switch (kind) {
            case LONG -> "integer";
            case INTEGER -> "32-bit integer";
            case DOUBLE -> "double";
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case DATE -> "date, like 2020-01-02";
            case DATE_TIME -> "date-time without offset, like 2020-01-02T03:04:05";
            case INSTANT -> "date-time with offset, like 2020-01-02T03:04:05Z";
            case TIME -> "time, like 13:45:30";
            case TIMEDELTA -> "timedelta, like P1DT2H0M0S";
        };
    }
}

package dev.scorespec.runtime.binding;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import dev.scorespec.annotations.internal.TemporalText;
import dev.scorespec.runtime.NDArray;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Writes what a scoring {@code run} method returned as JSON, for generated binders. Records are not
 * written here: generated code writes their components and calls back for each value.
 *
 * <p>How values are written:
 * <ul>
 *   <li>{@code null}, {@link Boolean}, {@link Byte}/{@link Short}/{@link Integer}/{@link Long}/{@link BigInteger},
 *       {@link BigDecimal}: as themselves.</li>
 *   <li>{@link Float}/{@link Double}: as numbers. NaN and the infinities, which JSON cannot express,
 *       are an {@link IllegalArgumentException} naming where they are: a {@code null} in their place
 *       would silently break the output schema, which says a number. The same holds for float
 *       elements of arrays and {@link NDArray}s. (Python's server writes the bare words {@code NaN}
 *       and {@code Infinity}, which are not JSON.)</li>
 *   <li>{@link CharSequence}, {@link Character}, {@code char[]}: as a string. {@link Enum}: its
 *       {@link Enum#name()}.</li>
 *   <li>Primitive arrays, {@code Object[]} and {@link Iterable}: as arrays; {@code byte[]} as an
 *       array of numbers (use {@link #writeBase64} for base64 text).</li>
 *   <li>{@link Map}: as an object with {@link String#valueOf(Object)} keys, in the map's iteration
 *       order (insertion order for a {@code LinkedHashMap}).</li>
 *   <li>{@link Optional}, {@link OptionalInt}, {@link OptionalLong}, {@link OptionalDouble}: the value,
 *       or {@code null} when empty.</li>
 *   <li>{@link NDArray}: nested arrays by shape (a rank-0 array as its one element). uint64 elements
 *       are written unsigned; bytes elements as base64 text; datetime64 elements as ISO-8601 local
 *       date-times with seconds ({@code 2020-01-02T03:04:05}, a fraction only when non-zero);
 *       timedelta64 elements in numpy's text form {@code "<integer> <unit>"}, with one unit for the
 *       whole array: the coarsest of seconds, milliseconds, microseconds and nanoseconds that every
 *       element is a whole number of, as numpy prints an array of that unit ({@code "3600 seconds"},
 *       {@code "1500 milliseconds"}).</li>
 *   <li>java.time values as ISO-8601 strings: {@link LocalDate} {@code 2020-01-02},
 *       {@link LocalDateTime} {@code 2020-01-02T03:04:05}, {@link OffsetDateTime} and
 *       {@link ZonedDateTime} {@code 2020-01-02T03:04:05+01:00} (a zone's region id is left out, as
 *       RFC 3339 has none), {@link Instant} {@code 2020-01-02T03:04:05Z}, {@link LocalTime}
 *       {@code 03:04:05}, {@link OffsetTime} {@code 03:04:05+01:00}, and a {@link Duration} on its own
 *       as {@code PT1H}. Seconds are always written, so RFC 3339 readers accept the text.</li>
 * </ul>
 * Anything else is an {@link IllegalArgumentException}.
 */
public final class JsonOutput {

    private JsonOutput() {}

    /**
     * Writes one value and everything in it.
     *
     * @throws IllegalArgumentException for a value of a type listed nowhere above, naming its class
     */
    public static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Number n) {
            writeNumber(g, n);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof NDArray nd) {
            writeNdArray(g, nd);
        } else if (value.getClass().isArray()) {
            writeJavaArray(g, value);
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof java.nio.file.Path) {
            throw cannotWrite(value); // Iterable over itself
        } else if (value instanceof Iterable<?> items) {
            g.writeStartArray();
            for (Object item : items) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof CharSequence cs) {
            g.writeString(cs.toString());
        } else if (value instanceof Character c) {
            g.writeString(String.valueOf(c.charValue()));
        } else if (value instanceof Enum<?> e) {
            g.writeString(e.name());
        } else if (value instanceof Optional<?> o) {
            write(g, o.orElse(null));
        } else if (value instanceof OptionalInt o) {
            if (o.isPresent()) {
                g.writeNumber(o.getAsInt());
            } else {
                g.writeNull();
            }
        } else if (value instanceof OptionalLong o) {
            if (o.isPresent()) {
                g.writeNumber(o.getAsLong());
            } else {
                g.writeNull();
            }
        } else if (value instanceof OptionalDouble o) {
            if (o.isPresent()) {
                writeDouble(g, o.getAsDouble());
            } else {
                g.writeNull();
            }
        } else if (value instanceof LocalDate d) {
            g.writeString(TemporalText.format(d));
        } else if (value instanceof LocalDateTime d) {
            g.writeString(TemporalText.format(d));
        } else if (value instanceof OffsetDateTime d) {
            g.writeString(TemporalText.format(d));
        } else if (value instanceof ZonedDateTime d) {
            g.writeString(TemporalText.format(d.toOffsetDateTime()));
        } else if (value instanceof Instant i) {
            g.writeString(DateTimeFormatter.ISO_INSTANT.format(i));
        } else if (value instanceof LocalTime t) {
            g.writeString(TemporalText.format(t));
        } else if (value instanceof OffsetTime t) {
            g.writeString(TemporalText.format(t));
        } else if (value instanceof Duration d) {
            g.writeString(d.toString());
        } else {
            throw cannotWrite(value);
        }
    }

    /** Writes bytes as standard base64 text with padding (RFC 4648), or null. */
    public static void writeBase64(JsonGenerator g, byte[] bytes) throws IOException {
        if (bytes == null) {
            g.writeNull();
        } else {
            g.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, bytes, 0, bytes.length);
        }
    }

    private static IllegalArgumentException cannotWrite(Object value) {
        String why = value instanceof Record
                ? "records are written by generated code"
                : "not a supported result type (numbers, strings, booleans, arrays, iterables, maps, "
                        + "Optional, NDArray, java.time values)";
        return new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON: " + why);
    }

    private static void writeNumber(JsonGenerator g, Number n) throws IOException {
        if (n instanceof Double d) {
            writeDouble(g, d);
        } else if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            g.writeNumber(n.intValue());
        } else if (n instanceof Long l) {
            g.writeNumber(l.longValue());
        } else if (n instanceof Float f) {
            writeFloat(g, f);
        } else if (n instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (n instanceof BigInteger i) {
            g.writeNumber(i);
        } else {
            throw cannotWrite(n);
        }
    }

    private static void writeDouble(JsonGenerator g, double v) throws IOException {
        if (!Double.isFinite(v)) {
            throw notFinite(g, Double.toString(v));
        }
        g.writeNumber(v);
    }

    private static void writeFloat(JsonGenerator g, float v) throws IOException {
        if (!Float.isFinite(v)) {
            throw notFinite(g, Float.toString(v));
        }
        g.writeNumber(v);
    }

    /** For the server's log: the result of run cannot be written as its output schema says. */
    private static IllegalArgumentException notFinite(JsonGenerator g, String value) {
        return new IllegalArgumentException("Cannot write the result as JSON: it holds " + value + " at "
                + pathOf(g.getOutputContext()) + ", and JSON has no NaN or infinity; a null in its place would not be"
                + " the number the output schema promises");
    }

    /**
     * Where the generator is about to write a value, as {@code result[2].scores[0]}: an array's next
     * element is at its count of entries, an enclosing array's at its current index.
     */
    static String pathOf(JsonStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        boolean innermost = true;
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.push("[" + (innermost ? c.getEntryCount() : c.getCurrentIndex()) + "]");
            } else if (c.inObject()) {
                segments.push("." + c.getCurrentName());
            }
            innermost = false;
        }
        return "result" + String.join("", segments);
    }

    private static void writeJavaArray(JsonGenerator g, Object array) throws IOException {
        if (array instanceof Object[] a) {
            g.writeStartArray(a, a.length);
            for (Object item : a) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (array instanceof char[] c) {
            g.writeString(c, 0, c.length);
        } else {
            int length = java.lang.reflect.Array.getLength(array);
            g.writeStartArray(array, length);
            writePrimitives(g, array, 0, length);
            g.writeEndArray();
        }
    }

    /** Writes {@code length} elements of a primitive array from {@code offset}, without brackets. */
    private static void writePrimitives(JsonGenerator g, Object array, int offset, int length) throws IOException {
        int end = offset + length;
        if (array instanceof double[] a) {
            for (int i = offset; i < end; i++) {
                writeDouble(g, a[i]);
            }
        } else if (array instanceof float[] a) {
            for (int i = offset; i < end; i++) {
                writeFloat(g, a[i]);
            }
        } else if (array instanceof long[] a) {
            for (int i = offset; i < end; i++) {
                g.writeNumber(a[i]);
            }
        } else if (array instanceof int[] a) {
            for (int i = offset; i < end; i++) {
                g.writeNumber(a[i]);
            }
        } else if (array instanceof short[] a) {
            for (int i = offset; i < end; i++) {
                g.writeNumber(a[i]);
            }
        } else if (array instanceof byte[] a) {
            for (int i = offset; i < end; i++) {
                g.writeNumber(a[i]);
            }
        } else if (array instanceof boolean[] a) {
            for (int i = offset; i < end; i++) {
                g.writeBoolean(a[i]);
            }
        } else {
            throw cannotWrite(array);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // NDArray

    private static void writeNdArray(JsonGenerator g, NDArray nd) throws IOException {
        TimedeltaUnit unit = nd.data() instanceof Duration[] d ? TimedeltaUnit.finestNeeded(d) : null;
        if (nd.rank() == 0) {
            writeElements(g, nd, unit, 0, 1);
        } else {
            writeLevel(g, nd, unit, 0, 0);
        }
    }

    /** Writes the sub-array at {@code dim} whose first element is at {@code offset}; returns the next offset. */
    private static int writeLevel(JsonGenerator g, NDArray nd, TimedeltaUnit unit, int dim, int offset)
            throws IOException {
        int length = nd.shape(dim);
        g.writeStartArray(nd, length);
        if (dim == nd.rank() - 1) {
            writeElements(g, nd, unit, offset, length);
            offset += length;
        } else {
            for (int i = 0; i < length; i++) {
                offset = writeLevel(g, nd, unit, dim + 1, offset);
            }
        }
        g.writeEndArray();
        return offset;
    }

    private static void writeElements(JsonGenerator g, NDArray nd, TimedeltaUnit unit, int offset, int length)
            throws IOException {
        int end = offset + length;
        switch (nd.dtype()) {
            case UINT64: {
                long[] a = nd.longs();
                for (int i = offset; i < end; i++) {
                    long v = a[i];
                    if (v >= 0) {
                        g.writeNumber(v);
                    } else {
                        g.writeNumber(new BigInteger(Long.toUnsignedString(v)));
                    }
                }
                break;
            }
            case STR: {
                String[] a = nd.strings();
                for (int i = offset; i < end; i++) {
                    g.writeString(a[i]);
                }
                break;
            }
            case BYTES: {
                byte[][] a = nd.byteStrings();
                for (int i = offset; i < end; i++) {
                    writeBase64(g, a[i]);
                }
                break;
            }
            case DATETIME64: {
                LocalDateTime[] a = nd.dateTimes();
                for (int i = offset; i < end; i++) {
                    if (a[i] == null) {
                        g.writeNull();
                    } else {
                        g.writeString(TemporalText.format(a[i]));
                    }
                }
                break;
            }
            case DATETIME64_D: {
                LocalDate[] a = nd.dates();
                for (int i = offset; i < end; i++) {
                    if (a[i] == null) {
                        g.writeNull();
                    } else {
                        g.writeString(TemporalText.format(a[i]));
                    }
                }
                break;
            }
            case TIMEDELTA64: {
                Duration[] a = nd.timedeltas();
                for (int i = offset; i < end; i++) {
                    if (a[i] == null) {
                        g.writeNull();
                    } else {
                        g.writeString(unit.format(a[i]));
                    }
                }
                break;
            }
            default:
                writePrimitives(g, nd.data(), offset, length);
        }
    }

    /** The units a timedelta64 array is written in, coarsest first. */
    enum TimedeltaUnit {
        SECONDS("seconds", 1L, 1_000_000_000),
        MILLISECONDS("milliseconds", 1_000L, 1_000_000),
        MICROSECONDS("microseconds", 1_000_000L, 1_000),
        NANOSECONDS("nanoseconds", 1_000_000_000L, 1);

        private final String name;
        private final long perSecond;
        private final int nanosPerUnit;

        TimedeltaUnit(String name, long perSecond, int nanosPerUnit) {
            this.name = name;
            this.perSecond = perSecond;
            this.nanosPerUnit = nanosPerUnit;
        }

        /** The next finer unit; nanoseconds are the finest, and every duration is a whole number of them. */
        TimedeltaUnit finer() {
            return switch (this) {
                case SECONDS -> MILLISECONDS;
                case MILLISECONDS -> MICROSECONDS;
                case MICROSECONDS, NANOSECONDS -> NANOSECONDS;
            };
        }

        /** The coarsest unit every duration is a whole number of. */
        @SuppressWarnings("JavaDurationGetSecondsGetNano") // only the sub-second part decides the unit
        static TimedeltaUnit finestNeeded(Duration[] durations) {
            TimedeltaUnit unit = SECONDS;
            for (Duration d : durations) {
                if (d == null) {
                    continue;
                }
                int nano = d.getNano();
                while (nano % unit.nanosPerUnit != 0) {
                    unit = unit.finer();
                }
                if (unit == NANOSECONDS) {
                    break;
                }
            }
            return unit;
        }

        /** Such as {@code "3600 seconds"}; the duration must be a whole number of this unit. */
        String format(Duration d) {
            long seconds = d.getSeconds();
            long fraction = d.getNano() / nanosPerUnit;
            String count;
            try {
                count = Long.toString(Math.addExact(Math.multiplyExact(seconds, perSecond), fraction));
            } catch (ArithmeticException e) {
                count = BigInteger.valueOf(seconds)
                        .multiply(BigInteger.valueOf(perSecond))
                        .add(BigInteger.valueOf(fraction))
                        .toString();
            }
            return count + " " + name;
        }
    }
}

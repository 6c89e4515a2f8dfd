package dev.scorespec.annotations.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * The text of dates, times, date-times and timedeltas, as requests carry them and samples must be written.
 * Dates and times are RFC 3339, which is what JSON Schema's formats mean ({@code date}, {@code date-time},
 * and the OpenAPI format registry's {@code date-time-local} and {@code time-local} for values without
 * offset). Each parser returns null for text that is not that form, never a guess.
 */
public final class TemporalText {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** RFC 3339's partial-time: seconds always, a fraction only when there is one (shortest digits). */
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter(Locale.ROOT);

    private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(TIME)
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
            .append(LOCAL_DATE_TIME)
            .appendOffsetId()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter OFFSET_TIME =
            new DateTimeFormatterBuilder().append(TIME).appendOffsetId().toFormatter(Locale.ROOT);

    /** What pandas' {@code to_json(date_format="iso")} writes: milliseconds, which is what Tablesaw keeps. */
    private static final DateTimeFormatter PANDAS_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");

    private static final DateTimeFormatter PANDAS_INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private TemporalText() {}

    // ---------------------------------------------------------------------------------------------
    // Parsing

    /** An RFC 3339 full-date, {@code 2020-01-02}: four-digit year, two-digit month and day, a real date. */
    public static LocalDate parseDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * An RFC 3339 date-time, {@code 2020-01-02T03:04:05.678+01:00}: seconds required, any number of
     * fraction digits (kept to nanoseconds), {@code T}/{@code t} between date and time, and an offset of
     * {@code Z}/{@code z} or {@code +hh:mm}/{@code -hh:mm} (within ±18:00, what Java supports). A leap
     * second ({@code :60}) is rejected, as {@code java.time} has none. Null without an offset: see
     * {@link #lacksOnlyOffset(String)}.
     */
    public static OffsetDateTime parseOffsetDateTime(String s) {
        TimeParse time = dateTime(s);
        if (time == null || time.offset == null) {
            return null;
        }
        return OffsetDateTime.of(time.date, time.time, time.offset);
    }

    /** Whether the text is an RFC 3339 date-time that only lacks its offset, so a message can say so. */
    public static boolean lacksOnlyOffset(String s) {
        TimeParse time = dateTime(s);
        return time != null && time.offset == null;
    }

    /**
     * An RFC 3339 date-time without offset, the OpenAPI format registry's {@code date-time-local}:
     * {@code 2020-01-02T03:04:05}, {@code T}/{@code t} between date and time, seconds required, any number
     * of fraction digits (kept to nanoseconds). Not a date alone, not a space for the {@code T}, not a time
     * without seconds, and not an offset or {@code Z}, since dropping it would change the instant meant.
     */
    public static LocalDateTime parseLocalDateTime(String s) {
        TimeParse time = dateTime(s);
        if (time == null || time.offset != null) {
            return null;
        }
        return LocalDateTime.of(time.date, time.time);
    }

    /** An RFC 3339 full-time, {@code 13:45:30Z} or {@code 13:45:30.5+01:00}: seconds and offset required. */
    public static OffsetTime parseOffsetTime(String s) {
        TimeParse time = parseTime(s, 0);
        if (time == null || time.offset == null || time.end != s.length()) {
            return null;
        }
        return OffsetTime.of(time.time, time.offset);
    }

    /**
     * An RFC 3339 partial-time, the OpenAPI format registry's {@code time-local}: {@code 13:45:30}, seconds
     * required, a fraction optional ({@code 13:45:30.5}); no offset or {@code Z}.
     */
    public static LocalTime parseLocalTime(String s) {
        TimeParse time = parseTime(s, 0);
        if (time == null || time.offset != null || time.end != s.length()) {
            return null;
        }
        return time.time;
    }

    /**
     * A timedelta, in one of the two forms Python writes:
     * <ul>
     *   <li>numpy's text, {@code "<integer> <unit>"} with one space, such as {@code "3600 seconds"},
     *       {@code "2 weeks"} or {@code "-5 days"}; the unit is one of weeks, days, hours, minutes, seconds,
     *       milliseconds, microseconds or nanoseconds, plural as numpy prints them, in any case;</li>
     *   <li>ISO-8601 as pandas writes it and {@link Duration#parse} reads it, such as {@code "P1DT2H0M0S"},
     *       {@code "PT0.5S"} or {@code "-P0DT0H0M1S"}.</li>
     * </ul>
     * Null for anything else, and for durations beyond what {@link Duration} holds.
     */
    public static Duration parseTimedelta(String s) {
        int space = s.indexOf(' ');
        if (space < 0) {
            if (s.isEmpty()
                    || !(s.charAt(0) == 'P' || s.charAt(0) == 'p' || s.charAt(0) == '-' || s.charAt(0) == '+')) {
                return null;
            }
            try {
                return Duration.parse(s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        String number = s.substring(0, space);
        String unit = s.substring(space + 1).toLowerCase(Locale.ROOT);
        int start = number.startsWith("-") || number.startsWith("+") ? 1 : 0;
        if (number.length() == start || number.length() - start > 19) {
            return null;
        }
        for (int i = start; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            long n = Long.parseLong(number);
            return switch (unit) {
                case "weeks" -> Duration.ofDays(Math.multiplyExact(n, 7));
                case "days" -> Duration.ofDays(n);
                case "hours" -> Duration.ofHours(n);
                case "minutes" -> Duration.ofMinutes(n);
                case "seconds" -> Duration.ofSeconds(n);
                case "milliseconds" -> Duration.ofMillis(n);
                case "microseconds" ->
                    Duration.ofSeconds(Math.floorDiv(n, 1_000_000L), Math.floorMod(n, 1_000_000L) * 1000L);
                case "nanoseconds" -> Duration.ofNanos(n);
                default -> null;
            };
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Writing

    /** {@code 2020-01-02}. */
    public static String format(LocalDate date) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
    }

    /** {@code 2020-01-02T03:04:00}: seconds always (RFC 3339 requires them), a fraction only when non-zero. */
    public static String format(LocalDateTime dateTime) {
        return LOCAL_DATE_TIME.format(dateTime);
    }

    /** {@code 2020-01-02T03:04:00Z} or {@code ...+01:00}: seconds always, the offset as given. */
    public static String format(OffsetDateTime dateTime) {
        return OFFSET_DATE_TIME.format(dateTime);
    }

    /** {@code 13:45:00}: seconds always. */
    public static String format(LocalTime time) {
        return TIME.format(time);
    }

    /** {@code 13:45:00Z}: seconds always. */
    public static String format(OffsetTime time) {
        return OFFSET_TIME.format(time);
    }

    /** pandas' text of a naive date-time in a dataframe, to the millisecond: {@code 2020-01-02T03:04:05.000}. */
    public static String pandasDateTime(LocalDateTime dateTime) {
        return PANDAS_DATE_TIME.format(dateTime);
    }

    /** pandas' text of an instant in a dataframe, in UTC to the millisecond: {@code 2020-01-02T03:04:05.000Z}. */
    public static String pandasInstant(Instant instant) {
        return PANDAS_INSTANT.format(instant);
    }

    /**
     * pandas' ISO-8601 text of a timedelta of {@code nanos} nanoseconds,
     * {@code P<days>DT<hours>H<minutes>M<seconds>[.<fraction>]S}: {@code P1DT2H0M0S}, {@code P0DT0H0M0.5S},
     * {@code -P0DT0H0M1S}.
     */
    public static String isoTimedelta(long nanos) {
        StringBuilder text = new StringBuilder(24);
        // Long.MIN_VALUE has no positive counterpart; its magnitude as unsigned arithmetic stays right.
        long magnitude = nanos < 0 ? -nanos : nanos;
        if (nanos < 0) {
            text.append('-');
        }
        long seconds = Long.divideUnsigned(magnitude, NANOS_PER_SECOND);
        long fraction = Long.remainderUnsigned(magnitude, NANOS_PER_SECOND);
        text.append('P')
                .append(seconds / 86_400)
                .append("DT")
                .append(seconds / 3_600 % 24)
                .append('H')
                .append(seconds / 60 % 60)
                .append('M')
                .append(seconds % 60);
        if (fraction != 0) {
            String digits = Long.toString(NANOS_PER_SECOND + fraction).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(digits, 0, end);
        }
        return text.append('S').toString();
    }

    // ---------------------------------------------------------------------------------------------

    /** A date, time and optional offset parsed from a text; {@code end} is where the time stopped. */
    private record TimeParse(LocalDate date, LocalTime time, ZoneOffset offset, int end) {}

    /** {@code yyyy-mm-ddThh:mm:ss[.f+][offset]} to its end, or null. */
    private static TimeParse dateTime(String s) {
        if (s.length() <= 11 || !(s.charAt(10) == 'T' || s.charAt(10) == 't')) {
            return null;
        }
        LocalDate date = parseDate(s.substring(0, 10));
        TimeParse time = date == null ? null : parseTime(s, 11);
        if (time == null || time.end != s.length()) {
            return null;
        }
        return new TimeParse(date, time.time, time.offset, time.end);
    }

    /**
     * Parses {@code hh:mm:ss[.f+][Z|±hh:mm]} (RFC 3339: seconds required) from {@code start}, stopping at
     * the first character that does not fit. Returns null when the time or the offset is malformed or out
     * of range.
     */
    private static TimeParse parseTime(String s, int start) {
        int i = start;
        if (s.length() < i + 5 || s.charAt(i + 2) != ':') {
            return null;
        }
        int hour = digits(s, i, 2);
        int minute = digits(s, i + 3, 2);
        i += 5;
        if (i >= s.length() || s.charAt(i) != ':') {
            return null;
        }
        int second = digits(s, i + 1, 2);
        i += 3;
        int nano = 0;
        if (i < s.length() && s.charAt(i) == '.') {
            int digitsStart = ++i;
            int scale = 100_000_000;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                nano += (s.charAt(i) - '0') * scale; // digits past nanoseconds are dropped
                scale /= 10;
                i++;
            }
            if (i == digitsStart) {
                return null;
            }
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        LocalTime time = LocalTime.of(hour, minute, second, nano);
        ZoneOffset offset = null;
        if (i < s.length()) {
            char c = s.charAt(i);
            if (c == 'Z' || c == 'z') {
                offset = ZoneOffset.UTC;
                i++;
            } else if (c == '+' || c == '-') {
                if (s.length() < i + 6 || s.charAt(i + 3) != ':') {
                    return null;
                }
                int oh = digits(s, i + 1, 2);
                int om = digits(s, i + 4, 2);
                if (oh < 0 || om < 0 || om > 59) {
                    return null;
                }
                try {
                    offset = c == '+' ? ZoneOffset.ofHoursMinutes(oh, om) : ZoneOffset.ofHoursMinutes(-oh, -om);
                } catch (DateTimeException e) {
                    return null;
                }
                i += 6;
            }
        }
        return new TimeParse(null, time, offset, i);
    }

    /** The non-negative number in {@code count} ASCII digits at {@code start}, or -1. */
    private static int digits(String s, int start, int count) {
        if (start + count > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = start; i < start + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}

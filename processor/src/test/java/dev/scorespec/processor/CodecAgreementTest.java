package dev.scorespec.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import dev.scorespec.annotations.ColumnKind;
import dev.scorespec.annotations.internal.DType;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.runtime.ModelDir;
import dev.scorespec.runtime.NDArray;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.binding.BindingException;
import dev.scorespec.runtime.binding.ScoringBinder;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The processor and the runtime read values with one set of codecs, so a sample the build accepts is a
 * request the server accepts. For every dtype and every scalar type with a codec, many values (range
 * limits, leap days, fractions of seconds, negative durations, empty strings, base64 padding variants, and
 * values one side or both should refuse) are each put in a sample of their own scoring class, and so are
 * cells of a one-column dataframe for every column kind. Every class the processor accepts is then compiled
 * into a binder, which must accept the example the processor publishes and the raw sample value in a
 * request, reading both to the same value. Only a dataframe sample may be in a form requests do not take
 * (pandas' CSV text): the processor publishes it in the form they do.
 */
class CodecAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One candidate: the declaration of the parameter and its annotation, and the sample value's JSON. */
    private record Case(String codec, String schema, String javaType, String value) {}

    private static final List<Case> CASES = new ArrayList<>();
    private static final Map<String, Case> ACCEPTED = new LinkedHashMap<>();
    private static final Map<String, Case> REJECTED = new LinkedHashMap<>();
    private static CompiledClasses accepted;

    private static void ndarray(DType dtype, String... values) {
        for (String value : values) {
            CASES.add(new Case(
                    dtype.numpyName(),
                    "ndarray = @NdArray(dtype = \"" + dtype.numpyName() + "\", sample = "
                            + javaString("[" + value + "]") + ")",
                    "NDArray",
                    value));
        }
    }

    private static void standard(String javaType, String... values) {
        for (String value : values) {
            CASES.add(new Case(javaType, "standard = @Standard(sample = " + javaString(value) + ")", javaType, value));
        }
    }

    /** A one-cell frame whose column is pinned to a kind; {@code null} kind leaves it to inference. */
    private static void frame(ColumnKind kind, String... values) {
        String codec = "frame " + (kind == null ? "inferred" : kind.name());
        String pin = kind == null
                ? ""
                : ", columns = @DataFrame.Column(name = \"c\", type = ColumnKind." + kind.name() + ")";
        for (String value : values) {
            CASES.add(new Case(
                    codec,
                    "dataframe = @DataFrame(sample = " + javaString("[{\"c\": " + value + "}]") + pin + ")",
                    "tech.tablesaw.api.Table",
                    value));
        }
    }

    private static String quoted(String text) {
        return JSON.getNodeFactory().textNode(text).toString();
    }

    private static String[] quoted(String... texts) {
        return Arrays.stream(texts).map(CodecAgreementTest::quoted).toArray(String[]::new);
    }

    private static String javaString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c < ' ' || c > '~' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static final String[] BASE64 = quoted(
            "",
            "QQ==",
            "QR==",
            "QUI=",
            "QUJ=",
            "QUJD",
            "aGVsbG8=",
            "aGVsbG8",
            "aGVsbG8==",
            "a===",
            "====",
            "YQ==\n",
            "-_8=",
            "+/8=",
            "AB CD",
            " ",
            "=QQ=",
            "QQ=A",
            "AAAA",
            "////");
    private static final String[] LOCAL_DATE_TIMES = quoted(
            "2020-01-02T03:04:05",
            "2020-02-29T00:00:00",
            "2021-02-29T00:00:00",
            "2020-01-02",
            "2020-01-02T03:04",
            "2020-01-02 03:04:05",
            "2020-01-02T03:04:05.5",
            "2020-01-02T03:04:05.123456789",
            "2020-01-02T03:04:05.1234567891",
            "2020-01-02T03:04:05.",
            "2020-01-02T03:04:05Z",
            "2020-01-02T03:04:05+01:00",
            "2020-01-02t03:04:05",
            "0001-01-01T00:00:00",
            "9999-12-31T23:59:59.999999999",
            "2020-01-02T24:00:00",
            "2020-01-02T23:59:60",
            "",
            "+12020-01-01T00:00:00",
            "2020-1-2T03:04:05",
            "1900-02-29T00:00:00",
            "2000-02-29T12:00:00");
    private static final String[] DATES = quoted(
            "2020-01-02",
            "2020-02-29",
            "2021-02-29",
            "1900-02-29",
            "0001-01-01",
            "9999-12-31",
            "2020-1-2",
            "2020-01-02T00:00:00",
            "20200102",
            "2020-13-01",
            "2020-01-32",
            "+12020-01-01",
            " 2020-01-02",
            "");
    private static final String[] TIMEDELTAS = quoted(
            "3600 seconds",
            "2 weeks",
            "-5 days",
            "+5 days",
            "1 DAYS",
            "1 day",
            "1  days",
            " 1 days",
            "1 days ",
            "PT1H",
            "P2DT3.5S",
            "-PT0.5S",
            "P1DT2H0M0S",
            "-P0DT0H0M1S",
            "pt1h",
            "P1W",
            "",
            "1.5 seconds",
            "9223372036854775807 nanoseconds",
            "9223372036854775807 weeks",
            "-9223372036854775808 microseconds",
            "-1 microseconds",
            "PT",
            "P",
            "0 seconds",
            "7 milliseconds",
            "-7 nanoseconds",
            "5 hours",
            "-90 minutes",
            "PT0.000000001S",
            "P106751DT23H47M16.854775807S");

    @BeforeAll
    static void compileEveryCase() throws Exception {
        for (DType dtype : DType.values()) {
            if (dtype.isInteger()) {
                ndarray(
                        dtype,
                        dtype.min().toString(),
                        dtype.max().toString(),
                        dtype.min().subtract(java.math.BigInteger.ONE).toString(),
                        dtype.max().add(java.math.BigInteger.ONE).toString(),
                        "0",
                        "-1",
                        "7.0",
                        "1e2",
                        "1.5",
                        "\"1\"",
                        "true");
            } else if (dtype.isFloating()) {
                ndarray(
                        dtype,
                        "0",
                        "-0.0",
                        "1.5",
                        "65504",
                        "65520",
                        "3.4028235e38",
                        "3.5e38",
                        "-3.5e38",
                        "1.7976931348623157e308",
                        "1e-45",
                        "4.9e-324",
                        "1e-400",
                        "1e400",
                        "\"1.0\"",
                        "true",
                        "12345678901234567890");
            }
        }
        ndarray(DType.BOOL, "true", "false", "0", "\"true\"", "null");
        ndarray(DType.STR, "\"\"", "\"a\"", "\"\\u00fc\"", "\"2020-01-02\"", "1");
        ndarray(DType.BYTES, BASE64);
        ndarray(DType.DATETIME64, LOCAL_DATE_TIMES);
        ndarray(DType.DATETIME64_D, DATES);
        ndarray(DType.DATETIME64_D, "20200102", "null");
        ndarray(DType.TIMEDELTA64, TIMEDELTAS);
        standard("byte", "-128", "127", "128", "-129", "3.0");
        standard("short", "-32768", "32767", "32768");
        standard("int", "-2147483648", "2147483647", "2147483648", "1e9");
        standard("long", "-9223372036854775808", "9223372036854775807", "9223372036854775808", "1.0");
        standard("float", "0", "1.5", "3.4028235e38", "3.5e38", "-3.5e38", "1e-46");
        standard(
                "double",
                "0",
                "-0.0",
                "1.7976931348623157e308",
                "4.9e-324",
                "1e-400",
                "1e400",
                "-1e400",
                "\"1.0\"",
                "true");
        standard("boolean", "true", "false", "1");
        standard("byte[]", BASE64);
        standard(
                "LocalDate",
                quoted(
                        "2020-01-02",
                        "2020-02-29",
                        "2021-02-29",
                        "2020-1-2",
                        "20200102",
                        "+2020-01-02",
                        "2020-01-02T00:00:00",
                        "",
                        "0000-01-01",
                        "9999-12-31",
                        "2020-13-01"));
        standard(
                "OffsetDateTime",
                quoted(
                        "2020-01-02T03:04:05Z",
                        "2020-01-02T03:04:05+01:00",
                        "2020-01-02T03:04:05-18:00",
                        "2020-01-02T03:04:05+18:01",
                        "2020-01-02T03:04Z",
                        "2020-01-02T03:04:05",
                        "2020-01-02T03:04:05.5z",
                        "2020-01-02T03:04:05+0100",
                        "2020-02-29T23:59:59.999999999-05:30",
                        "2020-01-02 03:04:05Z",
                        ""));
        standard("LocalDateTime", LOCAL_DATE_TIMES);
        standard(
                "OffsetTime",
                quoted(
                        "13:45:30Z",
                        "13:45:30.5+01:00",
                        "13:45Z",
                        "13:45:30",
                        "00:00:00-18:00",
                        "24:00:00Z",
                        "13:45:30.000000001z",
                        ""));
        standard(
                "LocalTime",
                quoted(
                        "13:45:30",
                        "13:45",
                        "13:45:30.000000001",
                        "24:00:00",
                        "13:45:30Z",
                        "00:00:00",
                        "23:59:59.999999999",
                        "1:02:03",
                        ""));

        frame(
                ColumnKind.LONG,
                "9223372036854775807",
                "-9223372036854775808",
                "9223372036854775808",
                "7.0",
                "1.5",
                "\"1\"");
        frame(ColumnKind.INTEGER, "2147483647", "-2147483648", "2147483648", "3.0");
        frame(ColumnKind.DOUBLE, "0", "1.5", "1.7976931348623157e308", "1e400", "\"1\"", "true");
        frame(ColumnKind.BOOLEAN, "true", "false", "1", "\"true\"");
        frame(ColumnKind.STRING, "\"\"", "\"a\"", "1");
        frame(
                ColumnKind.DATE,
                quoted("2020-02-29", "2021-02-29", "2020-01-02T00:00:00", "", "9999-12-31", "2020/01/02"));
        frame(ColumnKind.DATE_TIME, LOCAL_DATE_TIMES);
        frame(
                ColumnKind.INSTANT,
                quoted(
                        "2020-01-02T03:04:05Z",
                        "2020-01-02T03:04:05.123Z",
                        "2020-01-02T03:04:05+01:00",
                        "2020-01-02T03:04:05.1234Z",
                        "2020-01-02T03:04:05",
                        "2020-02-29T23:59:59.999-05:30",
                        ""));
        frame(
                ColumnKind.TIME,
                quoted(
                        "13:45:30",
                        "13:45",
                        "13:45:30.5",
                        "13:45:30.0001",
                        "24:00:00",
                        "13:45:30Z",
                        "",
                        "00:00:00",
                        "23:59:59.999"));
        frame(ColumnKind.TIMEDELTA, TIMEDELTAS);
        frame(
                null,
                quoted(
                        "2020-01-02",
                        "2020-01-02T03:04:05",
                        "2020-01-02T03:04:05Z",
                        "13:45:30",
                        "P1DT2H0M0S",
                        "3600 seconds",
                        "2020-01-02 03:04:05",
                        "x",
                        ""));
        frame(null, "null", "[1]");

        Map<String, JavaFileObject> sources = new LinkedHashMap<>();
        for (int i = 0; i < CASES.size(); i++) {
            sources.put("C" + i, source("C" + i, CASES.get(i)));
        }
        Compilation all = compileAll(sources.values());
        Set<JavaFileObject> failed =
                all.errors().stream().map(Diagnostic::getSource).collect(Collectors.toSet());
        List<JavaFileObject> good = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) {
            JavaFileObject source = sources.get("C" + i);
            if (failed.contains(source)) {
                REJECTED.put("C" + i, CASES.get(i));
            } else {
                ACCEPTED.put("C" + i, CASES.get(i));
                good.add(source);
            }
        }
        for (Diagnostic<? extends JavaFileObject> error : all.errors()) {
            assertTrue(error.getMessage(null).startsWith("[SS"), () -> "not a processor error: " + error);
        }
        Compilation compilation = compileAll(good);
        assertTrue(compilation.errors().isEmpty(), () -> compilation.errors().toString());
        accepted = new CompiledClasses(compilation);
    }

    /** One javac run for all cases, with every error reported (javac stops listing them at 100). */
    private static Compilation compileAll(java.util.Collection<JavaFileObject> sources) {
        return com.google.testing.compile.Compiler.javac()
                .withProcessors(new ScoreSpecProcessor())
                .withOptions("-Xmaxerrs", "100000")
                .compile(sources);
    }

    private static JavaFileObject source(String name, Case c) {
        return Sources.source(name, """
                public final class %s {
                    @InputSchema(param = "data", %s)
                    @OutputSchema(standard = @Standard(sample = "0"))
                    public int run(%s data) { return 0; }
                }
                """.formatted(name, c.schema(), c.javaType()));
    }

    @Test
    void everyAcceptedSampleIsAcceptedInARequestWithTheValueOfThePublishedExample() throws Exception {
        for (Map.Entry<String, Case> entry : ACCEPTED.entrySet()) {
            Case c = entry.getValue();
            ScoringBinder<Record, Object> binder = accepted.instance("test." + entry.getKey() + "_ScoreSpec");
            binder.init(ModelDir.of(Path.of(".")));
            String raw = c.schema().startsWith("ndarray")
                    ? "[" + c.value() + "]"
                    : c.schema().startsWith("dataframe") ? "[{\"c\": " + c.value() + "}]" : c.value();
            JsonNode example = JSON.readTree(accepted.document(binder.scoringClass(), OpenApiVersion.V3_1))
                    .at("/components/schemas/ServiceInput/example");
            Object fromExample;
            try {
                fromExample = value(binder.bind(ScoringRequest.json(example.toString())));
            } catch (BindingException e) {
                throw new AssertionError(
                        c.codec() + " sample " + c.value() + " compiles, but a request with its published " + "example "
                                + example + " fails: " + e.getMessage(),
                        e);
            }
            Object fromSample;
            try {
                fromSample = value(binder.bind(ScoringRequest.json("{\"data\": " + raw + "}")));
            } catch (BindingException e) {
                // Dataframe samples may be written as pandas reads CSV ("2020-01-02 03:04:05"): the processor
                // publishes them in the form requests take, and that example is what must bind (above).
                assertTrue(
                        c.schema().startsWith("dataframe")
                                && !JSON.readTree(raw).equals(example.get("data")),
                        () -> c.codec() + " sample " + c.value() + " compiles, but a request with it fails: "
                                + e.getMessage());
                continue;
            }
            assertTrue(
                    sameValue(fromSample, fromExample),
                    () -> c.codec() + " sample " + c.value() + " reads as "
                            + Arrays.deepToString(new Object[] {fromSample}) + ", its published example " + example
                            + " as " + Arrays.deepToString(new Object[] {fromExample}));
        }
    }

    @Test
    void everyCodecAndDtypeIsCoveredWithValuesAcceptedAndRefused() {
        Set<String> codecs = CASES.stream().map(Case::codec).collect(Collectors.toSet());
        for (DType dtype : DType.values()) {
            assertTrue(codecs.contains(dtype.numpyName()), dtype.numpyName());
        }
        for (ColumnKind kind : ColumnKind.values()) {
            assertTrue(codecs.contains("frame " + kind.name()), kind.name());
        }
        for (String codec : codecs) {
            assertTrue(
                    ACCEPTED.values().stream().anyMatch(c -> c.codec().equals(codec)),
                    () -> codec + ": nothing accepted");
            assertTrue(
                    REJECTED.values().stream().anyMatch(c -> c.codec().equals(codec)),
                    () -> codec + ": nothing refused");
        }
    }

    @Test
    void theKnownDisagreementsAreSettled() {
        assertTrue(accepts("timedelta64", quoted("2 weeks")), "numpy's \"2 weeks\", which requests may carry");
        assertFalse(accepts("bytes", quoted("QR==")), "non-canonical base64, which requests may not carry");
        assertFalse(accepts("byte[]", quoted("QR==")), "non-canonical base64, which requests may not carry");
        assertTrue(accepts("byte[]", quoted("QQ==")));
        assertFalse(accepts("datetime64", quoted("2020-01-02T03:04:05Z")), "an offset, which requests may not carry");
        // numpy gives a unit-less datetime64 of dates alone the unit D: such a sample is the day dtype,
        // whose requests carry dates (issue 14); a date-time sample keeps datetime64.
        assertTrue(accepts("datetime64", quoted("2020-01-02")), "a date alone, which day-dtype requests carry");
        assertTrue(accepts("datetime64[D]", quoted("2020-01-02")), "a date, which day-dtype requests carry");
        assertFalse(accepts("datetime64[D]", quoted("2020-01-02T00:00:00")), "a date-time is not a day");
        assertFalse(accepts("float32", "3.5e38"), "beyond float, which requests may not carry");
        assertFalse(accepts("LocalTime", quoted("13:45")), "a time without seconds, which requests may not carry");
        assertFalse(accepts("frame DOUBLE", "1e400"), "published as \"Infinity\", which requests may not carry");
        assertFalse(accepts("frame DATE_TIME", quoted("+12020-01-01T00:00:00")), "published as \"+12020-...\"");
        assertTrue(
                accepts("frame DATE_TIME", quoted("2020-01-02 03:04:05")),
                "pandas' CSV text, published as requests take it");
        assertEquals(CASES.size(), ACCEPTED.size() + REJECTED.size());
    }

    private static boolean accepts(String codec, String value) {
        return ACCEPTED.values().stream()
                .anyMatch(c -> c.codec().equals(codec) && c.value().equals(value));
    }

    /**
     * Whether two bound values are the same, comparing floating-point numbers as numpy and JSON do, so that
     * {@code -0.0} is {@code 0.0}: OpenAPI 3 examples pass through Swagger Core's {@code BigDecimal}, which
     * has no negative zero.
     */
    private static boolean sameValue(Object a, Object b) {
        if (a instanceof float[] x && b instanceof float[] y) {
            return x.length == y.length
                    && java.util.stream.IntStream.range(0, x.length).allMatch(i -> x[i] == y[i]);
        }
        if (a instanceof double[] x && b instanceof double[] y) {
            return x.length == y.length
                    && java.util.stream.IntStream.range(0, x.length).allMatch(i -> x[i] == y[i]);
        }
        if (a instanceof Float x && b instanceof Float y) {
            return x.floatValue() == y.floatValue();
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
    }

    /** The one bound argument, with an NDArray as its Java array so that values compare. */
    private static Object value(Record arguments) throws ReflectiveOperationException {
        Method accessor = arguments.getClass().getRecordComponents()[0].getAccessor();
        accessor.setAccessible(true);
        Object value = accessor.invoke(arguments);
        if (value instanceof Table table) {
            return table.column("c").isMissing(0) ? null : table.column("c").get(0);
        }
        return value instanceof NDArray nd ? nd.toJavaArray() : value;
    }
}

package dev.scorespec.processor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.testing.compile.Compilation;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * The processor over scoring classes made from arbitrary samples: each compilation succeeds, or fails
 * with errors that each carry an id ({@code [SS104]}), never {@code [SS100]} (an unexpected exception
 * inside the processor), never an error in generated code, and javac never crashes.
 *
 * <p>An input is four choice bytes, then the sample text: which kind of sample ({@code @NdArray},
 * {@code @DataFrame}, {@code @Standard}), which Java type takes it, which dtype or orient, and flags
 * (optional, enforceShape, enforceColumnType, a pinned column). {@code mvn verify} fuzzes this from
 * the corpus in {@code ProcessorFuzzTestInputs/compilesOrExplains}.
 */
class ProcessorFuzzTest {

    private static final Pattern ID = Pattern.compile("\\[SS\\d{3}]");

    private static final List<String> DTYPES = List.of(
            "",
            "float64",
            "float32",
            "float16",
            "int64",
            "int32",
            "int8",
            "uint8",
            "uint64",
            "bool",
            "str",
            "bytes",
            "datetime64",
            "timedelta64",
            "complex64",
            "U10",
            "datetime64[s]",
            "object");

    private static final List<String> NDARRAY_TYPES = List.of(
            "NDArray",
            "double[]",
            "double[][]",
            "long[][]",
            "int[]",
            "float[][][]",
            "String[]",
            "boolean[]",
            "LocalDateTime[]",
            "Duration[]",
            "Point[]",
            "Object",
            "List<Double>",
            "double");

    private static final List<String> STANDARD_TYPES = List.of(
            "double",
            "long",
            "Double",
            "String",
            "boolean",
            "LocalDate",
            "LocalDateTime",
            "LocalTime",
            "OffsetDateTime",
            "byte[]",
            "List<Long>",
            "List<Object>",
            "Map<String, Object>",
            "Map<String, List<String>>",
            "Object",
            "Point",
            "List<Point>",
            "int",
            "Map<Long, String>",
            "Duration");

    private static final List<String> COLUMN_KINDS = List.of(
            "LONG", "INTEGER", "DOUBLE", "STRING", "BOOLEAN", "DATE", "DATE_TIME", "TIME", "INSTANT", "TIMEDELTA");

    private static final List<String> ORIENTS = List.of("RECORDS", "SPLIT", "INDEX", "COLUMNS", "VALUES", "TABLE");

    @FuzzTest(maxDuration = "15s")
    void compilesOrExplains(byte[] input) {
        byte[] choices = Arrays.copyOf(input, 4); // zeros where the input is shorter
        String sample =
                new String(input, Math.min(4, input.length), Math.max(0, input.length - 4), StandardCharsets.UTF_8);
        String source = scoringClass(choices, sample);
        Compilation compilation = Sources.compile(Sources.source("Fuzzed", source));
        for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
            String message = error.getMessage(Locale.ROOT);
            assertTrue(ID.matcher(message).find(), () -> "an error without an id:\n" + message + "\n" + source);
            assertFalse(message.contains("[SS100]"), () -> message + "\n" + source);
        }
    }

    /** The scoring class the choice bytes and the sample make. */
    static String scoringClass(byte[] choices, String sample) {
        int kind = Byte.toUnsignedInt(choices[0]) % 3;
        int type = Byte.toUnsignedInt(choices[1]);
        int variant = Byte.toUnsignedInt(choices[2]);
        int flags = Byte.toUnsignedInt(choices[3]);
        String literal = javaString(sample);
        String optional = (flags & 1) != 0 ? ", optional = true" : "";
        String schema;
        String javaType;
        switch (kind) {
            case 0 -> {
                javaType = NDARRAY_TYPES.get(type % NDARRAY_TYPES.size());
                schema = "ndarray = @NdArray(sample = " + literal + ", dtype = \"" + DTYPES.get(variant % DTYPES.size())
                        + "\", enforceShape = " + ((flags & 2) == 0) + ")";
            }
            case 1 -> {
                javaType = (type & 1) == 0 ? "tech.tablesaw.api.Table" : "String";
                String pinned = (flags & 8) == 0
                        ? ""
                        : ", columns = @DataFrame.Column(name = \"a\", type = ColumnKind."
                                + COLUMN_KINDS.get((flags >> 4) % COLUMN_KINDS.size()) + ")";
                schema = "dataframe = @DataFrame(sample = " + literal + ", orient = Orient."
                        + ORIENTS.get(variant % ORIENTS.size()) + ", enforceShape = " + ((flags & 2) == 0)
                        + ", enforceColumnType = " + ((flags & 4) == 0) + pinned + ")";
            }
            default -> {
                javaType = STANDARD_TYPES.get(type % STANDARD_TYPES.size());
                // a record parameter takes its samples from its components, unless this one is given
                schema = javaType.equals("Point") && (variant & 1) == 0
                        ? null
                        : "standard = @Standard(sample = " + literal + ")";
            }
        }
        String input = schema == null
                ? "@InputSchema(param = \"data\"" + optional + ")"
                : "@InputSchema(param = \"data\"" + optional + ", " + schema + ")";
        return """
                public class Fuzzed {
                    public record Point(@Standard(sample = "1.5") double x, @Standard(sample = "[\\"a\\"]") List<String> tags) {}

                    %s
                    @OutputSchema(standard = @Standard(sample = "1"))
                    public int run(%s data) {
                        return 1;
                    }
                }
                """.formatted(input, javaType);
    }

    /** {@code text} as a Java string literal that means exactly it (unpaired surrogates aside). */
    static String javaString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                // octal, not \\u: javac reads \\u escapes before it reads string literals
                out.append(String.format("\\%03o", (int) c));
            } else if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (paired) {
                    out.append(c).append(text.charAt(++i));
                } else {
                    out.append('\uFFFD');
                }
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}

package dev.scorespec.annotations.internal.spark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the subset of Spark SQL's DDL that a Spark sample's schema is written in, as
 * {@code StructType.fromDDL} reads it: {@code name STRING, age INT NOT NULL, joined TIMESTAMP COMMENT 'UTC',
 * scores ARRAY<DOUBLE>, attrs MAP<STRING, INT>, address STRUCT<city: STRING, zip: STRING>, price DECIMAL(10,2)}.
 *
 * <p>Keywords in any case, with Spark's aliases ({@code BYTE}/{@code TINYINT}, {@code SHORT}/{@code SMALLINT},
 * {@code INT}/{@code INTEGER}, {@code LONG}/{@code BIGINT}, {@code REAL} for {@code FLOAT}, {@code DEC} and
 * {@code NUMERIC} for {@code DECIMAL}, which is {@code DECIMAL(10,0)} alone); names plain ({@code zip_code})
 * or backquoted with a doubled backquote inside ({@code `first name`}); a colon between a struct field's
 * name and type, optional as in Spark. Fields are nullable unless {@code NOT NULL}; arrays and map values
 * always may hold nulls, as Spark's DDL has no way to say otherwise. Other Spark types
 * ({@code CHAR(n)}, {@code INTERVAL}, {@code VARIANT}, ...) are refused by name.
 */
public final class SparkDdl {

    private final String text;
    private int pos;

    private SparkDdl(String text) {
        this.text = text;
    }

    /** The fields of a table schema: {@code a INT, b STRING}. */
    public static SparkType.Struct parseSchema(String ddl) {
        SparkDdl parser = new SparkDdl(ddl);
        List<SparkType.Field> fields = new ArrayList<>();
        parser.skipSpace();
        if (parser.atEnd()) {
            throw parser.error("expected at least one column, as in 'name STRING, age INT'");
        }
        fields.add(parser.field(false));
        while (parser.accept(',')) {
            fields.add(parser.field(false));
        }
        parser.expectEnd();
        return new SparkType.Struct(checkUnique(parser, fields));
    }

    /** One data type: {@code ARRAY<DOUBLE>}, {@code DECIMAL(10,2)}. */
    public static SparkType parseType(String ddl) {
        SparkDdl parser = new SparkDdl(ddl);
        SparkType type = parser.type();
        parser.expectEnd();
        return type;
    }

    /**
     * The DDL of a table schema that {@link #parseSchema} reads back to an equal schema: {@code name STRING,
     * `first name` STRING NOT NULL, price DECIMAL(10,2) COMMENT 'in EUR'}. Generated binders carry their
     * sample's schema this way, readable and without Spark.
     */
    public static String format(SparkType.Struct schema) {
        StringBuilder ddl = new StringBuilder();
        for (SparkType.Field f : schema.fields()) {
            if (ddl.length() > 0) {
                ddl.append(", ");
            }
            appendField(ddl, f, false);
        }
        return ddl.toString();
    }

    private static void appendField(StringBuilder ddl, SparkType.Field f, boolean inStruct) {
        ddl.append(quoteName(f.name())).append(inStruct ? ": " : " ");
        appendType(ddl, f.type());
        if (!f.nullable()) {
            ddl.append(" NOT NULL");
        }
        if (f.comment() != null) {
            ddl.append(" COMMENT '");
            for (char c : f.comment().toCharArray()) {
                switch (c) {
                    case '\\' -> ddl.append("\\\\");
                    case '\'' -> ddl.append("\\'");
                    case '\n' -> ddl.append("\\n");
                    case '\t' -> ddl.append("\\t");
                    case '\r' -> ddl.append("\\r");
                    case '\0' -> ddl.append("\\0");
                    default -> ddl.append(c);
                }
            }
            ddl.append('\'');
        }
    }

    private static void appendType(StringBuilder ddl, SparkType type) {
        if (type instanceof SparkType.Array a) {
            ddl.append("ARRAY<");
            appendType(ddl, a.element());
            ddl.append('>');
        } else if (type instanceof SparkType.MapType m) {
            ddl.append("MAP<");
            appendType(ddl, m.key());
            ddl.append(", ");
            appendType(ddl, m.value());
            ddl.append('>');
        } else if (type instanceof SparkType.Struct s) {
            ddl.append("STRUCT<");
            for (int i = 0; i < s.fields().size(); i++) {
                if (i > 0) {
                    ddl.append(", ");
                }
                appendField(ddl, s.fields().get(i), true);
            }
            ddl.append('>');
        } else {
            ddl.append(SparkType.ddlName(type)); // atomic types and DECIMAL(p,s)
        }
    }

    /** A name as DDL writes it: plain when it is one word, else in backquotes with a backquote doubled. */
    private static String quoteName(String name) {
        boolean plain = !name.isEmpty() && name.chars().allMatch(c -> isWordChar((char) c));
        return plain ? name : "`" + name.replace("`", "``") + "`";
    }

    private SparkType.Field field(boolean inStruct) {
        skipSpace();
        int start = pos;
        String name = identifier();
        if (name.isEmpty()) {
            pos = start;
            throw error(inStruct ? "expected a field name" : "expected a column name");
        }
        if (inStruct) {
            accept(':');
        }
        SparkType type = type();
        boolean nullable = true;
        String comment = null;
        while (true) {
            int before = pos;
            String word = peekWord();
            if (word.equals("NOT")) {
                word();
                if (!peekWord().equals("NULL")) {
                    throw error("expected NULL after NOT");
                }
                word();
                nullable = false;
            } else if (word.equals("COMMENT")) {
                word();
                comment = stringLiteral();
            } else {
                pos = before;
                break;
            }
        }
        return new SparkType.Field(name, type, nullable, comment);
    }

    private SparkType type() {
        skipSpace();
        int start = pos;
        String word = word();
        switch (word) {
            case "BOOLEAN":
                return SparkType.Atomic.BOOLEAN;
            case "TINYINT":
            case "BYTE":
                return SparkType.Atomic.BYTE;
            case "SMALLINT":
            case "SHORT":
                return SparkType.Atomic.SHORT;
            case "INT":
            case "INTEGER":
                return SparkType.Atomic.INTEGER;
            case "BIGINT":
            case "LONG":
                return SparkType.Atomic.LONG;
            case "FLOAT":
            case "REAL":
                return SparkType.Atomic.FLOAT;
            case "DOUBLE":
                return SparkType.Atomic.DOUBLE;
            case "STRING":
                return SparkType.Atomic.STRING;
            case "BINARY":
                return SparkType.Atomic.BINARY;
            case "DATE":
                return SparkType.Atomic.DATE;
            case "TIMESTAMP":
            case "TIMESTAMP_LTZ":
                return SparkType.Atomic.TIMESTAMP;
            case "TIMESTAMP_NTZ":
                return SparkType.Atomic.TIMESTAMP_NTZ;
            case "DECIMAL":
            case "DEC":
            case "NUMERIC":
                return decimal();
            case "ARRAY": {
                expect('<');
                SparkType element = type();
                expect('>');
                return new SparkType.Array(element, true);
            }
            case "MAP": {
                expect('<');
                SparkType key = type();
                expect(',');
                SparkType value = type();
                expect('>');
                return new SparkType.MapType(key, value, true);
            }
            case "STRUCT": {
                expect('<');
                List<SparkType.Field> fields = new ArrayList<>();
                if (!accept('>')) {
                    fields.add(field(true));
                    while (accept(',')) {
                        fields.add(field(true));
                    }
                    expect('>');
                }
                return new SparkType.Struct(checkUnique(this, fields));
            }
            default:
                pos = start;
                throw error(
                        word.isEmpty()
                                ? "expected a type"
                                : "unsupported type '" + word
                                        + "'; the types are BOOLEAN, TINYINT, SMALLINT, INT, BIGINT,"
                                        + " FLOAT, DOUBLE, DECIMAL(p,s), STRING, BINARY, DATE, TIMESTAMP, TIMESTAMP_NTZ, ARRAY<t>,"
                                        + " MAP<k, v> and STRUCT<name: t, ...>");
        }
    }

    private SparkType decimal() {
        if (!accept('(')) {
            return new SparkType.Decimal(10, 0);
        }
        int at = pos;
        int precision = integer();
        int scale = 0;
        if (accept(',')) {
            scale = integer();
        }
        expect(')');
        if (precision < 1 || precision > SparkType.Decimal.MAX_PRECISION || scale > precision) {
            pos = at;
            throw error("DECIMAL(" + precision + "," + scale + ") is out of range: the precision is 1 to 38"
                    + " and the scale at most the precision");
        }
        return new SparkType.Decimal(precision, scale);
    }

    private static List<SparkType.Field> checkUnique(SparkDdl parser, List<SparkType.Field> fields) {
        // Spark compares names without regard to case by default, so `a` and `A` would clash in a query.
        Set<String> seen = new HashSet<>();
        for (SparkType.Field f : fields) {
            if (!seen.add(f.name().toLowerCase(Locale.ROOT))) {
                throw new DdlException(parser.text, -1, "the name '" + f.name() + "' is given twice");
            }
        }
        return fields;
    }

    // ---------------------------------------------------------------------------------------------
    // Tokens

    private String identifier() {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '`') {
            StringBuilder name = new StringBuilder();
            int start = pos++;
            while (true) {
                if (pos >= text.length()) {
                    pos = start;
                    throw error("unterminated backquoted name");
                }
                char c = text.charAt(pos++);
                if (c == '`') {
                    if (pos < text.length() && text.charAt(pos) == '`') {
                        name.append('`');
                        pos++;
                    } else {
                        return name.toString();
                    }
                } else {
                    name.append(c);
                }
            }
        }
        int start = pos;
        while (pos < text.length() && isWordChar(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** The next word, upper case, consumed; empty when the next character is not a word character. */
    private String word() {
        return identifierWord().toUpperCase(Locale.ROOT);
    }

    private String identifierWord() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && isWordChar(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String peekWord() {
        int before = pos;
        String word = word();
        pos = before;
        return word;
    }

    private int integer() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos)) && pos - start < 9) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a number");
        }
        return Integer.parseInt(text.substring(start, pos));
    }

    private String stringLiteral() {
        skipSpace();
        if (pos >= text.length() || (text.charAt(pos) != '\'' && text.charAt(pos) != '"')) {
            throw error("expected a quoted comment, as in COMMENT 'in UTC'");
        }
        int start = pos;
        char quote = text.charAt(pos++);
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                pos = start;
                throw error("unterminated comment text");
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                return value.toString();
            }
            if (c == '\\' && pos < text.length()) {
                char escaped = text.charAt(pos++);
                switch (escaped) {
                    case 'n':
                        value.append('\n');
                        break;
                    case 't':
                        value.append('\t');
                        break;
                    case 'r':
                        value.append('\r');
                        break;
                    case '0':
                        value.append('\0');
                        break;
                    default:
                        value.append(escaped);
                }
            } else {
                value.append(c);
            }
        }
    }

    private boolean accept(char c) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private void expectEnd() {
        skipSpace();
        if (!atEnd()) {
            throw error("expected ',' or the end");
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private DdlException error(String problem) {
        skipSpace();
        return new DdlException(text, pos, problem);
    }

    /**
     * A DDL string that is not one this parser reads. The message names the problem and, when there is one,
     * the character position (from 0) and what stands there: {@code at 9 ('VARCHAR'): unsupported type ...}.
     */
    public static final class DdlException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final int position;
        private final String problem;

        DdlException(String text, int position, String problem) {
            super(position < 0 ? problem : "at " + position + " (" + near(text, position) + "): " + problem);
            this.position = position;
            this.problem = problem;
        }

        /** Where the problem is, from 0; -1 for the whole string. */
        public int position() {
            return position;
        }

        /** The problem without the position. */
        public String problem() {
            return problem;
        }

        private static String near(String text, int position) {
            if (position >= text.length()) {
                return "the end";
            }
            int end = Math.min(text.length(), position + 20);
            return "'" + text.substring(position, end) + (end < text.length() ? "...'" : "'");
        }
    }
}

package dev.scorespec.runtime.binding;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's parse failures in our own words, for clients: what is wrong and where, as
 * {@code a number cannot have leading zeros (line 1, column 7)}. Jackson's messages name its own
 * settings ({@code enable JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS to allow}) and its source
 * redaction ({@code Source: REDACTED}), which mean nothing to a client and are never passed on.
 *
 * <p>Jackson's exceptions carry their kind only in their text, so the text is matched; a kind not
 * matched here still gets a plain message and the position, never Jackson's words. {@code
 * JsonErrorsTest} sends a body of every kind, so a Jackson upgrade that rewords one fails there.
 */
public final class JsonErrors {

    /** {@code Unexpected character ('x' (code 120))}, or {@code ((CTRL-CHAR, code 10))} for a control character. */
    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile("^Unexpected character \\(.*?code (\\d+)");

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final Pattern LIMIT = Pattern.compile("maximum allowed \\((\\d+)");
    private static final Pattern ESCAPE = Pattern.compile("^Unrecognized character escape .* \\(code (\\d+)\\)");
    private static final String NAME_LIMIT = "Name length";
    private static final Pattern CONTROL = Pattern.compile("\\(CTRL-CHAR, code (\\d+)\\)");

    private JsonErrors() {}

    /** The problem and, when Jackson knows it, the line and column: {@code ... (line 3, column 14)}. */
    public static String describe(JsonProcessingException e) {
        return problem(e) + at(e.getLocation());
    }

    /** The problem alone, without the position. */
    public static String problem(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "invalid JSON";
        }
        if (e instanceof StreamConstraintsException) {
            return limit(m);
        }
        if (m.startsWith("Unexpected end-of-input")) {
            return endOfInput(m);
        }
        if (m.startsWith("Non-standard token ")) {
            return quoted(m) + " is not a JSON number: JSON has no NaN or infinity";
        }
        if (m.startsWith("Unrecognized token ")) {
            return "unexpected text '" + quoted(m)
                    + "' where a value should be: a string, a number, an array, an object," + " true, false or null";
        }
        if (m.startsWith("Unexpected close marker ")) {
            String marker = quoted(m);
            return m.contains("no open")
                    ? "unexpected '" + marker + "': no " + (marker.equals("]") ? "array" : "object") + " is open"
                    : "'" + marker + "' cannot close the " + (marker.equals("]") ? "object" : "array")
                            + " that is open";
        }
        if (m.contains("Leading zeroes not allowed")) {
            return "a number cannot have leading zeros";
        }
        if (m.startsWith("Invalid numeric value")) {
            return "invalid number";
        }
        if (m.startsWith("Illegal unquoted character")) {
            return "control character " + codePoint(m, CONTROL) + " must be escaped in a string, as \\u"
                    + String.format(Locale.ROOT, "%04x", number(m, CONTROL));
        }
        if (m.startsWith("Illegal character") && m.contains("CTRL-CHAR")) {
            return "control character " + codePoint(m, CONTROL) + " outside a string";
        }
        if (m.startsWith("Unrecognized character escape")) {
            int code = number(m, ESCAPE);
            return "invalid escape '\\" + (code > 0x20 && code < 0x7f ? String.valueOf((char) code) : codePoint(code))
                    + "' in a string: the escapes are \\\" \\\\ \\/ \\b \\f" + " \\n \\r \\t and \\uXXXX";
        }
        if (m.startsWith("Duplicate field ")) {
            return "property '" + quoted(m) + "' is given twice";
        }
        if (m.startsWith("Invalid UTF-8")) {
            // Bodies are checked to be UTF-8 before they are parsed: what remains is a character that
            // is not ASCII outside a string, which Jackson reports as a bad byte.
            return "unexpected character outside a string";
        }
        Matcher unexpected = UNEXPECTED_CHARACTER.matcher(m);
        if (unexpected.find()) {
            return unexpectedCharacter(Integer.parseInt(unexpected.group(1)), m);
        }
        return "invalid JSON";
    }

    /** Whether a read limit is the one on property names. */
    static boolean isNameLimit(StreamConstraintsException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith(NAME_LIMIT);
    }

    private static String unexpectedCharacter(int code, String m) {
        String found = character(code);
        if (m.contains("in numeric value")) {
            if (m.contains("plus sign")) {
                return "a number cannot start with '+'";
            } else if (m.contains("minus sign")) {
                return "'-' must be followed by a digit, found " + found;
            } else if (m.contains("Exponent indicator")) {
                return "an exponent must have digits, found " + found;
            } else if (m.contains("Decimal point")) {
                return "a decimal point must be followed by a digit, found " + found;
            }
            return "invalid number at " + found;
        }
        if (m.contains("was expecting a colon")) {
            return "expected ':' after the property name, found " + found;
        }
        if (m.contains("comma to separate Object entries")) {
            return "expected ',' or '}' after the property's value, found " + found;
        }
        if (m.contains("comma to separate Array entries")) {
            return "expected ',' or ']' after the array's element, found " + found;
        }
        if (m.contains("double-quote to start field name")) {
            return code == '}'
                    ? "a ',' cannot come before '}'"
                    : "expected a property name in double quotes, found " + found;
        }
        if (m.contains("comment")) {
            return "comments are not allowed in JSON";
        }
        if (m.contains("hex-digit")) {
            return "a \\u escape needs four hexadecimal digits, found " + found;
        }
        if (m.contains("expected a value") || m.contains("expected a valid value")) {
            return code == ']' ? "a ',' cannot come before ']'" : "expected a value, found " + found;
        }
        return "unexpected character " + found;
    }

    private static String endOfInput(String m) {
        if (m.contains("VALUE_STRING")
                || m.contains("field name")
                || m.contains("escape sequence")
                || m.contains("closing quote")) {
            return "the body ends inside a string";
        }
        if (m.contains("close marker for Array")) {
            return "the body ends before the array is closed";
        }
        if (m.contains("close marker for Object") || m.contains("Object entries")) {
            return "the body ends before the object is closed";
        }
        return "the body ends before the JSON value is complete";
    }

    private static String limit(String m) {
        Matcher max = LIMIT.matcher(m);
        String limit = max.find() ? String.format(Locale.ROOT, "%,d", Long.parseLong(max.group(1))) : "its limit";
        if (m.startsWith("String value length")) {
            return "a string is longer than the limit of " + limit + " characters";
        } else if (m.startsWith("Number value length")) {
            return "a number is longer than the limit of " + limit + " characters";
        } else if (m.startsWith(NAME_LIMIT)) {
            return "a property name is longer than the limit of " + limit + " characters";
        } else if (m.startsWith("Document nesting depth")) {
            return "arrays and objects are nested deeper than the limit of " + limit + " levels";
        } else if (m.startsWith("Document length")) {
            return "the JSON is longer than the limit of " + limit + " bytes";
        } else if (m.startsWith("Token count")) {
            return "the JSON has more values than the limit of " + limit;
        }
        return "the JSON is over one of the parser's limits";
    }

    /** {@code 'x'} for a printable ASCII character, {@code U+0009} for any other. */
    private static String character(int code) {
        return code > 0x20 && code < 0x7f ? "'" + (char) code + "'" : codePoint(code);
    }

    private static String codePoint(String m, Pattern pattern) {
        return codePoint(number(m, pattern));
    }

    private static String codePoint(int code) {
        return String.format(Locale.ROOT, "U+%04X", code);
    }

    private static int number(String m, Pattern pattern) {
        Matcher matcher = pattern.matcher(m);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    /** The first single-quoted text in a message: the token, field or marker Jackson names. */
    private static String quoted(String m) {
        Matcher matcher = QUOTED.matcher(m);
        return matcher.find() ? matcher.group(1) : "";
    }

    /** {@code " (line 3, column 14)"}, or nothing when the position is unknown. */
    static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}

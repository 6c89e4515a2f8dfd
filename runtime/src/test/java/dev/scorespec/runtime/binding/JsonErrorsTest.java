package dev.scorespec.runtime.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.scorespec.runtime.ScoringRequest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of Jackson parse failure, in our words, with the line and column. */
class JsonErrorsTest {

    /** Jackson's own vocabulary, which must never reach a client. */
    private static final Pattern JACKSON =
            Pattern.compile("Source|REDACTED|Feature|enable|`|code \\d|CTRL-CHAR|Jackson|token 'null'");

    /** Parses the body to its end with the server's factory, reading every string and number. */
    private static String describe(String body) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> {
            try (JsonParser p = ScoringRequest.jsonFactory().createParser(body.getBytes(StandardCharsets.UTF_8))) {
                while (p.nextToken() != null) {
                    if (p.currentToken().isScalarValue()) {
                        p.getText();
                    }
                }
            }
        });
        String message = JsonErrors.describe(e);
        assertFalse(JACKSON.matcher(message).find(), message);
        return message;
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                // unexpected characters
                "{\"a\":}                | expected a value, found '}' (line 1, column 6)",
                "{\"a\" 1}               | expected ':' after the property name, found '1' (line 1, column 6)",
                "{\"a\":1 2}             | expected ',' or '}' after the property's value, found '2' (line 1, column 8)",
                "[1 2]                   | expected ',' or ']' after the array's element, found '2' (line 1, column 4)",
                "{'a':1}                 | expected a property name in double quotes, found ''' (line 1, column 2)",
                "{a:1}                   | expected a property name in double quotes, found 'a' (line 1, column 2)",
                "{\"a\":1,}              | a ',' cannot come before '}' (line 1, column 8)",
                "[1,]                    | a ',' cannot come before ']' (line 1, column 4)",
                "[,1]                    | expected a value, found ',' (line 1, column 2)",
                "{/*x*/\"a\":1}          | comments are not allowed in JSON (line 1, column 2)",
                "{\"a\":.5}              | expected a value, found '.' (line 1, column 6)",
                // words and non-numeric numbers
                "{\"a\":tru}             | unexpected text 'tru' where a value should be: a string, a number, an array, an object, true, false or null (line 1, column 6)",
                "{\"a\":NaN}             | NaN is not a JSON number: JSON has no NaN or infinity (line 1, column 9)",
                "{\"a\":-Infinity}       | -Infinity is not a JSON number: JSON has no NaN or infinity (line 1, column 15)",
                // numbers
                "{\"a\":01}              | a number cannot have leading zeros (line 1, column 7)",
                "{\"a\":+1}              | a number cannot start with '+' (line 1, column 7)",
                "{\"a\":-}               | '-' must be followed by a digit, found '}' (line 1, column 7)",
                "{\"a\":1e}              | an exponent must have digits, found '}' (line 1, column 8)",
                "{\"a\":1.}              | a decimal point must be followed by a digit, found '}' (line 1, column 8)",
                // strings
                "~{\"a\":\"x\ty\"}~      | control character U+0009 must be escaped in a string, as \\u0009 (line 1, column 8)",
                "{\"a\":\"\\q\"}         | invalid escape '\\q' in a string: the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX (line 1, column 8)",
                "{\"a\":\"\\u12G4\"}     | a \\u escape needs four hexadecimal digits, found 'G' (line 1, column 11)",
                "~{\"a\":\"\\u1\n\"}~      | a \\u escape needs four hexadecimal digits, found U+000A (line 1, column 10)",
                "~{\"a\":1e\t}~            | an exponent must have digits, found U+0009 (line 1, column 8)",
                "{\"a\":é}               | unexpected character outside a string (line 1, column 8)",
                // structure and the end of the input
                "{\"a\":[1}              | '}' cannot close the array that is open (line 1, column 8)",
                "{\"a\":1]               | ']' cannot close the object that is open (line 1, column 7)",
                "]                       | unexpected ']': no array is open (line 1, column 1)",
                "{\"a\":[1,2             | the body ends before the array is closed (line 1, column 10)",
                "{\"a\":1                | the body ends before the object is closed (line 1, column 7)",
                "{\"a\":                 | the body ends before the object is closed (line 1, column 6)",
                "{\"a\":\"abc            | the body ends inside a string (line 1, column 10)",
                "{\"a                    | the body ends inside a string (line 1, column 4)",
                "{\"a\":\"\\u12          | the body ends inside a string (line 1, column 11)",
                // positions count lines
                "~{\n  \"a\": [1,\n  2,,]}~ | expected a value, found ',' (line 3, column 5)",
            })
    void parseFailuresAreWordedForClients(String body, String expected) {
        assertEquals(expected, describe(body));
    }

    @Test
    void controlCharactersOutsideStringsAreNamed() {
        assertEquals("control character U+0000 outside a string (line 1, column 9)", describe("{\"a\":1}\0"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "string   | a string is longer than the limit of 20,000,000 characters",
                "number   | a number is longer than the limit of 1,000 characters",
                "name     | a property name is longer than the limit of 50,000 characters",
                "nesting  | arrays and objects are nested deeper than the limit of 1,000 levels",
            })
    void everyReadConstraintIsWorded(String kind, String expected) {
        String body = switch (kind) {
            case "string" -> "{\"a\": \"" + "x".repeat(20_000_001) + "\"}";
            case "number" -> "{\"a\": " + "1".repeat(1_001) + "}";
            case "name" -> "{\"" + "n".repeat(50_001) + "\": 1}";
            default -> "[".repeat(1_001) + "]".repeat(1_001);
        };
        assertEquals(expected, describe(body));
    }
}

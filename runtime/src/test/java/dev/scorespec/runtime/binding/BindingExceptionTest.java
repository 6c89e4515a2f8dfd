package dev.scorespec.runtime.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scorespec.runtime.ScoringRequest;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class BindingExceptionTest {

    /** Advances to the n-th token (1-based) of the body and returns the path of a problem there. */
    private static String pathAtToken(String body, int n) throws IOException {
        JsonParser p = ScoringRequest.json(body).jsonParser();
        for (int i = 0; i < n; i++) {
            p.nextToken();
        }
        return BindingException.at(p, "x").path();
    }

    @Test
    void pathOfScalarsInNestedArrays() throws IOException {
        String body = "{\"data\": [[1, 2, 3, 4], [5]]}";
        // { data [ [ 1 2 3 4 ] [ 5 ] ] }
        assertEquals("data", pathAtToken(body, 3)); // outer [
        assertEquals("data[0]", pathAtToken(body, 4)); // first row [
        assertEquals("data[0][0]", pathAtToken(body, 5));
        assertEquals("data[0][3]", pathAtToken(body, 8));
        assertEquals("data[0]", pathAtToken(body, 9)); // first row ]
        assertEquals("data[1]", pathAtToken(body, 10)); // second row [
        assertEquals("data[1][0]", pathAtToken(body, 11));
        assertEquals("data[1]", pathAtToken(body, 12)); // second row ]
        assertEquals("data", pathAtToken(body, 13)); // outer ]
    }

    @Test
    void pathOfContainersIsTheContainerAsAValue() throws IOException {
        String body = "{\"a\": {\"b\": [{\"c\": 1}, [2]]}}";
        // { a { b [ { c 1 } [ 2 ] ] } }
        assertEquals("a", pathAtToken(body, 3)); // {
        assertEquals("a.b", pathAtToken(body, 5)); // [
        assertEquals("a.b[0]", pathAtToken(body, 6)); // {
        assertEquals("a.b[0].c", pathAtToken(body, 8));
        assertEquals("a.b[1]", pathAtToken(body, 10)); // [
        assertEquals("a.b[1][0]", pathAtToken(body, 11));
    }

    @Test
    void wholeBodyHasAnEmptyPath() throws IOException {
        JsonParser p = ScoringRequest.json("[1]").jsonParser();
        assertEquals(JsonToken.START_ARRAY, p.nextToken());
        BindingException e = BindingException.at(p, "expected an object, got an array");
        assertEquals("", e.path());
        assertEquals("expected an object, got an array", e.getMessage());
    }

    @Test
    void messageJoinsPathAndProblem() {
        BindingException e = BindingException.at("data[1]", "expected 10 values, got 9");
        assertEquals("data[1]: expected 10 values, got 9", e.getMessage());
        assertEquals("data[1]", e.path());
        assertEquals("expected 10 values, got 9", e.problem());
    }
}

package dev.scorespec.spark.frames;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.scorespec.runtime.ModelDir;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.binding.BindingException;
import dev.scorespec.runtime.binding.ScoringBinder;
import dev.scorespec.spark.TestSpark;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The binders the processor generates for {@code @SparkFrame} samples, run against the tests' Spark session:
 * requests become datasets of the sample's schema, every Spark type of a sample is read, a value that does
 * not fit is an error naming its path, and run's dataset is written as records by the output sample.
 */
class SparkFrameBinderTest {

    /** One row with a value of every type, by column, as JSON text. */
    private static final Map<String, String> PERSON = new LinkedHashMap<>();

    static {
        PERSON.put("name", "\"Sarah\"");
        PERSON.put("age", "31");
        PERSON.put("small", "7");
        PERSON.put("tiny", "1");
        PERSON.put("big", "9007199254740993");
        PERSON.put("ok", "true");
        PERSON.put("ratio", "0.5");
        PERSON.put("score", "1.25");
        PERSON.put("price", "12.5");
        PERSON.put("photo", "\"AAEC\"");
        PERSON.put("born", "\"1990-01-02\"");
        PERSON.put("joined", "\"2020-01-02T03:04:05+01:00\"");
        PERSON.put("scores", "[0.5, null]");
        PERSON.put("attrs", "{\"a\": 1, \"b\": null}");
        PERSON.put("address", "{\"city\": \"Seattle\", \"zip\": \"98101\"}");
    }

    /** A request with one person whose {@code column} is {@code value} (JSON text); null for the row as it is. */
    private static String people(String column, String value) {
        Map<String, String> row = new LinkedHashMap<>(PERSON);
        if (column != null) {
            row.put(column, value);
        }
        return row.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(", ", "{\"people\": [{", "}]}"));
    }

    @BeforeAll
    static void session() {
        TestSpark.session(); // the binders use the session that exists, as under spark-submit
    }

    @SuppressWarnings("unchecked")
    private static <A, R> String score(ScoringBinder<A, R> binder, String body) throws Exception {
        binder.init(ModelDir.unconfigured());
        A arguments = binder.bind(ScoringRequest.json(body));
        StringWriter text = new StringWriter();
        try (JsonGenerator out = new JsonFactory().createGenerator(text)) {
            binder.write(binder.run(arguments), out);
        }
        return text.toString();
    }

    @Test
    void theReferenceCaseScoresOverSpark() throws Exception {
        assertEquals("[{\"state\":\"WA\"},{\"state\":\"CA\"}]", score(new StateScore_ScoreSpec(), """
                        {"param": [{"name": "Sarah", "state": "WA"}, {"name": "John", "state": "CA"}]}"""));
    }

    @Test
    void everySparkTypeIsReadIntoTheSamplesSchema() throws Exception {
        PeopleScore_ScoreSpec binder = new PeopleScore_ScoreSpec();
        Dataset<Row> people =
                binder.bind(ScoringRequest.json(people(null, null))).people();
        assertEquals(StructType.fromDDL(PeopleScore.DDL), people.schema());
        Row row = people.collectAsList().get(0);
        assertEquals("Sarah", row.getString(0));
        assertEquals(31, row.getInt(1));
        assertEquals((short) 7, row.getShort(2));
        assertEquals((byte) 1, row.getByte(3));
        assertEquals(9007199254740993L, row.getLong(4));
        assertTrue(row.getBoolean(5));
        assertEquals(0.5f, row.getFloat(6));
        assertEquals(1.25, row.getDouble(7));
        assertEquals(new BigDecimal("12.50"), row.getDecimal(8));
        assertArrayEquals(new byte[] {0, 1, 2}, (byte[]) row.get(9));
        assertEquals(LocalDate.of(1990, 1, 2), ((java.sql.Date) row.get(10)).toLocalDate());
        assertEquals(Instant.parse("2020-01-02T02:04:05Z"), ((java.sql.Timestamp) row.get(11)).toInstant());
        assertEquals(java.util.Arrays.asList(0.5, null), row.getList(12));
        Map<String, Integer> attrs = new java.util.HashMap<>();
        attrs.put("a", 1);
        attrs.put("b", null);
        assertEquals(attrs, row.getJavaMap(13));
        assertEquals(
                List.of("Seattle", "98101"),
                List.of(row.getStruct(14).getString(0), row.getStruct(14).getString(1)));
    }

    @Test
    void runsDatasetIsWrittenByTheOutputSample() throws Exception {
        assertEquals("[{\"name\":\"Sarah\",\"total\":32.25}]", score(new PeopleScore_ScoreSpec(), people(null, null)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            age    | 3000000000            | people[0].age          | expected an integer from -2147483648 to 2147483647, got 3000000000
            small  | 40000                 | people[0].small        | expected an integer from -32768 to 32767, got 40000
            tiny   | 1.5                   | people[0].tiny         | 1.5
            big    | '"1"'                 | people[0].big          | "1"
            ok     | 1                     | people[0].ok           | expected true or false, got 1
            ratio  | 1e39                  | people[0].ratio        | 1e39
            score  | '"x"'                 | people[0].score        | expected a number, got "x"
            price  | 1.255                 | people[0].price        | at most 8 digits before the point and 2 after (decimal(10,2)), got 1.255
            photo  | '"QR=="'              | people[0].photo        | expected base64 text, got "QR=="
            born   | '"1990-1-2"'          | people[0].born         | "1990-1-2"
            joined | '"2020-01-02T03:04:05"' | people[0].joined     | the offset (Z or +hh:mm) is required
            scores | '[1, "x"]'            | people[0].scores[1]    | expected a number, got "x"
            attrs  | '{"a": "x"}'          | people[0].attrs.a      | "x"
            address | '{"town": "x"}'      | people[0].address.town | unknown field 'town'; the fields are 'city', 'zip'
            name   | null                  | people[0].name         | null
            """)
    void aValueThatDoesNotFitIsRefusedAtItsPath(String column, String value, String path, String problem) {
        String body = people(column, value);
        BindingException e = assertThrows(
                BindingException.class, () -> new PeopleScore_ScoreSpec().bind(ScoringRequest.json(body)), body);
        assertEquals(path, e.path(), e.getMessage());
        assertTrue(e.problem().contains(problem), e.getMessage());
    }

    @Test
    void aDatasetThatDoesNotFitTheOutputSampleIsTheScoringCodesMistake() throws Exception {
        StateScore_ScoreSpec binder = new StateScore_ScoreSpec();
        Dataset<Row> wrong = binder.bind(ScoringRequest.json("{\"param\": [{\"name\": \"Sarah\", \"state\": \"WA\"}]}"))
                .param();
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> binder.write(wrong, new JsonFactory().createGenerator(new StringWriter())));
        assertEquals(
                "run returned a Dataset that does not fit the result sample's columns (state string): it has a"
                        + " column 'name' the sample does not",
                e.getMessage());
    }
}

package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.annotations.internal.OpenInferenceResource;
import dev.scorespec.annotations.internal.ScoringResource;
import dev.scorespec.processor.emit.ExampleValidator;
import dev.scorespec.processor.emit.Golden;
import dev.scorespec.runtime.ModelDir;
import dev.scorespec.runtime.NDArray;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.binding.BindingException;
import dev.scorespec.runtime.binding.ScoringBinder;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * End to end, for each reference case of Python's inference-schema: the Java scoring class a user
 * would write for the Python sample ({@code golden-e2e/<case>.java}) is compiled with the processor,
 * and
 * <ul>
 *   <li>the {@code ServiceInput}/{@code ServiceOutput} schemas of every document it writes equal the
 *       expected ones of {@code golden/<case>.json} (the reference with ScoreSpec's documented
 *       differences applied), and the binder offers exactly the expected versions;
 *   <li>every payload the reference was sent by keyword ({@code golden-e2e/<case>.json}, copied from
 *       the shared reference outputs) is bound by the generated binder, which accepts it exactly when
 *       it is valid against the schema; a rejection names the JSON path the schema validator names;
 *       an accepted payload binds each parameter to the value the reference converted it to (an
 *       optional parameter left out to null, as Python's {@code None}).
 * </ul>
 *
 * <p>The schema verdict is the reference's (OpenAPI 3.1 validation of its own schema), re-checked here
 * against ScoreSpec's own schema with an OpenAPI 3.1 validator with format assertions. Where they
 * part, or where the binder rightly checks more than the schema can say, or where ScoreSpec keeps a
 * value the reference changed, the case lists the payload with a one-line why.
 */
class GoldenEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern CLASS_NAME = Pattern.compile("public (?:final )?class (\\w+)");

    private static final String DATE_TIME_LOCAL =
            "ScoreSpec's schema says date-time-local (naive, RFC 3339 without offset)"
                    + " where the reference says date-time";
    private static final String TIME_LOCAL =
            "ScoreSpec's schema says time-local (RFC 3339 partial-time, no offset)" + " where the reference says time";
    private static final String MIXED = "ScoreSpec's items are anyOf string or integer, where the reference's describe"
            + " the last item of the sample only (integer)";
    private static final String SHAPE = "the binder enforces every dimension but the first, as the sample's shape says;"
            + " the schema states no minItems/maxItems (golden README: possible later)";
    private static final String TIMEDELTA = "format timedelta is unknown to schema validators; the binder reads numpy's"
            + " '<integer> <plural unit>' text or ISO-8601, as the reference reads numpy's text only";
    private static final String BASE64 = "format byte (base64) is asserted by OpenAPI 3.0 validators, not by 3.1's;"
            + " the binder decodes base64 (NOTES 3) and the reference rejects it too";

    private static final String NAIVE_FRAME =
            "ScoreSpec's schema says date-time-local for the naive datetime64 column dt,"
                    + " which its date-times without offset satisfy; the reference says date-time, which they fail";
    private static final String ROW_LABELS =
            "ScoreSpec's schema describes every row under any label (NOTES 6), where the"
                    + " reference's describes only the sample's labels '0' and '1' and requires them";
    private static final String VALUES_BY_POSITION = "ScoreSpec's schema types each value by its column's position"
            + " (prefixItems, NOTES 6), where the reference's says every value is a string";
    private static final String ALL_ROWS_NAIVE = "ScoreSpec's schema describes every row (NOTES 6) and says"
            + " date-time-local for dt, which the offsets and the space of rows 0 to 2 fail; the reference's describes rows"
            + " '0' and '1' only, whose offsets satisfy its date-time";
    private static final String EXTRA_COLUMN = "enforceShape: the request must have exactly the sample's columns; the"
            + " schema, in the reference's shape, leaves other columns free (golden README: possible later)";
    private static final String FRAME_TIMEDELTA = "format timedelta is unknown to schema validators; the binder reads"
            + " ISO-8601 durations as pandas writes them, and numpy's '<integer> <plural unit>', not '02:00:00'";
    private static final String SPLIT_POSITIONS =
            "the schema cannot tie a value of 'data' to its column, since 'columns'"
                    + " may come in any order; the binder checks each value against its column's type";
    private static final String SPLIT_VALUES = "ScoreSpec's schema allows any of the columns' types for each value of"
            + " 'data' (the columns may come in any order), where the reference's says every value is a string";

    /** Every case, with the payloads where ScoreSpec knowingly departs from the plain rule. */
    static final Map<String, Case> CASES = cases(
            new Case("numpy-bool-1d"),
            new Case("numpy-datetime64-s-1d")
                    .schemaDiffers("iso-with-z", DATE_TIME_LOCAL + ", which allows no Z")
                    .schemaDiffers("iso-with-offset", DATE_TIME_LOCAL + ", which allows no offset")
                    .schemaDiffers("fractional", DATE_TIME_LOCAL + ", which allows a date-time without offset")
                    .valueDiffers(
                            "fractional",
                            "the reference's datetime64[s] drops the fraction; ScoreSpec's datetime64"
                                    + " has no unit and keeps it (NOTES 3: no silent truncation)"),
            new Case("numpy-float64-1d"),
            new Case("numpy-float64-2d")
                    .binderStricter("wrong-inner-dim", "data[0]", SHAPE)
                    .binderStricter("ragged", "data[1]", SHAPE),
            new Case("numpy-int64-2d").binderStricter("wrong-inner-dim", "data[0]", SHAPE),
            new Case("numpy-str-u10-1d")
                    .valueDiffers(
                            "too-long-string",
                            "the reference's U10 cuts strings to 10 characters; ScoreSpec keeps"
                                    + " them whole (NOTES 3: no truncation of strings)"),
            new Case("numpy-structured")
                    .binderStricter(
                            "missing-field",
                            "data[0]",
                            "a record needs every field; the rows keep the"
                                    + " reference's shape without 'required' (golden README), as the reference rejects it too")
                    .binderStricter(
                            "wrong-subarray-length",
                            "data[0].grades",
                            "the sub-array field is ('grades', 'f8', (2,)):"
                                    + " its length is fixed, and the schema states no minItems/maxItems"),
            new Case("numpy-timedelta64-1d")
                    .binderStricter("singular-unit", "data[0]", TIMEDELTA)
                    .binderStricter("unknown-unit", "data[0]", TIMEDELTA)
                    .binderStricter("no-unit", "data[0]", TIMEDELTA)
                    .binderStricter("float-value", "data[0]", TIMEDELTA),
            new Case("seed-ridge")
                    .binderStricter("wrong-inner-dim", "data[0]", SHAPE)
                    .binderStricter("ragged", "data[1]", SHAPE),
            new Case("standard-bool"),
            new Case("standard-bytes")
                    .binderStricter("not-base64", "data", BASE64)
                    .binderStricter("bad-padding", "data", BASE64),
            new Case("standard-date"),
            new Case("standard-datetime-naive")
                    .schemaDiffers("iso-z", DATE_TIME_LOCAL + ", which allows no Z")
                    .schemaDiffers("iso-naive", DATE_TIME_LOCAL + ", which allows a date-time without offset")
                    .schemaDiffers("iso-offset", DATE_TIME_LOCAL + ", which allows no offset"),
            new Case("standard-dict")
                    .binderStricter(
                            "extra-key",
                            "data.x",
                            "Map<String, List<String>> holds lists of strings only; the"
                                    + " schema, in the reference's shape, leaves keys other than the sample's free"),
            new Case("standard-float"),
            new Case("standard-int"),
            new Case("standard-list-int"),
            new Case("standard-list-mixed")
                    .schemaDiffers("own-example", MIXED)
                    .schemaDiffers("reversed", MIXED)
                    .schemaDiffers("all-strings", MIXED),
            new Case("standard-str"),
            new Case("standard-time-naive")
                    .schemaDiffers("fraction", TIME_LOCAL + ", which allows a fraction of a second"),
            new Case("pandas-records-mixed")
                    .schemaDiffersFor(
                            NAIVE_FRAME,
                            "own-example",
                            "valid-3-rows",
                            "valid-1-row",
                            "extra-column",
                            "reordered-columns",
                            "int-in-float-column",
                            "timedelta-as-strings")
                    .binderStricter("extra-column", "data[0].z", EXTRA_COLUMN)
                    .binderStricter("timedelta-as-strings", "data[1].td", FRAME_TIMEDELTA),
            new Case("pandas-split-mixed")
                    .schemaDiffersFor(
                            SPLIT_VALUES,
                            "own-example",
                            "valid-3-rows",
                            "valid-1-row",
                            "missing-column",
                            "extra-column",
                            "reordered-columns",
                            "string-in-float-column",
                            "numeric-string-in-float-column",
                            "float-in-int-column",
                            "int-in-float-column",
                            "int-in-bool-column",
                            "string-in-bool-column",
                            "bad-datetime-string",
                            "datetime-with-offset",
                            "timedelta-as-strings",
                            "timedelta-as-int")
                    .binderStricter(
                            "missing-column",
                            "data.columns",
                            "enforceShape: the request must have every column of"
                                    + " the sample; the schema, in the reference's shape, does not list the column names")
                    .binderStricter("extra-column", "data.columns[6]", EXTRA_COLUMN)
                    .binderStricter("string-in-float-column", "data.data[0][1]", SPLIT_POSITIONS)
                    .binderStricter("numeric-string-in-float-column", "data.data[0][1]", SPLIT_POSITIONS)
                    .binderStricter("float-in-int-column", "data.data[0][0]", SPLIT_POSITIONS)
                    .binderStricter("int-in-bool-column", "data.data[0][3]", SPLIT_POSITIONS)
                    .binderStricter("string-in-bool-column", "data.data[0][3]", SPLIT_POSITIONS)
                    .binderStricter("bad-datetime-string", "data.data[0][4]", SPLIT_POSITIONS)
                    .binderStricter("datetime-with-offset", "data.data[0][4]", SPLIT_POSITIONS)
                    .binderStricter("timedelta-as-strings", "data.data[1][5]", FRAME_TIMEDELTA)
                    .binderStricter("timedelta-as-int", "data.data[0][5]", SPLIT_POSITIONS),
            new Case("pandas-index-mixed")
                    .schemaDiffersFor(
                            NAIVE_FRAME,
                            "own-example",
                            "valid-3-rows",
                            "valid-1-row",
                            "extra-column",
                            "reordered-columns",
                            "int-in-float-column",
                            "timedelta-as-strings")
                    .schemaDiffers("datetime-with-offset", ALL_ROWS_NAIVE)
                    .schemaDiffers("empty-object", ROW_LABELS)
                    .binderStricter("extra-column", "data.0.z", EXTRA_COLUMN)
                    .binderStricter("timedelta-as-strings", "data.1.td", FRAME_TIMEDELTA),
            new Case("pandas-columns-mixed")
                    .schemaDiffersFor(
                            NAIVE_FRAME,
                            "own-example",
                            "valid-3-rows",
                            "valid-1-row",
                            "extra-column",
                            "reordered-columns",
                            "int-in-float-column",
                            "timedelta-as-strings")
                    .schemaDiffers("datetime-with-offset", ALL_ROWS_NAIVE)
                    .binderStricter("extra-column", "data.z", EXTRA_COLUMN)
                    .binderStricter("timedelta-as-strings", "data.td.1", FRAME_TIMEDELTA)
                    .rejectedFirstAt(
                            "split-shaped-payload",
                            "data.columns",
                            "the binder meets the unknown column"
                                    + " 'columns' before the end of the object, where the schema finds the sample's columns missing"),
            new Case("pandas-values-mixed")
                    .schemaDiffersFor(
                            VALUES_BY_POSITION,
                            "own-example",
                            "valid-3-rows",
                            "valid-1-row",
                            "extra-column",
                            "int-in-float-column",
                            "timedelta-as-strings")
                    .binderStricter("extra-column", "data[0][6]", EXTRA_COLUMN)
                    .binderStricter("timedelta-as-strings", "data[1][5]", FRAME_TIMEDELTA),
            new Case("pandas-table-mixed")
                    .schemaDiffersFor(
                            NAIVE_FRAME,
                            "own-example",
                            "valid-3-rows",
                            "valid-1-row",
                            "extra-column",
                            "reordered-columns",
                            "int-in-float-column",
                            "timedelta-as-strings")
                    .binderStricter("extra-column", "data.data[0].z", EXTRA_COLUMN)
                    .binderStricter("timedelta-as-strings", "data.data[1].td", FRAME_TIMEDELTA),
            // No departure: the schemas are the reference's. The reference also lets "params": null and
            // "params": {} through, which its schema forbids; the plain rule rejects them (at input_data's
            // missing index first; anOptionalParameterIsCheckedWhenPresent gives the index).
            new Case("multi-input-optional"));

    private static final Map<String, Compiled> COMPILED = new ConcurrentHashMap<>();

    static Stream<String> cases() {
        return CASES.keySet().stream();
    }

    // ------------------------------------------------------------------------------ documents

    @ParameterizedTest
    @MethodSource("cases")
    void documentsHaveTheExpectedSchemasAndVersions(String name) throws IOException {
        Golden golden = Golden.load(name);
        Compiled compiled = compiled(name);
        List<String> versions = golden.expectedVersions();
        assertEquals(versions, compiled.binder().documentVersions(), name + ": documentVersions()");

        String scoringClass = "test." + compiled.className();
        String resource = ScoringResource.of(scoringClass);
        assertEquals(Set.of(resource), compiled.classes().paths(resource), name + ": resource written");
        Set<String> expectedMembers = new TreeSet<>();
        versions.forEach(v ->
                expectedMembers.add(OpenApiVersion.forLabel(v).orElseThrow().member()));
        expectedMembers.add(OpenInferenceResource.MEMBER);
        Set<String> members = new TreeSet<>();
        JSON.readTree(compiled.classes().text(resource)).fieldNames().forEachRemaining(members::add);
        assertEquals(expectedMembers, members, name + ": documents written");

        for (String version : versions) {
            String path = resource + " "
                    + OpenApiVersion.forLabel(version).orElseThrow().member();
            JsonNode document = JSON.readTree(compiled.classes()
                    .document(scoringClass, OpenApiVersion.forLabel(version).orElseThrow()));
            JsonNode schemas = version.equals("2.0")
                    ? document.path("definitions")
                    : document.path("components").path("schemas");
            // The documents add the required parameters (README, differences); the rest is the reference's.
            ObjectNode input = schemas.path("ServiceInput").deepCopy();
            List<String> required = new ArrayList<>();
            golden.expected("input_schema", version)
                    .path("properties")
                    .fieldNames()
                    .forEachRemaining(param -> {
                        if (!golden.file()
                                .at("/python_input_options/" + param + "/optional")
                                .asBoolean()) {
                            required.add(param);
                        }
                    });
            List<String> listed = new ArrayList<>();
            input.path("required").forEach(param -> listed.add(param.asText()));
            assertEquals(required, listed, name + ": required parameters of " + path);
            input.remove("required");
            assertEquals(golden.expected("input_schema", version), input, name + ": ServiceInput of " + path);
            assertEquals(
                    golden.expected("output_schema", version),
                    schemas.path("ServiceOutput"),
                    name + ": ServiceOutput of " + path);
        }
    }

    /** The binder's name for a parameter, in Java style: {@code input_data} is {@code inputData}. */
    private static String javaName(String param) {
        return Pattern.compile("_(\\p{Alnum})")
                .matcher(param)
                .replaceAll(m -> m.group(1).toUpperCase(Locale.ROOT));
    }

    // ------------------------------------------------------------------------------ payloads

    @ParameterizedTest
    @MethodSource("cases")
    void payloadsAreAcceptedExactlyWhenTheSchemaAllowsThem(String name) throws Exception {
        Case spec = CASES.get(name);
        Compiled compiled = compiled(name);
        JsonNode inputSchema = Golden.load(name).expected("input_schema", "3.1");
        List<String> parameters = new ArrayList<>();
        inputSchema.path("properties").fieldNames().forEachRemaining(parameters::add);
        assertEquals(
                parameters.size(),
                compiled.binder()
                        .bind(ScoringRequest.json(JSON.writeValueAsString(inputSchema.path("example"))))
                        .getClass()
                        .getRecordComponents()
                        .length,
                name + ": one argument per property of ServiceInput");
        List<String> problems = new ArrayList<>();
        for (JsonNode payload : payloads(name)) {
            if (!payload.path("call").asText().equals("kwargs")) {
                continue; // a positional call has no HTTP form
            }
            String label = payload.path("label").asText();
            String where = name + " / " + label + " " + payload.path("payload") + ": ";

            // The verdict of ScoreSpec's schema: the reference's, unless the schemas differ there.
            boolean schemaValid = payload.path("schema_valid").asBoolean() != spec.schemaDiffers.containsKey(label);
            List<Error> errors = ExampleValidator.errors(inputSchema, payload.path("payload"), OpenApiVersion.V3_1);
            if (errors.isEmpty() != schemaValid) {
                problems.add(where + "the schema validator says " + (errors.isEmpty() ? "valid" : errors)
                        + ", the verdict is " + (schemaValid ? "valid" : "invalid"));
                continue;
            }

            Stricter stricter = spec.binderStricter.get(label);
            if (stricter != null && !schemaValid) {
                problems.add(where + "listed as checked by the binder only, but the schema forbids it too");
                continue;
            }
            if (spec.rejectedFirstAt.containsKey(label) && schemaValid) {
                problems.add(where + "listed as rejected first at another path, but the schema allows it");
                continue;
            }
            boolean accept = schemaValid && stricter == null;
            Record arguments;
            try {
                arguments =
                        compiled.binder().bind(ScoringRequest.json(JSON.writeValueAsString(payload.path("payload"))));
            } catch (BindingException e) {
                if (accept) {
                    problems.add(where + "rejected, but the schema allows it: " + e.getMessage());
                    continue;
                }
                Stricter first = spec.rejectedFirstAt.get(label);
                String path = stricter != null
                        ? stricter.path()
                        : first != null ? first.path() : firstInDocumentOrder(payload.path("payload"), errors);
                if (!e.path().equals(path) || !e.getMessage().startsWith(path + ": ")) {
                    problems.add(
                            where + "rejected at '" + e.path() + "', expected at '" + path + "': " + e.getMessage());
                }
                continue;
            }
            if (!accept) {
                problems.add(where + "accepted, but "
                        + (stricter != null
                                ? "the binder should reject it at " + stricter.path()
                                : "the schema forbids it: " + errors));
                continue;
            }

            // The bound values, one per run parameter: the reference's, or the payload's where the reference
            // rejected the payload or changed a value. An optional parameter left out is null, as Python's None.
            JsonNode result = payload.path("result");
            boolean referenceAccepted = payload.path("accepted").asBoolean();
            boolean referenceValue = referenceAccepted && !spec.valueDiffers.containsKey(label);
            ObjectNode actual = NODES.objectNode();
            ObjectNode expected = NODES.objectNode();
            ObjectNode reference = NODES.objectNode();
            for (String param : parameters) {
                Object bound = arguments.getClass().getMethod(javaName(param)).invoke(arguments);
                actual.set(param, toJson(bound));
                if (referenceAccepted) {
                    reference.set(param, referenceJson(result.path(param), name));
                }
                JsonNode sent = payload.path("payload").path(param);
                expected.set(
                        param,
                        referenceValue
                                ? reference.get(param)
                                : sent.isMissingNode() ? NODES.nullNode() : payloadJson(sent, name));
                JsonNode referenceShape = result.path(param).path("shape");
                if (referenceValue && referenceShape.isArray() && !shapeMatches(referenceShape, bound)) {
                    problems.add(
                            where + param + ": bound shape " + (bound instanceof Table t ? t.shape() : javaShape(bound))
                                    + ", the reference's is " + referenceShape);
                }
            }
            if (spec.valueDiffers.containsKey(label) && same(reference, actual)) {
                problems.add(where + "listed as keeping a value the reference changed, but the values are the same");
            }
            if (!same(expected, actual)) {
                problems.add(where + "bound " + actual + ", expected " + expected
                        + (referenceValue ? " (the reference's values)" : " (the payload's values)"));
            }
        }
        assertEquals(List.of(), problems, name);
    }

    /**
     * A frame written back is what the output schema's example shows: each reference case's class
     * returns the example's scores, which the binder writes in the case's orient.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void framesAreWrittenAsTheOutputExampleShows(String name) throws Exception {
        if (!name.startsWith("pandas-")) {
            return;
        }
        Golden golden = Golden.load(name);
        Compiled compiled = compiled(name);
        Object result = compiled.binder()
                .run(compiled.binder()
                        .bind(ScoringRequest.json(JSON.writeValueAsString(
                                golden.expected("input_schema", "3.1").path("example")))));
        StringWriter text = new StringWriter();
        try (JsonGenerator out = ScoringRequest.jsonFactory().createGenerator(text)) {
            compiled.binder().write(result, out);
        }
        assertEquals(golden.expected("output_schema", "3.1").path("example"), JSON.readTree(text.toString()), name);
    }

    /**
     * multi-input-optional: the reference lets {@code "params": null} and {@code "params": {}} reach
     * {@code run}, which its own schema forbids. Its payloads also leave out {@code input_data}'s
     * {@code index}, so the binder rejects them there first; given the index, an optional parameter is
     * still checked when it is present, whatever its value (NOTES 7): each is rejected at {@code params},
     * where the schema validator finds every error.
     */
    @Test
    void anOptionalParameterIsCheckedWhenPresent() throws Exception {
        String name = "multi-input-optional";
        JsonNode inputSchema = Golden.load(name).expected("input_schema", "3.1");
        ScoringBinder<Record, Object> binder = compiled(name).binder();
        Map<String, String> rejections = new LinkedHashMap<>();
        for (JsonNode entry : payloads(name)) {
            boolean sendsParams = !entry.path("payload").path("params").isMissingNode();
            if (!entry.path("call").asText().equals("kwargs")
                    || !sendsParams
                    || entry.path("schema_valid").asBoolean()) {
                continue;
            }
            String label = entry.path("label").asText();
            ObjectNode payload = entry.path("payload").deepCopy();
            ((ObjectNode) payload.path("input_data"))
                    .set("index", NODES.arrayNode().add(0));
            List<Error> errors = ExampleValidator.errors(inputSchema, payload, OpenApiVersion.V3_1);
            assertEquals(
                    List.of("params"),
                    errors.stream()
                            .map(e -> binderPath(e.getInstanceLocation()))
                            .distinct()
                            .toList(),
                    label + ": the schema's errors " + errors);
            BindingException rejected = assertThrows(
                    BindingException.class, () -> binder.bind(ScoringRequest.json(payload.toString())), label);
            assertEquals("params", rejected.path(), label + ": " + rejected.getMessage());
            rejections.put(label, rejected.getMessage()); // the first missing key in the sample's order
        }
        assertEquals(
                Map.of(
                        "kwargs-params-null", "params: expected an object, got null",
                        "kwargs-params-empty", "params: missing required property 'num_beams'",
                        "kwargs-params-list", "params: expected an object, got an array"),
                rejections);
    }

    /** Every listed departure names a payload sent by keyword, and says why. */
    @Test
    void departuresNamePayloadsAndSayWhy() {
        for (Case spec : CASES.values()) {
            Map<String, String> calls = new LinkedHashMap<>();
            payloads(spec.name)
                    .forEach(p ->
                            calls.put(p.path("label").asText(), p.path("call").asText()));
            List<Map.Entry<String, String>> departures = new ArrayList<>(spec.schemaDiffers.entrySet());
            spec.binderStricter.forEach((label, stricter) -> departures.add(Map.entry(label, stricter.why())));
            spec.rejectedFirstAt.forEach((label, first) -> departures.add(Map.entry(label, first.why())));
            departures.addAll(spec.valueDiffers.entrySet());
            for (Map.Entry<String, String> departure : departures) {
                assertEquals(
                        "kwargs",
                        calls.get(departure.getKey()),
                        spec.name + ": no payload sent by keyword labelled " + departure.getKey());
                assertTrue(departure.getValue().length() > 20, spec.name + ": why for " + departure.getKey());
            }
        }
    }

    /** Every copied case has a Java source, payloads sent by keyword, and is listed here. */
    @Test
    void everyCopiedCaseIsListed() throws IOException, URISyntaxException {
        Path dir = Path.of(GoldenEndToEndTest.class.getResource("/golden-e2e").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".json"))
                    .map(f -> f.substring(0, f.length() - ".json".length()))
                    .sorted()
                    .toList();
            assertEquals(names, CASES.keySet().stream().sorted().toList());
        }
        for (String name : CASES.keySet()) {
            assertNotNull(resource("/golden-e2e/" + name + ".java"), name);
            assertTrue(
                    payloads(name).stream()
                            .anyMatch(p -> p.path("call").asText().equals("kwargs")),
                    name);
        }
    }

    // ------------------------------------------------------------------------------ cases

    /** A reference case and its departures from the plain rule, each with a one-line why. */
    static final class Case {
        final String name;
        /** Labels where ScoreSpec's schema (a documented difference) gives the other verdict than the reference's. */
        final Map<String, String> schemaDiffers = new LinkedHashMap<>();
        /** Labels the schema allows but the binder rejects, at a path, because it checks what the schema cannot say. */
        final Map<String, Stricter> binderStricter = new LinkedHashMap<>();
        /** Labels accepted by both where the reference changed the value (and ScoreSpec keeps the payload's). */
        final Map<String, String> valueDiffers = new LinkedHashMap<>();
        /**
         * Labels the schema forbids where the binder, checking what the schema does not say, meets another
         * problem before the schema's first error, at a path.
         */
        final Map<String, Stricter> rejectedFirstAt = new LinkedHashMap<>();

        Case(String name) {
            this.name = name;
        }

        Case schemaDiffers(String label, String why) {
            schemaDiffers.put(label, why);
            return this;
        }

        /** Several payloads whose verdict differs for one reason. */
        Case schemaDiffersFor(String why, String... labels) {
            for (String label : labels) {
                schemaDiffers.put(label, why);
            }
            return this;
        }

        Case binderStricter(String label, String path, String why) {
            binderStricter.put(label, new Stricter(path, why));
            return this;
        }

        Case rejectedFirstAt(String label, String path, String why) {
            rejectedFirstAt.put(label, new Stricter(path, why));
            return this;
        }

        Case valueDiffers(String label, String why) {
            valueDiffers.put(label, why);
            return this;
        }
    }

    record Stricter(String path, String why) {}

    private static Map<String, Case> cases(Case... cases) {
        Map<String, Case> map = new LinkedHashMap<>();
        for (Case c : cases) {
            map.put(c.name, c);
        }
        return map;
    }

    // ------------------------------------------------------------------------------ compiling

    record Compiled(String className, CompiledClasses classes, ScoringBinder<Record, Object> binder) {}

    private static Compiled compiled(String name) {
        return COMPILED.computeIfAbsent(name, GoldenEndToEndTest::compile);
    }

    private static Compiled compile(String name) {
        try {
            String source = resource("/golden-e2e/" + name + ".java");
            Matcher m = CLASS_NAME.matcher(source);
            assertTrue(m.find(), name + ": no public class");
            String className = m.group(1);
            Compilation compilation = Sources.compile(JavaFileObjects.forSourceString("test." + className, source));
            assertThat(compilation).succeededWithoutWarnings();
            CompiledClasses classes = new CompiledClasses(compilation);
            ScoringBinder<Record, Object> binder = classes.instance("test." + className + "_ScoreSpec");
            binder.init(ModelDir.of(Path.of(".")));
            return new Compiled(className, classes, binder);
        } catch (Exception e) {
            throw new IllegalStateException(name, e);
        }
    }

    private static List<JsonNode> payloads(String name) {
        try {
            List<JsonNode> payloads = new ArrayList<>();
            JSON.readTree(resource("/golden-e2e/" + name + ".json"))
                    .path("deserialize")
                    .forEach(payloads::add);
            return payloads;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = GoldenEndToEndTest.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ------------------------------------------------------------------------------ paths

    /**
     * The schema error a streaming binder meets first: the error location that comes first in the
     * payload's document order, as a binder path ({@code data[0].grades[1]}).
     */
    static String firstInDocumentOrder(JsonNode payload, List<Error> errors) {
        List<String> order = new ArrayList<>();
        walk(payload, "", order);
        // A missing property is known only at the object's closing brace, after every value in it.
        return errors.stream()
                .min(Comparator.comparingInt(e -> indexIn(
                        order, (e.getKeyword().equals("required") ? "}" : "") + binderPath(e.getInstanceLocation()))))
                .map(e -> binderPath(e.getInstanceLocation()))
                .orElseThrow();
    }

    private static int indexIn(List<String> order, String path) {
        int i = order.indexOf(path);
        if (i < 0) {
            throw new IllegalStateException("No value at " + path + " in " + order);
        }
        return i;
    }

    /** Every value's path as a streaming parser meets it; a container's end as its path after a {@code }}. */
    private static void walk(JsonNode node, String path, List<String> order) {
        order.add(path);
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", order);
            }
        } else if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                walk(node.get(field), path.isEmpty() ? field : path + "." + field, order);
            }
        }
        order.add("}" + path);
    }

    private static String binderPath(NodePath location) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(element);
            }
        }
        return path.toString();
    }

    // ------------------------------------------------------------------------------ values

    /**
     * A bound Java value as JSON, as the reference reports converted values: arrays and lists as
     * arrays, records as arrays of their fields (numpy's tuples), bytes as base64, date-times and
     * times in ISO form, durations in whole seconds as numpy's {@code timedelta64[s]} prints them.
     */
    static JsonNode toJson(Object value) {
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (value instanceof String s) {
            return NODES.textNode(s);
        } else if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        } else if (value instanceof BigInteger b) {
            return NODES.numberNode(b);
        } else if (value instanceof Number n) {
            return NODES.numberNode(n.doubleValue());
        } else if (value instanceof byte[] bytes) {
            return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof LocalDateTime t) {
            return NODES.textNode(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t));
        } else if (value instanceof LocalTime t) {
            return NODES.textNode(DateTimeFormatter.ISO_LOCAL_TIME.format(t));
        } else if (value instanceof LocalDate d) {
            return NODES.textNode(d.toString());
        } else if (value instanceof Duration d) {
            return NODES.textNode(d.getNano() == 0 ? d.getSeconds() + " seconds" : d.toString());
        } else if (value instanceof NDArray a) {
            return toJson(a.toJavaArray());
        } else if (value instanceof Table table) {
            return frameJson(table);
        } else if (value instanceof Record r) {
            ArrayNode fields = NODES.arrayNode();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    fields.add(toJson(c.getAccessor().invoke(r)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return fields;
        } else if (value.getClass().isArray()) {
            ArrayNode items = NODES.arrayNode();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(toJson(Array.get(value, i)));
            }
            return items;
        } else if (value instanceof List<?> list) {
            ArrayNode items = NODES.arrayNode();
            list.forEach(item -> items.add(toJson(item)));
            return items;
        } else if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set((String) k, toJson(v)));
            return object;
        }
        throw new IllegalArgumentException("No JSON form for " + value.getClass());
    }

    // ------------------------------------------------------------------------------ dataframes

    /** The column names of the reference cases' frame, in the sample's order. */
    private static final List<String> FRAME_COLUMNS = List.of("i", "f", "s", "b", "dt", "td");
    /** The reference cases' timedelta column: Tablesaw holds it as nanoseconds in a LongColumn. */
    private static final String TIMEDELTA_COLUMN = "td";

    /** A table as the pd.DataFrame constructor takes it: each column's values by name, {@code {"i": [3, 4]}}. */
    static JsonNode frameJson(Table table) {
        ObjectNode columns = NODES.objectNode();
        for (Column<?> column : table.columns()) {
            ArrayNode values = columns.putArray(column.name());
            for (int row = 0; row < column.size(); row++) {
                if (column.isMissing(row)) {
                    values.addNull();
                } else if (column.name().equals(TIMEDELTA_COLUMN) && column instanceof LongColumn nanos) {
                    values.add(Duration.ofNanos(nanos.getLong(row)).toString());
                } else {
                    values.add(toJson(column.get(row)));
                }
            }
        }
        return columns;
    }

    /**
     * The frame a payload of a pandas case holds, as {@link #frameJson} shows a table. Columns missing
     * from the payload (an empty frame) are empty; values orient names the columns by position.
     */
    static JsonNode payloadJson(JsonNode data, String name) {
        if (!name.startsWith("pandas-")) {
            return data;
        }
        String orient = name.split("-")[1];
        List<JsonNode> rows = new ArrayList<>();
        switch (orient) {
            case "records" -> data.forEach(rows::add);
            case "index" -> data.forEach(rows::add);
            case "table" -> data.path("data").forEach(rows::add);
            case "values", "split" -> {
                List<String> names = new ArrayList<>(FRAME_COLUMNS);
                if (orient.equals("split")) {
                    names.clear();
                    data.path("columns").forEach(c -> names.add(c.asText()));
                }
                for (JsonNode values : orient.equals("split") ? data.path("data") : data) {
                    ObjectNode row = NODES.objectNode();
                    for (int i = 0; i < names.size(); i++) {
                        row.set(names.get(i), values.get(i));
                    }
                    rows.add(row);
                }
            }
            case "columns" -> {
                ObjectNode columns = NODES.objectNode();
                FRAME_COLUMNS.forEach(c -> columns.putArray(c));
                data.properties().forEach(c -> c.getValue().forEach(((ArrayNode) columns.get(c.getKey()))::add));
                return columns;
            }
            default -> throw new IllegalArgumentException(orient);
        }
        ObjectNode columns = NODES.objectNode();
        FRAME_COLUMNS.forEach(c -> columns.putArray(c));
        for (JsonNode row : rows) {
            FRAME_COLUMNS.forEach(c -> ((ArrayNode) columns.get(c)).add(row.get(c)));
        }
        return columns;
    }

    /** The reference's report of a converted value as plain JSON. */
    static JsonNode referenceJson(JsonNode result, String name) {
        if (!result.path("kind").asText().equals("pandas.DataFrame")) {
            return referenceJson(result);
        }
        // A frame, reported in split form; read positionally (orient values), its columns are named 0, 1, ...
        JsonNode split = result.path("split");
        boolean positional = name.equals("pandas-values-mixed");
        ObjectNode columns = NODES.objectNode();
        for (int j = 0; j < split.path("columns").size(); j++) {
            ArrayNode values = columns.putArray(
                    positional
                            ? FRAME_COLUMNS.get(j)
                            : split.path("columns").get(j).asText());
            for (JsonNode row : split.path("data")) {
                values.add(row.get(j));
            }
        }
        return columns;
    }

    /** The reference's report of a converted value as plain JSON. */
    static JsonNode referenceJson(JsonNode result) {
        String kind = result.path("kind").asText();
        return switch (kind) {
            case "numpy.ndarray" -> result.path("values");
            case "pandas.DataFrame" -> referenceJson(result, "a nested frame");
            case "int", "float", "str", "bool", "None" -> result.path("value");
            case "bytes" -> result.path("base64");
            case "datetime", "time", "date" -> result.path("isoformat");
            case "list" -> {
                ArrayNode items = NODES.arrayNode();
                result.path("items").forEach(item -> items.add(referenceJson(item)));
                yield items;
            }
            case "dict" -> {
                ObjectNode object = NODES.objectNode();
                result.path("items").properties().forEach(e -> object.set(e.getKey(), referenceJson(e.getValue())));
                yield object;
            }
            default -> throw new IllegalArgumentException("Unknown kind of reference value: " + result);
        };
    }

    /** Equal as values: numbers by value ({@code 2} is {@code 2.0}), texts equal or the same date, time or duration. */
    static boolean same(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isTextual() && actual.isTextual()) {
            return expected.asText().equals(actual.asText()) || sameTemporal(expected.asText(), actual.asText());
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!same(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isObject() && actual.isObject()) {
            if (!expected.properties().stream()
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet())
                    .equals(actual.properties().stream().map(Map.Entry::getKey).collect(Collectors.toSet()))) {
                return false;
            }
            return expected.properties().stream().allMatch(e -> same(e.getValue(), actual.get(e.getKey())));
        }
        return expected.equals(actual);
    }

    private static boolean sameTemporal(String a, String b) {
        for (Function<String, Object> parser : List.<Function<String, Object>>of(
                LocalDateTime::parse, LocalTime::parse, LocalDate::parse, GoldenEndToEndTest::duration)) {
            Optional<Object> x = parse(parser, a);
            Optional<Object> y = parse(parser, b);
            if (x.isPresent() && y.isPresent()) {
                return x.get().equals(y.get());
            }
        }
        return false;
    }

    private static Optional<Object> parse(Function<String, Object> parser, String text) {
        try {
            return Optional.of(parser.apply(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A duration in ISO-8601 ({@code PT1H}) or numpy's {@code timedelta64[s]} text ({@code 3600 seconds}). */
    private static Duration duration(String text) {
        Matcher seconds = Pattern.compile("(-?\\d+) seconds").matcher(text);
        return seconds.matches() ? Duration.ofSeconds(Long.parseLong(seconds.group(1))) : Duration.parse(text);
    }

    /** The dimensions of nested Java arrays (records and other values are elements); -1 below an empty one. */
    static List<Integer> javaShape(Object value) {
        List<Integer> shape = new ArrayList<>();
        Object level = value;
        Class<?> type = value.getClass();
        while (type.isArray()) {
            int length = level == null ? -1 : Array.getLength(level);
            shape.add(length);
            level = length > 0 ? Array.get(level, 0) : null;
            type = type.getComponentType();
        }
        return shape;
    }

    private static boolean shapeMatches(JsonNode referenceShape, Object bound) {
        if (bound instanceof Table table) {
            return referenceShape.get(0).asInt() == table.rowCount()
                    && referenceShape.get(1).asInt() == table.columnCount();
        }
        Object array = bound instanceof NDArray a ? a.toJavaArray() : bound;
        if (!array.getClass().isArray()) {
            return false;
        }
        List<Integer> shape = javaShape(array);
        if (shape.size() != referenceShape.size()) {
            return false;
        }
        for (int i = 0; i < shape.size(); i++) {
            if (shape.get(i) >= 0 && shape.get(i) != referenceShape.get(i).asInt()) {
                return false;
            }
        }
        return true;
    }
}

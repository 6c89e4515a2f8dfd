package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.scorespec.processor.BinderTest.binder;
import static dev.scorespec.processor.BinderTest.reject;
import static dev.scorespec.processor.BinderTest.score;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.emit.ExampleValidator;
import dev.scorespec.runtime.binding.ScoringBinder;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Corners where the schema, the example and the binder must agree, compiled with the processor and
 * bound with the generated binder: numbers keeping their JSON kind, float16's range, and the samples of
 * issue 14.
 */
class SampleCornersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void integersSentForObjectOrNumberKeepTheirKind() throws Exception {
        ScoringBinder<Record, Object> binder = binder("Kinds", """
                public class Kinds {
                    @InputSchema(param = "x", standard = @Standard(sample = "2.5"), optional = true)
                    @InputSchema(param = "n", standard = @Standard(sample = "1.5"), optional = true)
                    @InputSchema(param = "xs", standard = @Standard(sample = "[1, 2.5]"))
                    @OutputSchema(standard = @Standard(sample = "\\"s\\""))
                    public String run(Object x, Number n, List<Object> xs) {
                        return x + " " + (x == null ? "" : x.getClass().getSimpleName()) + " " + n + " " + xs;
                    }
                }""");
        assertEquals("\"2 Long 3 [1, 2.5]\"", score(binder, "{\"x\": 2, \"n\": 3, \"xs\": [1, 2.5]}"));
        assertEquals("\"2.0 Double 2.5 [1.0, 2]\"", score(binder, "{\"x\": 2.0, \"n\": 2.5, \"xs\": [1.0, 2]}"));
        assertEquals("\"null  null [3]\"", score(binder, "{\"xs\": [3]}"));
        assertEquals("x: expected a number, got \"2\"", reject(binder, "{\"x\": \"2\", \"xs\": []}"));
        assertEquals(
                "n: expected a number from -1.7976931348623157e308 to 1.7976931348623157e308, got 1e400",
                reject(binder, "{\"n\": 1e400, \"xs\": []}"));
    }

    @Test
    void float16SamplesAndRequestsAreWithinHalfPrecision() throws Exception {
        JavaFileObject source = Sources.source("Half", """
                public class Half {
                    @InputSchema(param = "x", ndarray = @NdArray(sample = "[70000.0]", dtype = "float16"))
                    public double run(NDArray x) { return 0; }
                }""");
        Compilation compilation = Sources.compile(source);
        assertThat(compilation)
                .hadErrorContaining("[SS144] The sample for 'x' does not fit dev.scorespec.runtime.NDArray (dtype "
                        + "float16): [0] is 7E+4, beyond float16's range -65504 to 65504")
                .inFile(source)
                .onLineContaining("@InputSchema");

        ScoringBinder<Record, Object> binder = binder("HalfRecords", """
                public class HalfRecords {
                    @InputSchema(param = "x", ndarray = @NdArray(sample = "[[1.5]]", dtype = "float16"))
                    @InputSchema(param = "y", ndarray = @NdArray(sample = "[1.5]", dtype = "float16"))
                    public double run(NDArray x, float[] y) { return x.floats()[0] + y[0]; }
                }""");
        assertEquals("65505.0", score(binder, "{\"x\": [[65504]], \"y\": [1]}"));
        assertEquals(
                "x[0][0]: expected a number from -65504 to 65504, got 65505",
                reject(binder, "{\"x\": [[65505]], \"y\": [1]}"));
        assertEquals(
                "y[0]: expected a number from -65504 to 65504, got -70000",
                reject(binder, "{\"x\": [[1]], \"y\": [-70000]}"));
    }

    @Test
    void valuesThatMixJsonTypesAreUnionsOfThem() throws Exception {
        ScoringBinder<Record, Object> binder = binder("Mixes", """
                public class Mixes {
                    @InputSchema(param = "rows", standard = @Standard(sample = "[{\\"a\\": 1}, {\\"a\\": \\"x\\", \\"b\\": true}]"))
                    @InputSchema(param = "mix", standard = @Standard(sample = "[[1, 2], 2]"))
                    @InputSchema(param = "maps", standard = @Standard(sample = "{\\"a\\": [1], \\"b\\": [\\"x\\"]}"))
                    @OutputSchema(standard = @Standard(sample = "\\"s\\""))
                    public String run(List<Map<String, Object>> rows, List<Object> mix, Map<String, List<Object>> maps) {
                        return rows + " " + mix + " " + maps;
                    }
                }""");
        assertEquals("\"[{a=1}, {a=x, b=true}] [[1, 2], 2] {a=[1], b=[x]}\"", score(binder, """
                        {"rows": [{"a": 1}, {"a": "x", "b": true}], "mix": [[1, 2], 2], "maps": {"a": [1], "b": ["x"]}}"""));
        assertEquals(
                "rows[0].a: expected an integer or a string, got true",
                reject(binder, "{\"rows\": [{\"a\": true}], \"mix\": [], \"maps\": {\"a\": [], \"b\": []}}"));
        assertEquals(
                "rows[0].b: expected true or false, got 1",
                reject(binder, "{\"rows\": [{\"a\": 1, \"b\": 1}], \"mix\": [], \"maps\": {\"a\": [], \"b\": []}}"));
        assertEquals(
                "mix[0]: expected an integer or an array, got \"x\"",
                reject(binder, "{\"rows\": [], \"mix\": [\"x\"], \"maps\": {\"a\": [], \"b\": []}}"));
        assertEquals(
                "mix[0][0]: expected an integer, got 1.5",
                reject(binder, "{\"rows\": [], \"mix\": [[1.5]], \"maps\": {\"a\": [], \"b\": []}}"));
        assertEquals(
                "maps.a[0]: expected an integer or a string, got false",
                reject(binder, "{\"rows\": [], \"mix\": [], \"maps\": {\"a\": [false], \"b\": []}}"));
    }

    @Test
    void nullsInStandardSamplesMakeNullableKeys() throws Exception {
        ScoringBinder<Record, Object> binder = binder("Nulls", """
                public class Nulls {
                    public record Row(String name, Double score) {}
                    @InputSchema(param = "d", standard = @Standard(sample = "{\\"a\\": 1, \\"b\\": null}"))
                    @InputSchema(param = "rows", standard = @Standard(sample = "[{\\"name\\": \\"x\\", \\"score\\": null}, {\\"name\\": \\"y\\", \\"score\\": 1.5}]"))
                    @InputSchema(param = "m", standard = @Standard(sample = "[{\\"k\\": null}, {\\"k\\": 2}]"))
                    @OutputSchema(standard = @Standard(sample = "\\"s\\""))
                    public String run(Map<String, Object> d, List<Row> rows, List<Map<String, Object>> m) {
                        return d + " " + rows + " " + m;
                    }
                }""");
        assertEquals(
                "\"{a=1, b=null} [Row[name=x, score=null], Row[name=y, score=1.5]] [{k=null}, {k=2}]\"",
                score(binder, """
                        {"d": {"a": 1, "b": null}, "rows": [{"name": "x", "score": null}, {"name": "y", "score": 1.5}],
                         "m": [{"k": null}, {"k": 2}]}"""));
        assertEquals(
                "m[0].k: expected an integer, got \"x\"",
                reject(binder, "{\"d\": {\"a\": 1, \"b\": 2}, \"rows\": [], \"m\": [{\"k\": \"x\"}]}"));
        assertEquals(
                "d.a: expected an integer, got null",
                reject(binder, "{\"d\": {\"a\": null, \"b\": 2}, \"rows\": [], \"m\": []}"));

        JavaFileObject source = Sources.source("PrimitiveNull", """
                public class PrimitiveNull {
                    public record Row(double score) {}
                    @InputSchema(param = "rows", standard = @Standard(sample = "[{\\"score\\": null}]"))
                    public double run(List<Row> rows) { return 0; }
                }""");
        assertThat(Sources.compile(source))
                .hadErrorContaining("[SS144] The sample for 'rows' does not fit double: [0].score is null, which a "
                        + "primitive cannot hold; use its box (Double, Long, ...)")
                .inFile(source)
                .onLineContaining("@InputSchema");
    }

    @Test
    void emptySamplesTakeTheirTypeFromTheDeclaration() throws Exception {
        ScoringBinder<Record, Object> binder = binder("Empty", """
                public class Empty {
                    @InputSchema(param = "x", ndarray = @NdArray(sample = "[]", dtype = "float32"))
                    @InputSchema(param = "y", ndarray = @NdArray(sample = "[]", dtype = "int8"))
                    @OutputSchema(ndarray = @NdArray(sample = "[]", dtype = "float64"))
                    public double[] run(float[][] x, NDArray y) { return new double[] {x.length, y.shape(0)}; }
                }""");
        assertEquals("[2.0,3.0]", score(binder, "{\"x\": [[1.5, 2], [3, 4]], \"y\": [1, 2, 3]}"));
        assertEquals("[0.0,0.0]", score(binder, "{\"x\": [], \"y\": []}"));
        assertEquals(
                "x[0][0]: expected a number from -3.4028235e38 to 3.4028235e38, got 1e39",
                reject(binder, "{\"x\": [[1e39]], \"y\": []}"));
        assertEquals(
                "y[0]: expected an integer from -128 to 127, got 300", reject(binder, "{\"x\": [], \"y\": [300]}"));

        JavaFileObject source = Sources.source("EmptyUntyped", """
                public class EmptyUntyped {
                    @InputSchema(param = "y", ndarray = @NdArray(sample = "[]"))
                    public double run(NDArray y) { return 0; }
                }""");
        assertThat(Sources.compile(source))
                .hadErrorContaining("[SS141]")
                .inFile(source)
                .onLineContaining("@InputSchema");
    }

    @Test
    void dayDatesBindToLocalDateWithFormatDate() throws Exception {
        String body = """
                public class Days {
                    public record Visit(LocalDate day, double score) {}
                    @InputSchema(param = "days", ndarray = @NdArray(sample = "[\\"2021-05-06\\", \\"2021-05-07\\"]", dtype = "datetime64[D]"))
                    @InputSchema(param = "grid", ndarray = @NdArray(sample = "[[\\"2021-05-06\\"]]", dtype = "datetime64"))
                    @InputSchema(param = "nd", ndarray = @NdArray(sample = "[\\"2021-05-06\\"]", dtype = "datetime64"))
                    @InputSchema(param = "visits", ndarray = @NdArray(sample = "[{\\"day\\": \\"2021-05-06\\", \\"score\\": 1.5}]"))
                    @OutputSchema(ndarray = @NdArray(sample = "[\\"2021-05-06\\"]", dtype = "datetime64[D]"))
                    public NDArray run(LocalDate[] days, LocalDate[][] grid, NDArray nd, Visit[] visits) {
                        return NDArray.of(DType.DATETIME64_D, new int[] {4},
                                new LocalDate[] {days[1], grid[0][0], nd.dates()[0], visits[0].day()});
                    }
                }""";
        Compilation compilation = Sources.compile(Sources.source("Days", body));
        assertThat(compilation).succeededWithoutWarnings();
        for (OpenApiVersion version : List.of(OpenApiVersion.V3_0, OpenApiVersion.V3_1)) {
            JsonNode schemas = document(compilation, "test.Days", version)
                    .path("components")
                    .path("schemas");
            JsonNode input = schemas.path("ServiceInput");
            JsonNode days = input.path("properties").path("days");
            assertEquals("numpy.ndarray", days.path("format").asText());
            assertEquals(
                    "{\"type\":\"string\",\"format\":\"date\"}",
                    days.path("items").toString());
            assertEquals("date", input.at("/properties/grid/items/items/format").asText());
            assertEquals("date", input.at("/properties/nd/items/format").asText());
            assertEquals(
                    "date",
                    input.at("/properties/visits/items/properties/day/format").asText());
            assertEquals("\"2021-05-06\"", input.at("/example/visits/0/day").toString());
            for (String schema : List.of("ServiceInput", "ServiceOutput")) {
                JsonNode s = schemas.path(schema);
                assertEquals(List.of(), ExampleValidator.errors(s, s.path("example"), version), schema);
            }
            JsonNode dateTime = JSON.readTree("{\"days\": [\"2021-05-06T00:00:00\"], \"grid\": [[\"2021-05-06\"]],"
                    + " \"nd\": [\"2021-05-06\"], \"visits\": [{\"day\": \"2021-05-06\", \"score\": 1}]}");
            assertEquals(1, ExampleValidator.errors(input, dateTime, version).size(), "a date-time is not a date");
        }

        ScoringBinder<Record, Object> binder = binder("Days", body);
        assertEquals("[\"2021-05-07\",\"2020-02-29\",\"1999-12-31\",\"2000-01-01\"]", score(binder, """
                        {"days": ["2021-05-06", "2021-05-07"], "grid": [["2020-02-29"]], "nd": ["1999-12-31"],
                         "visits": [{"day": "2000-01-01", "score": 2}]}"""));
        assertEquals("days[0]: expected a date like 2020-01-02, got \"2021-05-06T00:00:00\"", reject(binder, """
                        {"days": ["2021-05-06T00:00:00"], "grid": [["2020-02-29"]], "nd": ["1999-12-31"],
                         "visits": [{"day": "2000-01-01", "score": 2}]}"""));
        assertEquals("grid[0][0]: expected a date like 2020-01-02, got \"2021-02-29\"", reject(binder, """
                        {"days": [], "grid": [["2021-02-29"]], "nd": ["1999-12-31"],
                         "visits": [{"day": "2000-01-01", "score": 2}]}"""));
        assertEquals("visits[0].day: expected a date like 2020-01-02, got 20210506", reject(binder, """
                        {"days": [], "grid": [["2021-02-28"]], "nd": ["1999-12-31"],
                         "visits": [{"day": 20210506, "score": 2}]}"""));
    }

    @Test
    void aDateAloneIsNoDateTime() {
        // A unit-less datetime64 bound to LocalDateTime keeps its date-times (existing goldens and
        // services rely on it): a date alone is refused, never widened to midnight, and the message says
        // how to declare dates.
        JavaFileObject source = Sources.source("Midnight", """
                public class Midnight {
                    @InputSchema(param = "at", ndarray = @NdArray(sample = "[\\"2021-05-06\\"]", dtype = "datetime64"))
                    public double run(LocalDateTime[] at) { return 0; }
                }""");
        assertThat(Sources.compile(source))
                .hadErrorContaining(
                        "[SS144] The sample for 'at' does not fit java.time.LocalDateTime[] (dtype "
                                + "datetime64): [0] is \"2021-05-06\", a date alone, not a date-time such as "
                                + "\"2020-01-01T00:00:00\"; for dates, name dtype datetime64[D] and bind LocalDate[] or NDArray")
                .inFile(source)
                .onLineContaining("@InputSchema");
        JavaFileObject mismatch = Sources.source("DayMismatch", """
                public class DayMismatch {
                    @InputSchema(param = "at", ndarray = @NdArray(sample = "[\\"2021-05-06\\"]", dtype = "datetime64[D]"))
                    public double run(LocalDateTime[] at) { return 0; }
                }""");
        assertThat(Sources.compile(mismatch))
                .hadErrorContaining("datetime64[D]")
                .inFile(mismatch)
                .onLineContaining("@InputSchema");
    }

    @Test
    void aNullUnderOneKeyOfATypedMapMakesOnlyThatKeyNullable() throws Exception {
        String body = """
                public class TypedNulls {
                    @InputSchema(param = "m", standard = @Standard(sample = "{\\"a\\": 1.5, \\"b\\": null, \\"c\\": 2}"))
                    @InputSchema(param = "all", standard = @Standard(sample = "{\\"x\\": null}"))
                    @OutputSchema(standard = @Standard(sample = "\\"s\\""))
                    public String run(Map<String, Double> m, Map<String, Double> all) { return m + " " + all; }
                }""";
        Compilation compilation = Sources.compile(Sources.source("TypedNulls", body));
        assertThat(compilation).succeededWithoutWarnings();
        JsonNode input30 = document(compilation, "test.TypedNulls", OpenApiVersion.V3_0)
                .at("/components/schemas/ServiceInput/properties/m/properties");
        assertEquals(
                "{\"type\":\"number\",\"format\":\"double\"}", input30.path("a").toString());
        assertEquals(
                "{\"type\":\"number\",\"format\":\"double\",\"nullable\":true}",
                input30.path("b").toString());
        assertEquals(
                "{\"type\":\"number\",\"format\":\"double\"}", input30.path("c").toString());
        JsonNode input31 = document(compilation, "test.TypedNulls", OpenApiVersion.V3_1)
                .at("/components/schemas/ServiceInput/properties/m/properties");
        assertEquals("[\"number\",\"null\"]", input31.path("b").path("type").toString());
        assertEquals("\"number\"", input31.path("a").path("type").toString());

        ScoringBinder<Record, Object> binder = binder("TypedNulls", body);
        assertEquals(
                "\"{a=1.5, b=null, c=2.0} {x=null}\"",
                score(binder, "{\"m\": {\"a\": 1.5, \"b\": null, \"c\": 2}, \"all\": {\"x\": null}}"));
        assertEquals(
                "m.a: expected a number, got null",
                reject(binder, "{\"m\": {\"a\": null, \"b\": 1, \"c\": 2}, \"all\": {\"x\": 1}}"));
        assertEquals(
                "m.c: expected a number, got null",
                reject(binder, "{\"m\": {\"a\": 1, \"b\": 1, \"c\": null}, \"all\": {\"x\": 1}}"));
        assertEquals(
                "m.b: expected a number, got \"x\"",
                reject(binder, "{\"m\": {\"a\": 1, \"b\": \"x\", \"c\": 2}, \"all\": {\"x\": 1}}"));
    }

    @Test
    void rowsOfRecordsAreTwoDimensionalStructuredArrays() throws Exception {
        String body = """
                public class Grid {
                    public record Cell(String name, double[] xy) {}
                    @InputSchema(param = "grid", ndarray = @NdArray(sample = "[[{\\"name\\": \\"a\\", \\"xy\\": [1, 2]}, {\\"name\\": \\"b\\", \\"xy\\": [3, 4]}]]"))
                    @InputSchema(param = "open", ndarray = @NdArray(sample = "[[{\\"name\\": \\"a\\", \\"xy\\": [1, 2]}]]", enforceShape = false))
                    @OutputSchema(ndarray = @NdArray(sample = "[[{\\"name\\": \\"a\\", \\"xy\\": [1, 2]}]]"))
                    public Cell[][] run(Cell[][] grid, Cell[][] open) {
                        return new Cell[][] {{grid[0][1], open[open.length - 1][0]}};
                    }
                }""";
        Compilation compilation = Sources.compile(Sources.source("Grid", body));
        assertThat(compilation).succeededWithoutWarnings();
        for (OpenApiVersion version : List.of(OpenApiVersion.V3_0, OpenApiVersion.V3_1)) {
            JsonNode schemas = document(compilation, "test.Grid", version)
                    .path("components")
                    .path("schemas");
            JsonNode grid = schemas.at("/ServiceInput/properties/grid");
            assertEquals("numpy.ndarray", grid.path("format").asText());
            assertEquals("array", grid.at("/items/type").asText());
            assertEquals("object", grid.at("/items/items/type").asText());
            assertEquals(
                    "number", grid.at("/items/items/properties/xy/items/type").asText());
            assertEquals(
                    "[[{\"name\":\"a\",\"xy\":[1.0,2.0]},{\"name\":\"b\",\"xy\":[3.0,4.0]}]]",
                    schemas.at("/ServiceInput/example/grid").toString());
            for (String schema : List.of("ServiceInput", "ServiceOutput")) {
                JsonNode s = schemas.path(schema);
                assertEquals(List.of(), ExampleValidator.errors(s, s.path("example"), version), schema);
            }
        }

        ScoringBinder<Record, Object> binder = binder("Grid", body);
        assertEquals("[[{\"name\":\"d\",\"xy\":[7.0,8.0]},{\"name\":\"f\",\"xy\":[0.5,0.0]}]]", score(binder, """
                        {"grid": [[{"name": "c", "xy": [5, 6]}, {"name": "d", "xy": [7, 8]}]],
                         "open": [[{"name": "e", "xy": [0, 0]}], [{"name": "f", "xy": [0.5, 0]}, {"name": "g", "xy": [1, 1]}]]}"""));
        assertEquals("grid[0]: expected 2 records, got 1", reject(binder, """
                        {"grid": [[{"name": "c", "xy": [5, 6]}]], "open": [[{"name": "e", "xy": [0, 0]}]]}"""));
        assertEquals("grid[0][1].xy[0]: expected a number, got \"x\"", reject(binder, """
                        {"grid": [[{"name": "c", "xy": [5, 6]}, {"name": "d", "xy": ["x", 8]}]],
                         "open": [[{"name": "e", "xy": [0, 0]}]]}"""));
    }

    @Test
    void structuredSamplesCountTheirDimensionsAndNameTheirRows() {
        JavaFileObject flat = Sources.source("FlatRows", """
                public class FlatRows {
                    public record Cell(String name, long n) {}
                    @InputSchema(param = "cells", ndarray = @NdArray(sample = "[[{\\"name\\": \\"a\\", \\"n\\": 1}]]"))
                    public double run(Cell[] cells) { return 0; }
                }""");
        assertThat(Sources.compile(flat))
                .hadErrorContaining("[SS147] The sample for 'cells' has 2 dimension(s), but FlatRows.Cell[] has 1.")
                .inFile(flat)
                .onLineContaining("@InputSchema");
        JavaFileObject deep = Sources.source("DeepRows", """
                public class DeepRows {
                    public record Cell(String name, long n) {}
                    @InputSchema(param = "cells", ndarray = @NdArray(sample = "[{\\"name\\": \\"a\\", \\"n\\": 1}]"))
                    public double run(Cell[][] cells) { return 0; }
                }""");
        assertThat(Sources.compile(deep))
                .hadErrorContaining("[SS147] The sample for 'cells' has 1 dimension(s), but DeepRows.Cell[][] has 2.")
                .inFile(deep)
                .onLineContaining("@InputSchema");
        JavaFileObject badValue = Sources.source("BadCell", """
                public class BadCell {
                    public record Cell(String name, long n) {}
                    @InputSchema(param = "cells", ndarray = @NdArray(sample = "[[{\\"name\\": \\"a\\", \\"n\\": 1}, {\\"name\\": \\"b\\", \\"n\\": 1.5}]]"))
                    public double run(Cell[][] cells) { return 0; }
                }""");
        assertThat(Sources.compile(badValue))
                .hadErrorContaining("[SS144] The sample for 'cells' does not fit test.BadCell.Cell[][] (dtype int64): "
                        + "[0][1].n is 1.5, not an integer")
                .inFile(badValue)
                .onLineContaining("@InputSchema");
        JavaFileObject ragged = Sources.source("RaggedCells", """
                public class RaggedCells {
                    public record Cell(long n) {}
                    @InputSchema(param = "cells", ndarray = @NdArray(sample = "[[{\\"n\\": 1}, {\\"n\\": 2}], [{\\"n\\": 3}]]"))
                    public double run(Cell[][] cells) { return 0; }
                }""");
        assertThat(Sources.compile(ragged))
                .hadErrorContaining(
                        "[SS142] The sample for 'cells' is a ragged array: row [1] has 1 values, row [0] has 2.")
                .inFile(ragged)
                .onLineContaining("@InputSchema");
    }

    @Test
    void anEmptyFrameTakesItsColumnsFromTheStatedTypes() throws Exception {
        String body = """
                public class EmptyFrames {
                    @InputSchema(param = "rows", dataframe = @DataFrame(sample = "[]", columns = {
                        @DataFrame.Column(name = "a", type = ColumnKind.LONG),
                        @DataFrame.Column(name = "day", type = ColumnKind.DATE)}))
                    @InputSchema(param = "cols", dataframe = @DataFrame(orient = Orient.SPLIT,
                        sample = "{\\"x\\": [], \\"y\\": []}", columns = {
                        @DataFrame.Column(name = "x", type = ColumnKind.DOUBLE),
                        @DataFrame.Column(name = "y", type = ColumnKind.STRING)}))
                    @OutputSchema(standard = @Standard(sample = "\\"s\\""))
                    public String run(tech.tablesaw.api.Table rows, tech.tablesaw.api.Table cols) {
                        return rows.rowCount() + " " + rows.columnNames() + " " + rows.column("day").type().name()
                                + " " + cols.rowCount() + " " + cols.columnNames();
                    }
                }""";
        Compilation compilation = Sources.compile(Sources.source("EmptyFrames", body));
        assertThat(compilation).succeededWithoutWarnings();
        for (OpenApiVersion version : List.of(OpenApiVersion.V3_0, OpenApiVersion.V3_1)) {
            JsonNode input = document(compilation, "test.EmptyFrames", version).at("/components/schemas/ServiceInput");
            assertEquals(
                    "pandas.DataFrame:records",
                    input.at("/properties/rows/format").asText());
            assertEquals(
                    "integer",
                    input.at("/properties/rows/items/properties/a/type").asText());
            assertEquals(
                    "date",
                    input.at("/properties/rows/items/properties/day/format").asText());
            assertEquals("[]", input.at("/example/rows").toString());
            assertEquals("[\"x\",\"y\"]", input.at("/example/cols/columns").toString());
            assertEquals(List.of(), ExampleValidator.errors(input, input.path("example"), version));
        }

        ScoringBinder<Record, Object> binder = binder("EmptyFrames", body);
        String empty = "\"cols\": {\"columns\": [\"x\", \"y\"], \"index\": [], \"data\": []}";
        assertEquals("\"0 [a, day] LOCAL_DATE 0 [x, y]\"", score(binder, "{\"rows\": [], " + empty + "}"));
        assertEquals(
                "\"1 [a, day] LOCAL_DATE 0 [x, y]\"",
                score(binder, "{\"rows\": [{\"a\": 1, \"day\": \"2021-05-06\"}], " + empty + "}"));
        assertEquals(
                "rows[0].a: column 'a' (integer) cannot take the string \"x\" in row 0",
                reject(binder, "{\"rows\": [{\"a\": \"x\", \"day\": \"2021-05-06\"}], " + empty + "}"));

        JavaFileObject unstated = Sources.source("UnstatedEmpty", """
                public class UnstatedEmpty {
                    @InputSchema(param = "rows", dataframe = @DataFrame(sample = "{\\"a\\": [], \\"b\\": []}",
                        columns = @DataFrame.Column(name = "a", type = ColumnKind.LONG)))
                    public double run(tech.tablesaw.api.Table rows) { return 0; }
                }""");
        assertThat(Sources.compile(unstated))
                .hadErrorContaining("[SS162] The @DataFrame sample for 'rows' has no rows")
                .inFile(unstated)
                .onLineContaining("@InputSchema");
    }

    @Test
    void listsOfArraysAndOfFramesCheckEachItemAsItsOwnSample() throws Exception {
        String body = """
                public class Batches {
                    public record Batch(
                            @NdArray(sample = "[[[1.5, 2.5]], [[3.5, 4.5], [5.5, 6.5]]]") List<double[][]> arrays,
                            @NdArray(sample = "[[1, 2], [3]]", dtype = "int8") List<NDArray> bytes,
                            @DataFrame(sample = "[[{\\"a\\": 1, \\"b\\": \\"x\\"}], [{\\"a\\": 2, \\"b\\": null}, {\\"a\\": 3, \\"b\\": \\"z\\"}]]")
                            List<tech.tablesaw.api.Table> frames) {}
                    @InputSchema(param = "batch")
                    @OutputSchema(standard = @Standard(sample = "\\"s\\""))
                    public String run(Batch batch) {
                        return batch.arrays().size() + " " + batch.arrays().get(1)[1][0] + " " + batch.bytes().get(0).dtype()
                                + " " + batch.frames().get(0).rowCount() + " " + batch.frames().get(0).columnNames();
                    }
                }""";
        Compilation compilation = Sources.compile(Sources.source("Batches", body));
        assertThat(compilation).succeededWithoutWarnings();
        for (OpenApiVersion version : List.of(OpenApiVersion.V3_0, OpenApiVersion.V3_1)) {
            JsonNode input = document(compilation, "test.Batches", version).at("/components/schemas/ServiceInput");
            JsonNode batch = input.at("/properties/batch/properties");
            assertEquals("array", batch.at("/arrays/type").asText());
            assertEquals("numpy.ndarray", batch.at("/arrays/items/format").asText());
            assertEquals("number", batch.at("/arrays/items/items/items/type").asText());
            assertEquals(-128, batch.at("/bytes/items/items/minimum").asInt());
            assertEquals(
                    "pandas.DataFrame:records", batch.at("/frames/items/format").asText());
            assertEquals(
                    "integer", batch.at("/frames/items/items/properties/a/type").asText());
            assertEquals(
                    "[[[1.5,2.5]],[[3.5,4.5],[5.5,6.5]]]",
                    input.at("/example/batch/arrays").toString());
            assertEquals(List.of(), ExampleValidator.errors(input, input.path("example"), version));
        }

        ScoringBinder<Record, Object> binder = binder("Batches", body);
        assertEquals("\"2 5.0 INT8 1 [a, b]\"", score(binder, """
                        {"batch": {"arrays": [[[1, 2]], [[3, 4], [5, 6]]], "bytes": [[1]],
                                   "frames": [[{"a": 1, "b": null}], []]}}"""));
        assertEquals("batch.arrays[1][0]: expected 2 values, got 3", reject(binder, """
                        {"batch": {"arrays": [[[1, 2]], [[3, 4, 5]]], "bytes": [], "frames": []}}"""));
        assertEquals("batch.bytes[0][0]: expected an integer from -128 to 127, got 300", reject(binder, """
                        {"batch": {"arrays": [], "bytes": [[300]], "frames": []}}"""));
        assertEquals(
                "batch.frames[0][0].a: column 'a' (integer) cannot take the string \"x\" in row 0",
                reject(binder, """
                        {"batch": {"arrays": [], "bytes": [], "frames": [[{"a": "x", "b": "y"}]]}}"""));
    }

    @Test
    void theItemsOfAListOfArraysAgree() {
        JavaFileObject ranks = Sources.source("ItemRanks", """
                public class ItemRanks {
                    @InputSchema(param = "xs", ndarray = @NdArray(sample = "[[1.5], [[1.5]]]"))
                    public double run(List<NDArray> xs) { return 0; }
                }""");
        assertThat(Sources.compile(ranks))
                .hadErrorContaining("[SS152] The items of the sample for 'xs' disagree: item [1] is a float64 array of "
                        + "shape [1, 1], item [0] is a float64 array of shape [1]. A List of @NdArray samples has one "
                        + "item type: give every item the same dtype and rank.")
                .inFile(ranks)
                .onLineContaining("@InputSchema");
        JavaFileObject columns = Sources.source("ItemColumns", """
                public class ItemColumns {
                    @InputSchema(param = "fs", dataframe = @DataFrame(sample = "[[{\\"a\\": 1}], [{\\"b\\": 1}]]"))
                    public double run(List<tech.tablesaw.api.Table> fs) { return 0; }
                }""");
        assertThat(Sources.compile(columns))
                .hadErrorContaining(
                        "[SS152] The items of the sample for 'fs' disagree: item [1] is a frame with columns "
                                + "b (LONG), item [0] is a frame with columns a (LONG).")
                .inFile(columns)
                .onLineContaining("@InputSchema");
        JavaFileObject item = Sources.source("ItemMisfit", """
                public class ItemMisfit {
                    @InputSchema(param = "xs", ndarray = @NdArray(sample = "[[1.5], [\\"x\\"]]"))
                    public double run(List<double[]> xs) { return 0; }
                }""");
        assertThat(Sources.compile(item))
                .hadErrorContaining("[SS144] The sample for item [1] of 'xs' does not fit double[] (dtype float64): "
                        + "[0] is \"x\", not a number")
                .inFile(item)
                .onLineContaining("@InputSchema");
    }

    static JsonNode document(Compilation compilation, String scoringClass, OpenApiVersion version)
            throws java.io.IOException {
        return JSON.readTree(new CompiledClasses(compilation).document(scoringClass, version));
    }
}

package dev.scorespec.processor.emit;

import static dev.scorespec.processor.emit.JsonSchemasGoldenTest.assertSameJson;
import static dev.scorespec.processor.emit.TestSpecs.column;
import static dev.scorespec.processor.emit.TestSpecs.frame;
import static dev.scorespec.processor.emit.TestSpecs.json;
import static dev.scorespec.processor.emit.TestSpecs.nullableColumn;
import static dev.scorespec.processor.emit.TestSpecs.sample;
import static dev.scorespec.processor.emit.TestSpecs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorespec.annotations.ColumnKind;
import dev.scorespec.annotations.Orient;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.model.DataFrameType;
import dev.scorespec.processor.model.ScoringSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Dataframe schemas the reference cases do not reach: nulls, one type, no enforcement, every kind. */
class DataFrameSchemasTest {

    @Test
    void nullableColumnsSayItInEachVersion() {
        DataFrameType frame =
                frame(Orient.RECORDS, nullableColumn("x", ColumnKind.DOUBLE), column("n", ColumnKind.LONG));
        assertSameJson(
                json("{\"type\": \"number\", \"format\": \"double\", \"x-nullable\": true}"),
                property(frame, OpenApiVersion.V2_0, "x"),
                "2.0 has no null: the common extension");
        assertSameJson(
                json("{\"type\": \"number\", \"format\": \"double\", \"nullable\": true}"),
                property(frame, OpenApiVersion.V3_0, "x"),
                "3.0");
        assertSameJson(
                json("{\"type\": [\"number\", \"null\"], \"format\": \"double\"}"),
                property(frame, OpenApiVersion.V3_1, "x"),
                "3.1");
        assertSameJson(
                json("{\"type\": \"integer\", \"format\": \"int64\"}"),
                property(frame, OpenApiVersion.V3_1, "n"),
                "no null in its sample");
    }

    private static JsonNode property(DataFrameType frame, OpenApiVersion version, String column) {
        return JsonSchemas.schema(frame, version).at("/items/properties/" + column);
    }

    @Test
    void everyKindHasTheTypeAndFormatOfItsValues() {
        DataFrameType frame = frame(
                Orient.RECORDS,
                column("l", ColumnKind.LONG),
                column("n", ColumnKind.INTEGER),
                column("d", ColumnKind.DOUBLE),
                column("s", ColumnKind.STRING),
                column("b", ColumnKind.BOOLEAN),
                column("day", ColumnKind.DATE),
                column("dt", ColumnKind.DATE_TIME),
                column("at", ColumnKind.INSTANT),
                column("t", ColumnKind.TIME),
                column("td", ColumnKind.TIMEDELTA));
        assertSameJson(json("""
                {"l": {"type": "integer", "format": "int64"}, "n": {"type": "integer", "format": "int32"},
                 "d": {"type": "number", "format": "double"}, "s": {"type": "string"}, "b": {"type": "boolean"},
                 "day": {"type": "string", "format": "date"}, "dt": {"type": "string", "format": "date-time-local"},
                 "at": {"type": "string", "format": "date-time"}, "t": {"type": "string", "format": "time-local"},
                 "td": {"type": "string", "format": "timedelta"}}"""), JsonSchemas.schema(frame, OpenApiVersion.V2_0).at("/items/properties"), "every kind");
    }

    @Test
    void valuesOfOneTypeNeedNoUnionAndKeepSwagger2() {
        DataFrameType frame =
                frame(Orient.VALUES, column("a", ColumnKind.DOUBLE), nullableColumn("b", ColumnKind.DOUBLE));
        assertSameJson(
                json("{\"type\": \"array\", \"items\": {\"type\": \"array\", \"items\": {\"type\": \"number\","
                        + " \"format\": \"double\", \"nullable\": true}}, \"format\": \"pandas.DataFrame:values\"}"),
                JsonSchemas.schema(frame, OpenApiVersion.V3_0),
                "nullable when any column of the type is");
        ScoringSpec spec = spec().input("data", sample(frame, "[[1.0, null]]")).build();
        assertEquals(List.of(OpenApiVersion.values()), JsonSchemas.supportedVersions(spec));
    }

    @Test
    void valuesOfSeveralTypesAreAUnionWithoutSwagger2() {
        DataFrameType frame = frame(
                Orient.VALUES,
                column("a", ColumnKind.LONG),
                column("b", ColumnKind.STRING),
                column("c", ColumnKind.LONG));
        assertSameJson(json("""
                {"type": "array", "prefixItems": [{"type": "integer", "format": "int64"}, {"type": "string"},
                  {"type": "integer", "format": "int64"}]}"""), JsonSchemas.schema(frame, OpenApiVersion.V3_1).get("items"), "3.1: by position");
        assertSameJson(
                json("""
                {"type": "array", "items": {"anyOf": [{"type": "integer", "format": "int64"}, {"type": "string"}]}}"""),
                JsonSchemas.schema(frame, OpenApiVersion.V3_0).get("items"),
                "3.0: any column's type, once each");
        assertThrows(IllegalArgumentException.class, () -> JsonSchemas.schema(frame, OpenApiVersion.V2_0));
        ScoringSpec spec =
                spec().input("data", sample(frame, "[[1, \"x\", 2]]")).build();
        assertEquals(List.of(OpenApiVersion.V3_0, OpenApiVersion.V3_1), JsonSchemas.supportedVersions(spec));
    }

    @ParameterizedTest
    @EnumSource(Orient.class)
    void withoutTypeEnforcementValuesAreAnything(Orient orient) {
        DataFrameType frame = new DataFrameType(
                frame(orient).javaType(),
                orient,
                List.of(column("a", ColumnKind.LONG), column("b", ColumnKind.STRING)),
                false,
                true);
        String schema = JsonSchemas.schema(frame, OpenApiVersion.V2_0).toString();
        // Only the row labels of split and table keep a type: they are not column values.
        int labels = orient == Orient.SPLIT || orient == Orient.TABLE ? 1 : 0;
        assertEquals(labels, schema.split("int64", -1).length - 1, schema);
        assertEquals(
                false,
                schema.contains("\"type\":\"string\"}") && orient != Orient.SPLIT && orient != Orient.TABLE,
                schema);
        ScoringSpec spec = spec().input("data", sample(frame, "[]")).build();
        assertEquals(List.of(OpenApiVersion.values()), JsonSchemas.supportedVersions(spec), "no union: no types");
    }

    @Test
    void withoutTypeEnforcementRecordsStillRequireTheColumns() {
        DataFrameType frame = new DataFrameType(
                frame(Orient.RECORDS).javaType(),
                Orient.RECORDS,
                List.of(column("a", ColumnKind.LONG), column("b", ColumnKind.STRING)),
                false,
                true);
        assertSameJson(
                json("{\"type\": \"array\", \"items\": {\"type\": \"object\", \"required\": [\"a\", \"b\"],"
                        + " \"properties\": {\"a\": {}, \"b\": {}}}, \"format\": \"pandas.DataFrame:records\"}"),
                JsonSchemas.schema(frame, OpenApiVersion.V3_1),
                "any value in each column");
    }

    @Test
    void outputExampleComesBeforeTheFormat() {
        DataFrameType frame = frame(Orient.COLUMNS, column("score", ColumnKind.DOUBLE));
        ScoringSpec spec =
                spec().output(sample(frame, "{\"score\": {\"0\": 0.5}}")).build();
        assertSameJson(json("""
                {"type": "object", "required": ["score"], "properties": {"score": {"type": "object",
                  "additionalProperties": {"type": "number", "format": "double"}}},
                 "example": {"score": {"0": 0.5}}, "format": "pandas.DataFrame:columns"}"""), JsonSchemas.outputSchema(spec, OpenApiVersion.V3_0), "as the reference places it");
    }
}

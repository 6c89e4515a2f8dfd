package dev.scorespec.processor.emit;

import static dev.scorespec.processor.emit.JsonSchemasGoldenTest.assertSameJson;
import static dev.scorespec.processor.emit.TestSpecs.field;
import static dev.scorespec.processor.emit.TestSpecs.json;
import static dev.scorespec.processor.emit.TestSpecs.list;
import static dev.scorespec.processor.emit.TestSpecs.ndarray;
import static dev.scorespec.processor.emit.TestSpecs.object;
import static dev.scorespec.processor.emit.TestSpecs.optionalProperty;
import static dev.scorespec.processor.emit.TestSpecs.property;
import static dev.scorespec.processor.emit.TestSpecs.sample;
import static dev.scorespec.processor.emit.TestSpecs.scalar;
import static dev.scorespec.processor.emit.TestSpecs.spec;
import static dev.scorespec.processor.emit.TestSpecs.structured;
import static dev.scorespec.processor.emit.TestSpecs.union;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorespec.annotations.internal.DType;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.processor.model.ScalarKind;
import dev.scorespec.processor.model.ScoringSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shapes the reference cases do not reach. */
class JsonSchemasTest {

    private static final List<OpenApiVersion> ALL = List.of(OpenApiVersion.values());

    @Test
    void ndarrayNestsOneArrayPerDimensionWithFormatOutermost() {
        assertSameJson(
                json("""
                {"type": "array", "items": {"type": "array", "items": {"type": "array",
                 "items": {"type": "number", "format": "float", "minimum": -3.4028235E38, "maximum": 3.4028235E38}}},
                 "format": "numpy.ndarray"}"""), JsonSchemas.schema(ndarray(DType.FLOAT32, 2, 3, 4), OpenApiVersion.V3_0), "3-D float32");
    }

    @Test
    void zeroDimensionalArrayIsStillOneArray() {
        assertSameJson(
                json("{\"type\": \"array\", \"items\": {\"type\": \"integer\", \"format\": \"uint8\","
                        + " \"minimum\": 0, \"maximum\": 255}, \"format\": \"numpy.ndarray\"}"),
                JsonSchemas.schema(ndarray(DType.UINT8), OpenApiVersion.V2_0),
                "0-d, as inference-schema writes it");
    }

    @Test
    void numpyBytesAreBase64() {
        assertSameJson(
                json("{\"type\": \"string\", \"format\": \"byte\"}"),
                JsonSchemas.schema(ndarray(DType.BYTES, 2), OpenApiVersion.V3_1).get("items"),
                "the reference says binary, which no JSON body carries");
    }

    @Test
    void structuredRowsAreObjectsAndSubArraysNest() {
        var rows = structured(List.of(field("id", DType.INT32), field("pixels", DType.UINT8, 2, 2)), 5, 3);
        assertSameJson(json("""
                {"type": "array", "items": {"type": "array", "items": {"type": "object", "properties": {
                  "id": {"type": "integer", "format": "int32", "minimum": -2147483648, "maximum": 2147483647},
                  "pixels": {"type": "array", "items": {"type": "array",
                    "items": {"type": "integer", "format": "uint8", "minimum": 0, "maximum": 255}}}
                }}}, "format": "numpy.ndarray"}"""), JsonSchemas.schema(rows, OpenApiVersion.V2_0), "2-D structured");
    }

    @Test
    void emptyObjectHasNoRequiredList() {
        for (OpenApiVersion version : ALL) {
            assertSameJson(
                    json("{\"type\": \"object\", \"properties\": {}}"),
                    JsonSchemas.schema(object(), version),
                    "{} in " + version);
        }
    }

    @Test
    void nestedObjectsHoldEveryKindOfValue() {
        var row = object(property("x", scalar(ScalarKind.DOUBLE)));
        var inputs = object(
                property("input1", ndarray(DType.FLOAT64, 2, 10)),
                property("input3", scalar(ScalarKind.DOUBLE)),
                property("rows", list(row)),
                property("meta", object(property("tags", list(scalar(ScalarKind.STRING))))));
        for (OpenApiVersion version : ALL) {
            assertSameJson(json("""
                    {"type": "object", "required": ["input1", "input3", "rows", "meta"], "properties": {
                      "input1": {"type": "array", "items": {"type": "array", "items": {"type": "number", "format": "double"}},
                                 "format": "numpy.ndarray"},
                      "input3": {"type": "number", "format": "double"},
                      "rows": {"type": "array", "items": {"type": "object", "required": ["x"], "properties": {
                        "x": {"type": "number", "format": "double"}}}},
                      "meta": {"type": "object", "required": ["tags"], "properties": {
                        "tags": {"type": "array", "items": {"type": "string"}}}}}}"""), JsonSchemas.schema(inputs, version), "nested in " + version);
        }
    }

    @Test
    void aUnionDeepInANestedObjectRulesOutSwagger2() {
        var inputs =
                object(property("meta", object(property("tags", list(union(ScalarKind.STRING, ScalarKind.INT64))))));
        ScoringSpec spec = spec().input("Inputs", sample(inputs, "{\"meta\": {\"tags\": [\"a\", 1]}}"))
                .build();
        assertEquals(List.of(OpenApiVersion.V3_0, OpenApiVersion.V3_1), JsonSchemas.supportedVersions(spec));
    }

    @Test
    void onlyRequiredKeysAreRequired() {
        var type = object(property("a", scalar(ScalarKind.STRING)), optionalProperty("b", scalar(ScalarKind.INT32)));
        assertSameJson(json("""
                {"type": "object", "required": ["a"], "properties": {
                  "a": {"type": "string"}, "b": {"type": "integer", "format": "int32"}}}"""), JsonSchemas.schema(type, OpenApiVersion.V3_0), "optional component");
    }

    @Test
    void scalarKindsHaveTheReferenceTypesAndFormats() {
        assertSameJson(
                json("{\"type\": \"number\", \"format\": \"float\"}"),
                JsonSchemas.schema(scalar(ScalarKind.FLOAT), OpenApiVersion.V2_0),
                "float");
        assertSameJson(
                json("{\"type\": \"string\", \"format\": \"date-time\"}"),
                JsonSchemas.schema(scalar(ScalarKind.DATE_TIME), OpenApiVersion.V2_0),
                "offset date-time");
        assertSameJson(
                json("{\"type\": \"string\", \"format\": \"time\"}"),
                JsonSchemas.schema(scalar(ScalarKind.TIME), OpenApiVersion.V2_0),
                "offset time");
    }

    @Test
    void unionsAreAnyOfIn3xAndImpossibleIn2() {
        var mixed = list(union(ScalarKind.STRING, ScalarKind.DOUBLE, ScalarKind.BOOLEAN));
        for (OpenApiVersion version : List.of(OpenApiVersion.V3_0, OpenApiVersion.V3_1)) {
            assertSameJson(json("""
                    {"type": "array", "items": {"anyOf": [{"type": "string"},
                     {"type": "number", "format": "double"}, {"type": "boolean"}]}}"""), JsonSchemas.schema(mixed, version), "union in " + version);
        }
        assertThrows(IllegalArgumentException.class, () -> JsonSchemas.schema(mixed, OpenApiVersion.V2_0));
    }

    @Test
    void aUnionAnywhereDropsSwagger2() {
        var nested = object(property("tags", list(union(ScalarKind.STRING, ScalarKind.INT64))));
        ScoringSpec inInput =
                spec().input("data", sample(nested, "{\"tags\": [\"a\", 1]}")).build();
        ScoringSpec inOutput = spec().input("data", sample(scalar(ScalarKind.INT64), "1"))
                .output(sample(list(union(ScalarKind.STRING, ScalarKind.INT64)), "[\"a\", 1]"))
                .build();
        for (ScoringSpec spec : List.of(inInput, inOutput)) {
            assertEquals(List.of(OpenApiVersion.V3_0, OpenApiVersion.V3_1), JsonSchemas.supportedVersions(spec));
            assertThrows(IllegalArgumentException.class, () -> JsonSchemas.outputSchema(spec, OpenApiVersion.V2_0));
        }
    }

    @Test
    void bodyParametersInDeclarationOrderWithoutRequiredAndWithoutHeaders() {
        ScoringSpec spec = spec().input("b", sample(scalar(ScalarKind.STRING), "\"x\""))
                .headers()
                .optionalInput("a", sample(list(scalar(ScalarKind.DOUBLE)), "[1.0]"))
                .build();
        for (OpenApiVersion version : ALL) {
            assertSameJson(json("""
                    {"type": "object", "properties": {"b": {"type": "string"},
                     "a": {"type": "array", "items": {"type": "number", "format": "double"}}},
                     "example": {"b": "x", "a": [1.0]}}"""), JsonSchemas.inputSchema(spec, version), "input in " + version);
            assertSameJson(
                    json("{\"type\": \"object\"}"),
                    JsonSchemas.outputSchema(spec, version),
                    "no output sample in " + version);
        }
    }

    @Test
    void outputOnlyAndUndecorated() {
        ScoringSpec outputOnly = spec().headers()
                .output(sample(scalar(ScalarKind.STRING), "\"ok\""))
                .build();
        assertSameJson(
                json("{\"type\": \"object\"}"),
                JsonSchemas.inputSchema(outputOnly, OpenApiVersion.V3_0),
                "inference-schema's answer without @input_schema");
        ScoringSpec undecorated = spec().jsonText().build();
        for (OpenApiVersion version : ALL) {
            assertSameJson(
                    json("{\"type\": \"object\", \"example\": {}}"),
                    JsonSchemas.inputSchema(undecorated, version),
                    "the Python server's stand-in");
            assertSameJson(
                    json("{\"type\": \"object\", \"example\": {}}"),
                    JsonSchemas.outputSchema(undecorated, version),
                    "the Python server's stand-in");
        }
        assertEquals(ALL, JsonSchemas.supportedVersions(undecorated));
    }

    @Test
    void exampleGoesBeforeTheNumpyFormatAndLastOtherwise() {
        var array = sample(ndarray(DType.INT64, 2), "[1, 2]");
        assertEquals(
                List.of("type", "items", "example", "format"),
                names(JsonSchemas.withExample(array, OpenApiVersion.V3_0)));
        var dict = sample(object(property("k", scalar(ScalarKind.BOOLEAN))), "{\"k\": true}");
        assertEquals(
                List.of("type", "required", "properties", "example"),
                names(JsonSchemas.withExample(dict, OpenApiVersion.V3_0)));
    }

    @Test
    void serviceInputRequiresEveryParameterButTheOptionalOnes() {
        ScoringSpec.Sample data = sample(list(scalar(ScalarKind.INT64)), "[1, 2]");
        ScoringSpec.Sample scale = sample(scalar(ScalarKind.DOUBLE), "0.5");
        ScoringSpec spec = spec().input("data", data)
                .optionalInput("scale", scale)
                .input("label", scale)
                .output(data)
                .build();
        for (OpenApiVersion version : OpenApiVersion.values()) {
            ObjectNode input = JsonSchemas.serviceInputSchema(spec, version);
            assertEquals(json("[\"data\", \"label\"]"), input.get("required"), version.label());
            assertEquals(List.of("type", "required", "properties", "example"), names(input), version.label());
            input.remove("required");
            assertEquals(JsonSchemas.inputSchema(spec, version), input, "otherwise the reference's, " + version);
        }
        ScoringSpec allOptional =
                spec().optionalInput("scale", scale).output(data).build();
        assertEquals(
                JsonSchemas.inputSchema(allOptional, OpenApiVersion.V3_0),
                JsonSchemas.serviceInputSchema(allOptional, OpenApiVersion.V3_0),
                "no empty required list");
    }

    @Test
    void returnedTreesAreFreshCopies() {
        ScoringSpec.Sample data = sample(list(scalar(ScalarKind.INT64)), "[1, 2]");
        ScoringSpec spec = spec().input("data", data).output(data).build();
        ObjectNode input = JsonSchemas.inputSchema(spec, OpenApiVersion.V3_0);
        ((ObjectNode) input.get("example")).put("data", "changed");
        JsonSchemas.outputSchema(spec, OpenApiVersion.V3_0).put("example", "changed");
        assertEquals(json("[1, 2]"), data.example());
        assertEquals(
                json("[1, 2]"),
                JsonSchemas.inputSchema(spec, OpenApiVersion.V3_0).at("/example/data"));
    }

    private static List<String> names(ObjectNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void nullableKeysSayItInEachVersion() {
        var object = object(
                new dev.scorespec.processor.model.ObjectType.Property("b", scalar(ScalarKind.DOUBLE), true, true),
                new dev.scorespec.processor.model.ObjectType.Property(
                        "c",
                        new dev.scorespec.processor.model.UnionType(
                                scalar(ScalarKind.DOUBLE).javaType(), List.of()),
                        true,
                        true));
        String any = ", \"c\": {}}}";
        assertSameJson(
                json("{\"type\": \"object\", \"required\": [\"b\", \"c\"], \"properties\": "
                        + "{\"b\": {\"type\": \"number\", \"format\": \"double\", \"x-nullable\": true}" + any),
                JsonSchemas.schema(object, OpenApiVersion.V2_0),
                "2.0");
        assertSameJson(
                json("{\"type\": \"object\", \"required\": [\"b\", \"c\"], \"properties\": "
                        + "{\"b\": {\"type\": \"number\", \"format\": \"double\", \"nullable\": true}" + any),
                JsonSchemas.schema(object, OpenApiVersion.V3_0),
                "3.0");
        assertSameJson(
                json("{\"type\": \"object\", \"required\": [\"b\", \"c\"], \"properties\": "
                        + "{\"b\": {\"type\": [\"number\", \"null\"], \"format\": \"double\"}" + any),
                JsonSchemas.schema(object, OpenApiVersion.V3_1),
                "3.1");
    }
}

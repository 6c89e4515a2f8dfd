package dev.scorespec.processor.emit;

import static dev.scorespec.processor.emit.TestSpecs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scorespec.annotations.internal.DType;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.runtime.binding.BindingException;
import dev.scorespec.runtime.binding.NdArrayReader;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every numeric dtype's schema states the range its binder enforces: at each edge and just beyond it,
 * a schema validator and the binder give the same verdict, in OpenAPI 3.0 and 3.1.
 */
class DTypeRangesTest {

    static Stream<DType> numericDtypes() {
        return Stream.of(DType.values()).filter(d -> d.isInteger() || d.isFloating());
    }

    @ParameterizedTest
    @MethodSource("numericDtypes")
    void schemaAndBinderAgreeAtTheEdges(DType dtype) throws IOException {
        JsonNode schema = JsonSchemas.schema(TestSpecs.ndarray(dtype, 3), OpenApiVersion.V3_1);
        List<String> values = new ArrayList<>();
        if (dtype.isInteger()) {
            values.add(dtype.min().toString());
            values.add(dtype.max().toString());
            values.add(dtype.min().subtract(BigInteger.ONE).toString());
            values.add(dtype.max().add(BigInteger.ONE).toString());
        } else {
            values.add(Double.toString(dtype.maxMagnitude()));
            values.add(Double.toString(-dtype.maxMagnitude()));
            values.add("0.5");
            values.add("1e400");
            if (dtype != DType.FLOAT64) {
                values.add(Double.toString(Math.nextUp(dtype.maxMagnitude())));
                values.add(Double.toString(-Math.nextUp(dtype.maxMagnitude())));
            }
        }
        for (String value : values) {
            boolean binds = binds("[" + value + "]", dtype);
            for (OpenApiVersion version : List.of(OpenApiVersion.V3_0, OpenApiVersion.V3_1)) {
                // 1e400 is no double: the validator reads it as a big number, JSON parsers refuse it
                boolean valid = value.equals("1e400")
                        ? false
                        : ExampleValidator.validate(schema, json("[" + value + "]"), version)
                                .isEmpty();
                assertEquals(valid, binds, dtype + " " + value + " in " + version);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("numericDtypes")
    void rangesAreTheEdgesThatBind(DType dtype) throws IOException {
        // the in-range edges bind: the check above cannot pass by refusing everything
        if (dtype.isInteger()) {
            assertEquals(true, binds("[" + dtype.min() + ", " + dtype.max() + "]", dtype), dtype.numpyName());
        } else {
            assertEquals(true, binds("[" + dtype.maxMagnitude() + "]", dtype), dtype.numpyName());
        }
    }

    @org.junit.jupiter.api.Test
    void float16IsStatedAsItsOwnRange() {
        JsonNode element = JsonSchemas.schema(TestSpecs.ndarray(DType.FLOAT16, 2), OpenApiVersion.V3_0)
                .get("items");
        assertEquals(
                json("{\"type\": \"number\", \"format\": \"float\", \"minimum\": -65504.0, \"maximum\": 65504.0}"),
                element);
        JsonNode float64 = JsonSchemas.schema(TestSpecs.ndarray(DType.FLOAT64, 2), OpenApiVersion.V3_0)
                .get("items");
        assertEquals(json("{\"type\": \"number\", \"format\": \"double\"}"), float64, "JSON's own range");
    }

    private static boolean binds(String payload, DType dtype) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(payload)) {
            p.nextToken();
            NdArrayReader.read(p, dev.scorespec.runtime.DType.valueOf(dtype.name()), new int[] {1}, false);
            return true;
        } catch (BindingException e) {
            return false;
        }
    }
}

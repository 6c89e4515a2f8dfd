package dev.scorespec.processor.emit;

import com.palantir.javapoet.ClassName;
import dev.scorespec.annotations.ColumnKind;
import dev.scorespec.annotations.Orient;

/**
 * The runtime types generated code refers to, by name: the processor does not depend on the runtime. The
 * annotations' enums it shares with the runtime are named by their classes.
 */
final class RuntimeNames {

    static final String RUNTIME = "dev.scorespec.runtime";
    static final String BINDING = RUNTIME + ".binding";

    static final ClassName SCORING_BINDER = ClassName.get(BINDING, "ScoringBinder");
    static final ClassName BODY_KIND = ClassName.get(BINDING, "BodyKind");
    static final ClassName BINDING_EXCEPTION = ClassName.get(BINDING, "BindingException");
    static final ClassName JSON_BODY = ClassName.get(BINDING, "JsonBody");
    static final ClassName JSON_VALUES = ClassName.get(BINDING, "JsonValues");
    static final ClassName JSON_OUTPUT = ClassName.get(BINDING, "JsonOutput");
    static final ClassName ND_ARRAY_READER = ClassName.get(BINDING, "NdArrayReader");
    static final ClassName DATA_FRAME_READER = ClassName.get(BINDING, "DataFrameReader");
    static final ClassName DATA_FRAME_WRITER = ClassName.get(BINDING, "DataFrameWriter");
    static final ClassName DATA_FRAME_SPEC = ClassName.get(BINDING, "DataFrameSpec");
    static final ClassName ORIENT = ClassName.get(Orient.class);
    static final ClassName COLUMN_KIND = ClassName.get(ColumnKind.class);
    static final ClassName TABLE = ClassName.get("tech.tablesaw.api", "Table");
    static final ClassName MODEL_DIR = ClassName.get(RUNTIME, "ModelDir");
    static final ClassName SCORING_REQUEST = ClassName.get(RUNTIME, "ScoringRequest");
    static final ClassName ND_ARRAY = ClassName.get(RUNTIME, "NDArray");
    static final ClassName DTYPE = ClassName.get(RUNTIME, "DType");

    static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
    static final ClassName JSON_GENERATOR = ClassName.get("com.fasterxml.jackson.core", "JsonGenerator");
    static final ClassName JSON_TOKEN = ClassName.get("com.fasterxml.jackson.core", "JsonToken");
    static final ClassName JSON_PROCESSING_EXCEPTION = ClassName.get("com.fasterxml.jackson.core", "JsonProcessingException");

    private RuntimeNames() {
    }
}

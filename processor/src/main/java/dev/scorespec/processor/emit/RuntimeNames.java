package dev.scorespec.processor.emit;

import com.palantir.javapoet.ClassName;
import dev.scorespec.annotations.ColumnKind;
import dev.scorespec.annotations.Orient;

/**
 * The runtime types generated code refers to, by name: the processor does not depend on the runtime. The
 * annotations' enums it shares with the runtime are named by their classes.
 */
public final class RuntimeNames {

    public static final String RUNTIME = "dev.scorespec.runtime";
    public static final String BINDING = RUNTIME + ".binding";

    public static final ClassName GENERATED_BINDER = ClassName.get(BINDING, "GeneratedBinder");
    public static final ClassName JSON_PARAMETERS = ClassName.get(BINDING, "JsonParameters");
    public static final ClassName BODY_KIND = ClassName.get(BINDING, "BodyKind");
    public static final ClassName BINDING_EXCEPTION = ClassName.get(BINDING, "BindingException");
    public static final ClassName JSON_BODY = ClassName.get(BINDING, "JsonBody");
    public static final ClassName JSON_VALUES = ClassName.get(BINDING, "JsonValues");
    public static final ClassName JSON_OUTPUT = ClassName.get(BINDING, "JsonOutput");
    public static final ClassName ND_ARRAY_READER = ClassName.get(BINDING, "NdArrayReader");
    public static final ClassName DATA_FRAME_READER = ClassName.get(BINDING, "DataFrameReader");
    public static final ClassName DATA_FRAME_WRITER = ClassName.get(BINDING, "DataFrameWriter");
    public static final ClassName TABULAR_BINDING = ClassName.get(BINDING, "TabularBinding");
    public static final ClassName TABULAR_COLUMN = TABULAR_BINDING.nestedClass("Column");
    public static final ClassName TABULAR_COLUMN_TYPE = TABULAR_BINDING.nestedClass("ColumnType");
    public static final ClassName TABULAR_COLUMNS = ClassName.get(BINDING, "TabularColumns");
    public static final ClassName DATA_FRAME_SPEC = ClassName.get(BINDING, "DataFrameSpec");
    /** In {@code scorespec-spark}, which a service with a Spark sample depends on. */
    public static final ClassName SPARK_FRAME_SPEC = ClassName.get("dev.scorespec.spark.binding", "SparkFrameSpec");

    public static final ClassName DATASET_BINDING = ClassName.get("dev.scorespec.spark.binding", "DatasetBinding");
    public static final ClassName STRUCT_TYPE = ClassName.get("org.apache.spark.sql.types", "StructType");

    public static final ClassName ORIENT = ClassName.get(Orient.class);
    public static final ClassName COLUMN_KIND = ClassName.get(ColumnKind.class);
    public static final ClassName BATCH_SPEC = ClassName.get(RUNTIME + ".batching", "BatchSpec");
    public static final ClassName BATCH_SHAPE = ClassName.get(RUNTIME + ".batching", "BatchShape");
    public static final ClassName BATCH_KEY = ClassName.get(RUNTIME + ".batching", "BatchKey");
    public static final ClassName BATCH_ROWS = ClassName.get(RUNTIME + ".batching", "BatchRows");
    public static final ClassName TABLE_ROWS = ClassName.get(RUNTIME + ".batching", "TableRows");
    public static final ClassName MODEL_DIR = ClassName.get(RUNTIME, "ModelDir");
    public static final ClassName SCORING_REQUEST = ClassName.get(RUNTIME, "ScoringRequest");
    public static final ClassName ND_ARRAY = ClassName.get(RUNTIME, "NDArray");
    public static final ClassName DTYPE = ClassName.get(RUNTIME, "DType");

    public static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
    public static final ClassName JSON_GENERATOR = ClassName.get("com.fasterxml.jackson.core", "JsonGenerator");
    public static final ClassName JSON_TOKEN = ClassName.get("com.fasterxml.jackson.core", "JsonToken");
    public static final ClassName JSON_PROCESSING_EXCEPTION =
            ClassName.get("com.fasterxml.jackson.core", "JsonProcessingException");

    private RuntimeNames() {}
}

package dev.scorespec.processor.validate;

import com.palantir.javapoet.TypeName;

/**
 * Every diagnostic the processor reports, with a stable id. Each text says what is wrong, where, and
 * how to fix it; {@code %s} placeholders are filled in order. Tests assert on the ids.
 */
public enum Message {
    // 100s: the processor itself
    UNEXPECTED(100, "ScoreSpec failed on %s: %s. This is a bug in ScoreSpec; please report it with this class."),
    UNRESOLVED(
            101,
            "ScoreSpec could not resolve the types of %s: %s. Fix the compile errors above, or make sure the "
                    + "generated types it uses exist."),
    WRITE_FAILED(
            102,
            "ScoreSpec could not write %s: %s. ScoreSpec writes <class>_ScoreSpec.java, the documents under "
                    + "META-INF/scorespec/ and META-INF/services/dev.scorespec.runtime.binding.ScoringBinder: rename a "
                    + "class or resource of yours that has one of these names, and check that the build's output folders "
                    + "can be written."),

    // 110s: the scoring class and its run method
    RUN_MISSING(
            110, "@ScoringService class %s has no 'run' method. Add one, such as 'public String run(String body)'."),
    RUN_MULTIPLE(111, "%s has %s methods named 'run'; a scoring class has exactly one. Rename or remove the others."),
    RUN_NAME(
            112,
            "@%s is on '%s', but the scoring method must be named 'run', as in Azure ML scoring scripts. "
                    + "Rename '%s' to 'run'."),
    RUN_NOT_PUBLIC(113, "The scoring method 'run' must be public. Add the 'public' modifier."),
    RUN_STATIC(
            114,
            "The scoring method 'run' must not be static: the server calls it on the instance that @Init "
                    + "prepared. Remove 'static'."),
    NOT_CONSTRUCTIBLE(
            115,
            "ScoreSpec cannot create %s: it needs a non-private constructor without parameters, and the "
                    + "class must be a non-abstract top-level or static nested class that is not private. Add 'public %s() {}'."),
    SERVICE_NAME(117, "@ScoringService(%s = \"%s\") %s, so generated clients could not be named from it. %s"),
    LOCAL_CLASS(
            116,
            "@%s is on %s, which ScoreSpec does not see and the server could not create: it serves classes "
                    + "that code outside can name. Move the scoring class to the top level, or make it a static nested class."),

    // 120s: @Init
    INIT_SIGNATURE(
            120,
            "@Init method '%s' must take no parameter or one ModelDir, return void, and be neither private "
                    + "nor static. Declare it as 'void %s(ModelDir models)'."),
    INIT_MULTIPLE(121, "%s has %s @Init methods; the server calls exactly one. Merge them into one method."),

    // 130s: parameters
    UNKNOWN_PARAM(
            130,
            "@InputSchema(param = \"%s\") names no parameter of run. Its parameters are: %s. Use one of "
                    + "those names."),
    PARAM_WITHOUT_SCHEMA(
            131,
            "Parameter '%s' of run has no @InputSchema, while other parameters have one. Add "
                    + "@InputSchema(param = \"%s\", ...), or mark it @RequestHeaders if it takes the request headers."),
    DUPLICATE_SCHEMA(132, "Parameter '%s' has %s @InputSchema annotations; give it exactly one."),
    SAMPLE_KIND_COUNT(
            133,
            "%s must give exactly one sample, in ndarray = @NdArray(...), standard = @Standard(...) or "
                    + "dataframe = @DataFrame(...); it gives %s. Only a nested parameter gives none: its type is then a record "
                    + "whose components carry their own samples, such as 'record Inputs(@Standard(sample = \"0.0\") double x) {}'."),
    SAMPLE_SOURCE(
            134,
            "The %s sample for %s %s. Give exactly one of sample = \"...\" (JSON text) or "
                    + "sampleResource = \"file.json\"."),
    HEADERS_TYPE(135, "@RequestHeaders parameter '%s' must be a Map<String, String>, but it is %s."),
    HEADERS_WITH_SCHEMA(
            136,
            "Parameter '%s' is marked @RequestHeaders and also has an @InputSchema; headers do not "
                    + "come from the body. Remove one of them."),
    OPTIONAL_PRIMITIVE(
            137,
            "Parameter '%s' is optional, so it receives null when the body leaves it out, but its type %s "
                    + "cannot hold null. Use the boxed type or an array."),
    UNSUPPORTED_TYPE(138, "ScoreSpec cannot bind %s of type %s: %s."),
    JSON_TEXT_ONLY(
            139,
            "run(%s) has no @InputSchema, so it would receive the raw JSON body text, which needs a single "
                    + "String parameter (plus an optional @RequestHeaders map). Add @InputSchema for each parameter, or take "
                    + "'String body'."),

    // 140s: samples
    INVALID_JSON(
            140,
            "The %s for %s is not valid JSON: %s. Write the sample as JSON text, for example "
                    + "sample = \"[[1.0, 2.0]]\" or sample = \"\\\"text\\\"\"."),
    EMPTY_SAMPLE(
            141,
            "The %s for %s is %s, from which ScoreSpec cannot tell the element type. Give at least one "
                    + "representative value."),
    RAGGED(142, "The sample for %s is a ragged array: %s. Make every row the same length."),
    MIXED(
            143,
            "The sample for %s mixes element types in one array: %s. An ndarray has one dtype: use one type, "
                    + "or name the dtype."),
    DOES_NOT_FIT(144, "The sample for %s does not fit %s: %s. Change the sample or the Java type."),
    UNKNOWN_DTYPE(145, "@NdArray(dtype = \"%s\") for %s is not a dtype ScoreSpec knows. Use one of: %s."),
    DTYPE_MISMATCH(
            146,
            "@NdArray(dtype = \"%s\") for %s stores %s elements, but the Java type is %s. Use %s, or "
                    + "dtype = \"%s\"."),
    RANK_MISMATCH(
            147,
            "The sample for %s has %s dimension(s), but %s has %s. Make the Java array's rank match the "
                    + "sample, or use NDArray for any rank."),
    SAMPLE_TOO_DEEP(
            149,
            "The %s for %s nests arrays and objects more than %s levels deep, deeper than ScoreSpec "
                    + "reads samples. Give a shallower sample: it shows the shape of the values, and a few levels do that."),
    SAMPLE_ENCODING(148, "The %s sample for %s %s. Save the file as UTF-8 (a byte order mark is allowed)."),

    // 150s: output
    OUTPUT_KIND_COUNT(
            150,
            "@OutputSchema must give exactly one sample, in ndarray = @NdArray(...), "
                    + "standard = @Standard(...) or dataframe = @DataFrame(...); it gives %s. Only a nested output gives none: "
                    + "run then returns a record whose components carry their own samples, such as 'record Output("
                    + "@Standard(sample = \"[1.0]\") double[] Results) {}'."),
    OUTPUT_ON_VOID(
            151,
            "run returns void, so @OutputSchema has nothing to describe. Return the result, or remove "
                    + "@OutputSchema."),

    // 152: lists of arrays and of frames
    ITEMS_DISAGREE(
            152,
            "The items of the sample for %s disagree: item [%s] is %s, item [0] is %s. A List of %s samples "
                    + "has one item type: give every item the same %s."),

    // 160s-170s: dataframe samples
    FRAME_TARGET(
            160,
            "A @DataFrame sample binds to a Tablesaw Table, but %s is %s. Declare it as " + "tech.tablesaw.api.Table."),
    FRAME_SAMPLE_FORM(
            161,
            "The @DataFrame %s for %s is %s. Write it as a list of rows, [{\"a\": 1, \"b\": \"x\"}, ...], "
                    + "or as an object of columns, {\"a\": [1, 2], \"b\": [\"x\", \"y\"]}, whatever the orient."),
    FRAME_EMPTY(
            162,
            "The @DataFrame %s for %s has no %s, from which ScoreSpec cannot tell the columns and their types. "
                    + "Give at least one row with every column."),
    FRAME_RAGGED(
            163,
            "The @DataFrame sample for %s is not rectangular: %s. Give every row a value for every column "
                    + "(null for a missing one)."),
    FRAME_MIXED(
            164,
            "Column '%s' of the @DataFrame sample for %s mixes %s. Make its values one type, or pin the "
                    + "column's type with columns = @DataFrame.Column(name = \"%s\", type = ColumnKind...)."),
    FRAME_PIN_UNKNOWN(
            165, "@DataFrame.Column(name = \"%s\") for %s names no column of the sample. Its columns are: %s."),
    FRAME_PIN_MISFIT(
            166,
            "Column '%s' of the @DataFrame sample for %s is %s, but %s. Change the sample or the column's " + "type."),
    FRAME_PIN_TWICE(167, "Column '%s' of the @DataFrame for %s is pinned %s times; pin it once."),
    FRAME_CSV(168, "The CSV %s for %s cannot be read: %s. Give a header row and one value per column in every row."),
    FRAME_CELL(
            169,
            "Row %s of column '%s' of the @DataFrame sample for %s is %s; a cell holds a number, string, "
                    + "boolean or null."),
    FRAME_ONLY_NULLS(
            170,
            "Column '%s' of the @DataFrame sample for %s holds only nulls, from which ScoreSpec cannot "
                    + "tell its type. Give a value, or pin its type with columns = @DataFrame.Column(name = \"%s\", type = ...)."),
    FRAME_PINS_UNUSED(
            171,
            "The @DataFrame for %s pins column types but has enforceColumnType = false, under which "
                    + "columns take their types from each request. Remove the pins or enforceColumnType = false."),
    FRAME_INDEX_COLUMN(
            172,
            "The @DataFrame for %s has orient TABLE and a column named 'index', which that orient "
                    + "uses for the row labels. Rename the column or choose another orient."),

    // 180s: nested parameters (records whose components carry samples)
    COMPONENT_WITHOUT_SAMPLE(
            180,
            "Component '%s' of %s has no sample, but %s is nested: each component carries "
                    + "@NdArray(...), @DataFrame(...) or @Standard(...), or is itself such a record, or a List or array of one. Add a sample "
                    + "annotation to '%s'."),
    COMPONENT_SAMPLES(181, "Component '%s' of %s has %s sample annotations (%s); give it exactly one."),
    COMPONENT_SAMPLE_IGNORED(
            182,
            "The %s on component '%s' of %s would be ignored: %s takes its type from the %s "
                    + "sample of %s, which describes every component. Remove that sample to make %s nested, or remove the "
                    + "component's annotation."),
    GENERIC_RECORD(
            183,
            "ScoreSpec cannot bind %s to %s: it is a generic record, and a binder reads and writes a "
                    + "record by its components' declared types, which type parameters leave open. Declare a record without type parameters, "
                    + "with the types written out in its components."),
    JSON_NAME_TWICE(
            184,
            "Components '%s' and '%s' of %s both have the JSON key '%s', and a JSON object holds a key once. "
                    + "Give '%s' another @JsonName."),

    // 190s: the Power BI shape (@ScoringService(powerBi = true))
    POWER_BI_INPUTS(
            190,
            "Power BI sends its input as the first parameter of run, named 'Inputs' (case-sensitive), "
                    + "but %s. Declare 'Inputs' first: @InputSchema(param = \"Inputs\") on a record of the inputs."),
    POWER_BI_INPUTS_NOT_NESTED(
            191,
            "Power BI needs 'Inputs' to be nested, an object of named dataframes, arrays and "
                    + "values, but %s. Give @InputSchema(param = \"Inputs\") no sample, and make the parameter a record whose "
                    + "components carry @DataFrame(...), @NdArray(...) or @Standard(...)."),
    POWER_BI_INPUT_FIELD(
            192,
            "Power BI reads each field of 'Inputs' as a dataframe, an array or a plain value, one "
                    + "level deep, but component '%s' is %s. Give it a @DataFrame sample, an @NdArray sample, or a @Standard "
                    + "sample that is a value or a list of values, or move its parts into 'Inputs' itself."),
    POWER_BI_PARAMETER(
            193,
            "Power BI sends only 'Inputs' and 'GlobalParameters' (case-sensitive), so run's parameter "
                    + "'%s' would never receive a value. Move it into the 'Inputs' record as a component, or into "
                    + "'GlobalParameters'."),
    POWER_BI_GLOBAL_PARAMETERS(
            194,
            "Power BI passes 'GlobalParameters' as plain values, but it %s. Give it a "
                    + "standard = @Standard(...) sample, such as a number or an object of values."),
    POWER_BI_GLOBAL_OPTIONAL(
            195,
            "Power BI may leave 'GlobalParameters' out, so it must be optional. Add optional = "
                    + "true to its @InputSchema (run then receives null when it is missing)."),
    POWER_BI_OUTPUT(
            196,
            "Power BI reads run's result as a JSON object whose schema it discovers, but %s. Describe it "
                    + "with @OutputSchema(standard = @Standard(sample = \"{\\\"Results\\\": [1.0]}\")) on a Map or "
                    + "record, or return a nested record."),
    POWER_BI_RESULTS(
            197,
            "Power BI reads the predictions from the 'Results' key of run's result (case-sensitive), but "
                    + "the output has %s. Name the key 'Results'."),

    // 210s: Spark samples
    SPARK_TARGET(
            210,
            "A @SparkFrame sample binds to a Spark Dataset<Row>, but %s is %s. Declare it as "
                    + "org.apache.spark.sql.Dataset<org.apache.spark.sql.Row>."),
    SPARK_SAMPLE_FORM(
            211,
            "The @SparkFrame %s for %s is %s. Write it as JSON records, a list of row objects: "
                    + "[{\"name\": \"Sarah\", \"age\": 31}, ...]."),
    SPARK_EMPTY(
            212,
            "The @SparkFrame %s for %s has no %s, from which ScoreSpec can tell neither the columns nor "
                    + "what a request looks like. Give at least one row with a value in each column."),
    SPARK_DDL(
            213,
            "The @SparkFrame ddl for %s is not Spark DDL that ScoreSpec reads: %s. Write the columns as "
                    + "StructType.fromDDL takes them, such as ddl = \"name STRING, age INT, scores ARRAY<DOUBLE>\"."),
    SPARK_ROW_MISFIT(214, "Row %s of the @SparkFrame %s for %s does not fit its %s: %s. Change the sample or the ddl."),
    SPARK_MAP_KEY(
            215,
            "The @SparkFrame ddl for %s has %s at '%s': JSON carries a map as an object, whose keys are "
                    + "strings. Use MAP<STRING, ...>, or an ARRAY<STRUCT<key: ..., value: ...>>."),

    // 200s: @RawHttp
    RAW_HTTP_WITH_SCHEMA(
            200,
            "run is @RawHttp: it receives the request as it came, so no schema applies to it and "
                    + "@%s cannot be used with it. Remove @%s, or remove @RawHttp to have the body parsed against the samples."),
    RAW_HTTP_WITH_HEADERS(
            201,
            "Parameter '%s' is marked @RequestHeaders, but run is @RawHttp: its ScoringRequest "
                    + "carries the headers (request.headers(), request.header(name)). Remove the parameter."),
    RAW_HTTP_PARAMETERS(
            202,
            "A @RawHttp run takes exactly one ScoringRequest, but this one takes (%s). Declare it as "
                    + "'public ScoringResponse run(ScoringRequest request)'."),
    RAW_HTTP_RETURN(
            203,
            "A @RawHttp run returns the ScoringResponse the server sends, but this one returns %s. Return "
                    + "a ScoringResponse, such as ScoringResponse.json(200, result)."),
    RAW_HTTP_MISSING(
            204,
            "run %s, as only a @RawHttp run does. Add @RawHttp to run to receive the request as it came "
                    + "and answer with your own response, or take JSON parameters with @InputSchema."),

    // 230s: the Open Inference Protocol (KServe V2)
    V2_INPUT_NAME_TWICE(
            230,
            "The Open Inference Protocol would name two inputs '%s': %s and %s. A tensor's name joins the path of "
                    + "its value with '.', so a key or a dataframe column that holds a '.' (or a column named like "
                    + "its dataframe) can equal another's. Rename one of them: give a record component another "
                    + "@JsonName, or rename the column in the sample."),
    V2_OUTPUT_NAME_TWICE(
            231,
            "The Open Inference Protocol would name two outputs '%s': %s and %s. A tensor's name joins the path of "
                    + "its value in run's answer with '.', so a key that holds a '.' can equal another's. Give a record "
                    + "component another @JsonName, or rename the key in the output sample."),

    // 250s: @Batching
    BATCH_MAX_ROWS(
            250,
            "@Batching(maxRows = %s) must be at least 1: it is the most rows one run call receives. Give 1 or "
                    + "more, such as the default 256."),
    BATCH_MAX_DELAY(
            251,
            "@Batching(maxDelayMs = %s) must not be negative: it is the longest a request waits for others, "
                    + "in milliseconds. Give 0 to never wait, or a few milliseconds, such as the default 5."),
    BATCH_NO_SCHEMA(
            252,
            "@Batching needs run's inputs described by @InputSchema, which says where their rows are, but run %s. "
                    + "Remove @Batching, or take the rows as @InputSchema parameters."),
    BATCH_HEADERS(
            253,
            "Parameter '%s' is @RequestHeaders, which @Batching cannot have: every request's headers differ "
                    + "(x-request-id at least), so no two requests would ever share a batch. Remove the parameter, or "
                    + "remove @Batching."),
    BATCH_NO_ROWS(
            254,
            "@Batching concatenates run's inputs along their first dimension, but none of them has one: %s. "
                    + "Take the rows as an @NdArray of one or more dimensions, a @DataFrame or a list, or remove "
                    + "@Batching."),
    BATCH_OPTIONAL_INPUT(
            255,
            "Input '%s' is batched along its first dimension, but optional: a request without it has no rows "
                    + "to concatenate with the others'. Remove optional = true, or remove @Batching."),
    BATCH_OUTPUT(
            256,
            "@Batching splits run's result back to each request along its first dimension, but %s. Return an "
                    + "@NdArray of one or more dimensions, a @DataFrame, a list or an array, with one row for each "
                    + "input row, or remove @Batching.");

    private final int id;
    private final String template;

    Message(int id, String template) {
        this.id = id;
        this.template = template;
    }

    /** The stable id, such as {@code SS142}. */
    public String id() {
        return "SS" + id;
    }

    /** The full text: {@code [SS142] The sample for 'data' is a ragged array: ...}. */
    public String format(Object... args) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof TypeName type ? simple(type) : args[i];
        }
        return "[" + id() + "] " + String.format(template, shown);
    }

    /** A type as its source most likely spells it: {@code List<LocalDate>}, not {@code java.util.List<java.time.LocalDate>}. */
    static String simple(TypeName type) {
        return type.toString().replaceAll("\\b[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)*\\.(?=[A-Z])", "");
    }
}

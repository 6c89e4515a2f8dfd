package dev.scorespec.spark;

import dev.scorespec.runtime.binding.ScoringBinder;
import dev.scorespec.runtime.binding.TabularBinding;
import dev.scorespec.spark.batch.BinderCache;
import dev.scorespec.spark.batch.ColumnTypes;
import dev.scorespec.spark.batch.ColumnarInput;
import dev.scorespec.spark.batch.PartitionScorer;
import dev.scorespec.spark.binding.DatasetBinding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Scores a Spark dataset with a scoring class, inside a user's own Spark job:
 * {@code Dataset<Row> scored = BatchScoring.score(input, RidgeScore.class, BatchOptions.defaults())}.
 *
 * <p>The scoring class's binder names its input and output columns with their types ({@link TabularBinding},
 * from the samples at compile time). Before any job starts, the dataset is checked against them: a missing
 * input column, or one whose type neither is nor widens to the expected one, fails here with the column's
 * name and what was expected. The result has the kept input columns ({@link BatchOptions#keepColumns()}), then
 * the outputs, then, with {@link BatchOptions.OnError#COLUMN}, the error column.
 *
 * <p>On the executors, each JVM initialises the scoring class once ({@link BinderCache}) and scores its
 * partitions in batches of {@link BatchOptions#batchSize()} rows through the typed path, not through JSON.
 */
public final class BatchScoring {

    private BatchScoring() {}

    /** The scored dataset, lazily: nothing runs until an action (a write, a count) asks for it. */
    public static Dataset<Row> score(Dataset<Row> input, Class<?> scoringClass, BatchOptions options) {
        return score(input, scoringClass.getName(), options);
    }

    /** {@link #score(Dataset, Class, BatchOptions)} by the scoring class's name, for the command line. */
    public static Dataset<Row> score(Dataset<Row> input, String scoringClass, BatchOptions options) {
        ScoringBinder<?, ?> binder = BinderCache.find(scoringClass);
        if (binder instanceof DatasetBinding) {
            return scoreDataset(input, scoringClass, options);
        }
        TabularBinding<?, ?> tabular = binder.tabular();
        if (tabular == null) {
            throw new IllegalArgumentException(scoringClass + " cannot score datasets: its inputs or outputs are not"
                    + " tables (a dataframe, an ndarray of number rows, a Spark sample or per-row values)");
        }
        StructType schema = input.schema();
        List<Column> selected = new ArrayList<>();
        List<StructField> outputFields = new ArrayList<>();

        List<String> kept = options.keepColumns().isEmpty() ? List.of(schema.fieldNames()) : options.keepColumns();
        Set<String> outputNames = new HashSet<>();
        for (String name : kept) {
            StructField field = field(schema, name, "kept column");
            selected.add(functions.col(quoted(name)));
            outputFields.add(field);
            outputNames.add(name.toLowerCase(Locale.ROOT));
        }
        int[][] inputFields = new int[tabular.inputColumns().size()][];
        boolean[] inputFromColumns = new boolean[inputFields.length];
        for (int c = 0; c < inputFields.length; c++) {
            inputFromColumns[c] = options.arrayColumns()
                    .containsKey(tabular.inputColumns().get(c).name());
            List<Column> columns =
                    inputColumns(input, scoringClass, tabular.inputColumns().get(c), options);
            inputFields[c] = new int[columns.size()];
            for (int j = 0; j < columns.size(); j++) {
                inputFields[c][j] = selected.size();
                selected.add(columns.get(j));
            }
        }
        boolean errorColumn = options.onError() == BatchOptions.OnError.COLUMN;
        for (TabularBinding.Column column : tabular.outputColumns()) {
            if (!outputNames.add(column.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Output column '" + column.name() + "' of " + scoringClass
                        + " has the name of a kept input column: keep other columns (keepColumns) or rename it");
            }
            outputFields.add(DataTypes.createStructField(
                    column.name(), ColumnTypes.spark(column.type()), column.nullable() || errorColumn));
        }
        if (errorColumn) {
            if (!outputNames.add(options.errorColumn().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("The error column '" + options.errorColumn()
                        + "' has the name of another column: choose another name (errorColumn)");
            }
            outputFields.add(DataTypes.createStructField(options.errorColumn(), DataTypes.StringType, true));
        }
        StructType outputSchema = DataTypes.createStructType(outputFields);
        Dataset<Row> prepared = input.select(selected.toArray(Column[]::new));
        PartitionScorer scorer = new PartitionScorer(
                scoringClass,
                options,
                outputFields.subList(0, kept.size()).stream()
                        .map(StructField::dataType)
                        .toList(),
                tabular.inputColumns(),
                inputFields,
                inputFromColumns,
                tabular.outputColumns());
        // Spark's internal rows both ways: a Dataset's mapPartitions would turn each row into a generic Row of
        // boxed values and back. When the dataset is a columnar scan (Parquet) of the columns as they are, its
        // column batches are scored instead, without Spark turning them into rows first. internalCreateDataFrame
        // is Spark's own (private[sql] in Scala, public to Java), pinned with Spark's version in the parent pom.
        ColumnarInput columnar = options.columnar() ? ColumnarInput.of(prepared) : null;
        RDD<InternalRow> scored;
        if (columnar == null) {
            scored = prepared.queryExecution()
                    .toRdd()
                    .toJavaRDD()
                    .mapPartitions(scorer::rows)
                    .rdd();
        } else {
            int[] columns = columnar.columns(); // the task takes these, not the RDD around them
            scored = columnar.batches()
                    .toJavaRDD()
                    .mapPartitions(batches -> scorer.batches(batches, columns))
                    .rdd();
        }
        return ((org.apache.spark.sql.classic.SparkSession) input.sparkSession())
                .internalCreateDataFrame(scored, outputSchema, false);
    }

    /**
     * A scoring class whose run takes and returns a Spark dataset: run is called once, here on the driver, with
     * the whole input as the input sample's columns (checked before any job starts), and Spark distributes what
     * it does. Its {@code @Init} runs once in this JVM; the result is the output sample's columns, as run
     * returns them: the input's other columns are kept only if run keeps them in its output sample.
     */
    private static Dataset<Row> scoreDataset(Dataset<Row> input, String scoringClass, BatchOptions options) {
        if (!options.keepColumns().isEmpty() || options.onError() == BatchOptions.OnError.COLUMN) {
            throw new IllegalArgumentException(scoringClass + " scores a whole dataset in one call of run, whose"
                    + " output sample decides the columns: --keep-columns and --on-error column do not apply");
        }
        DatasetBinding binder = (DatasetBinding) BinderCache.initialised(scoringClass, options.modelDir());
        try {
            return binder.score(input);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(scoringClass + ".run failed: " + e.getMessage(), e);
        }
    }

    /**
     * The input columns of the dataset that a column of the binding takes, of the Spark type the binding
     * expects: the dataset's own column of the name, widened if it must be; for a column of rows of numbers,
     * the dataset's array column of the name or the columns {@link BatchOptions#arrayColumns()} names for it
     * (one a value, in order); for an optional one the dataset lacks, nulls.
     */
    private static List<Column> inputColumns(
            Dataset<Row> input, String scoringClass, TabularBinding.Column column, BatchOptions options) {
        StructType schema = input.schema();
        DataType expected = ColumnTypes.spark(column.type());
        List<String> named = options.arrayColumns().get(column.name());
        if (column.width() > 0 && named != null) {
            if (named.size() != column.width()) {
                throw new IllegalArgumentException("The columns named for '" + column.name() + "' are "
                        + named.size() + " (" + String.join(", ", named) + "), but " + scoringClass + " expects "
                        + column.width() + ", in its sample's order");
            }
            List<Column> values = new ArrayList<>();
            for (String name : named) {
                StructField field = field(schema, name, "column named for '" + column.name() + "'");
                // each named column holds one of the row's values
                TabularBinding.Column value = new TabularBinding.Column(column.name(), column.type(), false);
                values.add(widened(field, expected, value, scoringClass));
            }
            return values;
        }
        if (named != null) {
            throw new IllegalArgumentException("Columns are named for '" + column.name() + "', but it is not an"
                    + " array input of " + scoringClass + ": name columns only for an ndarray input");
        }
        if (column.optional() && Arrays.stream(schema.fieldNames()).noneMatch(column.name()::equals)) {
            return List.of(functions.lit(null).cast(expected));
        }
        String role = column.width() > 0
                ? "input column (" + describe(column) + "; or name the dataset's columns that hold its values"
                        + " with arrayColumns, --array-columns " + column.name() + "=c1,c2,...)"
                : "input column (" + describe(column) + ")";
        StructField field = field(schema, column.name(), role);
        if (column.width() == 0) {
            return List.of(widened(field, expected, column, scoringClass));
        }
        if (!(field.dataType() instanceof ArrayType array)
                || !(array.elementType().equals(expected)
                        || ColumnTypes.widening(column.type()).contains(array.elementType()))) {
            throw new IllegalArgumentException("Column '" + column.name() + "' is "
                    + field.dataType().simpleString() + ", but " + scoringClass + " expects " + describe(column));
        }
        Column value = functions.col(quoted(column.name()));
        return List.of(array.elementType().equals(expected) ? value : value.cast(DataTypes.createArrayType(expected)));
    }

    /** A column of one value per row, cast to the expected type if it widens to it. */
    private static Column widened(
            StructField field, DataType expected, TabularBinding.Column column, String scoringClass) {
        Column value = functions.col(quoted(field.name()));
        if (field.dataType().equals(expected)) {
            return value;
        }
        if (!ColumnTypes.widening(column.type()).contains(field.dataType())) {
            throw new IllegalArgumentException(
                    "Column '" + field.name() + "' is " + field.dataType().simpleString() + ", but " + scoringClass
                            + " expects " + describe(column) + widensFrom(column));
        }
        return value.cast(expected);
    }

    private static StructField field(StructType schema, String name, String role) {
        for (StructField f : schema.fields()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        String columns =
                Arrays.stream(schema.fieldNames()).map(n -> "'" + n + "'").collect(Collectors.joining(", "));
        throw new IllegalArgumentException(
                "The dataset has no " + role + " '" + name + "'; its columns are " + columns);
    }

    private static String describe(TabularBinding.Column column) {
        String type = ColumnTypes.spark(column.type()).simpleString();
        if (column.width() > 0) {
            return "an array of " + column.width() + " " + type + " per row, without nulls";
        }
        return type + (column.nullable() ? "" : " without nulls");
    }

    private static String widensFrom(TabularBinding.Column column) {
        List<DataType> widening = ColumnTypes.widening(column.type());
        return widening.isEmpty()
                ? ""
                : " (or " + widening.stream().map(DataType::simpleString).collect(Collectors.joining(", "))
                        + ", which widen to it)";
    }

    /** Column names with dots or spaces as one name, not a path into a struct. */
    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}

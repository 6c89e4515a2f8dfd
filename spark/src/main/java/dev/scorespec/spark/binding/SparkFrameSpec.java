package dev.scorespec.spark.binding;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.scorespec.annotations.internal.spark.SparkDdl;
import dev.scorespec.spark.session.SparkSessionOwner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The schema of a {@code @SparkFrame} sample as a generated binder holds it in a constant: requests are read
 * into a {@code Dataset<Row>} of it, in the server's Spark session ({@link SparkSessionOwner#shared()}), and a
 * {@code Dataset<Row>} that {@code run} returns is written as JSON records by it. Built once, from the DDL the
 * processor wrote, and shared by every request.
 */
public final class SparkFrameSpec {

    /** Types a returned column may have where the sample's type is wider: they widen without loss. */
    private static final List<Set<DataType>> WIDENING = List.of(
            Set.of(DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType, DataTypes.LongType),
            Set.of(DataTypes.FloatType, DataTypes.DoubleType));

    private final String name;
    private final StructType schema;
    private final SparkRowReader reader;

    private SparkFrameSpec(String name, StructType schema) {
        this.name = Objects.requireNonNull(name, "name");
        this.schema = schema;
        this.reader = SparkRowReader.forSchema(schema);
    }

    /**
     * A sample's spec.
     *
     * @param name the value's name, for messages: the parameter's name, or {@code result}
     * @param ddl the sample's columns in Spark's DDL ({@link SparkDdl#format})
     */
    public static SparkFrameSpec of(String name, String ddl) {
        return new SparkFrameSpec(name, SparkTypes.toSpark(SparkDdl.parseSchema(ddl)));
    }

    /**
     * Starts the server's session, or joins the JVM's own: a binder with Spark samples calls it first in
     * {@code init}, so that Spark's start-up is paid before the server reports ready (not by the first
     * request), and an {@code @Init} method can use {@code SparkSession.active()} to load a Spark model.
     */
    public static void startSession() {
        SparkSessionOwner.shared().session();
    }

    /** The sample's schema. */
    public StructType schema() {
        return schema;
    }

    /**
     * Reads JSON records at the parser's current token into a dataset of the sample's schema, in the server's
     * session; the rows are checked as they are read ({@link SparkRowReader}).
     */
    public Dataset<Row> read(JsonParser json) throws IOException {
        List<Row> rows = reader.readRecords(json);
        return SparkSessionOwner.shared().session().createDataFrame(rows, schema);
    }

    /**
     * Writes a dataset that {@code run} returned as JSON records, by the output sample's columns. Its columns
     * must be the sample's, in any order, each of the sample's type or one that widens to it without loss
     * (an {@code int} where the sample has {@code bigint}); anything else is the scoring code's mistake and
     * fails the request (a 500) rather than answer what the schema does not say.
     */
    public void write(JsonGenerator out, Dataset<Row> result) throws IOException {
        SparkRowWriter.writeRecords(out, schema, output(result).collectAsList());
    }

    /**
     * A dataset that {@code run} returned as the output sample's columns, in its order and types: as
     * {@link #write} writes it, lazily.
     *
     * @throws IllegalStateException when it has other columns, or a column of another type
     */
    public Dataset<Row> output(Dataset<Row> result) {
        List<String> problems = new ArrayList<>();
        Dataset<Row> conformed = conform(result, false, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("run returned a Dataset that does not fit the " + name
                    + " sample's columns (" + columns() + "): " + String.join("; ", problems));
        }
        return conformed;
    }

    /**
     * A dataset to be scored as the input sample's columns, in its order and types; its other columns are
     * left out. Checked before any Spark job runs.
     *
     * @throws IllegalArgumentException when it lacks a column of the sample, or has one of a type that neither
     *     is nor widens to the sample's
     */
    public Dataset<Row> input(Dataset<Row> dataset) {
        List<String> problems = new ArrayList<>();
        Dataset<Row> conformed = conform(dataset, true, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The dataset does not fit the " + name + " sample's columns ("
                    + columns() + "): " + String.join("; ", problems));
        }
        return conformed;
    }

    private String columns() {
        return Arrays.stream(schema.fields())
                .map(f -> f.name() + " " + f.dataType().simpleString())
                .collect(Collectors.joining(", "));
    }

    /** The dataset as the sample's columns; what does not fit is added to {@code problems}. */
    private Dataset<Row> conform(Dataset<Row> result, boolean othersAllowed, List<String> problems) {
        StructType actual = result.schema();
        List<Column> columns = new ArrayList<>();
        for (StructField expected : schema.fields()) {
            StructField given = field(actual, expected.name());
            if (given == null) {
                problems.add("it has no column '" + expected.name() + "'");
                continue;
            }
            Column column = functions.col("`" + given.name().replace("`", "``") + "`");
            // simpleString leaves nullability out: a returned column may hold nulls the sample's may not.
            if (!given.dataType().simpleString().equals(expected.dataType().simpleString())) {
                if (!widens(given.dataType(), expected.dataType())) {
                    problems.add("column '" + expected.name() + "' is "
                            + given.dataType().simpleString() + ", not "
                            + expected.dataType().simpleString());
                    continue;
                }
                column = column.cast(expected.dataType());
            }
            columns.add(column.as(expected.name()));
        }
        for (StructField given : actual.fields()) {
            if (!othersAllowed && field(schema, given.name()) == null) {
                problems.add("it has a column '" + given.name() + "' the sample does not");
            }
        }
        return result.select(columns.toArray(Column[]::new));
    }

    private static boolean widens(DataType from, DataType to) {
        for (Set<DataType> family : WIDENING) {
            List<DataType> order = family.stream()
                    .sorted((a, b) -> Integer.compare(a.defaultSize(), b.defaultSize()))
                    .toList();
            if (order.contains(from) && order.contains(to)) {
                return order.indexOf(from) < order.indexOf(to);
            }
        }
        return false;
    }

    private static StructField field(StructType type, String name) {
        for (StructField f : type.fields()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }
}

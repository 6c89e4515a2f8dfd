package dev.scorespec.spark.binding;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The batch path of a scoring class that takes one {@code @SparkFrame} dataset and returns one: a generated
 * binder implements it, so a Spark job scores a whole dataset with one call of {@code run}, distributed by
 * Spark itself, with no JSON in between. {@link dev.scorespec.spark.BatchScoring} uses it for such classes.
 */
public interface DatasetBinding {

    /** The columns the input sample has, which the scored dataset must have (others are left out). */
    StructType inputSchema();

    /**
     * Calls {@code run} once with {@code input}, made to fit the input sample first, and returns its dataset
     * made to fit the output sample; the binder's {@code init} must have run.
     *
     * @throws IllegalArgumentException when {@code input} lacks a column of the input sample, or has one of a
     *     type that neither is nor widens to the sample's, before any Spark job runs
     */
    Dataset<Row> score(Dataset<Row> input) throws Exception;
}

package dev.scorespec.spark.batch;

import java.util.List;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.NamedExpression;
import org.apache.spark.sql.execution.ColumnarToRowExec;
import org.apache.spark.sql.execution.ProjectExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The column batches of a dataset that is a columnar scan (Parquet's vectorized reader, a cached dataset) of
 * columns as they are: Spark would turn each batch into rows ({@code ColumnarToRow}) only for the scorer to
 * read the values back out of them.
 *
 * @param batches the scan's batches, as Spark's physical plan produces them
 * @param columns per column of the dataset, its column in the batches
 */
public record ColumnarInput(RDD<ColumnarBatch> batches, int[] columns) {

    /**
     * The batches of {@code dataset} when its physical plan is a columnar scan, under at most a projection that
     * picks its columns (no expression, cast or alias); null otherwise, and the dataset is scored from rows.
     */
    public static ColumnarInput of(Dataset<Row> dataset) {
        SparkPlan plan = dataset.queryExecution().executedPlan();
        if (plan instanceof WholeStageCodegenExec codegen) {
            plan = codegen.child();
        }
        List<NamedExpression> produced = null;
        if (plan instanceof ProjectExec project) {
            produced = CollectionConverters.asJava(project.projectList());
            plan = project.child();
        }
        if (!(plan instanceof ColumnarToRowExec toRows) || !toRows.child().supportsColumnar()) {
            return null;
        }
        SparkPlan scan = toRows.child();
        List<Attribute> scanned = CollectionConverters.asJava(scan.output());
        if (produced == null) {
            produced = List.copyOf(CollectionConverters.asJava(toRows.output()));
        }
        if (produced.size() != dataset.schema().size()) {
            return null;
        }
        int[] columns = new int[produced.size()];
        for (int i = 0; i < columns.length; i++) {
            if (!(produced.get(i) instanceof Attribute attribute)) {
                return null;
            }
            columns[i] = -1;
            for (int j = 0; j < scanned.size(); j++) {
                if (scanned.get(j).exprId().equals(attribute.exprId())) {
                    columns[i] = j;
                }
            }
            if (columns[i] < 0
                    || !scanned.get(columns[i])
                            .dataType()
                            .equals(dataset.schema().fields()[i].dataType())) {
                return null;
            }
        }
        return new ColumnarInput(scan.executeColumnar(), columns);
    }
}

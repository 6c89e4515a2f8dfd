package dev.scorespec.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.scorespec.annotations.internal.spark.SparkType;
import java.util.Optional;

/**
 * A {@code @SparkFrame} sample, bound to a Spark {@code Dataset<Row>}: the sample's columns as Spark types,
 * from its DDL or inferred as Spark infers JSON, in the Spark-free model the runtime turns into Spark's own
 * {@code StructType}.
 */
public record SparkFrameType(SparkType.Struct schema) implements ValueType {

    /** {@code org.apache.spark.sql.Dataset}. */
    public static final ClassName DATASET = ClassName.get("org.apache.spark.sql", "Dataset");
    /** {@code org.apache.spark.sql.Row}. */
    public static final ClassName ROW = ClassName.get("org.apache.spark.sql", "Row");

    /** {@code Dataset<Row>}. */
    @Override
    public TypeName javaType() {
        return ParameterizedTypeName.get(DATASET, ROW);
    }

    /** A Spark schema has one type per column: no unions. */
    @Override
    public boolean needsUnion() {
        return false;
    }

    @Override
    public Optional<String> nestedObject() {
        return Optional.empty(); // records, as a records dataframe
    }

    @Override
    public String noun() {
        return "a Spark DataFrame";
    }

    /** A Spark dataset is spread over its executors already; a batcher cannot concatenate it. */
    @Override
    public BatchPlan.Rows rows() {
        return BatchPlan.Rows.NONE;
    }

    @Override
    public String batchNoun() {
        return "a @SparkFrame, which Spark runs in parallel itself";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.sparkFrame(this);
    }
}

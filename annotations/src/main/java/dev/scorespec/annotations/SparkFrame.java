package dev.scorespec.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Spark DataFrame sample, the counterpart of inference-schema's {@code SparkParameterType(df)}: the value
 * binds to an {@code org.apache.spark.sql.Dataset<Row>} in the server's Spark session, with the sample's
 * columns and types.
 *
 * <p>The sample is JSON records, a list of row objects ({@code [{"name": "Sarah", "age": 31}, ...]}), as a
 * records {@link DataFrame} sample is. Without {@link #ddl()}, the column types are inferred as Spark's JSON
 * reader infers them: integers {@code BIGINT}, other numbers {@code DOUBLE}, strings {@code STRING}, booleans
 * {@code BOOLEAN}, arrays {@code ARRAY<...>} and objects {@code STRUCT<...>}, the columns sorted by name.
 * With it, the DDL pins the columns, their order and their types, and every sample row must fit them:
 *
 * <pre>{@code
 * @InputSchema(param = "people", spark = @SparkFrame(
 *         ddl = "name STRING, age INT, joined TIMESTAMP, scores ARRAY<DOUBLE>, attrs MAP<STRING, INT>",
 *         sample = """
 *             [{"name": "Sarah", "age": 31, "joined": "2020-01-02T03:04:05Z", "scores": [0.5], "attrs": {"a": 1}}]"""))
 * public Dataset<Row> run(Dataset<Row> people) { ... }
 * }</pre>
 *
 * A service with a Spark sample runs Spark in its server: see the README's Spark section for the class path.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface SparkFrame {

    /** The sample as JSON text: a list of row objects. */
    String sample() default "";

    /** A class-path resource holding the sample as JSON records, read at compile time. */
    String sampleResource() default "";

    /**
     * The columns and their Spark types in Spark's DDL, as {@code StructType.fromDDL} reads it:
     * {@code "name STRING, age INT NOT NULL, price DECIMAL(10,2), address STRUCT<city: STRING>"}. Empty: the
     * types are inferred from the sample as Spark infers JSON.
     */
    String ddl() default "";
}

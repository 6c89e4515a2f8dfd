package dev.scorespec.processor;

import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * Spark's {@code Dataset} and {@code Row}, and the {@code scorespec-spark} class generated binders call, as
 * stubs: the processor's tests compile Spark scoring classes and their binders without Spark (the processor
 * has no Spark on any path). The real classes are compiled against and run by {@code scorespec-spark}'s tests,
 * where the processor generates binders for Spark scoring classes and a real session reads requests.
 */
final class SparkStubs {

    private static final List<JavaFileObject> STUBS = List.of(
            JavaFileObjects.forSourceString("org.apache.spark.sql.Row", """
                    package org.apache.spark.sql;

                    public interface Row {}
                    """),
            JavaFileObjects.forSourceString("org.apache.spark.sql.Dataset", """
                    package org.apache.spark.sql;

                    public class Dataset<T> {}
                    """),
            JavaFileObjects.forSourceString("dev.scorespec.spark.binding.SparkFrameSpec", """
                    package dev.scorespec.spark.binding;

                    import com.fasterxml.jackson.core.JsonGenerator;
                    import com.fasterxml.jackson.core.JsonParser;
                    import java.io.IOException;
                    import org.apache.spark.sql.Dataset;
                    import org.apache.spark.sql.Row;

                    public final class SparkFrameSpec {
                        public static SparkFrameSpec of(String name, String ddl) { return new SparkFrameSpec(); }

                        public static void startSession() {}

                        public Dataset<Row> read(JsonParser json) throws IOException { return null; }

                        public void write(JsonGenerator out, Dataset<Row> result) throws IOException {}

                        public org.apache.spark.sql.types.StructType schema() { return null; }

                        public Dataset<Row> input(Dataset<Row> dataset) { return dataset; }

                        public Dataset<Row> output(Dataset<Row> result) { return result; }
                    }
                    """),
            JavaFileObjects.forSourceString("dev.scorespec.spark.binding.DatasetBinding", """
                    package dev.scorespec.spark.binding;

                    import org.apache.spark.sql.Dataset;
                    import org.apache.spark.sql.Row;
                    import org.apache.spark.sql.types.StructType;

                    public interface DatasetBinding {
                        StructType inputSchema();

                        Dataset<Row> score(Dataset<Row> input) throws Exception;
                    }
                    """),
            JavaFileObjects.forSourceString("org.apache.spark.sql.types.StructType", """
                    package org.apache.spark.sql.types;

                    public class StructType {}
                    """));

    private SparkStubs() {}

    /** The sources with the stubs after them. */
    static JavaFileObject[] with(JavaFileObject... sources) {
        return Stream.concat(Stream.of(sources), STUBS.stream()).toArray(JavaFileObject[]::new);
    }
}

package dev.scorespec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A service without a Spark sample has no Spark on its class path: Spark's Netty, Jackson and second SLF4J
 * provider would otherwise meet the server's. The test class path holds every compile, runtime and test
 * dependency of this module, so none of them brings Spark in.
 */
class NoSparkTest {

    @Test
    void noSparkOnTheClassPath() {
        // Surefire starts the test JVM from a manifest-only jar and names the real class path here.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = Arrays.asList(classPath.split(File.pathSeparator));
        assertTrue(
                entries.stream().anyMatch(entry -> entry.contains("jackson-core")),
                "the class path read is the real one");
        List<String> spark = entries.stream()
                .filter(entry -> entry.contains("org/apache/spark")
                        || new File(entry).getName().startsWith("spark-"))
                .toList();
        assertEquals(List.of(), spark);
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.spark.sql.SparkSession"));
    }
}

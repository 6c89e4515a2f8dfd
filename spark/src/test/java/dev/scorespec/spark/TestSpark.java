package dev.scorespec.spark;

import dev.scorespec.spark.session.SparkSessionOwner;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of the test JVM: surefire runs every test class in one JVM, and a session takes
 * about 20 s to start on two cores. Two local cores, loopback only, no UI, few shuffle partitions (the test
 * data is small), UTC. Stopped by the owner's shutdown hook when the JVM exits.
 */
public final class TestSpark {

    private static final SparkSessionOwner OWNER = new SparkSessionOwner(
            "local[2]",
            Map.of(
                    "spark.sql.shuffle.partitions", "2",
                    "spark.default.parallelism", "2",
                    "spark.sql.session.timeZone", "UTC",
                    "spark.sql.adaptive.enabled", "false"));

    private TestSpark() {}

    public static SparkSession session() {
        return OWNER.session();
    }
}

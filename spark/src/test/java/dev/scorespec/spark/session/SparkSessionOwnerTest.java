package dev.scorespec.spark.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.scorespec.spark.TestSpark;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SparkSessionOwnerTest {

    @Test
    void masterComesFromThePropertyThenTheEnvironmentThenSparkSubmit() {
        assertEquals("spark://a:7077", SparkSessionOwner.master("spark://a:7077", "local[2]", "yarn"));
        assertEquals("local[2]", SparkSessionOwner.master(null, " local[2] ", "yarn"));
        assertEquals("yarn", SparkSessionOwner.master("", null, "yarn"));
        assertEquals("local[*]", SparkSessionOwner.master(null, null, null));
    }

    @Test
    void aLocalSessionListensOnLoopbackWithoutUi() {
        Map<String, String> settings = new SparkSessionOwner("local[*]", Map.of("spark.ui.enabled", "true")).settings();
        assertEquals("127.0.0.1", settings.get("spark.driver.bindAddress"));
        assertEquals("127.0.0.1", settings.get("spark.driver.host"));
        assertEquals("true", settings.get("spark.ui.enabled"), "an owner's own config wins");
        assertEquals(Map.of(), new SparkSessionOwner("spark://a:7077", Map.of()).settings());
    }

    @Test
    void aSessionThatExistsIsUsedAndNotStopped() {
        SparkSessionOwner other = new SparkSessionOwner("local[1]", Map.of());
        assertSame(TestSpark.session(), other.session());
        assertFalse(other.ownsRunningSession());
        other.close();
        assertFalse(TestSpark.session().sparkContext().isStopped());
    }
}

package dev.scorespec.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.util.Version;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Spark's Netty gives way to Vert.x's: every Netty artifact has the version the parent pom pins. */
class ClassPathTest {

    @Test
    void nettyIsVertxsVersion() {
        Map<String, String> versions = new TreeMap<>();
        Version.identify().forEach((artifact, version) -> {
            if (!artifact.startsWith("netty-tcnative")) { // released on its own numbering
                versions.put(artifact, version.artifactVersion());
            }
        });
        Map<String, String> expected = new TreeMap<>();
        versions.keySet().forEach(artifact -> expected.put(artifact, System.getProperty("netty.version")));
        assertEquals(expected, versions);
        assertEquals(true, versions.containsKey("netty-common"));
    }
}

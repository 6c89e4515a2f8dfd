package dev.scorespec.processor.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every diagnostic of the catalogue is asserted by some test, so a message nobody has seen reported
 * cannot slip in. A test asserts a diagnostic by its id ({@code "[SS142] ..."}), so an id that no
 * other test source of this module spells out has no test.
 */
class MessageCatalogueTest {

    /** Surefire runs in the module's directory. */
    private static final Path TEST_SOURCES = Path.of("src", "test", "java");

    private static final Pattern ID = Pattern.compile("SS\\d{3}");

    @Test
    void everyIdIsAssertedBySomeTest() throws IOException {
        Set<String> referenced = new TreeSet<>();
        String self = MessageCatalogueTest.class.getSimpleName() + ".java";
        try (Stream<Path> files = Files.walk(TEST_SOURCES)) {
            List<Path> sources = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().equals(self))
                    .toList();
            assertTrue(sources.size() > 10, "found the test sources under " + TEST_SOURCES.toAbsolutePath());
            for (Path source : sources) {
                Matcher ids = ID.matcher(read(source));
                while (ids.find()) {
                    referenced.add(ids.group());
                }
            }
        }
        Set<String> unasserted = Arrays.stream(Message.values())
                .map(Message::id)
                .filter(id -> !referenced.contains(id))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(
                Set.of(),
                unasserted,
                "Message ids no test under " + TEST_SOURCES + " asserts; add a test that "
                        + "triggers each and asserts its id, text and line");
    }

    @Test
    void idsAreUnique() {
        Set<String> ids = new TreeSet<>();
        for (Message message : Message.values()) {
            assertTrue(ids.add(message.id()), message + " reuses " + message.id());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

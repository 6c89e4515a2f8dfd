package dev.scorespec.runtime.server;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The access-log lines written while it is open: slf4j-simple writes to {@link System#err}, which this
 * replaces until {@link #close()}. A line is written when its response has ended, which may be after the
 * client has read the answer, so {@link #await} waits for a number of lines.
 */
final class AccessLog implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    AccessLog() {
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    /** The access lines so far. */
    synchronized List<String> lines() {
        return captured.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.contains("dev.scorespec.access"))
                .toList();
    }

    /** Everything logged so far, access or not. */
    synchronized String all() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** Waits up to 10 s for at least {@code count} lines, and returns them all. */
    List<String> await(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<String> lines = lines();
        while (lines.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
            lines = lines();
        }
        return lines;
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}

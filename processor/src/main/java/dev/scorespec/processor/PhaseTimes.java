package dev.scorespec.processor;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.PrintStream;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Where a compilation's time goes, for the build-time benchmark: the compiling thread's CPU time and the
 * classes the JVM loaded, by javac phase (through javac's task listener) and by step of the processor's
 * own work, each phase counted without the phases inside it. Turned on by
 * {@code -Ascorespec.phaseTimes}; the totals go to standard error when the compilation ends. Off by
 * default, and then it costs one check per step.
 *
 * <p>CPU time of the one thread that compiles, not wall time: on a busy machine wall time measures the
 * other processes. JIT compilation and garbage collection run on other threads and are not counted.
 */
final class PhaseTimes {

    /** The processor option that turns the count on. */
    static final String OPTION = "scorespec.phaseTimes";

    /** A step of the processor's own work. */
    enum Step {
        FIND("finding scoring classes"),
        READ("reading a class"),
        VALIDATE("validating it"),
        DOCUMENTS("rendering the OpenAPI documents"),
        INFERENCE_METADATA("rendering the Open Inference metadata"),
        BINDER_MODEL("building the binder's JavaPoet model"),
        SOURCE_FILE("javac's Filer: creating the binder's source file"),
        BINDER_TEXT("JavaPoet writing the binder"),
        RESOURCES("javac's Filer: creating and writing the resources"),
        LOCAL_CLASSES("scanning for local scoring classes");

        private final String label;

        Step(String label) {
            this.label = label;
        }
    }

    private static final PhaseTimes OFF = new PhaseTimes(null);

    private final Counter counter;

    private PhaseTimes(Counter counter) {
        this.counter = counter;
    }

    /** Counts when the option is given and the compiler is javac; otherwise does nothing. */
    static PhaseTimes of(ProcessingEnvironment env) {
        if (!env.getOptions().containsKey(OPTION)) {
            return OFF;
        }
        Counter counter = new Counter();
        try {
            JavacTask.instance(env).addTaskListener(counter);
        } catch (IllegalArgumentException notJavac) {
            return OFF;
        }
        return new PhaseTimes(counter);
    }

    /** Starts {@code step}; {@link #end} it in a {@code finally}. */
    void start(Step step) {
        if (counter != null) {
            counter.enter("ScoreSpec: " + step.label);
        }
    }

    void end(Step step) {
        if (counter != null) {
            counter.exit("ScoreSpec: " + step.label);
        }
    }

    /** Self time by phase: a stack of open phases, the elapsed time charged to the innermost. */
    private static final class Counter implements TaskListener {
        private static final String OUTSIDE = "javac, outside any phase (start-up, processing rounds' bookkeeping)";
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        private final Deque<String> open = new ArrayDeque<>();
        private final Map<String, long[]> totals = new LinkedHashMap<>();
        private final long startNanos;
        private final long startClasses;
        private long markNanos;
        private long markClasses;

        Counter() {
            startNanos = threads.getCurrentThreadCpuTime();
            startClasses = classes.getTotalLoadedClassCount();
            markNanos = startNanos;
            markClasses = startClasses;
        }

        void enter(String phase) {
            charge();
            open.push(phase);
            totals.computeIfAbsent(phase, p -> new long[3])[2]++;
        }

        void exit(String phase) {
            charge();
            // javac's events nest, except that a class's ENTER may finish after a round it started in
            if (open.contains(phase)) {
                while (!open.pop().equals(phase)) {
                    // the inner phases that never finished end with it
                }
            }
        }

        private void charge() {
            long nanos = threads.getCurrentThreadCpuTime();
            long loaded = classes.getTotalLoadedClassCount();
            long[] total = totals.computeIfAbsent(open.isEmpty() ? OUTSIDE : open.peek(), p -> new long[3]);
            total[0] += nanos - markNanos;
            total[1] += loaded - markClasses;
            markNanos = nanos;
            markClasses = loaded;
        }

        @Override
        public void started(TaskEvent e) {
            if (e.getKind() != TaskEvent.Kind.COMPILATION) {
                enter("javac: " + e.getKind().name().toLowerCase(java.util.Locale.ROOT));
            }
        }

        @Override
        public void finished(TaskEvent e) {
            if (e.getKind() == TaskEvent.Kind.COMPILATION) {
                charge();
                print(System.err);
            } else {
                exit("javac: " + e.getKind().name().toLowerCase(java.util.Locale.ROOT));
            }
        }

        private void print(PrintStream out) {
            long cpu = markNanos - startNanos;
            out.printf(
                    "ScoreSpec phase times: %d ms CPU of the compiling thread and %d classes loaded since the"
                            + " processor started (before it: %d ms, %d classes)%n",
                    cpu / 1_000_000, markClasses - startClasses, startNanos / 1_000_000, startClasses);
            out.println("| phase | CPU ms | share | classes loaded | times |");
            out.println("| --- | ---: | ---: | ---: | ---: |");
            totals.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                    .forEach(entry -> out.printf(
                            "| %s | %d | %.1f%% | %d | %d |%n",
                            entry.getKey(),
                            entry.getValue()[0] / 1_000_000,
                            100.0 * entry.getValue()[0] / Math.max(1, cpu),
                            entry.getValue()[1],
                            entry.getValue()[2]));
        }
    }
}

package dev.scorespec.runtime.server;

import dev.scorespec.runtime.binding.ScoringBinder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the binder to serve among those listed in
 * {@code META-INF/services/dev.scorespec.runtime.binding.ScoringBinder}: the only one, or the one whose
 * {@link ScoringBinder#scoringClass()} is configured.
 */
public final class Binders {

    private static final Logger LOG = LoggerFactory.getLogger(Binders.class);

    /**
     * Why no binder is usually there, and the fix. The build succeeds without the processor: Maven 3.8.7
     * resolves maven-compiler-plugin 3.1 when the pom names no version, and 3.1 ignores
     * {@code annotationProcessorPaths}, so nothing is generated and nothing is checked.
     */
    static final String PROCESSOR_DID_NOT_RUN = "The ScoreSpec annotation processor most likely did not run when the "
            + "scoring class was compiled. It runs with maven-compiler-plugin 3.5 or later when "
            + "<annotationProcessorPaths> lists dev.scorespec:scorespec-processor; a pom that gives the plugin no "
            + "<version> gets 3.1 on Maven 3.8.7, which ignores annotationProcessorPaths and builds without a binder. "
            + "Fix: give maven-compiler-plugin a version (3.14.1, as ScoreSpec's own build uses), keep the processor "
            + "in <annotationProcessorPaths>, rebuild, and check that target/classes/META-INF/services/"
            + ScoringBinder.class.getName() + " exists.";

    private Binders() {}

    /**
     * Loads every binder visible to {@code loader} and selects one.
     *
     * @param scoringClass the fully qualified scoring class to serve; needed when there are several
     * @throws ServerStartException when there is none, when several and no choice, when the choice is not
     *     among them, or when a listed binder cannot be created; the message lists what is there
     */
    public static ScoringBinder<?, ?> load(ClassLoader loader, Optional<String> scoringClass)
            throws ServerStartException {
        List<ScoringBinder<?, ?>> found = new ArrayList<>();
        try {
            for (ScoringBinder<?, ?> binder : ServiceLoader.load(ScoringBinder.class, loader)) {
                found.add(binder);
            }
        } catch (ServiceConfigurationError e) {
            throw new ServerStartException(
                    "A scoring binder listed in META-INF/services/" + ScoringBinder.class.getName()
                            + " cannot be loaded: " + e.getMessage(),
                    e);
        }
        return select(found, scoringClass);
    }

    /**
     * Whether a binder's scoring class (a binary name, {@code Outer$Scoring} for a nested class) is the one
     * configured: by its binary name, or by the source name a user writes ({@code Outer.Scoring}).
     */
    private static boolean names(String binaryName, String wanted) {
        return binaryName.equals(wanted) || binaryName.replace('$', '.').equals(wanted);
    }

    /** Selects among binders already loaded; the choice is logged. */
    static ScoringBinder<?, ?> select(List<ScoringBinder<?, ?>> found, Optional<String> scoringClass)
            throws ServerStartException {
        List<ScoringBinder<?, ?>> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing(ScoringBinder::scoringClass));
        String listed = sorted.stream().map(ScoringBinder::scoringClass).collect(Collectors.joining(", "));
        if (scoringClass.isPresent()) {
            String wanted = scoringClass.get();
            List<ScoringBinder<?, ?>> matches =
                    sorted.stream().filter(b -> names(b.scoringClass(), wanted)).collect(Collectors.toList());
            if (matches.isEmpty()) {
                throw new ServerStartException(
                        sorted.isEmpty()
                                ? "The scoring class " + wanted
                                        + " was asked for, but no scoring binder is on the class path "
                                        + "(none is listed in META-INF/services/" + ScoringBinder.class.getName()
                                        + "). "
                                        + PROCESSOR_DID_NOT_RUN
                                : "The scoring class " + wanted
                                        + " was asked for, but the scoring classes on the class path are: " + listed
                                        + ".");
            }
            if (matches.size() > 1) {
                throw new ServerStartException("The scoring class " + wanted + " has " + matches.size()
                        + " binders on the class path (" + binderClasses(matches) + "); keep one.");
            }
            ScoringBinder<?, ?> chosen = matches.get(0);
            LOG.info(
                    "Serving scoring class {} (binder {}), chosen by configuration among: {}",
                    chosen.scoringClass(),
                    chosen.getClass().getName(),
                    listed);
            return chosen;
        }
        if (sorted.isEmpty()) {
            throw new ServerStartException(
                    "No scoring binder is on the class path: none is listed in META-INF/services/"
                            + ScoringBinder.class.getName() + ". " + PROCESSOR_DID_NOT_RUN);
        }
        if (sorted.size() > 1) {
            throw new ServerStartException("Several scoring classes are on the class path: " + listed
                    + ". Choose one with --scoring-class or SCORESPEC_SCORING_CLASS.");
        }
        ScoringBinder<?, ?> only = sorted.get(0);
        LOG.info(
                "Serving scoring class {} (binder {}), the only one on the class path",
                only.scoringClass(),
                only.getClass().getName());
        return only;
    }

    private static String binderClasses(List<ScoringBinder<?, ?>> binders) {
        return binders.stream().map(b -> b.getClass().getName()).collect(Collectors.joining(", "));
    }
}

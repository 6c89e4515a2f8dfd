package dev.scorespec.spark.batch;

import dev.scorespec.runtime.ModelDir;
import dev.scorespec.runtime.binding.ScoringBinder;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scoring classes' binders of this JVM, each initialised once: an executor runs the scoring class's
 * {@code @Init} (loads the model) for its first partition and reuses it for every later task, as the server
 * does for every request.
 */
public final class BinderCache {

    private record Key(String scoringClass, String modelDir) {}

    private static final Map<Key, ScoringBinder<?, ?>> BINDERS = new ConcurrentHashMap<>();

    private BinderCache() {}

    /** The binder of {@code scoringClass} with its {@code init} done on {@code modelDir} (null: none). */
    public static ScoringBinder<?, ?> initialised(String scoringClass, String modelDir) {
        return BINDERS.computeIfAbsent(new Key(scoringClass, modelDir), key -> {
            ScoringBinder<?, ?> binder = find(scoringClass);
            try {
                binder.init(modelDir == null ? ModelDir.unconfigured() : ModelDir.of(Path.of(modelDir)));
            } catch (Exception e) {
                throw new IllegalStateException("The @Init of " + scoringClass + " failed: " + e.getMessage(), e);
            }
            return binder;
        });
    }

    /** A new binder of {@code scoringClass}, found as the server finds binders, not initialised. */
    public static ScoringBinder<?, ?> find(String scoringClass) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (ScoringBinder<?, ?> binder : ServiceLoader.load(ScoringBinder.class, loader)) {
            if (binder.scoringClass().equals(scoringClass)) {
                return binder;
            }
        }
        throw new IllegalArgumentException("No binder for " + scoringClass + " on the class path: is it annotated"
                + " @ScoringService and compiled with the ScoreSpec processor, and is its jar given to Spark?");
    }
}

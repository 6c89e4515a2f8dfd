package dev.scorespec.processor;

import com.google.testing.compile.Compilation;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.annotations.internal.OpenInferenceResource;
import dev.scorespec.annotations.internal.ScoringResource;
import dev.scorespec.runtime.binding.CompiledResource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.tools.JavaFileObject;

/**
 * Loads what a compilation wrote, classes and resources, so tests can call generated binders as the
 * server would. (Tests may use reflection to instantiate; the server uses ServiceLoader.)
 */
final class CompiledClasses extends ClassLoader {

    private final Map<String, byte[]> files = new HashMap<>();

    CompiledClasses(Compilation compilation) {
        super(CompiledClasses.class.getClassLoader());
        for (JavaFileObject file : compilation.generatedFiles()) {
            String path = file.toUri().getPath();
            int start = path.indexOf("/CLASS_OUTPUT/");
            if (start < 0) {
                continue;
            }
            try (InputStream in = file.openInputStream()) {
                files.put(path.substring(start + "/CLASS_OUTPUT/".length()), in.readAllBytes());
            } catch (java.io.FileNotFoundException e) {
                // Looked up but never written: the processor searched the class output for a sample resource.
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = files.get(name.replace('.', '/') + ".class");
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        byte[] bytes = files.get(name);
        return bytes != null ? new ByteArrayInputStream(bytes) : super.getResourceAsStream(name);
    }

    /** A resource the compilation wrote, as text; null if it wrote none at that path. */
    String text(String path) {
        byte[] bytes = files.get(path);
        return bytes == null ? null : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * One member of the resource the compilation wrote for a scoring class ({@link ScoringResource}), as
     * text; null if it wrote no such resource or member.
     */
    String member(String scoringClass, String member) {
        byte[] resource = files.get(ScoringResource.of(scoringClass));
        try {
            return resource == null
                    ? null
                    : CompiledResource.member(resource, member)
                            .map(bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                            .orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document of one version the compilation wrote for a scoring class; null if it wrote none. */
    String document(String scoringClass, OpenApiVersion version) {
        return member(scoringClass, version.member());
    }

    /** The Open Inference Protocol metadata the compilation wrote for a scoring class; null if none. */
    String openInference(String scoringClass) {
        return member(scoringClass, OpenInferenceResource.MEMBER);
    }

    /** The paths of the resources and classes the compilation wrote under {@code folder}, sorted. */
    SortedSet<String> paths(String folder) {
        SortedSet<String> paths = new TreeSet<>();
        for (String path : files.keySet()) {
            if (path.startsWith(folder)) {
                paths.add(path);
            }
        }
        return paths;
    }

    /** A new instance of a generated class. */
    @SuppressWarnings("unchecked")
    <T> T instance(String className) {
        try {
            return (T) loadClass(className).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

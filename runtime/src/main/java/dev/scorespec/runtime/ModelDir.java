package dev.scorespec.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The folder that holds the service's model files: {@code AZUREML_MODEL_DIR} in Azure ML. Given to
 * the {@code @Init} method. It comes in Azure ML's two layouts:
 *
 * <ul>
 *   <li><b>One model</b>: the folder holds that model's files (Azure ML sets {@code AZUREML_MODEL_DIR} to
 *       {@code .../azureml-models/<name>/<version>}). Find a file with {@link #resolve(String)}:
 *       {@code models.resolve("ridge.onnx")}.</li>
 *   <li><b>Several models</b>: the folder holds one {@code <name>/<version>/} folder per model version. Find
 *       a version's folder with {@link #path(String)} (the latest version) or {@link #path(String, int)},
 *       the counterparts of Python's {@code Model.get_model_path(name, version=None)}:
 *       {@code models.path("diabetes-ridge").resolve("ridge.onnx")}.</li>
 * </ul>
 *
 * <p>Versions are folder names. Azure ML numbers a registered model's versions 1, 2, 3...; the latest
 * version is the highest such number, and a version folder whose name is not a number (say
 * {@code v2-candidate}) is reachable only by {@link #path(String, String)}. Every lookup that finds
 * nothing throws an {@link IllegalArgumentException} saying what the folder does hold.
 */
public final class ModelDir {

    private final Path root;
    private final boolean configured;

    private ModelDir(Path root, boolean configured) {
        this.root = root.toAbsolutePath().normalize();
        this.configured = configured;
    }

    /** A model directory rooted at {@code root}. */
    public static ModelDir of(Path root) {
        return new ModelDir(root, true);
    }

    /**
     * The model directory of a server started without {@code AZUREML_MODEL_DIR}: rooted at the working
     * directory, as relative paths resolve in the Python server then, and {@link #isConfigured()} false.
     */
    public static ModelDir unconfigured() {
        return new ModelDir(Path.of(""), false);
    }

    /**
     * Whether a model directory was configured ({@code AZUREML_MODEL_DIR} or {@code --model-dir}); when it
     * was not, {@link #root()} is the working directory.
     */
    public boolean isConfigured() {
        return configured;
    }

    /** The folder itself. */
    public Path root() {
        return root;
    }

    /**
     * The path of a file inside the folder: the one-model layout.
     *
     * @throws IllegalArgumentException when the file does not exist, naming the folder searched
     */
    public Path resolve(String relativePath) {
        Path file = root.resolve(relativePath).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("'" + relativePath + "' is outside the model directory " + root);
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("No '" + relativePath + "' in the model directory " + where());
        }
        return file;
    }

    /**
     * The folder of a model's latest version, {@code <root>/<name>/<highest numbered version>}: the
     * several-models layout.
     *
     * <p>When the folder is itself the one version of a model, as Azure ML lays out a deployment of one
     * model ({@code .../<name>/<version>}), asking for that model's name gives the folder, so that a
     * scoring class written for several models also runs with one.
     *
     * @throws IllegalArgumentException when there is no such model or it has no numbered version, with the
     *     models and versions that exist
     */
    public Path path(String name) {
        checkSegment(name, "model name");
        if (isTheOnlyVersionOf(name) && !Files.isDirectory(root.resolve(name))) {
            return root;
        }
        Path model = model(name);
        Map<String, Path> versions = versions(model);
        List<BigInteger> numbered = new ArrayList<>();
        for (String v : versions.keySet()) {
            BigInteger n = number(v);
            if (n != null) {
                numbered.add(n);
            }
        }
        if (numbered.isEmpty()) {
            throw new IllegalArgumentException("Model '" + name + "' has no numbered version folder in the model "
                    + "directory " + where()
                    + (versions.isEmpty()
                            ? ": its folder is empty."
                            : ": its versions are " + String.join(", ", versions.keySet())
                                    + "; ask for one by name with path(name, version)."));
        }
        BigInteger latest = numbered.stream().max(Comparator.naturalOrder()).orElseThrow();
        for (Map.Entry<String, Path> v : versions.entrySet()) {
            if (latest.equals(number(v.getKey()))) {
                return v.getValue(); // "007" and "7" both number 7: the first in name order wins
            }
        }
        throw new AssertionError(latest);
    }

    /**
     * The folder of one version of a model, {@code <root>/<name>/<version>}.
     *
     * @throws IllegalArgumentException when there is no such model or version, with those that exist
     */
    public Path path(String name, int version) {
        return path(name, Integer.toString(version));
    }

    /**
     * The folder of one version of a model, {@code <root>/<name>/<version>}, the version being any folder
     * name (Azure ML's numbers, or a version label).
     *
     * @throws IllegalArgumentException when there is no such model or version, with those that exist
     */
    public Path path(String name, String version) {
        checkSegment(name, "model name");
        checkSegment(version, "model version");
        if (isTheOnlyVersionOf(name)
                && root.getFileName().toString().equals(version)
                && !Files.isDirectory(root.resolve(name))) {
            return root;
        }
        Path model = model(name);
        Map<String, Path> versions = versions(model);
        Path found = versions.get(version);
        if (found == null) {
            throw new IllegalArgumentException("Model '" + name + "' has no version " + version + " in the model "
                    + "directory " + where()
                    + (versions.isEmpty()
                            ? ": its folder is empty."
                            : ": its versions are " + String.join(", ", versions.keySet()) + "."));
        }
        return found;
    }

    /** {@code <root>/<name>}, or an error listing the models there. */
    private Path model(String name) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(
                    "No model '" + name + "': the model directory " + where() + " does not exist.");
        }
        Path model = root.resolve(name);
        if (Files.isDirectory(model)) {
            return model;
        }
        Map<String, Path> models = folders(root);
        if (models.isEmpty()) {
            throw new IllegalArgumentException(
                    "No model '" + name + "' in the model directory " + where() + ": it holds no model folders.");
        }
        String listed = models.entrySet().stream()
                .map(m -> m.getKey() + " (" + describeVersions(m.getValue()) + ")")
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException(
                "No model '" + name + "' in the model directory " + where() + ": it holds " + listed + ".");
    }

    private static String describeVersions(Path model) {
        Map<String, Path> versions = versions(model);
        if (versions.isEmpty()) {
            return "no versions";
        }
        return (versions.size() == 1 ? "version " : "versions ") + String.join(", ", versions.keySet());
    }

    /** Version folders by name, numbered ones in numeric order first, then the others by name. */
    private static Map<String, Path> versions(Path model) {
        Map<String, Path> byName = folders(model);
        Map<String, Path> ordered = new TreeMap<>(ModelDir::compareVersions);
        ordered.putAll(byName);
        return ordered;
    }

    private static int compareVersions(String a, String b) {
        BigInteger na = number(a);
        BigInteger nb = number(b);
        if (na != null && nb != null) {
            int byNumber = na.compareTo(nb);
            return byNumber != 0 ? byNumber : a.compareTo(b);
        }
        if (na != null || nb != null) {
            return na != null ? -1 : 1;
        }
        return a.compareTo(b);
    }

    /** The visible sub-folders of a folder by name, sorted. */
    private static Map<String, Path> folders(Path folder) {
        Map<String, Path> found = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, Files::isDirectory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".")) {
                    found.put(name, entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the folder " + folder, e);
        }
        return found;
    }

    /** A version folder's number: digits only; null for any other name. */
    private static BigInteger number(String version) {
        if (version.isEmpty() || !version.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return new BigInteger(version);
    }

    /** Whether the folder is {@code .../<name>/<version>}: Azure ML's directory for one model. */
    private boolean isTheOnlyVersionOf(String name) {
        Path parent = root.getParent();
        return parent != null
                && parent.getFileName() != null
                && parent.getFileName().toString().equals(name)
                && Files.isDirectory(root);
    }

    private static void checkSegment(String value, String what) {
        if (value == null
                || value.isEmpty()
                || value.equals(".")
                || value.equals("..")
                || value.indexOf('/') >= 0
                || value.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(
                    "Invalid " + what + " '" + value + "': a folder name is expected, " + "without '/' or '\\'.");
        }
    }

    /** The root as messages name it: with a hint when it is the working directory by default. */
    private String where() {
        return configured
                ? root.toString()
                : root + " (the working directory: AZUREML_MODEL_DIR and --model-dir are not set)";
    }

    @Override
    public String toString() {
        return root.toString();
    }
}

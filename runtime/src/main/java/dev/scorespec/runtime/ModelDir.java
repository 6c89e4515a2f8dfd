package dev.scorespec.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder that holds the service's model files: {@code AZUREML_MODEL_DIR} in Azure ML. Given to
 * the {@code @Init} method.
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
     * The path of a file inside the folder.
     *
     * @throws IllegalArgumentException when the file does not exist, naming the folder searched
     */
    public Path resolve(String relativePath) {
        Path file = root.resolve(relativePath).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("'" + relativePath + "' is outside the model directory " + root);
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("No '" + relativePath + "' in the model directory " + root);
        }
        return file;
    }

    @Override
    public String toString() {
        return root.toString();
    }
}

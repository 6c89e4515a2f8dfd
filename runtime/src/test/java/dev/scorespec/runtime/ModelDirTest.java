package dev.scorespec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both of Azure ML's model-directory layouts, on real folders. */
class ModelDirTest {

    @TempDir
    Path root;

    private Path version(String model, String version) throws IOException {
        Path folder = Files.createDirectories(root.resolve(model).resolve(version));
        Files.writeString(folder.resolve("model.bin"), model + " " + version);
        return folder;
    }

    @Test
    void resolveFindsAFileOfTheOneModelLayout() throws IOException {
        Files.writeString(root.resolve("ridge.onnx"), "x");
        ModelDir models = ModelDir.of(root);
        assertEquals(root.resolve("ridge.onnx"), models.resolve("ridge.onnx"));
        IllegalArgumentException missing =
                assertThrows(IllegalArgumentException.class, () -> models.resolve("other.onnx"));
        assertEquals("No 'other.onnx' in the model directory " + root, missing.getMessage());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> models.resolve("../x"));
        assertEquals("'../x' is outside the model directory " + root, outside.getMessage());
    }

    @Test
    void pathWithoutVersionIsTheHighestNumberedVersion() throws IOException {
        version("ridge", "2");
        version("ridge", "10");
        version("ridge", "9");
        version("ridge", "candidate");
        assertEquals(root.resolve("ridge/10"), ModelDir.of(root).path("ridge"));
    }

    @Test
    void pathWithVersionIsThatVersion() throws IOException {
        version("ridge", "1");
        version("ridge", "2");
        version("ridge", "candidate");
        ModelDir models = ModelDir.of(root);
        assertEquals(root.resolve("ridge/1"), models.path("ridge", 1));
        assertEquals(root.resolve("ridge/2"), models.path("ridge", "2"));
        assertEquals(root.resolve("ridge/candidate"), models.path("ridge", "candidate"));
    }

    @Test
    void aMissingModelListsTheModelsAndTheirVersions() throws IOException {
        version("ridge", "1");
        version("ridge", "2");
        version("bands", "3");
        Files.createDirectories(root.resolve(".cache"));
        Files.writeString(root.resolve("README.txt"), "not a model");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ModelDir.of(root).path("lasso"));
        assertEquals(
                "No model 'lasso' in the model directory " + root
                        + ": it holds bands (version 3), ridge (versions 1, 2).",
                e.getMessage());
    }

    @Test
    void aMissingVersionListsTheVersions() throws IOException {
        version("ridge", "1");
        version("ridge", "12");
        version("ridge", "candidate");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ModelDir.of(root).path("ridge", 3));
        assertEquals(
                "Model 'ridge' has no version 3 in the model directory " + root
                        + ": its versions are 1, 12, candidate.",
                e.getMessage());
    }

    @Test
    void aModelWithoutNumberedVersionsNeedsOneByName() throws IOException {
        version("ridge", "candidate");
        Files.createDirectories(root.resolve("empty"));
        ModelDir models = ModelDir.of(root);
        IllegalArgumentException unnumbered = assertThrows(IllegalArgumentException.class, () -> models.path("ridge"));
        assertEquals(
                "Model 'ridge' has no numbered version folder in the model directory " + root
                        + ": its versions are candidate; ask for one by name with path(name, version).",
                unnumbered.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> models.path("empty"));
        assertEquals(
                "Model 'empty' has no numbered version folder in the model directory " + root
                        + ": its folder is empty.",
                empty.getMessage());
    }

    @Test
    void anEmptyOrAbsentDirectorySaysSo() {
        IllegalArgumentException empty = assertThrows(
                IllegalArgumentException.class, () -> ModelDir.of(root).path("ridge"));
        assertEquals(
                "No model 'ridge' in the model directory " + root + ": it holds no model folders.", empty.getMessage());
        Path absent = root.resolve("absent");
        IllegalArgumentException gone = assertThrows(
                IllegalArgumentException.class, () -> ModelDir.of(absent).path("ridge"));
        assertEquals("No model 'ridge': the model directory " + absent + " does not exist.", gone.getMessage());
    }

    @Test
    void theUnconfiguredDirectorySaysWhyItIsTheWorkingDirectory() {
        ModelDir models = ModelDir.unconfigured();
        assertFalse(models.isConfigured());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> models.path("no-such-model-" + System.nanoTime()));
        assertTrue(
                e.getMessage().contains("(the working directory: AZUREML_MODEL_DIR and --model-dir are not set)"),
                e.getMessage());
    }

    @Test
    void azureOneModelDirectoryAnswersForItsOwnName() throws IOException {
        Path only = version("ridge", "4");
        ModelDir models = ModelDir.of(only);
        assertEquals(only, models.path("ridge"));
        assertEquals(only, models.path("ridge", 4));
        assertEquals(only.resolve("model.bin"), models.resolve("model.bin"));
        IllegalArgumentException otherVersion =
                assertThrows(IllegalArgumentException.class, () -> models.path("ridge", 5));
        assertTrue(
                otherVersion.getMessage().startsWith("No model 'ridge' in the model directory " + only),
                otherVersion.getMessage());
    }

    @Test
    void namesAndVersionsAreSingleFolderNames() {
        ModelDir models = ModelDir.of(root);
        for (String bad : new String[] {"", ".", "..", "a/b", "..\\x"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> models.path(bad));
            assertEquals(
                    "Invalid model name '" + bad + "': a folder name is expected, without '/' or '\\'.",
                    e.getMessage());
        }
        IllegalArgumentException version =
                assertThrows(IllegalArgumentException.class, () -> models.path("ridge", "../1"));
        assertEquals(
                "Invalid model version '../1': a folder name is expected, without '/' or '\\'.", version.getMessage());
    }
}

package dev.scorespec.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorespec.runtime.server.ScoringServer;
import dev.scorespec.runtime.server.ServerConfig;
import dev.scorespec.samples.ridge.RidgeScore_ScoreSpec;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * What a user of the documents does: generates a Java client from each document the running ridge sample
 * serves ({@code /swagger.json?version=2}, {@code 3}, {@code 3.1}) with openapi-generator's {@code java}
 * generator and its {@code native} library (the JDK's {@code HttpClient} and Jackson), compiles it with
 * {@code javax.tools}, and calls the server with it: the health check, then a prediction. The client finds
 * the server from the document itself ({@code servers} in 3.x, {@code host}, {@code basePath} and
 * {@code schemes} in 2.0), which the server fills from the request.
 */
class GeneratedClientTest {

    /** The ridge model's prediction for the documented example row. */
    private static final double PREDICTION = 3830.0435194872953;

    private static ScoringServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ScoringServer.start(
                ServerConfig.builder().port(0).workerCount(1).build(), new RidgeScore_ScoreSpec());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "version {0}")
    @ValueSource(strings = {"2", "3", "3.1"})
    void aClientGeneratedFromTheDocumentCallsTheServer(String version, @TempDir Path work) throws Exception {
        Path document = work.resolve("document.json");
        Files.writeString(document, get("/swagger.json?version=" + version));
        String base = "client.v" + version.replace(".", "_");
        Path sources = generate(document, base, work.resolve("generated"));
        Path classes = compile(sources, work.resolve("classes"));

        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, GeneratedClientTest.class.getClassLoader())) {
            Object apiClient =
                    loader.loadClass(base + ".ApiClient").getConstructor().newInstance();
            Class<?> apiType = loader.loadClass(base + ".api.DefaultApi");
            Object api = apiType.getConstructor(apiClient.getClass()).newInstance(apiClient);

            // GET /: text/plain in every version, so the client returns the text as it is
            assertEquals("Healthy", call(api, "serviceHealthCheck"));

            Class<?> inputType = loader.loadClass(base + ".model.ServiceInput");
            Object input = inputType.getConstructor().newInstance();
            List<List<Double>> rows = List.of(List.of(10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0));
            inputType.getMethod("setData", List.class).invoke(input, rows);
            assertEquals(List.of(PREDICTION), call(api, "runMLService", input));
        }
    }

    /** Generates the client's sources; returns their root. */
    private static Path generate(Path document, String base, Path output) {
        CodegenConfigurator config = new CodegenConfigurator()
                .setGeneratorName("java")
                .setLibrary("native")
                .setInputSpec(document.toString())
                .setOutputDir(output.toString())
                .setInvokerPackage(base)
                .setApiPackage(base + ".api")
                .setModelPackage(base + ".model")
                // what a user's build would not need either: tests, docs, null wrappers, Swagger annotations
                .addGlobalProperty("apiTests", "false")
                .addGlobalProperty("modelTests", "false")
                .addGlobalProperty("apiDocs", "false")
                .addGlobalProperty("modelDocs", "false")
                .addAdditionalProperty("useJakartaEe", true)
                .addAdditionalProperty("openApiNullable", false)
                .addAdditionalProperty("annotationLibrary", "none")
                .addAdditionalProperty("hideGenerationTimestamp", true);
        List<File> files =
                new DefaultGenerator().opts(config.toClientOptInput()).generate();
        assertTrue(files.stream().anyMatch(f -> f.getName().equals("DefaultApi.java")), files.toString());
        return output.resolve("src/main/java");
    }

    /** Compiles the generated sources against this test's class path (Jackson is on it); returns the classes. */
    private static Path compile(Path sources, Path classes) throws IOException {
        Files.createDirectories(classes);
        List<File> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java"))
                    .map(Path::toFile)
                    .toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
            Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromFiles(files);
            List<String> options = new ArrayList<>(List.of(
                    "-d",
                    classes.toString(),
                    "-classpath",
                    System.getProperty("java.class.path"),
                    "-proc:none",
                    "-nowarn",
                    "-Xlint:none"));
            boolean compiled = javac.getTask(errors, fileManager, null, options, null, units)
                    .call();
            assertTrue(compiled, "the generated client compiles:\n" + errors);
        }
        return classes;
    }

    private static Object call(Object api, String operation, Object... arguments) throws Exception {
        for (Method method : api.getClass().getMethods()) {
            if (method.getName().equals(operation) && method.getParameterCount() == arguments.length) {
                try {
                    return method.invoke(api, arguments);
                } catch (InvocationTargetException e) {
                    throw new AssertionError(operation + " failed: " + e.getCause(), e.getCause());
                }
            }
        }
        throw new AssertionError("The generated DefaultApi has no " + operation + ": "
                + List.of(api.getClass().getMethods()));
    }

    private static String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }
}

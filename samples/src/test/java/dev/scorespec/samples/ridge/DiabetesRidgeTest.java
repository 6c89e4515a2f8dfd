package dev.scorespec.samples.ridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DiabetesRidgeTest {

    private static final double TOLERANCE = 1e-9;
    private static final Path MODEL_DIR = Path.of(System.getProperty("basedir", "."), "models", "diabetes-ridge", "1");

    /** What {@code samples/models/make_ridge.py} wrote next to the model. */
    record Expected(double[][] input, double[] predictions) {}

    private static Expected expected;

    @BeforeAll
    static void readExpected() throws Exception {
        expected =
                new ObjectMapper().readValue(MODEL_DIR.resolve("expected.json").toFile(), Expected.class);
        assertEquals(4, expected.input().length, "docs sample + 3 data-set rows");
        assertEquals(expected.input().length, expected.predictions().length);
        assertArrayEquals(new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, expected.input()[0]);
    }

    @Test
    void modelFileMatchesExpectedPredictions() throws Exception {
        try (DiabetesRidge model = DiabetesRidge.load(MODEL_DIR.resolve("ridge.onnx"))) {
            assertArrayEquals(expected.predictions(), model.predict(expected.input()), TOLERANCE);
        }
    }

    @Test
    void modelBytesMatchExpectedPredictions() throws Exception {
        byte[] bytes = Files.readAllBytes(MODEL_DIR.resolve("ridge.onnx"));
        try (DiabetesRidge model = DiabetesRidge.load(bytes)) {
            assertArrayEquals(expected.predictions(), model.predict(expected.input()), TOLERANCE);
        }
    }

    @Test
    void bundledModelMatchesExpectedPredictions() throws Exception {
        try (DiabetesRidge model = DiabetesRidge.loadBundled()) {
            assertArrayEquals(expected.predictions(), model.predict(expected.input()), TOLERANCE);
        }
    }

    @Test
    void rowsAreScoredIndependently() throws Exception {
        try (DiabetesRidge model = DiabetesRidge.load(MODEL_DIR.resolve("ridge.onnx"))) {
            for (int i = 0; i < expected.input().length; i++) {
                double[] one = model.predict(new double[][] {expected.input()[i]});
                assertEquals(1, one.length);
                assertEquals(expected.predictions()[i], one[0], TOLERANCE, "row " + i);
            }
            assertEquals(0, model.predict(new double[0][]).length);
        }
    }

    @Test
    void wrongRowLengthIsRejected() throws Exception {
        try (DiabetesRidge model = DiabetesRidge.loadBundled()) {
            IllegalArgumentException tooShort = assertThrows(
                    IllegalArgumentException.class,
                    () -> model.predict(new double[][] {expected.input()[1], {1, 2, 3, 4, 5, 6, 7, 8, 9}}));
            assertTrue(tooShort.getMessage().contains("row 1 has 9 values"), tooShort.getMessage());
            assertThrows(IllegalArgumentException.class, () -> model.predict(new double[][] {new double[11]}));
            assertThrows(IllegalArgumentException.class, () -> model.predict(new double[][] {null}));
            assertThrows(IllegalArgumentException.class, () -> model.predict(null));
            // The model still works after rejecting bad input.
            assertArrayEquals(expected.predictions(), model.predict(expected.input()), TOLERANCE);
        }
    }

    @Test
    void notAModelIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> DiabetesRidge.load("not onnx".getBytes()));
    }

    @Test
    void closedModelRefusesToPredict() throws Exception {
        DiabetesRidge model = DiabetesRidge.loadBundled();
        model.close();
        model.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> model.predict(expected.input()));
    }

    @Test
    void concurrentPredictionsAgree() throws Exception {
        int threads = 8;
        int rounds = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (DiabetesRidge model = DiabetesRidge.load(MODEL_DIR.resolve("ridge.onnx"))) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<double[]>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<double[]>> task = () -> {
                    start.await();
                    List<double[]> answers = new ArrayList<>();
                    for (int r = 0; r < rounds; r++) {
                        answers.add(model.predict(expected.input()));
                    }
                    return answers;
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            for (Future<List<double[]>> future : futures) {
                for (double[] answer : future.get(60, TimeUnit.SECONDS)) {
                    assertArrayEquals(expected.predictions(), answer, TOLERANCE);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

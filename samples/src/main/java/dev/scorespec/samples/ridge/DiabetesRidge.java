package dev.scorespec.samples.ridge;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.DoubleBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The ridge-regression sample model: scikit-learn's {@code Ridge} fitted on the diabetes data set
 * (10 float64 features per row, one float64 prediction per row), run with ONNX Runtime.
 *
 * <p>The model file is made by {@code samples/models/make_ridge.py}; its graph takes an input
 * {@code data} of shape {@code [N, 10]} and returns {@code predictions} of shape {@code [N]}.
 *
 * <p>Instances are thread-safe: all callers share one {@link OrtSession}, and ONNX Runtime allows
 * concurrent {@code run} calls on a session. {@link #close()} waits for predictions in flight;
 * predictions after {@code close()} fail with {@link IllegalStateException}.
 */
public final class DiabetesRidge implements AutoCloseable {

    /** Number of features every input row must have. */
    public static final int FEATURES = 10;

    /**
     * Class-path location of the model bundled in the samples jar ({@code samples/models/} is
     * packaged under {@code models/}, keeping the Azure ML layout {@code <name>/<version>/<files>}).
     */
    public static final String BUNDLED_MODEL = "/models/diabetes-ridge/1/ridge.onnx";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final String inputName;
    private final String outputName;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed; // guarded by lifecycle

    private DiabetesRidge(OrtEnvironment env, OrtSession session, String inputName, String outputName) {
        this.env = env;
        this.session = session;
        this.inputName = inputName;
        this.outputName = outputName;
    }

    /**
     * Loads the model from an ONNX file.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the file is not a model of the expected shape
     */
    public static DiabetesRidge load(Path onnxFile) throws IOException {
        Objects.requireNonNull(onnxFile, "onnxFile");
        return load(Files.readAllBytes(onnxFile), onnxFile.toString());
    }

    /**
     * Loads the model from the bytes of an ONNX file.
     *
     * @throws IllegalArgumentException if the bytes are not a model of the expected shape
     */
    public static DiabetesRidge load(byte[] onnxModel) {
        Objects.requireNonNull(onnxModel, "onnxModel");
        return load(onnxModel, "in-memory model");
    }

    /**
     * Loads the model bundled in the samples jar at {@link #BUNDLED_MODEL}, for when no model
     * directory is configured.
     *
     * @throws IOException if the resource is missing or cannot be read
     */
    public static DiabetesRidge loadBundled() throws IOException {
        try (InputStream in = DiabetesRidge.class.getResourceAsStream(BUNDLED_MODEL)) {
            if (in == null) {
                throw new FileNotFoundException("no bundled model on the class path at " + BUNDLED_MODEL);
            }
            return load(in.readAllBytes(), "classpath:" + BUNDLED_MODEL);
        }
    }

    private static DiabetesRidge load(byte[] model, String source) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session;
        // A linear model of 10 features gains nothing from an intra-op thread pool; concurrency
        // comes from the callers sharing the session.
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            session = env.createSession(model, options);
        } catch (OrtException e) {
            throw new IllegalArgumentException("cannot load ONNX model from " + source + ": " + e.getMessage(), e);
        }
        try {
            String input = single(session.getInputInfo(), "input", source);
            String output = single(session.getOutputInfo(), "output", source);
            checkDoubleTensor(session.getInputInfo().get(input), source);
            checkDoubleTensor(session.getOutputInfo().get(output), source);
            long[] inShape = ((TensorInfo) session.getInputInfo().get(input).getInfo()).getShape();
            if (inShape.length != 2 || (inShape[1] != FEATURES && inShape[1] != -1)) {
                throw new IllegalArgumentException(
                        source + ": input " + input + " must have shape [N, " + FEATURES + "]");
            }
            return new DiabetesRidge(env, session, input, output);
        } catch (OrtException | RuntimeException e) {
            closeQuietly(session, e);
            if (e instanceof IllegalArgumentException illegalArgumentException) {
                throw illegalArgumentException;
            }
            throw new IllegalArgumentException("cannot inspect ONNX model from " + source, e);
        }
    }

    private static String single(Map<String, NodeInfo> infos, String what, String source) {
        if (infos.size() != 1) {
            throw new IllegalArgumentException(source + ": expected exactly one " + what + ", found " + infos.keySet());
        }
        return infos.keySet().iterator().next();
    }

    private static void checkDoubleTensor(NodeInfo info, String source) {
        if (!(info.getInfo() instanceof TensorInfo) || ((TensorInfo) info.getInfo()).type != OnnxJavaType.DOUBLE) {
            throw new IllegalArgumentException(
                    source + ": " + info.getName() + " must be a float64 tensor, is " + info.getInfo());
        }
    }

    private static void closeQuietly(OrtSession session, Exception cause) {
        try {
            session.close();
        } catch (OrtException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }

    /**
     * Predicts one value per row.
     *
     * @param rows input rows, each with exactly {@value #FEATURES} values
     * @return one prediction per row, in order
     * @throws IllegalArgumentException if {@code rows} or a row is {@code null}, or a row does not
     *     have {@value #FEATURES} values
     * @throws IllegalStateException if this model is closed or ONNX Runtime fails
     */
    public double[] predict(double[][] rows) {
        if (rows == null) {
            throw new IllegalArgumentException("rows must not be null");
        }
        DoubleBuffer flat = DoubleBuffer.allocate(Math.multiplyExact(rows.length, FEATURES));
        for (int i = 0; i < rows.length; i++) {
            double[] row = rows[i];
            if (row == null) {
                throw new IllegalArgumentException("row " + i + " is null");
            }
            if (row.length != FEATURES) {
                throw new IllegalArgumentException("row " + i + " has " + row.length + " values, expected " + FEATURES);
            }
            flat.put(row);
        }
        flat.flip();
        if (rows.length == 0) {
            return new double[0];
        }

        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("model is closed");
            }
            try (OnnxTensor data = OnnxTensor.createTensor(env, flat, new long[] {rows.length, FEATURES});
                    OrtSession.Result result = session.run(Map.of(inputName, data))) {
                OnnxValue value =
                        result.get(outputName).orElseThrow(() -> new IllegalStateException("no output " + outputName));
                DoubleBuffer out = ((OnnxTensor) value).getDoubleBuffer();
                if (out.remaining() != rows.length) {
                    throw new IllegalStateException(
                            "model returned " + out.remaining() + " values for " + rows.length + " rows");
                }
                double[] predictions = new double[rows.length];
                out.get(predictions);
                return predictions;
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime failed to score " + rows.length + " rows", e);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Releases the ONNX Runtime session, after predictions in flight have finished. Idempotent. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("failed to close ONNX Runtime session", e);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}

package dev.scorespec.runtime.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scorespec.runtime.InvalidInputException;
import dev.scorespec.runtime.ModelDir;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.binding.BindingException;
import dev.scorespec.runtime.binding.BodyKind;
import dev.scorespec.runtime.binding.JsonBody;
import dev.scorespec.runtime.binding.ScoringBinder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Hand-written binders standing in for generated ones. */
public final class TestBinders {

    private TestBinders() {}

    /** Arguments of {@link Sum}: rows of three numbers and an optional scale. */
    public static final class SumArgs {
        final List<double[]> rows;
        final Double scale;

        SumArgs(List<double[]> rows, Double scale) {
            this.rows = rows;
            this.scale = scale;
        }
    }

    /**
     * {@code run(double[][] data, Double scale)}: the sum of each row of three, times the scale. Scales with
     * special meanings: -1 throws, -2 sleeps (interruptibly) for 30 s, -3 makes {@code write} fail, -4 sleeps
     * 300 ms, -5 spins without looking at interrupts for the given time, -6 rejects the input
     * ({@code InvalidInputException}).
     */
    public static class Sum implements ScoringBinder<SumArgs, double[]> {
        final List<String> runThreads = new CopyOnWriteArrayList<>();
        final List<ScoringRequest> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxRunning = new AtomicInteger();
        final List<Boolean> interrupted = new CopyOnWriteArrayList<>();
        volatile ModelDir models;
        volatile CountDownLatch initGate;

        @Override
        public String scoringClass() {
            return "test.SumScore";
        }

        @Override
        public List<String> documentVersions() {
            return List.of("2.0", "3.0", "3.1");
        }

        @Override
        public BodyKind bodyKind() {
            return BodyKind.JSON_PARAMETERS;
        }

        @Override
        public void init(ModelDir models) throws Exception {
            this.models = models;
            CountDownLatch gate = initGate;
            if (gate != null) {
                gate.await();
            }
        }

        @Override
        public SumArgs bind(ScoringRequest request) throws IOException {
            requests.add(request);
            List<double[]> rows = null;
            Double scale = null;
            try (JsonParser p = request.jsonParser()) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw BindingException.at("", "expected an object");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    if (name.equals("data")) {
                        if (t != JsonToken.START_ARRAY) {
                            throw BindingException.at(p, "expected an array");
                        }
                        rows = new ArrayList<>();
                        while (p.nextToken() == JsonToken.START_ARRAY) {
                            double[] row = new double[3];
                            int n = 0;
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                if (!p.currentToken().isNumeric()) {
                                    throw BindingException.at(p, "expected a number");
                                }
                                if (n < 3) {
                                    row[n] = p.getDoubleValue();
                                }
                                n++;
                            }
                            if (n != 3) {
                                throw BindingException.at("data[" + rows.size() + "]", "expected 3 values, got " + n);
                            }
                            rows.add(row);
                        }
                        if (p.currentToken() != JsonToken.END_ARRAY) {
                            throw BindingException.at(p, "expected an array of rows");
                        }
                    } else if (name.equals("scale")) {
                        if (!t.isNumeric()) {
                            throw BindingException.at(p, "expected a number");
                        }
                        scale = p.getDoubleValue();
                    } else {
                        p.skipChildren();
                    }
                }
                JsonBody.end(p); // the whole body, as generated binders read it
            }
            if (rows == null) {
                throw BindingException.missing("data");
            }
            return new SumArgs(rows, scale);
        }

        @Override
        public double[] run(SumArgs args) throws Exception {
            int now = running.incrementAndGet();
            maxRunning.accumulateAndGet(now, Math::max);
            runThreads.add(Thread.currentThread().getName());
            try {
                double scale = args.scale == null ? 1 : args.scale;
                if (scale == -1) {
                    throw new IllegalStateException("boom: secret internals");
                }
                if (scale == -6) {
                    throw new InvalidInputException("scale: -6 is not a scale; give a positive number");
                }
                if (scale == -2) {
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException e) {
                        interrupted.add(true);
                        throw e;
                    }
                }
                if (scale == -4) {
                    Thread.sleep(300);
                }
                if (scale == -5) {
                    long until = System.nanoTime() + (long) (args.rows.get(0)[0] * 1_000_000);
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                }
                double[] sums = new double[args.rows.size()];
                for (int i = 0; i < sums.length; i++) {
                    double[] r = args.rows.get(i);
                    sums[i] = (r[0] + r[1] + r[2]) * (scale < 0 ? 1 : scale);
                }
                if (scale == -3) {
                    return null;
                }
                return sums;
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public void write(double[] result, JsonGenerator out) throws IOException {
            if (result == null) {
                throw new IOException("cannot write null");
            }
            out.writeArray(result, 0, result.length);
        }
    }

    /** An undecorated {@code run(String)}: answers {@code {"text": body}}; documents for 3.0 and 3.1 only. */
    public static class EchoText implements ScoringBinder<String, String> {
        @Override
        public String scoringClass() {
            return "test.EchoText";
        }

        @Override
        public List<String> documentVersions() {
            return List.of("3.0", "3.1");
        }

        @Override
        public BodyKind bodyKind() {
            return BodyKind.JSON_TEXT;
        }

        @Override
        public void init(ModelDir models) {}

        @Override
        public String bind(ScoringRequest request) {
            return request.bodyText();
        }

        @Override
        public String run(String text) {
            return text;
        }

        @Override
        public void write(String result, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("text", result);
            out.writeEndObject();
        }
    }

    /** A binder whose init throws. */
    public static final class FailingInit implements ScoringBinder<String, String> {
        @Override
        public String scoringClass() {
            return "test.FailingInit";
        }

        @Override
        public List<String> documentVersions() {
            return List.of();
        }

        @Override
        public BodyKind bodyKind() {
            return BodyKind.JSON_TEXT;
        }

        @Override
        public void init(ModelDir models) {
            throw new IllegalStateException("model.onnx is missing");
        }

        @Override
        public String bind(ScoringRequest request) {
            return request.bodyText();
        }

        @Override
        public String run(String text) {
            return text;
        }

        @Override
        public void write(String result, JsonGenerator out) throws IOException {
            out.writeString(result);
        }
    }
}

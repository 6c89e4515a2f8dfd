package dev.scorespec.runtime.batching;

import java.util.List;

/** A ridge-like scoring class for the tests: rows of features, and a scale that is not batched. */
record Ridge(double[][] data, double scale) {

    static final double[] WEIGHTS = {0.1, -0.7, 3.3, 1e-3, 42.0};

    /** A score per row that depends on that row alone, with enough arithmetic to differ in the last bits. */
    static double[] run(Ridge arguments) {
        double[] scores = new double[arguments.data.length];
        for (int i = 0; i < scores.length; i++) {
            double sum = 0.25;
            for (int j = 0; j < WEIGHTS.length; j++) {
                sum += WEIGHTS[j] * arguments.data[i][j];
            }
            scores[i] = Math.tanh(sum) * arguments.scale / 3;
        }
        return scores;
    }

    static final BatchShape<Ridge, double[]> SHAPE = new BatchShape<>() {
        @Override
        public int rows(Ridge arguments) {
            return BatchRows.arrayRows(arguments.data());
        }

        @Override
        public Object key(Ridge arguments) {
            return BatchKey.of(arguments.scale());
        }

        @Override
        public Ridge concat(List<Ridge> arguments) {
            return new Ridge(
                    BatchRows.concatArrays(arguments.stream().map(Ridge::data).toList()),
                    arguments.get(0).scale());
        }

        @Override
        public int resultRows(double[] result) {
            return result.length;
        }

        @Override
        public List<double[]> split(double[] result, int[] rowsPerRequest) {
            return BatchRows.splitArray(result, rowsPerRequest);
        }
    };

    static Ridge random(java.util.Random random, int rows, double scale) {
        double[][] data = new double[rows][WEIGHTS.length];
        for (double[] row : data) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return new Ridge(data, scale);
    }
}

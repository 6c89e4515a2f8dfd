package dev.scorespec.benchmarks;

import java.util.Arrays;

/** Set-up checks that every method of a benchmark decodes the same values, so that their times compare. */
final class Checks {

    private Checks() {}

    static void same(String method, double[] expected, double[] actual) {
        if (!Arrays.equals(expected, actual)) {
            throw new IllegalStateException(method + " decoded other values than the limit: "
                    + Arrays.toString(Arrays.copyOf(actual, Math.min(actual.length, 10))) + "...");
        }
    }

    static void same(String method, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException(method + " decoded " + actual + ", expected " + expected);
        }
    }

    static double[] flatten(double[][] rows) {
        return Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray();
    }
}

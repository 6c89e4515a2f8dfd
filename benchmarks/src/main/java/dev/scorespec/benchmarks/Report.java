package dev.scorespec.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns JMH's JSON results ({@code -rf json}) into the tables of BENCHMARKS.md: per benchmark class and
 * parameters, each method's time and allocation, and its speed against the baselines measured in the
 * same run.
 *
 * <p>Times are JMH's mean per operation, or the median in sample mode ({@code -bm sample}), with the fastest
 * operation and the 90th percentile beside it. Roles come from method names: {@code limit}, {@code databind}, {@code tree} and {@code tablesaw} are
 * baselines; {@code binder...} are generated binders. "x limit" is the limit's time divided by the
 * method's (the share of the parser's own speed reached: 1.00 is as fast as the limit); "x databind",
 * "x tree" and "x tablesaw" are how many times faster than that baseline. "alloc/decoded" divides the
 * bytes allocated per operation (JMH's {@code -prof gc}) by the heap size of what the method returns,
 * from the benchmark class's {@code decodedBytes(String, Map)}.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.scorespec.benchmarks.Report results.json</pre>
 */
public final class Report {

    private static final List<String> BASELINES =
            List.of("limit", "careful", "databind", "tree", "tablesaw", "dsljson");

    private Report() {}

    public static void main(String[] args) throws IOException, ReflectiveOperationException {
        if (args.length != 1) {
            System.err.println("usage: Report <jmh-results.json>");
            System.exit(2);
        }
        JsonNode results = new ObjectMapper().readTree(new File(args[0]));
        // class -> params -> method -> result, in the order JMH ran them
        Map<String, Map<String, Map<String, JsonNode>>> groups = new LinkedHashMap<>();
        for (JsonNode result : results) {
            String full = result.get("benchmark").asText();
            int dot = full.lastIndexOf('.');
            Map<String, String> params = params(result);
            groups.computeIfAbsent(full.substring(0, dot), k -> new LinkedHashMap<>())
                    .computeIfAbsent(params.toString(), k -> new LinkedHashMap<>())
                    .put(full.substring(dot + 1), result);
        }
        for (Map.Entry<String, Map<String, Map<String, JsonNode>>> group : groups.entrySet()) {
            String className = group.getKey();
            System.out.println("### " + className.substring(className.lastIndexOf('.') + 1));
            System.out.println();
            System.out.println(
                    "| params | method | time/op | alloc/op | decoded | alloc/decoded | x limit | x careful | x databind | x tree"
                            + " | x tablesaw | x dsljson |");
            System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            for (Map<String, JsonNode> methods : group.getValue().values()) {
                printRows(className, methods);
            }
            System.out.println();
        }
    }

    private static void printRows(String className, Map<String, JsonNode> methods) throws ReflectiveOperationException {
        Map<String, Double> baselines = new LinkedHashMap<>();
        for (String baseline : BASELINES) {
            if (methods.containsKey(baseline)) {
                baselines.put(baseline, time(methods.get(baseline)));
            }
        }
        List<String> order = new ArrayList<>();
        methods.keySet().stream().filter(m -> m.startsWith("binder")).sorted().forEach(order::add);
        BASELINES.stream().filter(methods::containsKey).forEach(order::add);
        methods.keySet().stream().filter(m -> !order.contains(m)).sorted().forEach(order::add);
        for (String method : order) {
            JsonNode result = methods.get(method);
            Map<String, String> params = params(result);
            double time = time(result);
            Double alloc = allocation(result);
            long decoded = decodedBytes(className, method, params);
            StringBuilder row = new StringBuilder("| ")
                    .append(params.isEmpty() ? "" : String.join(", ", params.values()))
                    .append(" | ")
                    .append(method.startsWith("binder") ? "**" + method + "**" : method)
                    .append(" | ")
                    .append(timeText(result))
                    .append(" | ")
                    .append(alloc == null ? "" : bytes(alloc))
                    .append(" | ")
                    .append(decoded < 0 ? "" : bytes((double) decoded))
                    .append(" | ")
                    .append(alloc == null || decoded <= 0 ? "" : String.format(Locale.ROOT, "%.2f", alloc / decoded))
                    .append(" |");
            for (String baseline : BASELINES) {
                Double base = baselines.get(baseline);
                row.append(' ')
                        .append(
                                base == null || baseline.equals(method)
                                        ? ""
                                        : String.format(Locale.ROOT, "%.2f", base / time))
                        .append(" |");
            }
            System.out.println(row);
        }
    }

    private static Map<String, String> params(JsonNode result) {
        Map<String, String> params = new TreeMap<>();
        JsonNode node = result.get("params");
        if (node != null) {
            node.properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        }
        return params;
    }

    /**
     * The time per operation: the mean, or in sample mode ({@code -bm sample}) the median of the
     * operations timed one by one, which a busy machine disturbs far less than the mean.
     */
    private static double time(JsonNode result) {
        JsonNode metric = result.get("primaryMetric");
        if (isSampled(result)) {
            return metric.get("scorePercentiles").get("50.0").asDouble();
        }
        return metric.get("score").asDouble();
    }

    private static boolean isSampled(JsonNode result) {
        return "sample".equals(result.path("mode").asText());
    }

    private static String timeText(JsonNode result) {
        JsonNode metric = result.get("primaryMetric");
        String unit = metric.get("scoreUnit").asText().replace("/op", "");
        if (isSampled(result)) {
            JsonNode percentiles = metric.get("scorePercentiles");
            return String.format(
                    Locale.ROOT,
                    "%s %s (min %s, p90 %s)",
                    significant(time(result)),
                    unit,
                    significant(percentiles.get("0.0").asDouble()),
                    significant(percentiles.get("90.0").asDouble()));
        }
        double error = metric.get("scoreError").asDouble();
        return String.format(
                Locale.ROOT,
                "%s ± %s %s",
                significant(metric.get("score").asDouble()),
                Double.isNaN(error) ? "?" : significant(error),
                unit);
    }

    /** JMH's normalized allocation rate, bytes per operation, when the run had {@code -prof gc}. */
    private static Double allocation(JsonNode result) {
        JsonNode secondary = result.get("secondaryMetrics");
        if (secondary == null) {
            return null;
        }
        for (var it = secondary.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                return e.getValue().get("score").asDouble();
            }
        }
        return null;
    }

    /** The benchmark class's {@code decodedBytes(method, params)}, or -1 when it has none. */
    private static long decodedBytes(String className, String method, Map<String, String> params)
            throws ReflectiveOperationException {
        Method decoded;
        try {
            decoded = Class.forName(className).getMethod("decodedBytes", String.class, Map.class);
        } catch (NoSuchMethodException e) {
            return -1;
        }
        return (long) decoded.invoke(null, method, params);
    }

    private static String significant(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    private static String bytes(double value) {
        return String.format(Locale.ROOT, "%,.0f B", value);
    }
}

#!/usr/bin/env bash
# Compile-time cost of the ScoreSpec processor: javac on COUNT generated scoring classes (alternately an
# ndarray service like the ridge sample and a standard-sample service like the text sample, each with its
# own shapes, dtypes and records), with the processor on the processor path, and with -proc:none. Each
# variant runs RUNS times, alternating, in fresh output directories; prints each median and their ratio.
#
#   bash benchmarks/compile.sh                 # COUNT=200 RUNS=7
#   COUNT=50 RUNS=3 bash benchmarks/compile.sh
#
# Uses the reactor's runtime/target/classes and processor/target/classes and their dependencies from the
# local Maven repository (mvn dependency:build-classpath); installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-200}
RUNS=${RUNS:-7}
# Builds the runtime and the processor, and writes each one's run-time class path to target/classpath.txt.
mvn -B -q -pl runtime,processor package dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=runtime -Dmdep.outputFile=target/classpath.txt

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
CLASSPATH_USER="runtime/target/classes:$(cat runtime/target/classpath.txt)"
PROCESSOR_PATH="processor/target/classes:$(cat processor/target/classpath.txt)"

# --- the sources: service i lives in package bench.s<i>
dtypes=(float64 float32 int64 int32)
javatypes=(double float long int)
src="$work/src"
for ((i = 0; i < COUNT; i++)); do
  pkg=$(printf 's%03d' "$i")
  dir="$src/bench/$pkg"
  mkdir -p "$dir"
  if (( i % 2 == 0 )); then
    k=$(( i / 2 % 4 ))
    dtype=${dtypes[$k]} jt=${javatypes[$k]}
    columns=$(( 2 + i % 29 ))
    row=$(seq -s ', ' 1 "$columns")
    cat > "$dir/Score$i.java" <<JAVA
package bench.$pkg;

import dev.scorespec.annotations.Init;
import dev.scorespec.annotations.InputSchema;
import dev.scorespec.annotations.NdArray;
import dev.scorespec.annotations.OutputSchema;
import dev.scorespec.runtime.ModelDir;

/** A linear model over $columns features. */
public final class Score$i {
    private double[] weights;

    @Init
    void init(ModelDir models) {
        weights = new double[$columns];
        java.util.Arrays.fill(weights, 1.0 / $columns);
    }

    @InputSchema(param = "data", ndarray = @NdArray(sample = "[[$row]]", dtype = "$dtype"))
    @OutputSchema(ndarray = @NdArray(sample = "[0.5]"))
    public double[] run($jt[][] data) {
        double[] out = new double[data.length];
        for (int r = 0; r < data.length; r++) {
            for (int c = 0; c < weights.length; c++) {
                out[r] += weights[c] * data[r][c];
            }
        }
        return out;
    }
}
JAVA
  else
    cat > "$dir/Score$i.java" <<JAVA
package bench.$pkg;

import dev.scorespec.annotations.InputSchema;
import dev.scorespec.annotations.OutputSchema;
import dev.scorespec.annotations.RequestHeaders;
import dev.scorespec.annotations.Standard;
import java.util.List;
import java.util.Map;

/** Text statistics, service $i. */
public final class Score$i {

    public record Customer(String name, long age, double score$i, boolean active) {
    }

    public record Answer(List<Double> scores, String requestId) {
    }

    @InputSchema(param = "customers", standard = @Standard(sample = """
            [{"name": "Sarah", "age": 25, "score$i": 0.5, "active": true}]"""))
    @InputSchema(param = "threshold$i", optional = true, standard = @Standard(sample = "$i.5"))
    @InputSchema(param = "tags", standard = @Standard(sample = "[\"a\", \"b\"]"))
    @OutputSchema(standard = @Standard(sample = "{\"scores\": [0.25], \"requestId\": \"abc\"}"))
    public Answer run(List<Customer> customers, Double threshold$i, List<String> tags,
                      @RequestHeaders Map<String, String> headers) {
        double limit = threshold$i == null ? 0 : threshold$i;
        List<Double> scores = customers.stream()
                .map(c -> c.active() && c.score$i() > limit ? c.score$i() * c.age() : 0.0)
                .toList();
        return new Answer(scores, headers.getOrDefault("x-ms-client-request-id", String.join(",", tags)));
    }
}
JAVA
  fi
done
find "$src" -name '*.java' > "$work/sources"

compile() { # out-dir javac-options...
  local out=$1; shift
  rm -rf "$out"; mkdir -p "$out/classes" "$out/generated"
  local start end
  start=$(date +%s%N)
  javac -d "$out/classes" -s "$out/generated" -cp "$CLASSPATH_USER" "$@" @"$work/sources"
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

# one untimed run each: warms the file cache and checks that the sources compile both ways
compile "$work/out" -proc:none >/dev/null
compile "$work/out" -processorpath "$PROCESSOR_PATH" >/dev/null
binders=$(find "$work/out/generated" -name '*_ScoreSpec.java' | wc -l)
[ "$binders" -eq "$COUNT" ] || { echo "expected $COUNT binders, the processor wrote $binders" >&2; exit 1; }

: > "$work/none.ms"; : > "$work/processor.ms"
for ((r = 0; r < RUNS; r++)); do
  compile "$work/out" -proc:none >> "$work/none.ms"
  compile "$work/out" -processorpath "$PROCESSOR_PATH" >> "$work/processor.ms"
done
none=$(median < "$work/none.ms")
with=$(median < "$work/processor.ms")
echo "cores $(nproc), $(javac -version 2>&1), $COUNT scoring classes, $RUNS runs each"
echo "javac -proc:none         median ${none} ms   runs: $(tr '\n' ' ' < "$work/none.ms")"
echo "javac with the processor median ${with} ms   runs: $(tr '\n' ' ' < "$work/processor.ms")"
awk -v a="$with" -v b="$none" 'BEGIN {printf "ratio %.2f (the processor adds %.0f%%)\n", a / b, (a / b - 1) * 100}'

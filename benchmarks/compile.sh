#!/usr/bin/env bash
# Compile-time cost of the ScoreSpec processor: javac on COUNT generated scoring classes (alternately an
# ndarray service like the ridge sample and a standard-sample service like the text sample, each with its
# own shapes, dtypes and records), with the processor on the processor path, and with -proc:none. Each
# variant runs RUNS times, alternating, in fresh output directories; prints each median and their ratio.
#
#   bash benchmarks/compile.sh                 # COUNT=200 RUNS=7
#   COUNT=50 RUNS=3 bash benchmarks/compile.sh
#
# A third variant compiles the scoring classes together with the binders the processor generated, without
# the processor: the share of the cost that is javac compiling generated code.
#
# WORK=<dir> writes the sources and outputs there and keeps them (for a profile of one javac run, see
# BENCHMARKS.md); by default they go to a temporary directory that is removed.
#
# Uses the reactor's runtime/target/classes and processor/target/classes and their dependencies from the
# local Maven repository (mvn dependency:build-classpath); installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-200}
RUNS=${RUNS:-7}
# Builds the runtime and the processor, and writes each one's run-time class path to target/classpath.txt.
mvn -B -q -pl runtime,processor -am package dependency:build-classpath -DskipTests \
    -DincludeScope=runtime -Dmdep.outputFile=target/classpath.txt

if [ -n "${WORK:-}" ]; then
  work=$(mkdir -p "$WORK" && cd "$WORK" && pwd)
  rm -rf "$work/src"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
CLASSPATH_USER="runtime/target/classes:$(cat runtime/target/classpath.txt)"
PROCESSOR_PATH="processor/target/classes:$(cat processor/target/classpath.txt)"

# --- the sources: service i is bench.p<i / 10>.Score<i>, ten to a package
dtypes=(float64 float32 int64 int32)
javatypes=(double float long int)
src="$work/src"
for ((i = 0; i < COUNT; i++)); do
  pkg=$(printf 'p%02d' "$(( i / 10 ))")
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

compile() { # out-dir javac-options... -> "wall-ms cpu-ms" (cpu: user + sys, JIT and GC threads included)
  local out=$1; shift
  rm -rf "$out"; mkdir -p "$out/classes" "$out/generated"
  local TIMEFORMAT='%R %U %S' times
  times=$( { time javac -d "$out/classes" -s "$out/generated" -cp "$CLASSPATH_USER" "$@" @"$work/sources" \
      > "$out/javac.log" 2>&1; } 2>&1 ) || { cat "$out/javac.log" >&2; exit 1; }
  awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' <<< "$times"
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

# One untimed run each: warms the file cache and checks that the sources compile both ways.
compile "$work/out" -proc:none > /dev/null
compile "$work/out" -processorpath "$PROCESSOR_PATH" > /dev/null
binders=$(find "$work/out/generated" -name '*_ScoreSpec.java' | wc -l)
[ "$binders" -eq "$COUNT" ] || { echo "expected $COUNT binders, the processor wrote $binders" >&2; exit 1; }
# The generated binders alone, compiled with the scoring classes and no processor: what javac spends on
# the generated code, as opposed to the processor's own work.
find "$work/out/generated" -name '*.java' > "$work/generated"
cp -r "$work/out/generated" "$work/generated-sources"
sed "s|^$work/out/generated|$work/generated-sources|" "$work/generated" > "$work/generated.list"

: > "$work/none.ms"; : > "$work/processor.ms"; : > "$work/generated.ms"
for ((r = 0; r < RUNS; r++)); do
  compile "$work/out" -proc:none >> "$work/none.ms"
  compile "$work/out" -processorpath "$PROCESSOR_PATH" >> "$work/processor.ms"
  compile "$work/out" -proc:none @"$work/generated.list" >> "$work/generated.ms"
done

echo "cores $(nproc), $(javac -version 2>&1), $COUNT scoring classes, $RUNS runs of each, alternating"
echo
echo "| javac | wall, median | CPU (user + sys), median | wall runs (ms) |"
echo "| --- | ---: | ---: | --- |"
row() { # label file
  printf '| %s | %s ms | %s ms | %s |\n' "$1" "$(cut -d' ' -f1 "$2" | median)" "$(cut -d' ' -f2 "$2" | median)" \
      "$(cut -d' ' -f1 "$2" | tr '\n' ' ')"
}
row "scoring classes, \`-proc:none\` (baseline)" "$work/none.ms"
row "scoring classes with the ScoreSpec processor" "$work/processor.ms"
row "scoring classes + the generated binders, \`-proc:none\`" "$work/generated.ms"
echo
awk -v w="$(cut -d' ' -f1 "$work/processor.ms" | median)" -v c="$(cut -d' ' -f2 "$work/processor.ms" | median)" \
    -v w0="$(cut -d' ' -f1 "$work/none.ms" | median)" -v c0="$(cut -d' ' -f2 "$work/none.ms" | median)" \
    -v wg="$(cut -d' ' -f1 "$work/generated.ms" | median)" -v cg="$(cut -d' ' -f2 "$work/generated.ms" | median)" 'BEGIN {
  printf "with the processor: %.2fx wall, %.2fx CPU of the baseline (adds %.0f%% wall, %.0f%% CPU)\n", w / w0, c / c0, (w / w0 - 1) * 100, (c / c0 - 1) * 100
  printf "of which compiling the generated binders: %.0f%% wall, %.0f%% CPU; the processor itself: %.0f%% wall, %.0f%% CPU\n", (wg / w0 - 1) * 100, (cg / c0 - 1) * 100, (w - wg) / w0 * 100, (c - cg) / c0 * 100
}'
if [ "${PHASES:-1}" != 0 ]; then
  echo
  compile "$work/out" -processorpath "$PROCESSOR_PATH" -Ascorespec.phaseTimes > /dev/null
  grep -A100 '^ScoreSpec phase times' "$work/out/javac.log"
fi

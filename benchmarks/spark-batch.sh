#!/usr/bin/env bash
# Batch scoring on Spark against the HTTP path, in rows per second over the same kind of rows (ten float64
# features, the ridge sample's shape):
#   batch: BatchBenchmark scores a Parquet file of ROWS rows in local[2] through BatchScoring and the ridge
#          sample (RidgeScore, ONNX Runtime; MODEL=ridge-like for a hand-written linear binder instead),
#          Parquet out, whole job timed, best of RUNS; BREAKDOWN=1 also times the job's parts;
#   HTTP:  wrk POSTs 1,000-row requests ({"data": [[10 values] x 1000]}) to the samples jar's ridge
#          service for DURATION seconds at concurrency 2, rows/s = requests/s x 1000.
#
#   mvn -B -q package -DskipTests && bash benchmarks/spark-batch.sh
#   ROWS=200000 RUNS=1 DURATION=5 bash benchmarks/spark-batch.sh     # a quick look
#   flock /tmp/scorespec-bench.lock nice -n -10 bash benchmarks/spark-batch.sh   # on a shared machine
#
# Needs wrk (apt-get install wrk), the samples jar, and Maven (spark/spark-java.sh builds Spark's class path).
# Traffic goes to 127.0.0.1 only and every wrk run is bounded by DURATION seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}
DURATION=${DURATION:-10}
MODEL=${MODEL:-ridge}
PORT=${PORT:-5072}
JAR=samples/target/scorespec-samples.jar
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q package -DskipTests" >&2; exit 1; }

work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

echo "== batch: $ROWS rows in local[2], load average $(cut -d' ' -f1-3 /proc/loadavg)"
JAVA_OPTS=-Xmx4g bash spark/spark-java.sh dev.scorespec.spark.batch.BatchBenchmark "$ROWS" "$RUNS" "$MODEL" \
  ${BREAKDOWN:+breakdown} \
  2>"$work/spark.log" | tee "$work/batch.txt" || { tail -30 "$work/spark.log"; exit 1; }

echo "== HTTP: 1,000-row requests to the ridge sample, concurrency 2, ${DURATION}s, load average $(cut -d' ' -f1-3 /proc/loadavg)"
awk 'BEGIN {
  x = 20261124
  printf "{\"data\": ["
  for (i = 0; i < 1000; i++) {
    printf "%s[", (i ? ", " : "")
    for (j = 0; j < 10; j++) {
      x = (x * 1103515245 + 12345) % 2147483648
      printf "%s%.17g", (j ? ", " : ""), (x / 2147483648 - 0.5) * 0.2
    }
    printf "]"
  }
  printf "]}"
}' > "$work/1000x10.json"
cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$work/1000x10.json", "r"); wrk.body = f:read("*a"); f:close()
LUA
java -jar "$JAR" --port "$PORT" > "$work/server.log" 2>&1 &
server=$!
until [ "$(curl -s "http://127.0.0.1:$PORT/" 2>/dev/null)" = "Healthy" ]; do
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.1
done
wrk -t 2 -c 2 -d 3s -s "$work/post.lua" "http://127.0.0.1:$PORT/score" >/dev/null   # warm-up
wrk -t 2 -c 2 -d "${DURATION}s" -s "$work/post.lua" "http://127.0.0.1:$PORT/score" | tee "$work/wrk.txt"

batch=$(awk '/^run / {gsub(",", "", $0); for (i = 1; i <= NF; i++) if ($(i + 1) == "rows/s") v = $i; if (v > best) best = v} END {print best}' "$work/batch.txt")
http=$(awk '/Requests\/sec/ {print $2 * 1000}' "$work/wrk.txt")
echo "batch (best of $RUNS): $batch rows/s; HTTP: $http rows/s; batch / HTTP = $(awk -v b="$batch" -v h="$http" 'BEGIN {printf "%.1f", b / h}')"

#!/usr/bin/env bash
# Server-level benchmark of @Batching: wrk against the running server, batching off and on, in one run.
# Two models, each served twice at once (batching off with --batch-max-rows 0, on with the class's own
# @Batching(maxRows = 256, maxDelayMs = 5)), POST /score with one row of 10 float64 features per request at
# concurrency 1, 8 and 64, off and on measured one after the other at each concurrency:
#
#   - fixed cost: benchmarks' FixedCostScore, 2 ms of waiting per run call plus 5 us of computing per row
#     (a device or a remote runtime), from benchmarks/target/benchmarks.jar;
#   - ONNX ridge: samples' BatchedRidgeScore, the ridge sample's ONNX Runtime model, from the samples jar.
#
#   mvn -B -q -pl samples,benchmarks -am package -DskipTests && bash benchmarks/serve-batching.sh
#   DURATION=30 WARMUP=10 bash benchmarks/serve-batching.sh
#
# Needs wrk and curl. Traffic goes to 127.0.0.1 only; wrk runs on the same machine and takes CPU from the
# servers, so figures compare rows of one run, on one machine.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
BASE_PORT=${BASE_PORT:-5081}
SAMPLES=samples/target/scorespec-samples.jar
BENCHMARKS=benchmarks/target/benchmarks.jar
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
for jar in "$SAMPLES" "$BENCHMARKS"; do
  [ -f "$jar" ] || { echo "$jar is missing: mvn -B -q -pl samples,benchmarks -am package -DskipTests" >&2; exit 1; }
done

work=$(mktemp -d)
servers=()
trap 'for p in "${servers[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

# One row of 10 features scaled like the diabetes data set, from a fixed-seed generator.
awk 'BEGIN {
  x = 20261128
  printf "{\"data\": [["
  for (j = 0; j < 10; j++) {
    x = (x * 1103515245 + 12345) % 2147483648
    printf "%s%.17g", (j ? ", " : ""), (x / 2147483648 - 0.5) * 0.2
  }
  printf "]]}"
}' > "$work/1x10.json"
cat > "$work/1x10.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$work/1x10.json", "r"); wrk.body = f:read("*a"); f:close()
LUA

serve() { # port log java-args... ; starts a server and waits until it is healthy
  local port=$1 log=$2
  shift 2
  java "$@" --port "$port" > "$log" 2>&1 &
  servers+=("$!")
  until [ "$(curl -s "http://127.0.0.1:$port/" 2>/dev/null)" = "Healthy" ]; do
    kill -0 "${servers[-1]}" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.05
  done
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/score" -H 'Content-Type: application/json' -d @"$work/1x10.json")
  [ "$status" = 200 ] || { echo "POST /score on port $port answered $status" >&2; exit 1; }
}

wrk_run() { # seconds concurrency port -> wrk's output in $work/out
  wrk -t"$(( $2 < 2 ? 1 : 2 ))" -c"$2" -d"$1s" --latency -s "$work/1x10.lua" "http://127.0.0.1:$3/score" > "$work/out"
}

commas() { # 94742.5 -> 94,743
  awk -v n="$1" 'BEGIN {s = sprintf("%.0f", n); out = ""; while (length(s) > 3) {out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3)}; print s out}'
}

echo "cores $(nproc), $(java -version 2>&1 | head -1), ${DURATION}s per row, warm-up ${WARMUP}s per server"
echo
echo "| model | concurrency | batching | requests/s | p50 | p99 | errors | throughput on / off |"
echo "| --- | ---: | --- | ---: | ---: | ---: | --- | ---: |"
port=$BASE_PORT
for model in "fixed cost" "ONNX ridge"; do
  case $model in
    fixed*) args=(-cp "$BENCHMARKS" dev.scorespec.runtime.Main --scoring-class dev.scorespec.benchmarks.scoring.FixedCostScore) ;;
    *) args=(-jar "$SAMPLES" --scoring-class dev.scorespec.samples.ridge.BatchedRidgeScore) ;;
  esac
  off=$port
  on=$((port + 1))
  port=$((port + 2))
  serve "$off" "$work/off-$off.log" "${args[@]}" --batch-max-rows 0
  serve "$on" "$work/on-$on.log" "${args[@]}"
  # JIT warm-up, not measured
  wrk_run "$WARMUP" 8 "$off"
  wrk_run "$WARMUP" 8 "$on"
  for c in 1 8 64; do
    off_rps=
    for mode in off on; do
      [ "$mode" = off ] && wrk_run "$DURATION" "$c" "$off" || wrk_run "$DURATION" "$c" "$on"
      rps=$(awk '/Requests\/sec/ {print $2}' "$work/out")
      p50=$(awk '$1 == "50%" {print $2}' "$work/out")
      p99=$(awk '$1 == "99%" {print $2}' "$work/out")
      errors=$(awk '/Non-2xx|Socket errors/ {sub(/^ +/, ""); printf "%s%s", (n++ ? "; " : ""), $0}' "$work/out")
      off_rps=${off_rps:-$rps}
      ratio=$(awk -v a="$rps" -v b="$off_rps" 'BEGIN {printf "%.2f", a / b}')
      printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$model" "$c" "$mode" "$(commas "$rps")" "$p50" "$p99" \
        "${errors:-none}" "$([ "$mode" = on ] && echo "$ratio" || echo)"
    done
  done
  for p in "${servers[@]}"; do kill "$p" 2>/dev/null || true; done
  servers=()
done

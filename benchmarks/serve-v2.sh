#!/usr/bin/env bash
# /score against the Open Inference Protocol's /v2/models/RidgeScore/infer on the same server, in the same
# run: the ridge sample with the same 1x10 and 1000x10 float64 values, as a /score body and as a V2 tensor,
# at concurrency 1 and 8. Needs wrk and the samples jar (mvn -B -q package -DskipTests). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-8}
WARMUP=${WARMUP:-4}
PORT=${PORT:-5097}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

# The values of benchmarks/serve.sh: a fixed-seed generator, 17 significant digits.
values() { # rows
  awk -v rows="$1" 'BEGIN {
    x = 20261124
    for (i = 0; i < rows * 10; i++) {
      x = (x * 1103515245 + 12345) % 2147483648
      printf "%s%.17g", (i ? ", " : ""), (x / 2147483648 - 0.5) * 0.2
    }
  }'
}
for rows in 1 1000; do
  flat=$(values "$rows")
  nested=$(echo "$flat" | awk -F', ' '{ for (i = 1; i <= NF; i++) printf "%s%s%s", (i % 10 == 1 ? (i > 1 ? "], [" : "[") : ", "), $i, (i == NF ? "]" : "") }')
  echo "{\"data\": [$nested]}" > "$work/score-$rows.json"
  echo "{\"inputs\": [{\"name\": \"data\", \"datatype\": \"FP64\", \"shape\": [$rows, 10], \"data\": [$flat]}]}" > "$work/v2-$rows.json"
  for kind in score v2; do
    cat > "$work/$kind-$rows.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$work/$kind-$rows.json", "r"); wrk.body = f:read("*a"); f:close()
LUA
  done
done

java ${JAVA_OPTS:-} -jar samples/target/scorespec-samples.jar --port "$PORT" --host 127.0.0.1 > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/" >/dev/null && break; sleep 0.2; done
# the same numbers both ways, before measuring
a=$(curl -s "http://127.0.0.1:$PORT/score" -H 'Content-Type: application/json' --data-binary @"$work/score-1000.json" | tr -d '[]')
b=$(curl -s "http://127.0.0.1:$PORT/v2/models/RidgeScore/infer" -H 'Content-Type: application/json' --data-binary @"$work/v2-1000.json" | sed 's/.*"data":\[\(.*\)\]}\]}/\1/')
[ "$a" = "$b" ] || { echo "/score and /v2 infer answer different numbers" >&2; exit 1; }

url() { [ "$1" = score ] && echo "http://127.0.0.1:$PORT/score" || echo "http://127.0.0.1:$PORT/v2/models/RidgeScore/infer"; }
for kind in score v2; do for rows in 1 1000; do
  wrk -t1 -c8 -d"${WARMUP}s" -s "$work/$kind-$rows.lua" "$(url $kind)" > /dev/null
done; done
echo "| request | body bytes | concurrency | requests/s | p50 | p99 |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for c in 1 8; do for rows in 1 1000; do for kind in score v2; do
  wrk -t"$(( c < 2 ? 1 : 2 ))" -c"$c" -d"${DURATION}s" --latency -s "$work/$kind-$rows.lua" "$(url $kind)" > "$work/out"
  rps=$(awk '/Requests\/sec/ { printf "%d", $2 }' "$work/out")
  p50=$(awk '$1 == "50%" { print $2 }' "$work/out")
  p99=$(awk '$1 == "99%" { print $2 }' "$work/out")
  name=$([ "$kind" = score ] && echo "/score" || echo "/v2 infer")
  echo "| \`$name ${rows}x10\` | $(wc -c < "$work/$kind-$rows.json") | $c | $rps | $p50 | $p99 |"
done; done; done

#!/usr/bin/env bash
# Load benchmark of the ridge sample over loopback: requests/s and latency percentiles of /score for a
# 1x10 and a 1000x10 payload at concurrency 1, 8 and 64, against the same server answering its
# constant health probe (GET /: the server library's own limit, measured in the same run), plus the
# time from process start to the first "Healthy" and the server's peak RSS.
#
#   bash benchmarks/serve.sh            # needs samples/target/scorespec-samples.jar (mvn -B -q package -DskipTests)
#   DURATION=30 bash benchmarks/serve.sh
#
# Needs wrk (Debian: apt-get install wrk). Traffic goes to 127.0.0.1 only; every run is bounded by DURATION.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10}
PORT=${PORT:-5071}
JAR=samples/target/scorespec-samples.jar
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q package -DskipTests" >&2; exit 1; }

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

row='[10,9,8,7,6,5,4,3,2,1]'
echo "{\"data\": [$row]}" > "$work/1x10.json"
{ printf '{"data": ['; for i in $(seq 1 999); do printf '%s,' "$row"; done; printf '%s]}' "$row"; } > "$work/1000x10.json"
for payload in 1x10 1000x10; do
  cat > "$work/$payload.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$work/$payload.json", "r"); wrk.body = f:read("*a"); f:close()
LUA
done

start=$(date +%s%N)
java -jar "$JAR" --port "$PORT" > "$work/server.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$PORT/" >/dev/null 2>&1; do
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.02
done
echo "start_to_healthy_ms $(( ($(date +%s%N) - start) / 1000000 ))"
echo "cores $(nproc)"

peak=0
sample_rss() { local kb; kb=$(awk '/VmRSS/{print $2}' "/proc/$server/status"); if [ "$kb" -gt "$peak" ]; then peak=$kb; fi; }

run() { # name concurrency url [script]
  local name=$1 c=$2 url=$3 script=${4:-}
  local threads=$(( c < 2 ? 1 : 2 ))
  wrk -t"$threads" -c"$c" -d"${DURATION}s" --latency ${script:+-s "$script"} "$url" > "$work/out" &
  local w=$!
  while kill -0 "$w" 2>/dev/null; do sample_rss; sleep 0.2; done
  wait "$w"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/{print $2}' "$work/out")
  p50=$(awk '$1=="50%"{print $2}' "$work/out")
  p99=$(awk '$1=="99%"{print $2}' "$work/out")
  errors=$(awk '/Non-2xx|Socket errors/{printf "%s ", $0}' "$work/out")
  printf '%-16s c=%-3s %10s req/s  p50 %-9s p99 %-9s %s\n' "$name" "$c" "$rps" "$p50" "$p99" "${errors:-no errors}"
}

curl -sf "http://127.0.0.1:$PORT/score" -H 'Content-Type: application/json' -d @"$work/1x10.json" >/dev/null
for c in 1 8 64; do
  run "health (limit)" "$c" "http://127.0.0.1:$PORT/"
  run "score 1x10" "$c" "http://127.0.0.1:$PORT/score" "$work/1x10.lua"
  run "score 1000x10" "$c" "http://127.0.0.1:$PORT/score" "$work/1000x10.lua"
done
echo "peak_rss_mb $(( peak / 1024 ))"

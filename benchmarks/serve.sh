#!/usr/bin/env bash
# Load benchmark of the ridge sample over loopback: requests/s and latency percentiles of POST /score with a
# 1x10 and a 1000x10 float64 payload at concurrency 1, 8 and 64, against the same server answering its
# constant health probe (GET /: the server library's own limit, measured in the same run), plus the time
# from process start to the first "Healthy" and the server's peak RSS (VmHWM).
#
#   mvn -B -q package -DskipTests && bash benchmarks/serve.sh
#   DURATION=30 WARMUP=10 bash benchmarks/serve.sh
#   JAVA_OPTS='-Xmx512m' bash benchmarks/serve.sh        # flags for the server's JVM instead of the image's
#
# The server's JVM runs with the samples image's flags (jvmFlags in samples/pom.xml): the packaged service's
# defaults. JAVA_OPTS replaces them (JAVA_OPTS= runs the JVM's own defaults).
#
# Needs wrk (Debian: apt-get install wrk) and the samples jar. Traffic goes to 127.0.0.1 only; every wrk
# run is bounded by DURATION (or WARMUP) seconds. wrk runs on the same machine, so it takes CPU from the
# server: figures compare rows of one run, on one machine.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
PORT=${PORT:-5071}
JAR=${JAR:-samples/target/scorespec-samples.jar}
if [ -z "${JAVA_OPTS+set}" ]; then
  JAVA_OPTS=$(sed -n 's|.*<jvmFlag>\(.*\)</jvmFlag>.*|\1|p' samples/pom.xml | tr '\n' ' ')
fi
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q package -DskipTests" >&2; exit 1; }

work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

# Payloads: rows of 10 features scaled like the diabetes data set the ridge model was trained on (about
# -0.1 to 0.1, 17 significant digits, as Python's json.dumps writes them), from a fixed-seed generator so
# that every run sends the same bytes.
payload() { # rows
  awk -v rows="$1" 'BEGIN {
    x = 20261124
    printf "{\"data\": ["
    for (i = 0; i < rows; i++) {
      printf "%s[", (i ? ", " : "")
      for (j = 0; j < 10; j++) {
        x = (x * 1103515245 + 12345) % 2147483648
        printf "%s%.17g", (j ? ", " : ""), (x / 2147483648 - 0.5) * 0.2
      }
      printf "]"
    }
    printf "]}"
  }'
}
for rows in 1 1000; do
  payload "$rows" > "$work/${rows}x10.json"
  cat > "$work/${rows}x10.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$work/${rows}x10.json", "r"); wrk.body = f:read("*a"); f:close()
LUA
done

start_server() { # extra server arguments...; sets $server, and $healthy_ms: from the JVM's start to the first Healthy
  local start
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -jar "$JAR" --port "$PORT" "$@" > "$work/server.log" 2>&1 &
  server=$!
  until [ "$(curl -s "http://127.0.0.1:$PORT/" 2>/dev/null)" = "Healthy" ]; do
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.01
  done
  healthy_ms=$(( ($(date +%s%N) - start) / 1000000 ))
}
stop_server() {
  kill "$server"; wait "$server" 2>/dev/null || true; server=
}

# Start to first Healthy, three times each, for the text sample (no model) and the ridge sample (ONNX).
text_ms=() ridge_ms=()
for _ in 1 2 3; do
  start_server --scoring-class dev.scorespec.samples.text.TextStatsScore; stop_server; text_ms+=("$healthy_ms")
  start_server; stop_server; ridge_ms+=("$healthy_ms")
done
# The server under load: the ridge sample.
start_server
for rows in 1 1000; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/score" -H 'Content-Type: application/json' -d @"$work/${rows}x10.json")
  [ "$status" = 200 ] || { echo "POST /score with ${rows}x10 answered $status" >&2; exit 1; }
done

commas() { # 94742.5 -> 94,743
  awk -v n="$1" 'BEGIN {s = sprintf("%.0f", n); out = ""; while (length(s) > 3) {out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3)}; print s out}'
}

# The server's CPU time (user and system, in clock ticks): per request, a cost that the machine's load does not
# change, where requests/s on a shared machine measure the share of the cores the server got.
server_cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }

wrk_run() { # seconds concurrency url [script] -> wrk's output in $work/out
  local seconds=$1 c=$2 url=$3 script=${4:-}
  wrk -t"$(( c < 2 ? 1 : 2 ))" -c"$2" -d"${seconds}s" --latency ${script:+-s "$script"} "$url" > "$work/out"
}

# JIT warm-up of every route, not measured.
wrk_run "$WARMUP" 8 "http://127.0.0.1:$PORT/"
wrk_run "$WARMUP" 8 "http://127.0.0.1:$PORT/score" "$work/1x10.lua"
wrk_run "$WARMUP" 8 "http://127.0.0.1:$PORT/score" "$work/1000x10.lua"

echo "cores $(nproc), load average $(cut -d" " -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), JAVA_OPTS '${JAVA_OPTS:-}', ${DURATION}s per row, warm-up ${WARMUP}s per route"
echo
echo "| request | concurrency | requests/s | p50 | p99 | errors | ratio to GET / at same concurrency | server CPU per request |"
echo "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |"
for c in 1 8 64; do
  limit=
  for name in "GET / (baseline)" "/score 1x10" "/score 1000x10"; do
    cpu_before=$(server_cpu)
    case $name in
      GET*) wrk_run "$DURATION" "$c" "http://127.0.0.1:$PORT/" ;;
      *1x10) wrk_run "$DURATION" "$c" "http://127.0.0.1:$PORT/score" "$work/1x10.lua" ;;
      *) wrk_run "$DURATION" "$c" "http://127.0.0.1:$PORT/score" "$work/1000x10.lua" ;;
    esac
    cpu_ticks=$(( $(server_cpu) - cpu_before ))
    requests=$(awk '/requests in/ {print $1}' "$work/out")
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/out")
    p50=$(awk '$1 == "50%" {print $2}' "$work/out")
    p99=$(awk '$1 == "99%" {print $2}' "$work/out")
    errors=$(awk '/Non-2xx|Socket errors/ {sub(/^ +/, ""); printf "%s%s", (n++ ? "; " : ""), $0}' "$work/out")
    limit=${limit:-$rps}
    ratio=$(awk -v a="$rps" -v b="$limit" 'BEGIN {printf "%.2f", a / b}')
    cpu=$(awk -v t="$cpu_ticks" -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f us", t * 1e6 / hz / n}')
    printf '| `%s` | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$c" "$(commas "$rps")" "$p50" "$p99" "${errors:-none}" "$ratio" "$cpu"
  done
done
echo
echo "start to first Healthy, text sample: ${text_ms[*]} ms; ridge sample: ${ridge_ms[*]} ${healthy_ms} ms"
echo "peak RSS (VmHWM): $(awk '/VmHWM/ {printf "%d MiB", $2 / 1024}' "/proc/$server/status")"

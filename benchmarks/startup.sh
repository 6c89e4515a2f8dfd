#!/usr/bin/env bash
# Time from process start to the first "Healthy" of GET / for the text sample (no model) and the ridge
# sample (ONNX Runtime), with the samples image's JVM flags (the packaged service's defaults): RUNS starts
# of each, alternately, polling GET / every 5 ms; prints each run and the median.
#
#   mvn -B -q package -DskipTests && bash benchmarks/startup.sh
#   RUNS=9 JAVA_OPTS='-Xshare:off' bash benchmarks/startup.sh   # other flags for the server's JVM
#   CDS=1 bash benchmarks/startup.sh   # with an AppCDS archive of the jar's classes, written by a training start
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
PORT=${PORT:-5072}
JAR=${JAR:-samples/target/scorespec-samples.jar}
if [ -z "${JAVA_OPTS+set}" ]; then
  JAVA_OPTS=$(sed -n 's|.*<jvmFlag>\(.*\)</jvmFlag>.*|\1|p' samples/pom.xml | tr '\n' ' ')
fi
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q package -DskipTests" >&2; exit 1; }
work=$(mktemp -d)
log=$work/server.log
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

healthy_ms() { # server arguments... -> milliseconds from the JVM's start to the first Healthy
  local start
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -jar "$JAR" --port "$PORT" "$@" > "$log" 2>&1 &
  server=$!
  until [ "$(curl -s "http://127.0.0.1:$PORT/" 2>/dev/null)" = "Healthy" ]; do
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.005
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
  kill "$server"; wait "$server" 2>/dev/null || true; server=
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

if [ "${CDS:-0}" = 1 ]; then
  # the training start: the ridge sample, one scoring request, then a normal stop, at which the JVM writes
  # the classes it loaded from the jar (and the JDK's that its default archive lacks)
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -XX:ArchiveClassesAtExit="$work/app.jsa" -jar "$JAR" --port "$PORT" > "$log" 2>&1 &
  server=$!
  until [ "$(curl -s "http://127.0.0.1:$PORT/" 2>/dev/null)" = "Healthy" ]; do sleep 0.05; done
  curl -s -o /dev/null "http://127.0.0.1:$PORT/score" -H 'Content-Type: application/json' -d '{"data": [[1,2,3,4,5,6,7,8,9,10]]}'
  kill "$server"; wait "$server" 2>/dev/null || true; server=
  [ -s "$work/app.jsa" ] || { cat "$log" >&2; exit 1; }
  JAVA_OPTS="${JAVA_OPTS:-} -XX:SharedArchiveFile=$work/app.jsa"
fi

text=() ridge=()
for _ in $(seq "$RUNS"); do
  text+=("$(healthy_ms --scoring-class dev.scorespec.samples.text.TextStatsScore)")
  ridge+=("$(healthy_ms)")
done
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), JAVA_OPTS '${JAVA_OPTS:-}'"
echo "text sample:  ${text[*]} ms; median $(median "${text[@]}") ms"
echo "ridge sample: ${ridge[*]} ms; median $(median "${ridge[@]}") ms"

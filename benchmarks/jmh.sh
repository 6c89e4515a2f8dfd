#!/usr/bin/env bash
# Binding benchmarks (JMH): generated binders against Jackson streaming (the limit), databind, tree binding
# and Tablesaw's JSON reader, on the same payload bytes in the same JVM, with JMH's GC profiler for the
# bytes allocated per request. Builds benchmarks/target/benchmarks.jar, runs it, then prints the tables of
# BENCHMARKS.md (ratios against the baselines of the same run) from benchmarks/target/jmh-results.json.
#
#   bash benchmarks/jmh.sh                                        # everything, the settings in the classes
#   bash benchmarks/jmh.sh NdArrayBinding -f 1 -wi 2 -i 3 -w 1s -r 1s   # one class, short, while iterating
#   SKIP_BUILD=1 bash benchmarks/jmh.sh ...                       # reuse the jar
#
# Arguments go to JMH (java -jar benchmarks/target/benchmarks.jar -h lists them). Never part of mvn verify.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=benchmarks/target/benchmarks.jar
RESULTS=benchmarks/target/jmh-results.json
if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
echo "cores $(nproc), $(java -version 2>&1 | head -1)"
java -jar "$JAR" -prof gc -rf json -rff "$RESULTS" "$@"
echo
java -cp "$JAR" dev.scorespec.benchmarks.Report "$RESULTS"

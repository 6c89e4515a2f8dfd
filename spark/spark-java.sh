#!/usr/bin/env bash
# Runs a main class with Spark in local mode, as spark-submit would, on a machine without a Spark
# distribution: Spark's jars from Maven, the JVM flags Spark needs on Java 17 (spark.jvm.options in
# spark/pom.xml, the tests' too), and the spark module's classes and test classes (whose LinearScore is a
# scoring class with a tabular binder to try the batch job on). Extra jars (a service's) go in JARS.
#
#   bash spark/spark-java.sh dev.scorespec.spark.BatchJob --scoring-class dev.scorespec.spark.batch.LinearScore \
#     --input in.csv --output out.json
#   JARS=my-service.jar JAVA_OPTS=-Xmx8g bash spark/spark-java.sh dev.scorespec.spark.BatchJob ...
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cp_file="$root/spark/target/spark-java.classpath"
(cd "$root" && mvn -B -q -pl spark -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file" >/dev/null)
opens=$(cd "$root" && mvn -B -q -pl spark help:evaluate -Dexpression=spark.jvm.options -DforceStdout \
  | sed 's/\x1b\[[0-9;]*m//g' | tr -s ' \n' ' ')
# The flags and the class path (some 19 KB) go to java in an argument file, not on its command line: ONNX
# Runtime's native library reads /proc/self/cmdline when it loads, and on a command line of more than a few
# KB it overflows the loading thread's stack: a segmentation fault with no hs_err file. Surefire's forked JVM
# and `java -jar` keep their command line short the same way (a manifest class path).
args_file="$root/spark/target/spark-java.args"
# shellcheck disable=SC2086
{
  printf '%s\n' $opens
  printf '"%s"\n' "-Dlog4j2.configurationFile=$root/spark/src/test/resources/log4j2-test.properties"
  printf '%s\n' -cp
  printf '"%s"\n' "${JARS:+$JARS:}$root/spark/target/classes:$root/spark/target/test-classes:$root/spark/src/test/binders:$(cat "$cp_file")"
} >"$args_file"
export SPARK_LOCAL_IP=127.0.0.1
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx4g} "@$args_file" "$@"

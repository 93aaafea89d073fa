#!/usr/bin/env bash
# Times one study on the local runner and on Spark local mode, back to back, through the ./flowscape launcher
# (wall clock of the whole command, JVM and Spark start included), then the module's test (which prints Spark's
# start, the Spark run and the local run separately). Usage: flowscape-spark/measure.sh [STUDY.yaml] [THREADS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
study="${1:-$root/examples/studies/quick.yaml}"
threads="${2:-2}"
out="$(mktemp -d "${TMPDIR:-/tmp}/flowscape-measure.XXXXXX")"
cd "$root"
./flowscape --version >/dev/null                                        # build outside the timings
./flowscape run "$study" --out "$out/warm" --executor spark --list >/dev/null
TIMEFORMAT="%R s"
echo "local runner, $threads threads:"; time ./flowscape run "$study" --out "$out/local" --threads "$threads" --quiet
echo "spark local[$threads]:"
time ./flowscape run "$study" --out "$out/spark" --executor spark --threads "$threads" --quiet
mvn -B -q -o -pl flowscape-spark -am -Dtest=SparkExecutorTest -Dsurefire.failIfNoSpecifiedTests=false test 2>&1 \
    | grep -E "started in|on Spark in|local runner in"
rm -rf "$out"

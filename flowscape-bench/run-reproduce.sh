#!/usr/bin/env bash
# Times `flowscape reproduce` at a scale (default: smoke) on N threads (default: 2), from the built jar.
# Usage: flowscape-bench/run-reproduce.sh [smoke|default|full] [THREADS] [OUT]
# Build first with: mvn -B -o -DskipTests package
set -euo pipefail
scale="${1:-smoke}"
threads="${2:-2}"
out="${3:-/tmp/flowscape-reproduce-$scale}"
root="$(cd "$(dirname "$0")/.." && pwd)"
start=$(date +%s.%N)
set +e
java -jar "$root/flowscape-app/target/flowscape-app.jar" reproduce --scale "$scale" --threads "$threads" --out "$out"
code=$?
set -e
end=$(date +%s.%N)
echo "scale=$scale threads=$threads exit=$code wall_seconds=$(echo "$end - $start" | bc)"

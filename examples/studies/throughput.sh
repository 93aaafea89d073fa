#!/usr/bin/env bash
# Runs a study with 1 and with N worker threads, prints the wall times and checks that both stores hold the same
# results (every table exported to CSV, the timing columns started_at and wall_ms dropped, compared byte for byte).
# Needs python3 for the CSV handling.
# Usage: examples/studies/throughput.sh [STUDY.yaml] [SCALE] [N]     (default: quick.yaml, scale full, N = nproc)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
study="${1:-$root/examples/studies/quick.yaml}"
scale="${2:-full}"
threads="${3:-$(nproc)}"
out="$(mktemp -d "${TMPDIR:-/tmp}/flowscape-throughput.XXXXXX")"
"$root/flowscape" --version >/dev/null # builds once, outside the timings
for n in 1 "$threads"; do
    start=$(date +%s.%N)
    "$root/flowscape" run "$study" --scale "$scale" --out "$out/t$n" --threads "$n" --quiet
    end=$(date +%s.%N)
    echo "threads $n: $(echo "$end - $start" | bc) s wall (JVM start included)"
    "$root/flowscape" export "$out/t$n" --format csv >/dev/null
    python3 -c 'import csv,sys
rows = list(csv.reader(open(sys.argv[1])))
csv.writer(open(sys.argv[2], "w")).writerows([r[:6] + r[8:] for r in rows])' \
        "$out/t$n/csv/runs.csv" "$out/t$n/csv/runs.cmp"  # without started_at and wall_ms
    rm "$out/t$n/csv/runs.csv" "$out/t$n/csv/schema_info.csv"
done
if diff -r "$out/t1/csv" "$out/t$threads/csv" >/dev/null; then
    echo "identical results with 1 and $threads threads"
else
    echo "results DIFFER between 1 and $threads threads (see $out)"; exit 1
fi
rm -rf "$out"

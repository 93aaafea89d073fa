#!/usr/bin/env bash
# Times the geometry commands (docs/geometry.md) on fixed problems, for re-measuring on a quiet machine.
# Usage: flowscape-bench/run-geometry.sh   (from anywhere; builds the app through ./flowscape when needed)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
fs="$root/flowscape"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf 'x,y\n0.5,0.31622776601683794\n-1,1\n' > "$work/d5.csv"
echo '[2,1,1,0.1]' > "$work/a.json"
echo '[-1,1,1,0.1]' > "$work/b.json"

run() {
    local label="$1"
    shift
    local t0 t1
    t0=$(date +%s.%N)
    "$@" > /dev/null
    t1=$(date +%s.%N)
    printf '%-58s %8.2f s\n' "$label" "$(echo "$t1 - $t0" | bc)"
}

"$fs" --version > /dev/null # build once, outside the timings
echo "JVM start included in every figure; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
run "landscape 2d random, mlp:10-100-1:tanh n=1000, grid 51" "$fs" landscape --model mlp:10-100-1:tanh \
    --data teacher:n=1000,d=10,width=5,seed=1 --seed 3 --grid 51
run "landscape 2d random --eigs (Lanczos, P=1201), grid 11" "$fs" landscape --model mlp:10-100-1:tanh \
    --data teacher:n=1000,d=10,width=5,seed=1 --seed 3 --grid 11 --eigs
run "landscape 2d hessian --eigs (dense, P=4), grid 51" "$fs" landscape --model mlp:1-2-1:relu:nobias \
    --data "csv:$work/d5.csv" --params "$work/a.json" --directions hessian --grid 51 --eigs
run "path --monotone-construction, D.5 two units, 1001 points" "$fs" path --model mlp:1-2-1:relu:nobias \
    --data "csv:$work/d5.csv" --loss mse-mean --from "$work/a.json" --to "$work/b.json" --points 1001 \
    --monotone-construction

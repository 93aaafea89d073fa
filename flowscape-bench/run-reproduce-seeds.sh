#!/usr/bin/env bash
# Runs `flowscape reproduce` at one scale (default: default) with root seeds 0, 1 and 2 (or those given after the
# scale) and prints each claim's verdict per seed, then every claim whose verdict changes with the seed.
# Issue 13: the verdicts at `default` must not depend on the root seed. Usage:
#   flowscape-bench/run-reproduce-seeds.sh [SCALE] [SEED...]     (writes $REPRODUCE_OUT/reproduce-seed-S per seed;
#   REPRODUCE_OUT defaults to /tmp)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
scale="${1:-default}"
shift || true
seeds=("$@")
base="${REPRODUCE_OUT:-/tmp}"
[[ ${#seeds[@]} -eq 0 ]] && seeds=(0 1 2)
echo "load: $(uptime)"
for s in "${seeds[@]}"; do
    out="$base/reproduce-seed-$s"
    start=$(date +%s)
    "$root/flowscape" reproduce --scale "$scale" --seed "$s" --threads 2 --out "$out" >"$out.log" 2>&1 || true
    echo "seed $s: $(( $(date +%s) - start )) s wall"
done
python3 - "$base" "$scale" "${seeds[@]}" <<'PY'
import json, sys
base, scale, seeds = sys.argv[1], sys.argv[2], sys.argv[3:]
runs = {s: {c["id"]: (c["verdict"], c["deciding"], c.get("seconds", 0)) for c in json.load(open(f"{base}/reproduce-seed-{s}/results.json"))["claims"]}
        for s in seeds}
ids = list(runs[seeds[0]])
print("claim  " + "  ".join(f"seed {s:<8}" for s in seeds))
changed = []
for i in ids:
    v = [runs[s].get(i, ("missing", "", 0))[0] for s in seeds]
    t = [runs[s].get(i, ("missing", "", 0))[2] for s in seeds]
    print(f"{i:<6} " + "  ".join(f"{x + f' {y:.0f}s':<13}" for x, y in zip(v, t)))
    if len(set(v)) > 1:
        changed.append(i)
print("verdict changes with the seed: " + (", ".join(changed) if changed else "none"))
for i in changed:
    for s in seeds:
        print(f"  {i} seed {s}: {runs[s][i][0]}: {runs[s][i][1]}")
PY

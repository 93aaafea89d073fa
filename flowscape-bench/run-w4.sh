#!/usr/bin/env bash
# W4 side by side: builds the bench jar, exports W4 (mlp:100-512-512-10:tanh, n = 2000), runs the peer
# (flowscape-bench/peers/w4_peer.py: torch HVP, SciPy eigsh, 100-step Lanczos), then the Java side (one HVP, our
# Lanczos top-10) in ONE run, and checks that the top-10 eigenvalues agree with eigsh's to 1e-8 relative.
#
# usage: flowscape-bench/run-w4.sh [--no-build] [--threads N] [--work DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
threads=1
work=flowscape-bench/target/w4
build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) build=0; shift ;;
        --threads) threads=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        *) echo "unknown option $1; see the header of $0" >&2; exit 2 ;;
    esac
done
jar=flowscape-bench/target/flowscape-bench.jar
if [ "$build" = 1 ]; then
    mvn -q -B -DskipTests package -pl flowscape-bench -am
fi
mkdir -p "$work"
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(java -version 2>&1 | head -1)"
} | tee "$work/table.txt"
java -Xmx3g -cp "$jar" org.flowscape.bench.W4Compare export "$work"
echo "peer ($threads thread(s)):" | tee -a "$work/table.txt"
/usr/bin/python3 flowscape-bench/peers/w4_peer.py --data "$work" --threads "$threads" | tee -a "$work/table.txt"
env -u OPENBLAS_NUM_THREADS -u OMP_NUM_THREADS java -Xmx3g -cp "$jar" org.flowscape.bench.W4Compare run "$work" \
    "$threads" | tee -a "$work/table.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/table.txt"

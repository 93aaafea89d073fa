#!/usr/bin/env bash
# W5 side by side: builds the bench jar, then W5Compare computes the start (W1 after 2000 GD steps at eta = 0.1),
# exports it, polishes it with our Gauss-Newton/Newton polisher (after one untimed warm-up run) and runs the peer
# (flowscape-bench/peers/w5_peer.py, Levenberg-damped Newton with the exact Hessian) from the same bits, in ONE run.
#
# usage: flowscape-bench/run-w5.sh [--no-build] [--threads N] [--newton] [--work DIR]
#   --threads N   BLAS threads on both sides (default 1)
#   --newton      also time our trust-region Newton (exact Hessian, Cholesky where H > 0, eigensolve otherwise)
#   --work DIR    where the exported start, the peer's end point and table.txt go (default flowscape-bench/target/w5)
# Exit status: non-zero when the build fails, a side misses ||grad L|| <= 1e-12, or the end points differ in class.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
threads=1
work=flowscape-bench/target/w5
build=1
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) build=0; shift ;;
        --threads) threads=$2; shift 2 ;;
        --newton) extra+=(--newton); shift ;;
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
    echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "jdk: $(java -version 2>&1 | head -1)"
} | tee "$work/table.txt"
env -u OPENBLAS_NUM_THREADS -u OMP_NUM_THREADS java -cp "$jar" org.flowscape.bench.W5Compare "$work" "$threads" \
    "${extra[@]}" | tee -a "$work/table.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/table.txt"

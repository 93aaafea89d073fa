#!/usr/bin/env bash
# The CNN of issue 14 side by side with PyTorch: builds the bench jar, exports the workload
# (layers:1x16x16/conv=8,3,1,1/tanh/avgpool=2/flatten/dense=1, n = 512, mse), runs the peer
# (flowscape-bench/peers/cnn_peer.py: torch float64 loss+gradient, one HVP, autograd.functional.hessian) and then the
# Java side (CnnCompare) in ONE run; checks agreement to 1e-10 relative and prints the ratios.
#
# usage: flowscape-bench/run-cnn.sh [--no-build] [--threads N] [--reps-scale S] [--work DIR]
# Exit status: non-zero when the build fails or Java and the peer disagree beyond 1e-10 relative.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
threads=1
scale=1
work=flowscape-bench/target/cnn
build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) build=0; shift ;;
        --threads) threads=$2; shift 2 ;;
        --reps-scale) scale=$2; shift 2 ;;
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
java -cp "$jar" org.flowscape.bench.CnnCompare export "$work"
echo "peer ($threads thread(s)):" | tee -a "$work/table.txt"
/usr/bin/python3 flowscape-bench/peers/cnn_peer.py --data "$work" --threads "$threads" --reps-scale "$scale" \
    | tee -a "$work/table.txt"
env -u OPENBLAS_NUM_THREADS -u OMP_NUM_THREADS java -cp "$jar" org.flowscape.bench.CnnCompare run "$work" \
    "$threads" "$scale" | tee -a "$work/table.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/table.txt"

#!/usr/bin/env bash
# W1 side by side: builds the bench jar, exports W1's inputs, runs the Python peer (1 thread, then N) and the Java
# comparison (1 BLAS thread, then N) in ONE run, checks agreement and prints the table and verdicts.
#
# usage: flowscape-bench/run-w1.sh [--no-build] [--threads N] [--reps-scale S] [--work DIR]
#   --threads N     the multi-threaded setting for both sides (default: nproc)
#   --reps-scale S  multiplies every repetition count on both sides (default 1; 0.2 for a smoke run)
#   --work DIR      where data/, peer-t1/, peer-tN/ and table.txt go (default flowscape-bench/target/w1)
# Exit status: non-zero when the build fails, the peer's torch and hand Hessians disagree, or Java and the peer
# disagree beyond 1e-10 relative.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
threads=$(nproc)
scale=1
work=flowscape-bench/target/w1
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
python=/usr/bin/python3
jar=flowscape-bench/target/flowscape-bench.jar

if [ "$build" = 1 ]; then
    mvn -q -B -DskipTests package -pl flowscape-bench -am
fi
mkdir -p "$work"
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "jdk: $(java -version 2>&1 | head -1)"
    echo "threads: 1 and $threads on both sides; reps scale $scale"
} | tee "$work/table.txt"

java -cp "$jar" org.flowscape.bench.W1Export "$work/data"
echo "peer, 1 thread:" | tee -a "$work/table.txt"
$python flowscape-bench/peers/w1_peer.py --data "$work/data" --out "$work/peer-t1" --threads 1 \
    --reps-scale "$scale" | tee -a "$work/table.txt"
if [ "$threads" != 1 ]; then
    echo "peer, $threads threads:" | tee -a "$work/table.txt"
    $python flowscape-bench/peers/w1_peer.py --data "$work/data" --out "$work/peer-t$threads" --threads "$threads" \
        --reps-scale "$scale" | tee -a "$work/table.txt"
fi
# The Java side sets its BLAS threads itself (1, then N); clear inherited limits so that N is reachable.
env -u OPENBLAS_NUM_THREADS -u OMP_NUM_THREADS java -cp "$jar" org.flowscape.bench.W1Compare "$work" "$threads" \
    "$scale" | tee -a "$work/table.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/table.txt"

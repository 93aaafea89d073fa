#!/usr/bin/env bash
# W3 side by side: builds the bench jar, exports W3's data and starts, runs the Python peer (torch and NumPy batched
# over starts, 1 thread) and the Java comparison (fused GD kernel, 1 and N threads) in ONE run, checks that final
# losses agree to 1e-9, prints the fractions of runs with final loss < 1e-3 beside the reference fractions, and the
# basin values (with KKT certificates) of the first B starts of each width.
#
# usage: flowscape-bench/run-w3.sh [--no-build] [--threads N] [--inits I] [--steps S] [--basin-inits B] [--work DIR]
#                                  [--jar JAR]  (a copy of flowscape-bench.jar with its lib/ beside it)
#                                  [--peer-impl torch,numpy]  (which peer implementations run; numpy alone is quick)
#   defaults: N = nproc, I = 200, S = 5000, B = 20, DIR = flowscape-bench/target/w3
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
threads=$(nproc)
inits=200
steps=5000
basin=20
work=flowscape-bench/target/w3
build=1
jar=flowscape-bench/target/flowscape-bench.jar
impl=torch,numpy
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) build=0; shift ;;
        --threads) threads=$2; shift 2 ;;
        --inits) inits=$2; shift 2 ;;
        --steps) steps=$2; shift 2 ;;
        --basin-inits) basin=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --jar) jar=$2; shift 2 ;;
        --peer-impl) impl=$2; shift 2 ;;
        *) echo "unknown option $1; see the header of $0" >&2; exit 2 ;;
    esac
done
if [ "$build" = 1 ]; then
    mvn -q -B -DskipTests package -pl flowscape-bench -am
fi
mkdir -p "$work"
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "jdk: $(java -version 2>&1 | head -1)"
    echo "inits $inits, steps $steps, threads 1 and $threads"
} | tee "$work/table.txt"
java -cp "$jar" org.flowscape.bench.W3Compare export "$work" "$inits" "$steps"
/usr/bin/python3 flowscape-bench/peers/w3_peer.py --data "$work" --out "$work/peer" --threads 1 --impl "$impl" | tee -a "$work/table.txt"
java -cp "$jar" org.flowscape.bench.W3Compare compare "$work" "$threads" "$inits" "$steps" "$basin" \
    | tee -a "$work/table.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/table.txt"

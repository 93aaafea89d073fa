#!/usr/bin/env bash
# Interop timings for issue 8, re-measurable on a quiet machine: the reader fuzz test (budget 15 s), the PyTorch
# round trip test, and `flowscape analyze` on an MNIST-shaped MLP (mlp:784-128-10:relu, n samples, random weights
# saved by PyTorch), each timed in one run.
#
# usage: flowscape-bench/run-interop.sh [--n N] [--work DIR]     (default n 1000, work flowscape-bench/target/interop)
# Needs the modules built (mvn -B -o -DskipTests package) for the analyze timing, and /usr/bin/python3 with torch.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
n=1000
work=flowscape-bench/target/interop
while [ $# -gt 0 ]; do
    case "$1" in
        --n) n=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        *) echo "unknown option $1; see the header of $0" >&2; exit 2 ;;
    esac
done
mkdir -p "$work"

seconds() { # the testsuite time of a surefire report
    sed -n 's/.*<testsuite [^>]*time="\([0-9.]*\)".*/\1/p' "$1" | head -1
}

mvn -B -q -o -pl flowscape-core -Dtest=ReaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false test
echo "ReaderFuzzTest (3 x 1200 files): $(seconds flowscape-core/target/surefire-reports/TEST-org.flowscape.io.ReaderFuzzTest.xml) s"
mvn -B -q -o -pl flowscape-app -am -Dtest=AnalyzeTorchRoundTripTest -Dsurefire.failIfNoSpecifiedTests=false test
echo "AnalyzeTorchRoundTripTest: $(seconds flowscape-app/target/surefire-reports/TEST-org.flowscape.cli.AnalyzeTorchRoundTripTest.xml) s"

/usr/bin/python3 - "$work" "$n" <<'PY'
import sys, numpy as np, torch
sys.path.insert(0, "flowscape-app/src/test/resources/interop")
from torch_roundtrip import save_safetensors
out, n = sys.argv[1], int(sys.argv[2])
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
save_safetensors(model.state_dict(), out + "/mnist-mlp.safetensors")
np.savez(out + "/mnist-data.npz", x=torch.rand(n, 784).numpy(), y=torch.randint(0, 10, (n,)).numpy())
PY
cp="flowscape-app/target/classes:flowscape-core/target/classes:$(ls flowscape-app/target/lib/*.jar | tr '\n' ':')"
start=$(date +%s.%N)
java -cp "$cp" org.flowscape.cli.Main analyze --weights "$work/mnist-mlp.safetensors" --arch mlp:784-128-10:relu \
    --data "$work/mnist-data.npz" --loss xent --report "$work/report"
end=$(date +%s.%N)
echo "analyze mlp:784-128-10:relu, n = $n: $(awk "BEGIN {print $end - $start}") s wall"

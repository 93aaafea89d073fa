#!/usr/bin/python3
"""Peer for the CNN workload of issue 14: layers:1x16x16/conv=8,3,1,1/tanh/avgpool=2/flatten/dense=1 (P = 593) on
n = 512 images, loss mse (1/(2n) sum (f - y)^2), written the way a researcher would write it in PyTorch (float64).

Reads what `CnnCompare export` wrote (X.bin, Y.bin, theta.bin, v.bin, cnn.json: raw little-endian float64; theta is
conv weight 8x1x3x3, conv bias 8, dense weight 1x512, dense bias 1) and
  * times loss + gradient (a fresh graph each call);
  * times one Hessian-vector product as the double-backward grad(g . v) on a gradient graph built once
    (create_graph=True, retain_graph=True), i.e. the primal pass is reused, as on the Java side;
  * times the dense Hessian with torch.autograd.functional.hessian (its default: one double-backward per row).
Writes peer/loss.bin, grad.bin, hvp.bin, hessian.bin and peer/timings.properties (NAME_ms = median, NAME_reps).

Usage: /usr/bin/python3 cnn_peer.py --data DIR [--threads N] [--reps-scale S]
"""
import argparse
import json
import os
import sys
import time


def parse_args(argv):
    p = argparse.ArgumentParser(description="CNN peer: torch loss+gradient, HVP and dense Hessian")
    p.add_argument("--data", required=True)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--reps-scale", type=float, default=1.0)
    return p.parse_args(argv)


ARGS = parse_args(sys.argv[1:])
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = str(ARGS.threads)

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

torch.set_num_threads(ARGS.threads)
torch.set_default_dtype(torch.float64)

with open(os.path.join(ARGS.data, "cnn.json")) as fh:
    META = json.load(fh)
N, P = META["n"], META["P"]
X = torch.from_numpy(np.fromfile(os.path.join(ARGS.data, "X.bin"), dtype="<f8").reshape(N, 1, 16, 16))
Y = torch.from_numpy(np.fromfile(os.path.join(ARGS.data, "Y.bin"), dtype="<f8").reshape(N, 1))
THETA = torch.from_numpy(np.fromfile(os.path.join(ARGS.data, "theta.bin"), dtype="<f8"))
V = torch.from_numpy(np.fromfile(os.path.join(ARGS.data, "v.bin"), dtype="<f8"))
if THETA.numel() != P or V.numel() != P:
    sys.exit(f"theta.bin/v.bin hold {THETA.numel()}/{V.numel()} values, expected {P}")


def loss_fn(t):
    w1, b1 = t[0:72].reshape(8, 1, 3, 3), t[72:80]
    w2, b2 = t[80:592].reshape(1, 512), t[592:593]
    a = torch.tanh(F.conv2d(X, w1, b1, stride=1, padding=1))
    a = F.avg_pool2d(a, 2).flatten(1)
    f = a @ w2.T + b2
    return 0.5 * ((f - Y) ** 2).sum() / N


def timed(op, warmup, reps, budget=20.0):
    for _ in range(warmup):
        op()
    times = []
    while len(times) < max(1, reps) and (not times or sum(times) < budget):
        t0 = time.perf_counter()
        op()
        times.append(time.perf_counter() - t0)
    return 1e3 * float(np.median(times)), len(times)


def loss_grad():
    t = THETA.clone().requires_grad_(True)
    loss = loss_fn(t)
    (g,) = torch.autograd.grad(loss, t)
    return loss.detach(), g


def main():
    out = os.path.join(ARGS.data, "peer")
    os.makedirs(out, exist_ok=True)
    reps = lambda base: max(1, round(base * ARGS.reps_scale))  # noqa: E731
    loss, grad = loss_grad()
    t = THETA.clone().requires_grad_(True)
    (g,) = torch.autograd.grad(loss_fn(t), t, create_graph=True)
    hvp = lambda: torch.autograd.grad(g, t, grad_outputs=V, retain_graph=True)[0]  # noqa: E731
    hv = hvp()
    hessian = lambda: torch.autograd.functional.hessian(loss_fn, THETA)  # noqa: E731
    h = hessian()
    np.array([loss.item()]).astype("<f8").tofile(os.path.join(out, "loss.bin"))
    grad.numpy().astype("<f8").tofile(os.path.join(out, "grad.bin"))
    hv.detach().numpy().astype("<f8").tofile(os.path.join(out, "hvp.bin"))
    h.numpy().astype("<f8").reshape(-1).tofile(os.path.join(out, "hessian.bin"))
    timings = {"loss_grad": timed(loss_grad, 3, reps(20)), "hvp": timed(hvp, 3, reps(20)),
               "hessian": timed(hessian, 0, reps(3))}
    with open(os.path.join(out, "timings.properties"), "w") as fh:
        for name, (ms, count) in timings.items():
            fh.write(f"{name}_ms={ms}\n{name}_reps={count}\n")
    print(json.dumps({"threads": ARGS.threads, "torch_version": torch.__version__, "loss": loss.item(),
                      **{k + "_ms": v[0] for k, v in timings.items()}}))


if __name__ == "__main__":
    main()

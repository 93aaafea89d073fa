#!/usr/bin/python3
"""Peer for workload W4 (docs/BENCHMARKS.md): top-10 Hessian eigenvalues of mlp:100-512-512-10:tanh (P = 319 498) on
n = 2000 samples, written the way a researcher would write it in PyTorch and SciPy.

Reads what `W4Compare export` wrote (X.bin, Y.bin, theta.bin, w4.json: raw little-endian float64; theta is per layer
W (out x in, row-major) then b) and in float64
  * builds the gradient graph once (create_graph=True) and times one Hessian-vector product as the double-backward
    grad(g . v) with retain_graph=True (median of several), i.e. the primal pass is reused, as in our Java side;
  * runs scipy.sparse.linalg.eigsh(LinearOperator(HVP), k=10, which='LA') (ARPACK, default tol), counting products;
  * runs a plain 100-step Lanczos with full reorthogonalization (NumPy) on the same HVP, top-10 Ritz values.
Writes peer/eigsh.bin and peer/lanczos.bin (the top-10 values, ascending) and prints one JSON object.

Usage: /usr/bin/python3 w4_peer.py --data DIR [--threads N] [--lanczos-steps 100]
"""
import argparse
import json
import os
import sys
import time


def parse_args(argv):
    p = argparse.ArgumentParser(description="W4 peer: torch HVPs, SciPy eigsh and a 100-step Lanczos")
    p.add_argument("--data", required=True)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--lanczos-steps", type=int, default=100)
    return p.parse_args(argv)


ARGS = parse_args(sys.argv[1:])
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = str(ARGS.threads)

import numpy as np  # noqa: E402
import scipy  # noqa: E402
from scipy.sparse.linalg import LinearOperator, eigsh  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(ARGS.threads)
torch.set_default_dtype(torch.float64)

with open(os.path.join(ARGS.data, "w4.json")) as fh:
    META = json.load(fh)
WIDTHS, N, P, TOP = META["widths"], META["n"], META["P"], META["top"]
X = torch.from_numpy(np.fromfile(os.path.join(ARGS.data, "X.bin"), dtype="<f8").reshape(N, WIDTHS[0]))
Y = torch.from_numpy(np.fromfile(os.path.join(ARGS.data, "Y.bin"), dtype="<f8").reshape(N, WIDTHS[-1]))
THETA = np.fromfile(os.path.join(ARGS.data, "theta.bin"), dtype="<f8")
if THETA.size != P:
    sys.exit(f"theta.bin has {THETA.size} values, expected {P}")

PARAMS = []
_at = 0
for _i in range(len(WIDTHS) - 1):
    _w = torch.from_numpy(THETA[_at:_at + WIDTHS[_i + 1] * WIDTHS[_i]].copy()).reshape(WIDTHS[_i + 1], WIDTHS[_i])
    _at += WIDTHS[_i + 1] * WIDTHS[_i]
    _b = torch.from_numpy(THETA[_at:_at + WIDTHS[_i + 1]].copy())
    _at += WIDTHS[_i + 1]
    PARAMS += [_w.requires_grad_(True), _b.requires_grad_(True)]


def loss_fn():
    a = X
    for i in range(0, len(PARAMS), 2):
        a = a @ PARAMS[i].T + PARAMS[i + 1]
        if i + 2 < len(PARAMS):
            a = torch.tanh(a)
    return 0.5 * ((a - Y) ** 2).sum() / N


GRADS = torch.autograd.grad(loss_fn(), PARAMS, create_graph=True)
COUNT = [0]


def hvp(v):
    COUNT[0] += 1
    vt = torch.from_numpy(np.ascontiguousarray(v, dtype=np.float64).ravel())
    dot = 0
    at = 0
    for g in GRADS:
        dot = dot + (g.reshape(-1) * vt[at:at + g.numel()]).sum()
        at += g.numel()
    hs = torch.autograd.grad(dot, PARAMS, retain_graph=True)
    return torch.cat([h.reshape(-1) for h in hs]).numpy()


def lanczos(steps, rng):
    q = np.zeros((steps, P))
    alpha, beta = np.zeros(steps), np.zeros(steps)
    v = rng.standard_normal(P)
    v /= np.linalg.norm(v)
    for j in range(steps):
        q[j] = v
        w = hvp(v)
        alpha[j] = v @ w
        w -= q[:j + 1].T @ (q[:j + 1] @ w)
        w -= q[:j + 1].T @ (q[:j + 1] @ w)
        beta[j] = np.linalg.norm(w)
        v = w / beta[j]
    t = np.diag(alpha) + np.diag(beta[:-1], 1) + np.diag(beta[:-1], -1)
    return np.linalg.eigvalsh(t)[-TOP:]


def main():
    out = os.path.join(ARGS.data, "peer")
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(1)
    v = rng.standard_normal(P)
    for _ in range(2):
        hvp(v)
    times = []
    for _ in range(10):
        t0 = time.perf_counter()
        hvp(v)
        times.append(time.perf_counter() - t0)
        if sum(times) > 30:
            break
    hvp_ms = 1e3 * float(np.median(times))

    COUNT[0] = 0
    op = LinearOperator((P, P), matvec=hvp, dtype=np.float64)
    t0 = time.perf_counter()
    vals = np.sort(eigsh(op, k=TOP, which="LA", return_eigenvectors=False, v0=rng.standard_normal(P)))
    eigsh_s = time.perf_counter() - t0
    eigsh_hvps = COUNT[0]

    COUNT[0] = 0
    t0 = time.perf_counter()
    lz = lanczos(ARGS.lanczos_steps, rng)
    lanczos_s = time.perf_counter() - t0

    vals.astype("<f8").tofile(os.path.join(out, "eigsh.bin"))
    lz.astype("<f8").tofile(os.path.join(out, "lanczos.bin"))
    print(json.dumps({
        "threads": ARGS.threads, "torch_version": torch.__version__, "scipy_version": scipy.__version__,
        "hvp_ms": hvp_ms, "hvp_reps": len(times), "eigsh_s": eigsh_s, "eigsh_hvps": eigsh_hvps,
        "lanczos_steps": ARGS.lanczos_steps, "lanczos_s": lanczos_s,
        "eigsh_top": vals.tolist(), "lanczos_top": lz.tolist(),
        "lanczos_vs_eigsh_rel": float(np.max(np.abs(lz - vals) / np.abs(vals))),
    }))


if __name__ == "__main__":
    main()

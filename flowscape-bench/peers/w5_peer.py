#!/usr/bin/python3
"""Peer for workload W5 (docs/BENCHMARKS.md): Levenberg-damped Newton with the exact Hessian, written the way a
researcher would write it in NumPy/SciPy.

Reads what org.flowscape.bench.W5Compare exported (X.bin, Y.bin, start.bin, w5.json: raw little-endian float64; the
start is W1's network after 2000 GD steps at eta = 0.1, computed once on the Java side so both sides start from the
same bits) and polishes to ||grad L|| <= tol:

    repeat: H = exact Hessian (hand-derived Gauss-Newton J^T J / n plus the residual term, as in w1_peer.py)
            try Cholesky of H + mu I (scipy.linalg.cho_factor, LAPACK dpotrf); on failure mu *= 4 and try again
            s = -(H + mu I)^{-1} g;  accept if L falls (in the round-off regime: if ||grad L|| falls)
            accepted: mu /= 3 (not below mu_min), new Hessian;  rejected: mu *= 4

An iteration is one trial step (one successful factorization and one loss + gradient); failed factorizations (H + mu I
not positive definite: only mu grows) are counted apart. The first gradient is checked against torch autograd.
Writes theta.bin (the end point) and prints one JSON object: iterations, Hessians, factorizations, seconds,
ms per iteration, final loss and gradient norm, and the Hessian inertia at the end point (not timed).

Threads: --threads N sets OMP_NUM_THREADS / OPENBLAS_NUM_THREADS / MKL_NUM_THREADS before NumPy and torch load.

Usage: /usr/bin/python3 w5_peer.py --data DIR --out DIR [--threads N] [--tol 1e-12] [--max-iter 2000]
"""
import argparse
import json
import os
import sys
import time


def parse_args(argv):
    p = argparse.ArgumentParser(description="W5 peer: Levenberg-damped Newton with the exact Hessian")
    p.add_argument("--data", required=True, help="directory written by W5Compare")
    p.add_argument("--out", required=True, help="directory for the end point")
    p.add_argument("--threads", type=int, default=1, help="threads for OpenBLAS/OpenMP/torch (default 1)")
    p.add_argument("--tol", type=float, default=1e-12, help="stop at ||grad L||_2 <= tol (default 1e-12)")
    p.add_argument("--max-iter", type=int, default=2000, help="iteration limit (default 2000)")
    return p.parse_args(argv)


ARGS = parse_args(sys.argv[1:])
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = str(ARGS.threads)

import numpy as np  # noqa: E402
import scipy  # noqa: E402
import scipy.linalg  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(ARGS.threads)


def load(data_dir):
    with open(os.path.join(data_dir, "w5.json")) as f:
        meta = json.load(f)
    n, d, h, p = meta["n"], meta["d"], meta["hidden"], meta["P"]
    x = np.fromfile(os.path.join(data_dir, "X.bin"), dtype="<f8").reshape(n, d)
    y = np.fromfile(os.path.join(data_dir, "Y.bin"), dtype="<f8").reshape(n, 1)
    theta = np.fromfile(os.path.join(data_dir, "start.bin"), dtype="<f8")
    if theta.shape != (p,) or p != h * d + 2 * h + 1:
        sys.exit(f"unexpected W5 shapes: P = {p}, start has {theta.size} values")
    return meta, x, y, theta


META, X, Y, START = load(ARGS.data)
N, D, H = META["n"], META["d"], META["hidden"]
P = META["P"]
OFF_B1, OFF_V, OFF_C = H * D, H * D + H, H * D + 2 * H
X1 = np.hstack([X, np.ones((N, 1))])
XX = (X1[:, :, None] * X1[:, None, :]).reshape(N, (D + 1) ** 2)
IDX = np.hstack([np.arange(H * D).reshape(H, D), (OFF_B1 + np.arange(H))[:, None]])
VIDX = OFF_V + np.arange(H)


def unpack(theta):
    return theta[:OFF_B1].reshape(H, D), theta[OFF_B1:OFF_V], theta[OFF_V:OFF_C], theta[OFF_C]


def loss_grad(theta):
    """L = 1/(2n) sum_i r_i^2 and its gradient by hand backpropagation (f = v . tanh(W1 x + b1) + c)."""
    w1, b1, v, c = unpack(theta)
    s = np.tanh(X @ w1.T + b1)
    r = s @ v + c - Y[:, 0]
    e = r / N
    dz = (e[:, None] * (1.0 - s * s)) * v
    g = np.empty(P)
    g[:OFF_B1] = (dz.T @ X).ravel()
    g[OFF_B1:OFF_V] = dz.sum(axis=0)
    g[OFF_V:OFF_C] = s.T @ e
    g[OFF_C] = e.sum()
    return 0.5 * float(r @ r) / N, g


def hessian(theta):
    """Exact Hessian: (1/n) J^T J plus the residual term (derivation in w1_peer.py's hand_hessian)."""
    w1, b1, v, c = unpack(theta)
    s = np.tanh(X @ w1.T + b1)
    s1 = 1.0 - s * s
    s2 = -2.0 * s * s1
    r = s @ v + c - Y[:, 0]
    a = s1 * v
    jac = np.empty((N, P))
    jac[:, :OFF_B1] = (a[:, :, None] * X[:, None, :]).reshape(N, H * D)
    jac[:, OFF_B1:OFF_V] = a
    jac[:, OFF_V:OFF_C] = s
    jac[:, OFF_C] = 1.0
    hess = jac.T @ jac
    hess /= N
    q = (r[:, None] * s2 * v) / N
    hess[IDX[:, :, None], IDX[:, None, :]] += (q.T @ XX).reshape(H, D + 1, D + 1)
    cross = ((s1 * r[:, None]).T @ X1) / N
    hess[VIDX[:, None], IDX] += cross
    hess[IDX, VIDX[:, None]] += cross
    return hess


def torch_gradient(theta):
    t = torch.from_numpy(theta.copy()).requires_grad_(True)
    w1, b1, v, c = t[:OFF_B1].reshape(H, D), t[OFF_B1:OFF_V], t[OFF_V:OFF_C], t[OFF_C]
    f = torch.tanh(torch.from_numpy(X) @ w1.T + b1) @ v + c
    loss = 0.5 * ((f - torch.from_numpy(Y[:, 0])) ** 2).mean()
    return torch.autograd.grad(loss, t)[0].numpy()


def polish(theta, tol, max_iter):
    value, g = loss_grad(theta)
    hess = hessian(theta)
    mu = 1e-3 * float(np.max(np.abs(np.diag(hess))))
    mu_min = 1e-15 * float(np.max(np.abs(np.diag(hess))))
    it = hessians = failed = 0
    eye = np.eye(P)
    while np.linalg.norm(g) > tol and it < max_iter:
        try:
            factor = scipy.linalg.cho_factor(hess + mu * eye, lower=False, check_finite=False)
        except np.linalg.LinAlgError:
            failed += 1
            mu *= 4
            continue
        it += 1
        s = -scipy.linalg.cho_solve(factor, g, check_finite=False)
        predicted = -(g @ s) - 0.5 * (s @ (hess @ s))
        t_value, t_grad = loss_grad(theta + s)
        if predicted <= 1e-13 * abs(value):
            accept = np.linalg.norm(t_grad) < np.linalg.norm(g)
        else:
            accept = t_value < value
        if accept:
            theta = theta + s
            value, g = t_value, t_grad
            hess = hessian(theta)
            hessians += 1
            mu = max(mu / 3, mu_min)
        else:
            mu *= 4
    return theta, value, g, it, hessians + 1, failed


def main():
    os.makedirs(ARGS.out, exist_ok=True)
    _, g0 = loss_grad(START)
    gcheck = float(np.max(np.abs(g0 - torch_gradient(START))) / np.max(np.abs(g0)))
    if not gcheck <= 1e-12:
        sys.exit(f"hand gradient and torch autograd disagree: {gcheck:.3e}")
    t0 = time.perf_counter()
    theta, value, g, it, hessians, failed = polish(START.copy(), ARGS.tol, ARGS.max_iter)
    seconds = time.perf_counter() - t0
    eig = np.linalg.eigvalsh(hessian(theta))
    radius = float(np.max(np.abs(eig)))
    zero = 1e-8 * radius
    theta.astype("<f8").tofile(os.path.join(ARGS.out, "theta.bin"))
    print(json.dumps({
        "threads": ARGS.threads, "numpy_version": np.__version__, "scipy_version": scipy.__version__,
        "gradient_vs_torch_rel": gcheck,
        "iterations": it, "hessians": hessians, "failed_factorizations": failed,
        "seconds": seconds, "ms_per_iteration": 1e3 * seconds / max(1, it),
        "loss": value, "gradient_norm": float(np.linalg.norm(g)), "converged": bool(np.linalg.norm(g) <= ARGS.tol),
        "negative": int(np.sum(eig < -zero)), "zero": int(np.sum(np.abs(eig) <= zero)),
        "positive": int(np.sum(eig > zero)), "lambda_max": float(eig[-1]),
    }))


if __name__ == "__main__":
    main()

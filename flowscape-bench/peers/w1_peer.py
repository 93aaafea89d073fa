#!/usr/bin/python3
"""Peer for workload W1 (docs/BENCHMARKS.md), written the way a researcher would write it in PyTorch and NumPy.

Reads the inputs exported by org.flowscape.bench.W1Export (X.bin, Y.bin, theta.bin, w1.json: raw little-endian
float64), and in float64 times
  * loss + gradient by torch autograd (median of many repetitions),
  * the dense Hessian by torch.autograd.functional.hessian (a few repetitions),
  * a hand-derived NumPy Hessian: Gauss-Newton J^T J / n plus the exact residual term of the one-hidden-layer tanh
    network (derivation in hand_hessian below),
  * all eigenvalues by numpy.linalg.eigvalsh,
  * a NumPy DGEMM 1000x1000x1000 as this process's BLAS ceiling.
It checks that torch's and the hand-derived Hessian agree (max |difference| <= 1e-12 * max |H|), writes the loss,
gradient, Hessian and eigenvalues to --out, and prints its timings as one JSON object.

Threads: --threads N sets OMP_NUM_THREADS, OPENBLAS_NUM_THREADS and MKL_NUM_THREADS *before* numpy and torch are
imported (they read them when their libraries load) and calls torch.set_num_threads(N). Note that Debian's torch
defaults to one thread on this machine, so ask for the core count explicitly to get the multi-threaded figure.

Usage: /usr/bin/python3 w1_peer.py --data DIR --out DIR [--threads N] [--reps-scale S]
"""
import argparse
import json
import os
import sys
import time


def parse_args(argv):
    p = argparse.ArgumentParser(description="W1 peer: torch autograd and NumPy on the exported W1 inputs")
    p.add_argument("--data", required=True, help="directory written by W1Export")
    p.add_argument("--out", required=True, help="directory for loss/gradient/Hessian/eigenvalues and timings")
    p.add_argument("--threads", type=int, default=1, help="threads for torch, OpenMP and OpenBLAS (default 1)")
    p.add_argument("--reps-scale", type=float, default=1.0, help="multiply every repetition count (default 1)")
    return p.parse_args(argv)


ARGS = parse_args(sys.argv[1:])
if ARGS.threads < 1:
    sys.exit("--threads must be at least 1")
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = str(ARGS.threads)
if "numpy" in sys.modules or "torch" in sys.modules:
    sys.exit("numpy/torch were imported before the thread settings; run this file as a script")

import numpy as np  # noqa: E402  (imported after the thread environment is set)
import torch  # noqa: E402

torch.set_num_threads(ARGS.threads)
torch.set_default_dtype(torch.float64)


def reps(count):
    return max(1, int(round(count * ARGS.reps_scale)))


BUDGET_SECONDS = 15.0  # each phase (warm-up, timed calls) stops early after this long, after at least one call


def median_ms(fn, warmup, count):
    """Median wall time of fn() in ms over up to reps(count) calls after up to `warmup` untimed calls, and the count.

    On a loaded machine each phase is cut short once it has used BUDGET_SECONDS (after at least one call)."""
    start = time.perf_counter()
    for i in range(warmup):
        if i > 0 and time.perf_counter() - start >= BUDGET_SECONDS:
            break
        fn()
    times = []
    while len(times) < reps(count) and (not times or sum(times) < BUDGET_SECONDS):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return 1e3 * float(np.median(times)), len(times)


def load(data_dir):
    with open(os.path.join(data_dir, "w1.json")) as f:
        meta = json.load(f)
    n, d, k, h, p = meta["n"], meta["d"], meta["k"], meta["hidden"], meta["P"]
    if k != 1 or p != h * d + h + h * k + k:
        sys.exit(f"unexpected W1 shapes in w1.json: n={n} d={d} k={k} hidden={h} P={p}")
    x = np.fromfile(os.path.join(data_dir, "X.bin"), dtype="<f8").reshape(n, d)
    y = np.fromfile(os.path.join(data_dir, "Y.bin"), dtype="<f8").reshape(n, k)
    theta = np.fromfile(os.path.join(data_dir, "theta.bin"), dtype="<f8")
    if theta.shape != (p,):
        sys.exit(f"theta.bin has {theta.size} values, expected P = {p}")
    return meta, x, y, theta


META, X, Y, THETA = load(ARGS.data)
N, D, H = META["n"], META["d"], META["hidden"]
P = META["P"]
# Parameter layout (Flowscape's): W1 (H x D, row-major), b1 (H), W2 = v (1 x H), b2 = c (1).
OFF_B1, OFF_V, OFF_C = H * D, H * D + H, H * D + 2 * H


# ---------------------------------------------------------------- torch
XT = torch.from_numpy(X)
YT = torch.from_numpy(Y)


def torch_loss(w1, b1, w2, b2):
    """L = 1/(2n) sum_i (f(x_i) - y_i)^2 with f(x) = W2 tanh(W1 x + b1) + b2."""
    f = torch.tanh(XT @ w1.T + b1) @ w2.T + b2
    return 0.5 * ((f - YT) ** 2).mean()


def torch_loss_flat(theta):
    return torch_loss(theta[:OFF_B1].reshape(H, D), theta[OFF_B1:OFF_V], theta[OFF_V:OFF_C].reshape(1, H),
                      theta[OFF_C:])


def torch_leaves(theta):
    t = torch.from_numpy(theta)
    return [t[:OFF_B1].reshape(H, D).clone().requires_grad_(True), t[OFF_B1:OFF_V].clone().requires_grad_(True),
            t[OFF_V:OFF_C].reshape(1, H).clone().requires_grad_(True), t[OFF_C:].clone().requires_grad_(True)]


LEAVES = torch_leaves(THETA)


def torch_loss_and_grad():
    loss = torch_loss(*LEAVES)
    grads = torch.autograd.grad(loss, LEAVES)
    return loss, grads


def torch_hessian():
    return torch.autograd.functional.hessian(torch_loss_flat, torch.from_numpy(THETA))


# ---------------------------------------------------------------- NumPy, hand-derived
X1 = np.hstack([X, np.ones((N, 1))])  # x~ = (x, 1): the inputs of neuron j's block (W1_j, b1_j)
XX = (X1[:, :, None] * X1[:, None, :]).reshape(N, (D + 1) ** 2)  # rows x~ x~^T, flattened
# IDX[j] = positions of (W1_j1..W1_jD, b1_j) in theta; VIDX[j] = position of v_j.
IDX = np.hstack([np.arange(H * D).reshape(H, D), (OFF_B1 + np.arange(H))[:, None]])
VIDX = OFF_V + np.arange(H)


def hand_hessian(theta):
    """Exact Hessian of L(theta) = 1/(2n) sum_i r_i^2, r_i = f(x_i) - y_i, f(x) = sum_j v_j tanh(z_j) + c,
    z_j = w_j . x + b_j.

    H = (1/n) J^T J + (1/n) sum_i r_i d2f_i, with J the n x P Jacobian of f:
      df/dW1_jk = v_j s'_ij x_ik,  df/db1_j = v_j s'_ij,  df/dv_j = s_ij,  df/dc = 1
    (s = tanh(z), s' = 1 - s^2, s'' = -2 s s'). The second derivatives of f_i are block sparse:
      (W1_j, b1_j) x (W1_j, b1_j):  v_j s''_ij x~_i x~_i^T      (one (D+1) x (D+1) block per neuron)
      v_j x (W1_j, b1_j):           s'_ij x~_i
      different neurons, v x v, c x anything: 0,
    so c enters through the Gauss-Newton term only.
    """
    w1 = theta[:OFF_B1].reshape(H, D)
    b1 = theta[OFF_B1:OFF_V]
    v = theta[OFF_V:OFF_C]
    c = theta[OFF_C]
    s = np.tanh(X @ w1.T + b1)  # n x H
    s1 = 1.0 - s * s
    s2 = -2.0 * s * s1
    r = s @ v + c - Y[:, 0]  # residuals, n
    a = s1 * v  # df/dz, n x H
    jac = np.empty((N, P))
    jac[:, :OFF_B1] = (a[:, :, None] * X[:, None, :]).reshape(N, H * D)
    jac[:, OFF_B1:OFF_V] = a
    jac[:, OFF_V:OFF_C] = s
    jac[:, OFF_C] = 1.0
    hess = jac.T @ jac
    hess /= N
    # residual term, (W1_j, b1_j) blocks: (1/n) sum_i r_i v_j s''_ij x~_i x~_i^T
    q = (r[:, None] * s2 * v) / N  # n x H
    blocks = (q.T @ XX).reshape(H, D + 1, D + 1)
    hess[IDX[:, :, None], IDX[:, None, :]] += blocks
    # residual term, v_j x (W1_j, b1_j): (1/n) sum_i r_i s'_ij x~_i
    cross = ((s1 * r[:, None]).T @ X1) / N  # H x (D+1)
    hess[VIDX[:, None], IDX] += cross
    hess[IDX, VIDX[:, None]] += cross
    return hess


def relative_max_diff(a, b):
    return float(np.max(np.abs(a - b)) / np.max(np.abs(b)))


def main():
    os.makedirs(ARGS.out, exist_ok=True)
    loss, grads = torch_loss_and_grad()
    grad = np.concatenate([g.detach().numpy().ravel() for g in grads])
    h_torch = torch_hessian().numpy()
    h_hand = hand_hessian(THETA)
    agree = relative_max_diff(h_hand, h_torch)
    if not agree <= 1e-12:
        sys.exit(f"torch and hand-derived Hessians disagree: max|dH|/max|H| = {agree:.3e} > 1e-12")
    eig = np.linalg.eigvalsh(h_torch)

    timings = {}
    timings["loss_grad_torch_ms"], timings["loss_grad_torch_reps"] = median_ms(torch_loss_and_grad, 50, 300)
    timings["hessian_hand_numpy_ms"], timings["hessian_hand_numpy_reps"] = median_ms(
        lambda: hand_hessian(THETA), 2, 10)
    # the torch Hessian computed above for the checks was its warm-up
    timings["hessian_torch_ms"], timings["hessian_torch_reps"] = median_ms(torch_hessian, 0, 3)
    timings["eigvalsh_numpy_ms"], timings["eigvalsh_numpy_reps"] = median_ms(lambda: np.linalg.eigvalsh(h_torch), 1, 7)
    rng = np.random.default_rng(1)
    ga, gb = rng.standard_normal((1000, 1000)), rng.standard_normal((1000, 1000))
    timings["dgemm1000_numpy_ms"], timings["dgemm1000_numpy_reps"] = median_ms(lambda: ga @ gb, 1, 7)

    h_torch.astype("<f8").tofile(os.path.join(ARGS.out, "hessian.bin"))
    grad.astype("<f8").tofile(os.path.join(ARGS.out, "grad.bin"))
    eig.astype("<f8").tofile(os.path.join(ARGS.out, "eigenvalues.bin"))
    rho = float(np.max(np.abs(eig)))
    results = {
        "threads": ARGS.threads,
        "torch_version": torch.__version__,
        "numpy_version": np.__version__,
        "loss": float(loss.item()),
        "hessian_torch_vs_hand_rel": agree,
        "eig_min": float(eig[0]),
        "eig_max": float(eig[-1]),
        "eig_negative": int(np.sum(eig < -1e-10 * rho)),
        "eig_positive": int(np.sum(eig > 1e-10 * rho)),
        **timings,
    }
    with open(os.path.join(ARGS.out, "results.properties"), "w") as f:
        for key, value in results.items():
            f.write(f"{key}={value!r}\n" if isinstance(value, float) else f"{key}={value}\n")
    print(json.dumps(results))


if __name__ == "__main__":
    main()

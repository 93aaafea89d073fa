#!/usr/bin/python3
"""W3 peer: 2-layer bias-free ReLU, full-batch GD on many starts at once, as a researcher would write it.

Usage: w3_peer.py --data DIR --out DIR [--threads N] [--impl torch,numpy]
Reads X.bin (n x d), Y.bin (n), W_k.bin (inits x k x d), v_k.bin (inits x k) and w3.json written by
org.flowscape.bench.W3Compare export; runs `steps` GD steps at `eta` on L = 1/(2n) sum (f(x) - y)^2 for every width,
batched over the starts: torch (autograd, relu'(0) = 0) and NumPy (hand-written gradient). Writes final_k.bin (the
final losses of the first implementation run), final_numpy_k.bin and times.txt
(one line per implementation: name and total seconds over all widths).
"""
import argparse
import json
import os
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--impl", default="torch,numpy")
    args = ap.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(args.threads)
    import numpy as np
    spec = json.load(open(os.path.join(args.data, "w3.json")))
    n, d, inits, steps, eta = spec["n"], spec["d"], spec["inits"], spec["steps"], spec["eta"]
    X = np.fromfile(os.path.join(args.data, "X.bin"), "<f8").reshape(n, d)
    Y = np.fromfile(os.path.join(args.data, "Y.bin"), "<f8").reshape(n)
    os.makedirs(args.out, exist_ok=True)
    impls = args.impl.split(",")
    times = []
    for impl in impls:
        total = 0.0
        for k in spec["widths"]:
            W = np.fromfile(os.path.join(args.data, "W_%d.bin" % k), "<f8").reshape(inits, k, d)
            V = np.fromfile(os.path.join(args.data, "v_%d.bin" % k), "<f8").reshape(inits, k)
            start = time.perf_counter()
            final = run_torch(X, Y, W, V, eta, steps, args.threads) if impl == "torch" else \
                run_numpy(X, Y, W, V, eta, steps)
            total += time.perf_counter() - start
            name = "final_%d.bin" % k if impl == impls[0] else "final_%s_%d.bin" % (impl, k)
            np.asarray(final, dtype="<f8").tofile(os.path.join(args.out, name))
        times.append((impl + "-batched-%dt" % args.threads, total))
        print("peer %s, %d thread(s): %.3f s for %d starts (%.1f us per start)" % (
            impl, args.threads, total, inits * len(spec["widths"]), 1e6 * total / (inits * len(spec["widths"]))))
    with open(os.path.join(args.out, "times.txt"), "w") as f:
        for name, secs in times:
            f.write("%s %.6f\n" % (name, secs))


def run_torch(X, Y, W, V, eta, steps, threads):
    import torch
    torch.set_num_threads(threads)
    x = torch.tensor(X)
    y = torch.tensor(Y)
    w = torch.tensor(W, requires_grad=True)
    v = torch.tensor(V, requires_grad=True)

    def losses():
        h = torch.matmul(w, x.T)                       # (B, k, n)
        p = torch.matmul(v.unsqueeze(1), torch.relu(h)).squeeze(1)   # (B, n)
        return 0.5 * ((p - y) ** 2).mean(dim=1)        # (B,)

    for _ in range(steps):
        gw, gv = torch.autograd.grad(losses().sum(), [w, v])
        with torch.no_grad():
            w -= eta * gw
            v -= eta * gv
    with torch.no_grad():
        return losses().numpy().copy()


def run_numpy(X, Y, W, V, eta, steps):
    import numpy as np
    n = X.shape[0]
    W = W.copy()
    V = V.copy()
    XT = X.T.copy()
    for _ in range(steps):
        H = W @ XT                                      # (B, k, n)
        A = np.maximum(H, 0.0)
        R = (V[:, None, :] @ A)[:, 0, :] - Y            # (B, n)
        gV = (A @ R[:, :, None])[:, :, 0] / n           # (B, k)
        M = (H > 0) * (V[:, :, None] * R[:, None, :]) / n
        gW = M @ X                                      # (B, k, d)
        W -= eta * gW
        V -= eta * gV
    H = W @ XT
    R = (V[:, None, :] @ np.maximum(H, 0.0))[:, 0, :] - Y
    return 0.5 * (R * R).mean(axis=1)


if __name__ == "__main__":
    main()

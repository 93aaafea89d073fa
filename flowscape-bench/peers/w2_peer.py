#!/usr/bin/python3
"""W2 peer: SciPy solve_ivp(method="DOP853") on the deep linear gradient flow with a NumPy gradient.

Usage: w2_peer.py W2.json [repeats]  (the JSON holds phi and theta0 as written by org.flowscape.bench.W2Workload).
Flow of L = 1/2 ||W4 W3 W2 W1 - Phi||_F^2 with rtol 1e-10, atol 1e-12, stopped by a terminal event at L = 1e-10,
as a researcher would write it. Prints wall time (best of repeats), gradient calls (fun calls, nfev), final loss
and the balance drift max_i max |C_i(T) - C_i(0)|, C_i = W_i W_i^T - W_{i+1}^T W_{i+1}.
"""
import json
import sys
import time

import numpy as np
from scipy.integrate import solve_ivp


def unpack(theta, n, depth):
    return [theta[l * n * n:(l + 1) * n * n].reshape(n, n) for l in range(depth)]


def loss_and_grad(theta, phi, n, depth):
    w = unpack(theta, n, depth)
    # prefix[l] = W_l ... W_1 (prefix[0] = I); suffix[l] = W_depth ... W_{l+1}
    prefix = [np.eye(n)]
    for l in range(depth):
        prefix.append(w[l] @ prefix[-1])
    r = prefix[-1] - phi
    grads = []
    suffix = np.eye(n)
    for l in reversed(range(depth)):
        grads.append(suffix.T @ r @ prefix[l].T)
        suffix = suffix @ w[l]
    grads.reverse()
    return 0.5 * np.sum(r * r), np.concatenate([g.ravel() for g in grads])


def balance(theta, n, depth):
    w = unpack(theta, n, depth)
    return [w[i] @ w[i].T - w[i + 1].T @ w[i + 1] for i in range(depth - 1)]


def main():
    spec = json.load(open(sys.argv[1]))
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    n, depth = spec["n"], spec["depth"]
    phi = np.array(spec["phi"]).reshape(n, n)
    theta0 = np.array(spec["theta0"])
    calls = [0]

    def fun(t, y):
        calls[0] += 1
        return -loss_and_grad(y, phi, n, depth)[1]

    def target(t, y):
        return loss_and_grad(y, phi, n, depth)[0] - 1e-10
    target.terminal = True
    target.direction = -1

    best = None
    for _ in range(repeats):
        calls[0] = 0
        start = time.perf_counter()
        sol = solve_ivp(fun, (0.0, 1e5), theta0, method="DOP853", rtol=1e-10, atol=1e-12, events=target)
        seconds = time.perf_counter() - start
        if best is None or seconds < best[0]:
            best = (seconds, sol, calls[0])
    seconds, sol, ncalls = best
    y = sol.y[:, -1]
    drift = max(np.max(np.abs(c1 - c0)) for c0, c1 in zip(balance(theta0, n, depth), balance(y, n, depth)))
    loss = loss_and_grad(y, phi, n, depth)[0]
    print("peer scipy %s numpy %s: %.4f s, %d gradient calls (nfev %d, event %d), %d steps, t = %.6f, loss %.3e, "
          "drift %.2e, status %d" % (__import__("scipy").__version__, np.__version__, seconds, ncalls, sol.nfev,
                                     ncalls - sol.nfev, len(sol.t) - 1, sol.t[-1], loss, drift, sol.status))


if __name__ == "__main__":
    main()

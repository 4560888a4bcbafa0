"""Peer for bench/btyd.bench.ts: the BG/NBD fit a Python analyst would run on the CDNOW summary.

Vectorised NumPy log-likelihood with its analytic gradient (what `lifetimes` obtains through autograd),
minimised by SciPy's BFGS on the log-parameters (mean negative log-likelihood, as `lifetimes` does), one
row per customer (no grouping). Prints one JSON line: median wall time of the fit in ms over `runs`,
the estimates, log-likelihood and iteration counts (and the median CPU time, median_cpu_ms). Python start-up and file reading are not timed.

usage: python3 bench/peer_bgnbd.py <cdnow_customers_summary.csv> [runs]
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln, psi


def load(path):
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    return data[:, 1], data[:, 2], data[:, 3]


def negative_mean_ll(log_params, x, tx, T):
    r, alpha, a, b = np.exp(log_params)
    n = x.shape[0]
    pos = x > 0
    A1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    A2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    lT = np.log(alpha + T)
    ltx = np.log(alpha + tx)
    A3 = -(r + x) * lT
    bx1 = np.where(pos, b + x - 1, 1.0)
    A4 = np.where(pos, np.log(a) - np.log(bx1) - (r + x) * ltx, -np.inf)
    m = np.maximum(A3, A4)
    e3 = np.exp(A3 - m)
    e4 = np.exp(A4 - m)
    s = e3 + e4
    ll = A1 + A2 + m + np.log(s)
    w3 = e3 / s
    w4 = e4 / s
    d_r = psi(r + x) - psi(r) + np.log(alpha) + w3 * (-lT) + w4 * np.where(pos, -ltx, 0.0)
    d_alpha = r / alpha + w3 * (-(r + x) / (alpha + T)) + w4 * np.where(pos, -(r + x) / (alpha + tx), 0.0)
    d_a = psi(a + b) - psi(a + b + x) + w4 * (1.0 / a)
    d_b = psi(a + b) + psi(b + x) - psi(b) - psi(a + b + x) + w4 * np.where(pos, -1.0 / bx1, 0.0)
    grad = np.array([d_r.sum() * r, d_alpha.sum() * alpha, d_a.sum() * a, d_b.sum() * b])
    return -ll.sum() / n, -grad / n


def fit(x, tx, T):
    x0 = np.zeros(4)
    return minimize(negative_mean_ll, x0, args=(x, tx, T), jac=True, method="BFGS")


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    x, tx, T = load(path)
    times = []
    cpu = []
    res = None
    for _ in range(runs):
        t0 = time.perf_counter()
        c0 = time.process_time()
        res = fit(x, tx, T)
        times.append((time.perf_counter() - t0) * 1000.0)
        cpu.append((time.process_time() - c0) * 1000.0)
    r, alpha, a, b = np.exp(res.x)
    print(json.dumps({
        "median_ms": float(np.median(times)),
        "median_cpu_ms": float(np.median(cpu)),
        "runs": runs,
        "r": float(r), "alpha": float(alpha), "a": float(a), "b": float(b),
        "log_likelihood": float(-res.fun * x.shape[0]),
        "iterations": int(res.nit), "evaluations": int(res.nfev), "success": bool(res.success),
        "message": str(res.message),
    }))


if __name__ == "__main__":
    main()

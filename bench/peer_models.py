"""Peers for bench/models.bench.ts: the fits a Python analyst would run with NumPy and SciPy.

- mbgnbd: MBG/NBD on the CDNOW summary, vectorised log-likelihood with its analytic gradient, BFGS on
  the log-parameters (as bench/peer_bgnbd.py does for BG/NBD), one row per customer.
- pnbd: Pareto/NBD on the CDNOW summary, the likelihood of lifetimes/BTYD with scipy.special.hyp2f1,
  vectorised; SciPy has no derivative of hyp2f1 in its parameters, so BFGS takes its gradient by finite
  differences (scipy.optimize's default), on the log-parameters.
- bgbb: BG/BB on the donations patterns with their counts, the likelihood's sum padded to a rectangle
  and vectorised, analytic gradient (digamma), BFGS on the log-parameters.
All minimise the mean negative log-likelihood from the same start as the TypeScript fits. Prints one
JSON line: median wall and CPU time of the fit in ms over `runs`, estimates, log-likelihood, iteration counts.
Python start-up and file reading are not timed.

usage: python3 bench/peer_models.py mbgnbd|pnbd <cdnow_customers_summary.csv> [runs]
       python3 bench/peer_models.py bgbb <donations.csv> [runs]
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln, gammaln, hyp2f1, psi


def load_cdnow(path):
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    return data[:, 1], data[:, 2], data[:, 3]


def mbgnbd_negative_mean_ll(log_params, x, tx, T):
    r, alpha, a, b = np.exp(log_params)
    n = x.shape[0]
    A1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    A2 = gammaln(a + b) + gammaln(b + x + 1) - gammaln(b) - gammaln(a + b + x + 1)
    lT = np.log(alpha + T)
    ltx = np.log(alpha + tx)
    A3 = -(r + x) * lT
    A4 = np.log(a) - np.log(b + x) - (r + x) * ltx
    m = np.maximum(A3, A4)
    e3 = np.exp(A3 - m)
    e4 = np.exp(A4 - m)
    s = e3 + e4
    ll = A1 + A2 + m + np.log(s)
    w3 = e3 / s
    w4 = e4 / s
    d_r = psi(r + x) - psi(r) + np.log(alpha) - w3 * lT - w4 * ltx
    d_alpha = r / alpha - w3 * (r + x) / (alpha + T) - w4 * (r + x) / (alpha + tx)
    d_a = psi(a + b) - psi(a + b + x + 1) + w4 / a
    d_b = psi(a + b) + psi(b + x + 1) - psi(b) - psi(a + b + x + 1) - w4 / (b + x)
    grad = np.array([d_r.sum() * r, d_alpha.sum() * alpha, d_a.sum() * a, d_b.sum() * b])
    return -ll.sum() / n, -grad / n


def pnbd_negative_mean_ll(log_params, x, tx, T):
    r, alpha, s, beta = np.exp(log_params)
    maxab = max(alpha, beta)
    absab = abs(alpha - beta)
    param2 = s + 1 if alpha >= beta else r + x
    rsx = r + s + x
    a0 = (hyp2f1(rsx, param2, rsx + 1, absab / (maxab + tx)) / (maxab + tx) ** rsx
          - hyp2f1(rsx, param2, rsx + 1, absab / (maxab + T)) / (maxab + T) ** rsx)
    A = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + s * np.log(beta)
    ll = A + np.log(1 / ((alpha + T) ** (r + x) * (beta + T) ** s) + s / rsx * a0)
    return -ll.mean()


def load_donations(path):
    d = np.loadtxt(path, delimiter=",", skiprows=1)
    return d[:, 0], d[:, 1], d[:, 2], d[:, 3]


def bgbb_layout(x, tx, n):
    """Per pattern, the likelihood's terms padded to a rectangle: (k, e, l) of B(α+x, β+k)·B(γ+e, δ+l)."""
    width = int((n - tx).max()) + 1
    k = np.zeros((len(x), width))
    e = np.zeros((len(x), width))
    ell = np.zeros((len(x), width))
    mask = np.zeros((len(x), width), dtype=bool)
    for p in range(len(x)):
        k[p, 0], e[p, 0], ell[p, 0], mask[p, 0] = n[p] - x[p], 0, n[p], True
        for i in range(int(n[p] - tx[p])):
            k[p, i + 1], e[p, i + 1], ell[p, i + 1], mask[p, i + 1] = tx[p] - x[p] + i, 1, tx[p] + i, True
    return k, e, ell, mask


def bgbb_negative_mean_ll(log_params, x, w, k, e, ell, mask):
    alpha, beta, gamma, delta = np.exp(log_params)
    X = x[:, None]
    terms = np.where(mask, betaln(alpha + X, beta + k) + betaln(gamma + e, delta + ell), -np.inf)
    hi = terms.max(axis=1, keepdims=True)
    ex = np.exp(terms - hi)
    tot = ex.sum(axis=1, keepdims=True)
    wt = ex / tot
    ll = hi[:, 0] + np.log(tot[:, 0]) - betaln(alpha, beta) - betaln(gamma, delta)
    s1 = psi(alpha + beta + X + k)
    s2 = psi(gamma + delta + e + ell)
    d_alpha = (wt * (psi(alpha + X) - s1)).sum(axis=1) - psi(alpha) + psi(alpha + beta)
    d_beta = (wt * np.where(mask, psi(beta + k) - s1, 0)).sum(axis=1) - psi(beta) + psi(alpha + beta)
    d_gamma = (wt * np.where(mask, psi(gamma + e) - s2, 0)).sum(axis=1) - psi(gamma) + psi(gamma + delta)
    d_delta = (wt * np.where(mask, psi(delta + ell) - s2, 0)).sum(axis=1) - psi(delta) + psi(gamma + delta)
    total = w.sum()
    grad = np.array([(w * d_alpha).sum() * alpha, (w * d_beta).sum() * beta, (w * d_gamma).sum() * gamma,
                     (w * d_delta).sum() * delta])
    return -(w * ll).sum() / total, -grad / total


def main():
    model, path = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    if model == "bgbb":
        x, tx, n, w = load_donations(path)
        k, e, ell, mask = bgbb_layout(x, tx, n)
        scale = w.sum()
        fit = lambda: minimize(bgbb_negative_mean_ll, np.zeros(4), args=(x, w, k, e, ell, mask), jac=True,
                               method="BFGS")
    else:
        x, tx, T = load_cdnow(path)
        scale = x.shape[0]
        start = np.log([1.0, T.sum() / x.sum(), 1.0, 1.0])
        if model == "mbgnbd":
            fit = lambda: minimize(mbgnbd_negative_mean_ll, start, args=(x, tx, T), jac=True, method="BFGS")
        else:
            start = np.log([1.0, T.sum() / x.sum(), 1.0, T.sum() / x.sum()])
            fit = lambda: minimize(pnbd_negative_mean_ll, start, args=(x, tx, T), method="BFGS")
    times = []
    cpu = []
    res = None
    for _ in range(runs):
        t0 = time.perf_counter()
        c0 = time.process_time()
        res = fit()
        times.append((time.perf_counter() - t0) * 1000.0)
        cpu.append((time.process_time() - c0) * 1000.0)
    print(json.dumps({
        "median_ms": float(np.median(times)),
        "median_cpu_ms": float(np.median(cpu)),
        "runs": runs,
        "params": np.exp(res.x).tolist(),
        "log_likelihood": float(-res.fun * scale),
        "iterations": int(res.nit), "evaluations": int(res.nfev), "success": bool(res.success),
        "message": str(res.message),
    }))


if __name__ == "__main__":
    main()

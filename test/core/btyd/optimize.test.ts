/** The damped-Newton minimiser: converges, reports divergence and failure, is deterministic. */
import { describe, expect, it } from "vitest";
import { minimizeNewton, Objective } from "../../../src/core/btyd/optimize";

/** Rosenbrock's function (minimum 0 at (1, 1)); its Hessian is indefinite away from the valley. */
const rosenbrock: Objective = (x, g, h) => {
  const [a, b] = [x[0]!, x[1]!];
  g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  g[1] = 200 * (b - a * a);
  h[0] = 2 - 400 * (b - 3 * a * a);
  h[1] = h[2] = -400 * a;
  h[3] = 200;
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};

describe("minimizeNewton", () => {
  it("finds Rosenbrock's minimum (1, 1) from (−1.2, 1), to the gradient tolerance", () => {
    const r = minimizeNewton(rosenbrock, [-1.2, 1]);
    expect(r.status).toBe("converged");
    expect(r.x[0]).toBeCloseTo(1, 8);
    expect(r.x[1]).toBeCloseTo(1, 8);
    expect(Math.max(...Array.from(r.gradient, Math.abs))).toBeLessThanOrEqual(1e-8);
  });

  it("takes exactly one step on a quadratic: f = (x − 3)² + 2(y + 1)²", () => {
    const r = minimizeNewton(
      (x, g, h) => {
        g[0] = 2 * (x[0]! - 3);
        g[1] = 4 * (x[1]! + 1);
        h[0] = 2;
        h[1] = h[2] = 0;
        h[3] = 4;
        return (x[0]! - 3) ** 2 + 2 * (x[1]! + 1) ** 2;
      },
      [0, 0],
    );
    expect([r.status, r.iterations]).toEqual(["converged", 1]);
    expect(r.x[0]).toBeCloseTo(3, 14);
    expect(r.x[1]).toBeCloseTo(-1, 14);
  });

  it("is deterministic: the same start gives the same path, bit for bit", () => {
    const a = minimizeNewton(rosenbrock, [-1.2, 1]);
    const b = minimizeNewton(rosenbrock, [-1.2, 1]);
    expect([Array.from(a.x), a.iterations, a.evaluations]).toEqual([Array.from(b.x), b.iterations, b.evaluations]);
  });

  it("reports divergence (minimum at infinity) with the coordinate: f = e^(−x)", () => {
    const r = minimizeNewton(
      (x, g, h) => {
        const e = Math.exp(-x[0]!);
        g[0] = -e;
        h[0] = e;
        return e;
      },
      [0],
    );
    expect(r.status).toBe("diverged");
    expect(r.divergedIndex).toBe(0);
  });

  it("stops after maxIterations without claiming convergence", () => {
    const r = minimizeNewton(rosenbrock, [-1.2, 1], { maxIterations: 2 });
    expect(r.status).toBe("maxIterations");
    expect(r.iterations).toBe(2);
  });

  it("fails, not loops, when f is not finite at the start", () => {
    expect(minimizeNewton(() => NaN, [0]).status).toBe("lineSearchFailed");
  });
});

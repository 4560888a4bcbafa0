/** Grouping identical customer profiles, and the seeded generators used by tests and benchmarks. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distinctRows } from "../../../src/core/btyd/grouping";
import { gammaVariate, mulberry32, simulateBgnbd } from "../../../src/core/btyd/simulate";

describe("distinctRows", () => {
  it("keeps first-seen order, counts multiplicities and maps every row to its group", () => {
    const d = distinctRows([
      [1, 1, 2, 1],
      [5, 5, 5, 6],
    ]);
    expect(d.columns.map((c) => Array.from(c))).toEqual([
      [1, 2, 1],
      [5, 5, 6],
    ]);
    expect(Array.from(d.counts)).toEqual([2, 1, 1]);
    expect(Array.from(d.index)).toEqual([0, 0, 1, 2]);
  });

  it("treats −0 and 0 as equal and values 1e-12 apart as different", () => {
    expect(distinctRows([[0, -0, 1, 1 + 1e-12]]).counts.length).toBe(3);
  });

  it("agrees with grouping by the text of the row, for any rows (fast-check, seed 3)", () => {
    const value = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: -1e9, max: 1e9, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value, value), { maxLength: 300 }), (rows) => {
        const d = distinctRows([rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])]);
        const seen = new Map<string, number>();
        for (const r of rows) {
          const k = r.map((v) => String(v + 0)).join("|");
          seen.set(k, (seen.get(k) ?? 0) + 1);
        }
        expect(Array.from(d.counts)).toEqual([...seen.values()]);
      }),
      { seed: 3, numRuns: 200 },
    );
  });
});

describe("seeded generators", () => {
  it("mulberry32 repeats its sequence for a seed and stays in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("Gamma(shape) draws have mean ≈ shape and variance ≈ shape (20,000 draws, shapes 0.243 and 3.7)", () => {
    for (const shape of [0.243, 3.7]) {
      const rng = mulberry32(11);
      const xs = Array.from({ length: 20_000 }, () => gammaVariate(shape, rng));
      const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
      const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
      expect(Math.abs(mean / shape - 1)).toBeLessThan(0.05);
      expect(Math.abs(variance / shape - 1)).toBeLessThan(0.1);
    }
  });

  it("simulated customers are valid summaries: whole x, 0 ≤ t_x ≤ T, t_x = 0 exactly when x = 0", () => {
    const s = simulateBgnbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 5000, mulberry32(1), { unit: 1 / 7 });
    const invalid: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const [x, tx, T] = [s.frequency[i]!, s.recency[i]!, s.T[i]!];
      if (!(Number.isInteger(x) && tx >= 0 && tx <= T && (x === 0) === (tx === 0))) invalid.push(i);
    }
    expect(invalid).toEqual([]);
  });
});

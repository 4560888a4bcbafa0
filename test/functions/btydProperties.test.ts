/**
 * The promise every BTYD adapter keeps whatever Excel passes it (fast-check, fixed seeds): a spill of finite
 * numbers, texts (RFM's header, customer ids) or blanks, or a CustomFunctions.Error with one of the four codes —
 * never a raw exception, NaN or Infinity.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLV_BTYD, COHORT, RFM } from "../../src/functions/btyd";
import { BGNBD_EXPECTED, BGNBD_FIT, BGNBD_PALIVE, GG_FIT, GG_SPEND } from "../../src/functions/models";
import { INV } from "../support/adapterCalls";
import { CDNOW_BGNBD_ROW, CDNOW_GG_ROW } from "../fixtures/cdnow/cdnow";

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 60 }) },
  { weight: 3, arbitrary: fc.double({ min: -5, max: 50_000, noNaN: true }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e308, -1, null, "", "n/a", "A", true, {
      code: "#N/A",
    }),
  },
);
/** A column of 1–12 cells, sometimes a row or a 2-column block. */
const range = fc.oneof(
  fc.array(cell, { minLength: 1, maxLength: 12 }).map((xs) => xs.map((x) => [x])),
  fc.array(cell, { minLength: 1, maxLength: 6 }).map((xs) => [xs]),
  fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 6 }).map((xs) => xs.map(([a, b]) => [a, b])),
);
const scalar = fc.oneof(cell, fc.constant(null));
const params = fc.oneof(fc.constant(CDNOW_BGNBD_ROW), fc.constant(CDNOW_GG_ROW), range);

async function keepsThePromise(p: Promise<unknown>): Promise<void> {
  let out: unknown;
  try {
    out = await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CustomFunctions.Error);
    expect(["#VALUE!", "#NUM!", "#DIV/0!", "#N/A"]).toContain((e as { code: string }).code);
    return;
  }
  expect(Array.isArray(out)).toBe(true);
  for (const row of out as unknown[][]) {
    for (const v of row) {
      if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
      else expect(v === null || typeof v === "string").toBe(true);
    }
  }
}

const run = (seed: number, arbs: fc.Arbitrary<unknown>[], f: (...a: unknown[]) => Promise<unknown>) =>
  fc.assert(
    fc.asyncProperty(fc.tuple(...arbs), async (args) => keepsThePromise(f(...args))),
    { seed, numRuns: 150 },
  );

describe("BTYD adapters return spills or Excel errors, never anything else", () => {
  it("RFM", () =>
    run(301, [range, range, range, scalar, scalar], (a, b, c, d, e) =>
      RFM(a as unknown[][], b as unknown[][], c as unknown[][], d, e, null, null, INV),
    ));
  it("BGNBD.FIT", () =>
    run(302, [range, range, range, scalar], (a, b, c, d) =>
      BGNBD_FIT(a as unknown[][], b as unknown[][], c as unknown[][], d, INV),
    ));
  it("BGNBD.PALIVE", () =>
    run(303, [params, range, range, range], (p, a, b, c) =>
      BGNBD_PALIVE(p as unknown[][], a as unknown[][], b as unknown[][], c as unknown[][], INV),
    ));
  it("BGNBD.EXPECTED", () =>
    run(304, [params, scalar, range, range, range], (p, t, a, b, c) =>
      BGNBD_EXPECTED(p as unknown[][], t, a as unknown[][], b as unknown[][], c as unknown[][], INV),
    ));
  it("GG.FIT", () => run(305, [range, range], (a, b) => GG_FIT(a as unknown[][], b as unknown[][], INV)));
  it("GG.SPEND", () =>
    run(306, [params, range, range], (p, a, b) => GG_SPEND(p as unknown[][], a as unknown[][], b as unknown[][], INV)));
  it("CLV.BTYD", () =>
    run(307, [params, params, range, range, range, range, scalar, scalar, scalar], (p, q, a, b, c, d, m, r, k) =>
      CLV_BTYD(
        p as unknown[][],
        q as unknown[][],
        a as unknown[][],
        b as unknown[][],
        c as unknown[][],
        d as unknown[][],
        m,
        r,
        k,
        null,
        INV,
      ),
    ));
  it("COHORT", () => run(308, [range, range, scalar], (a, b, g) => COHORT(a as unknown[][], b as unknown[][], g, INV)));
});

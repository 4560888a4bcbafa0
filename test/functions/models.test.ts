/**
 * The adapters of issue 10 (src/functions/models.ts and CLV.BTYD's model argument) as Excel calls them.
 * Expected values are the published estimates and the independent mpmath/SciPy values of
 * test/fixtures/models/btyd_models.json — never this code's own output.
 */
import { describe, expect, it } from "vitest";
import { CLV_BTYD } from "../../src/functions/btyd";
import {
  BGBB_EXPECTED,
  BGBB_FIT,
  BGBB_PALIVE,
  MBGNBD_EXPECTED,
  MBGNBD_FIT,
  MBGNBD_PALIVE,
  PNBD_EXPECTED,
  PNBD_FIT,
  PNBD_PALIVE,
  SBG_DERL,
  SBG_FIT,
  SBG_RETENTION,
  SBG_SURVIVAL,
} from "../../src/functions/models";
import { cdnowSummaryWithSpend, CDNOW_BGNBD_ROW as BG, CDNOW_GG_ROW as GG } from "../fixtures/cdnow/cdnow";
import { donations, modelsFixture } from "../fixtures/models/models";
import { col, excelError, INV } from "../support/adapterCalls";

const F = modelsFixture();

describe("PNBD.* and MBGNBD.* on CDNOW", () => {
  const cdnow = cdnowSummaryWithSpend();
  const [x, tx, T] = [col(...cdnow.x), col(...cdnow.tx), col(...cdnow.T)];

  it("PNBD.FIT spills r, alpha, s, beta, LL = 0.553, 10.578, 0.606, 11.669, −9595.0 (published)", async () => {
    const [fit] = (await PNBD_FIT(x, tx, T, null, INV)) as [number[]];
    expect(fit.map((v, i) => v.toPrecision(i === 4 ? 5 : 3))).toEqual(["0.553", "10.6", "0.606", "11.7", "-9595.0"]);
    F.pnbd.scipy_fit.params.forEach((p, i) => expect(Math.abs(fit[i]! / p - 1)).toBeLessThan(1e-3));
  });

  it("MBGNBD.FIT spills r, alpha, a, b = 0.525, 6.183, 0.891, 1.614 (BTYDplus) and SciPy's LL", async () => {
    const [fit] = (await MBGNBD_FIT(x, tx, T, null, INV)) as [number[]];
    expect(fit.slice(0, 4).map((v) => v.toPrecision(3))).toEqual(["0.525", "6.18", "0.891", "1.61"]);
    expect(fit[4]).toBeCloseTo(F.mbgnbd.scipy_fit.ll, 1);
  });

  it("a FIT's spill is accepted as params; PALIVE and EXPECTED match mpmath per customer; blanks stay blank", async () => {
    for (const [model, palive, expected] of [
      ["pnbd", PNBD_PALIVE, PNBD_EXPECTED],
      ["mbgnbd", MBGNBD_PALIVE, MBGNBD_EXPECTED],
    ] as const) {
      const ref = F[model];
      const params = [[...ref.published, -1]];
      const cs = ref.customers;
      const xs = col(...cs.map((c) => c.x), null);
      const txs = col(...cs.map((c) => c.tx), null);
      const Ts = col(...cs.map((c) => c.T), null);
      const alive = await palive(params, xs, txs, Ts, INV);
      cs.forEach((c, i) => expect(alive[i]![0], `${model} ${i}`).toBeCloseTo(c.palive, 8));
      expect(alive[cs.length]).toEqual([""]);
      const e39 = await expected(params, 39, xs, txs, Ts, INV);
      cs.forEach((c, i) => expect(Math.abs(e39[i]![0] / c.expected["39"]! - 1), `${model} ${i}`).toBeLessThan(1e-8));
    }
  });

  it("long horizons answer: MBG/NBD at t = 20000 (mpmath)", async () => {
    const c = F.mbgnbd.customers.find((k) => k.expected["20000"] !== undefined)!;
    const out = await MBGNBD_EXPECTED([F.mbgnbd.published], 20000, col(c.x), col(c.tx), col(c.T), INV);
    expect(Math.abs(out[0]![0] / c.expected["20000"]! - 1)).toBeLessThan(1e-8);
  });

  it("errors: no repeat buyers → #N/A naming the model; bad customer → #NUM! naming the row; params too few → #N/A", async () => {
    const na = await excelError(() => PNBD_FIT(col(0, 0), col(0, 0), col(5, 6), null, INV));
    expect([na.code, na.message]).toEqual([
      "#N/A",
      "Pareto/NBD fit is impossible: no customer has a repeat purchase (every frequency is 0)",
    ]);
    const num = await excelError(() => MBGNBD_PALIVE([F.mbgnbd.published], col(1, 2), col(1, 9), col(5, 6), INV));
    expect([num.code, num.message]).toEqual([
      "#NUM!",
      "row 2 of the range: T 6 is less than recency 9 (both count from the first purchase)",
    ]);
    expect((await excelError(() => PNBD_PALIVE([[0.5, 1]], col(1), col(1), col(2), INV))).code).toBe("#N/A");
    // a bad parameter is named with the model it was given to: MBG/NBD, not BG/NBD whose parameters it shares
    const bad = await excelError(() => MBGNBD_PALIVE([[0.5, 6, -1, 1.6]], col(1), col(1), col(5), INV));
    expect([bad.code, bad.message]).toEqual(["#NUM!", "params: MBG/NBD a must be a positive number, got -1"]);
    expect((await excelError(() => PNBD_EXPECTED([F.pnbd.published], -1, col(1), col(1), col(2), INV))).code).toBe(
      "#NUM!",
    );
  });
});

describe("BGBB.* on the donations data", () => {
  const d = donations();
  const params = [F.bgbb.published];

  it("BGBB.FIT with counts spills alpha, beta, gamma, delta, LL = 1.204, 0.750, 0.657, 2.783, −33,225.6 (published)", async () => {
    const [fit] = (await BGBB_FIT(col(...d.frequency), col(...d.recency), col(...d.periods), col(...d.count), INV)) as [
      number[],
    ];
    expect(fit.map((v, i) => v.toPrecision(i === 4 ? 6 : 3))).toEqual(["1.20", "0.750", "0.657", "2.78", "-33225.6"]);
  });

  it("count omitted: one customer per row (the expanded table fits as its patterns with counts)", async () => {
    const counts = d.count.map((c) => Math.max(1, Math.round(c / 100)));
    const expand = (xs: number[]): unknown[][] => col(...xs.flatMap((v, k) => new Array<number>(counts[k]!).fill(v)));
    const [rows] = (await BGBB_FIT(expand(d.frequency), expand(d.recency), expand(d.periods), null as never, INV)) as [
      number[],
    ];
    const [patterns] = (await BGBB_FIT(
      col(...d.frequency),
      col(...d.recency),
      col(...d.periods),
      col(...counts),
      INV,
    )) as [number[]];
    rows.forEach((v, k) => expect(v).toBeCloseTo(patterns[k]!, 9));
  });

  it("PALIVE and EXPECTED match the fixture (mpmath, period by period) per pattern", async () => {
    const ps = F.bgbb.patterns;
    const [xs, txs, ns] = [col(...ps.map((p) => p.x)), col(...ps.map((p) => p.tx)), col(...ps.map((p) => p.n))];
    const alive = await BGBB_PALIVE(params, xs, txs, ns, INV);
    ps.forEach((p, i) => expect(alive[i]![0]).toBeCloseTo(p.palive, 9));
    const e5 = await BGBB_EXPECTED(params, 5, xs, txs, ns, INV);
    ps.forEach((p, i) => expect(e5[i]![0]).toBeCloseTo(p.expected["5"]!, 9));
  });

  it("errors: frequency above periods → #NUM! naming the row; futurePeriods 1.5 → #NUM!", async () => {
    const e = await excelError(() => BGBB_PALIVE(params, col(1, 7), col(1, 6), col(6, 6), INV));
    expect([e.code, e.message]).toEqual(["#NUM!", "row 2 of the range: frequency 7 is more than the 6 periods"]);
    expect((await excelError(() => BGBB_EXPECTED(params, 1.5, col(1), col(1), col(6), INV))).code).toBe("#NUM!");
  });
});

describe("SBG.* on the Fader & Hardie (2007) cohorts", () => {
  const high = F.sbg.high_end;

  it("SBG.FIT on shares and on counts: alpha, beta = 0.668, 3.806 (published); LL per customer or on the cohort's scale", async () => {
    const [shares] = (await SBG_FIT(col(...high.shares), INV)) as [number[]];
    expect(shares.slice(0, 2).map((v) => v.toFixed(3))).toEqual(["0.668", "3.806"]);
    expect(shares[2]).toBeCloseTo(high.scipy_fit_shares.ll, 6);
    const counts = high.shares.map((s) => Math.round(s * 1000));
    const [byCount] = (await SBG_FIT(col(...counts), INV)) as [number[]];
    expect(byCount[2]).toBeCloseTo(high.scipy_fit_counts.ll, 3);
  });

  it("SURVIVAL and RETENTION keep t's shape (a value or a range, blanks stay blank)", async () => {
    const params = [[...high.published, -1.6]];
    const s = await SBG_SURVIVAL(params, [[0, 5, null, 12]], INV);
    expect(s[0]![0]).toBe(1);
    expect(s[0]![1]).toBeCloseTo(high.survival["5"]!, 9);
    expect(s[0]![2]).toBe("");
    expect(s[0]![3]).toBeCloseTo(high.survival["12"]!, 9);
    const r = await SBG_RETENTION(params, 2 as never, INV);
    expect(r[0]![0]).toBeCloseTo(high.retention["2"]!, 12);
    expect((await excelError(() => SBG_RETENTION(params, 0 as never, INV))).code).toBe("#NUM!");
  });

  it("DERL: 5.4149 at d = 0.1 (the paper), renewals 3 from the fixture; d = 0 with alpha ≤ 1 → #NUM!", async () => {
    expect(SBG_DERL([high.published], 0.1, null)).toBeCloseTo(high.derl["0.1/0"]!, 9);
    expect(SBG_DERL([high.published], 0.1, 3)).toBeCloseTo(high.derl["0.1/3"]!, 9);
    const e = await excelError(() => SBG_DERL([high.published], 0, null));
    expect([e.code, e.message]).toEqual([
      "#NUM!",
      "with discountRate 0 the expected lifetime is infinite when alpha ≤ 1 (alpha = 0.668)",
    ]);
  });

  it("SBG.FIT errors: an increasing value → #NUM!, two values → #N/A", async () => {
    expect((await excelError(() => SBG_FIT(col(100, 90, 95), INV))).code).toBe("#NUM!");
    expect((await excelError(() => SBG_FIT(col(100, 90), INV))).code).toBe("#N/A");
  });
});

describe("CLV.BTYD's model argument (clvBtydMany)", () => {
  it("each fixture case, read as its model's params (mpmath)", async () => {
    for (const c of F.clv) {
      const out = await CLV_BTYD(
        [c.params],
        GG,
        col(c.x),
        col(c.tx),
        col(c.T),
        col(c.m),
        c.months,
        c.monthlyDiscount,
        c.periodDays,
        c.model === "pnbd" ? "Pareto/NBD" : c.model,
        INV,
      );
      expect(Math.abs(out[0]![0] / c.clv - 1), JSON.stringify(c)).toBeLessThan(1e-8);
    }
  });

  it("blank model is bgnbd; blank rows stay blank; an unknown model → #VALUE!", async () => {
    const out = await CLV_BTYD(
      BG,
      GG,
      col(2, null),
      col(30.43, null),
      col(38.86, null),
      col(22.35, null),
      null,
      null,
      null,
      "",
      INV,
    );
    expect(out[0]![0]).toBeCloseTo(36.3112572169821, 8);
    expect(out[1]).toEqual([""]);
    const e = await excelError(() =>
      CLV_BTYD(BG, GG, col(2), col(30.43), col(38.86), col(22.35), null, null, null, "gamma", INV),
    );
    expect([e.code, e.message]).toEqual(["#VALUE!", 'model must be "bgnbd", "mbgnbd" or "pnbd", got "gamma"']);
  });
});

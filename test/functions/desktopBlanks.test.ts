/**
 * Blank cells on Excel desktop, which passes a blank cell as 0 where Excel on the web passes null (office-js
 * 1951, 4702, 5262): issue 13 items 15 (a params range with a blank cell) and 16 (an optional argument that
 * refers to a blank cell). Calls are made as desktop makes them: blanks as 0, with parameter addresses.
 * Expected values: the same call as Excel on the web makes it (blank as null), which the other adapter tests
 * check against published and hand-worked values.
 */
import { afterEach, describe, expect, it } from "vitest";
import { CROSSSELL, LIFECYCLE, RFM_SCORE, RFM_SEGMENT, VALUETIER } from "../../src/functions/analysis";
import { CLV_BTYD, COHORT, RFM } from "../../src/functions/btyd";
import {
  BGBB_EXPECTED,
  BGNBD_EXPECTED,
  BGNBD_PALIVE,
  GG_SPEND,
  BGBB_FIT,
  BGBB_PALIVE,
  MBGNBD_EXPECTED,
  MBGNBD_PALIVE,
  PNBD_EXPECTED,
  PNBD_PALIVE,
  SBG_RETENTION,
  SBG_SURVIVAL,
} from "../../src/functions/models";
import { CSAT, NPS_CI, NPS_MOE } from "../../src/functions/survey";
import { donations, modelsFixture } from "../fixtures/models/models";
import { DesktopExcel, installDesktopExcel, invocationAt } from "../support/desktopExcel";
import { col } from "../support/adapterCalls";
import { CDNOW_BGNBD_ROW as BG, CDNOW_GG_ROW as GG } from "../fixtures/cdnow/cdnow";

const WEB = { parameterAddresses: [] } as unknown as CustomFunctions.Invocation;
const D = "Double";
const E = "Empty";

let desktop: DesktopExcel | undefined;
afterEach(() => {
  desktop?.restore();
  desktop = undefined;
});

describe("a params range with a blank cell (issue 13 item 15)", () => {
  // The BG/NBD fit of CDNOW in F2:F6 with F3 left blank, as a user lays it out: r, (blank), alpha, a, b.
  const bgDesktop = col(0.243, 0, 4.414, 0.793, 2.426);
  const bgWeb = col(0.243, null, 4.414, 0.793, 2.426);
  const bgTypes = { "Fit!F2:F6": [[D], [E], [D], [D], [D]] };
  // Gamma-Gamma p, (blank), q, gamma in G2:G5
  const ggDesktop = col(6.25, 0, 3.74, 15.44);
  const ggWeb = col(6.25, null, 3.74, 15.44);
  const ggTypes = { "Fit!G2:G5": [[D], [E], [D], [D]] };

  it("BGNBD.PALIVE: the blank is skipped on desktop as on the web", async () => {
    const web = await BGNBD_PALIVE(bgWeb, col(2), col(30.43), col(38.86), WEB);
    desktop = installDesktopExcel(bgTypes);
    const out = await BGNBD_PALIVE(bgDesktop, col(2), col(30.43), col(38.86), invocationAt("Fit!F2:F6"));
    expect(out).toEqual(web);
    expect(out[0]![0]).toBeCloseTo(0.7266, 4); // as CRM.BGNBD.PALIVE's reference example
  });

  it("BGNBD.EXPECTED and GG.SPEND likewise", async () => {
    desktop = installDesktopExcel({ ...bgTypes, ...ggTypes });
    const expected = await BGNBD_EXPECTED(bgDesktop, 39, col(2), col(30.43), col(38.86), invocationAt("Fit!F2:F6"));
    expect(expected[0]![0]).toBeCloseTo(1.226, 3);
    const spend = await GG_SPEND(ggDesktop, col(2), col(22.35), invocationAt("Fit!G2:G5"));
    expect(spend).toEqual(await GG_SPEND(ggWeb, col(2), col(22.35), WEB));
  });

  it("CLV.BTYD: both parameter ranges", async () => {
    const web = await CLV_BTYD(bgWeb, ggWeb, col(2), col(30.43), col(38.86), col(22.35), null, null, null, null, WEB);
    desktop = installDesktopExcel({ ...bgTypes, ...ggTypes });
    const at = invocationAt("Fit!F2:F6", "Fit!G2:G5");
    const out = await CLV_BTYD(
      bgDesktop,
      ggDesktop,
      col(2),
      col(30.43),
      col(38.86),
      col(22.35),
      null,
      null,
      null,
      null,
      at,
    );
    expect(out).toEqual(web);
  });

  it("a real 0 in a params range is still refused (#NUM!), on desktop too", async () => {
    desktop = installDesktopExcel({ "Fit!F2:F5": [[D], [D], [D], [D]] });
    await expect(
      BGNBD_PALIVE(col(0, 4.414, 0.793, 2.426), col(2), col(30.43), col(38.86), invocationAt("Fit!F2:F5")),
    ).rejects.toMatchObject({ code: "#NUM!", message: "params: BG/NBD r must be a positive number, got 0" });
  });
});

describe("an optional argument that refers to a blank cell means the argument is omitted (issue 13 item 16)", () => {
  const summary = [col(2), col(30.43), col(38.86), col(22.35)] as const;
  const blankB9 = { "Sheet1!B9": [[E]] };

  it("CLV.BTYD monthlyDiscount → B9 blank: 36.31 as on the web, not the silent 38.55 of a 0 % discount", async () => {
    desktop = installDesktopExcel(blankB9);
    // typed arrays for the params and summary: no addresses; monthlyDiscount refers to B9
    const at = invocationAt(undefined, undefined, undefined, undefined, undefined, undefined, undefined, "Sheet1!B9");
    const out = await CLV_BTYD(BG, GG, ...summary, null, 0, null, null, at);
    expect(out[0]![0]).toBeCloseTo(36.31, 2); // the README example, monthly discount 1 %
    expect(desktop.syncs).toBe(1);
    // a typed 0 has no address and stays 0: undiscounted, 38.55
    const typed = await CLV_BTYD(BG, GG, ...summary, null, 0, null, null, WEB);
    expect(typed[0]![0]).toBeCloseTo(38.55, 2);
  });

  it("CLV.BTYD months and periodDays → blank cells: the defaults 12 and 7, not #NUM!", async () => {
    desktop = installDesktopExcel({ "Sheet1!B7": [[E]], "Sheet1!B8": [[E]] });
    const at = invocationAt(...Array<undefined>(6), "Sheet1!B7", undefined, "Sheet1!B8");
    const out = await CLV_BTYD(BG, GG, ...summary, 0, null, 0, null, at);
    expect(out[0]![0]).toBeCloseTo(36.31, 2);
  });

  it("a 0 in a cell that holds 0 is a real 0 (months 0 is #NUM! on every platform)", async () => {
    desktop = installDesktopExcel({ "Sheet1!B7": [[D]] });
    const at = invocationAt(...Array<undefined>(6), "Sheet1!B7");
    await expect(CLV_BTYD(BG, GG, ...summary, 0, null, null, null, at)).rejects.toMatchObject({ code: "#NUM!" });
  });

  it("RFM asOfDate and periodDays → blank cells: the latest date and weeks, as on the web", async () => {
    const log = [col("A", "A", "B", "A"), col(45658, 45665, 45660, 45665), col(10, 20, 5, 30)] as const;
    const web = await RFM(...log, null, null, null, null, WEB);
    desktop = installDesktopExcel({ "Sheet1!H1": [[E]], "Sheet1!H2": [[E]] });
    const at = invocationAt(undefined, undefined, undefined, "Sheet1!H1", "Sheet1!H2");
    expect(await RFM(...log, 0, 0, null, null, at)).toEqual(web);
    expect(desktop.syncs).toBe(1); // both arguments in one read
  });

  it("COHORT grain → a blank cell: monthly, as on the web", async () => {
    const log = [col("A", "B", "A", "C"), col(45658, 45670, 45700, 45700)] as const;
    const web = await COHORT(...log, null, WEB);
    desktop = installDesktopExcel({ "Sheet1!J1": [[E]] });
    expect(await COHORT(...log, 0, invocationAt(undefined, undefined, "Sheet1!J1"))).toEqual(web);
  });

  it("CSAT threshold and scaleMax, NPS.MOE and NPS.CI confidence → blank cells: the defaults", async () => {
    const scores = col(5, 4, 3, 5, 2);
    desktop = installDesktopExcel({ "Sheet1!D1": [[E]], "Sheet1!D2": [[E]] });
    expect(await CSAT(scores, 0, 0, invocationAt(undefined, "Sheet1!D1", "Sheet1!D2"))).toEqual([[0.6]]);
    const nps = col(10, 9, 8, 7, 6, 3, 10);
    const moe = await NPS_MOE(nps, 0, invocationAt(undefined, "Sheet1!D1"));
    expect(moe[0]![0]).toBeCloseTo(61.71, 2); // the README example at 95 %
    const ci = await NPS_CI(nps, 0, invocationAt(undefined, "Sheet1!D1"));
    expect(ci).toEqual(await NPS_CI(nps, null, WEB));
  });

  it("on Excel on the web (blank as null) nothing is read", async () => {
    desktop = installDesktopExcel(blankB9);
    (globalThis as unknown as { Office: { context: { platform: string } } }).Office.context.platform = "OfficeOnline";
    const out = await CLV_BTYD(
      BG,
      GG,
      ...summary,
      null,
      null,
      null,
      null,
      invocationAt(...Array<undefined>(7), "Sheet1!B9"),
    );
    expect(out[0]![0]).toBeCloseTo(36.31, 2);
    expect(desktop.syncs).toBe(0);
  });
});

describe("the models' params ranges with a blank cell, on desktop (issue 13 item 15, the functions of issue 10)", () => {
  const F = modelsFixture();
  /** A params column with a blank after the first value: as desktop passes it (0) and its value types. */
  const withBlank = (values: readonly number[]): { desktop: unknown[][]; types: string[][]; compact: unknown[][] } => ({
    desktop: col(values[0], 0, ...values.slice(1)),
    types: [[D], [E], ...values.slice(1).map(() => [D])],
    compact: [[...values]],
  });

  it("PNBD.PALIVE/EXPECTED and MBGNBD.PALIVE/EXPECTED: the blank is skipped (mpmath per customer)", async () => {
    for (const [model, palive, expected] of [
      ["pnbd", PNBD_PALIVE, PNBD_EXPECTED],
      ["mbgnbd", MBGNBD_PALIVE, MBGNBD_EXPECTED],
    ] as const) {
      const ref = F[model];
      const c = ref.customers[0]!;
      const p = withBlank(ref.published);
      desktop = installDesktopExcel({ "Fit!F2:F6": p.types });
      const alive = await palive(p.desktop, col(c.x), col(c.tx), col(c.T), invocationAt("Fit!F2:F6"));
      expect(alive[0]![0], model).toBeCloseTo(c.palive, 8);
      const e39 = await expected(p.desktop, 39, col(c.x), col(c.tx), col(c.T), invocationAt("Fit!F2:F6"));
      expect(Math.abs(e39[0]![0] / c.expected["39"]! - 1), model).toBeLessThan(1e-8);
      desktop.restore();
    }
  });

  it("BGBB.PALIVE and BGBB.EXPECTED: the blank is skipped (mpmath per pattern)", async () => {
    const pattern = F.bgbb.patterns[0]!;
    const p = withBlank(F.bgbb.published);
    desktop = installDesktopExcel({ "Fit!F2:F6": p.types });
    const args = [col(pattern.x), col(pattern.tx), col(pattern.n)] as const;
    expect((await BGBB_PALIVE(p.desktop, ...args, invocationAt("Fit!F2:F6")))[0]![0]).toBeCloseTo(pattern.palive, 9);
    const e5 = await BGBB_EXPECTED(p.desktop, 5, ...args, invocationAt("Fit!F2:F6"));
    expect(e5[0]![0]).toBeCloseTo(pattern.expected["5"]!, 9);
  });

  it("SBG.SURVIVAL and SBG.RETENTION: the blank is skipped (published High End)", async () => {
    const high = F.sbg.high_end;
    const p = withBlank(high.published);
    desktop = installDesktopExcel({ "Fit!F2:F4": p.types });
    expect((await SBG_SURVIVAL(p.desktop, 5 as never, invocationAt("Fit!F2:F4")))[0]![0]).toBeCloseTo(
      high.survival["5"]!,
      9,
    );
    expect((await SBG_RETENTION(p.desktop, 2 as never, invocationAt("Fit!F2:F4")))[0]![0]).toBeCloseTo(
      high.retention["2"]!,
      12,
    );
  });

  it("CLV.BTYD with model pnbd: a blank in bgParams is skipped (mpmath)", async () => {
    const c = F.clv.find((k) => k.model === "pnbd")!;
    const p = withBlank(c.params);
    desktop = installDesktopExcel({ "Fit!F2:F6": p.types });
    const summary = [col(c.x), col(c.tx), col(c.T), col(c.m)] as const;
    const at = invocationAt("Fit!F2:F6");
    const out = await CLV_BTYD(p.desktop, GG, ...summary, c.months, c.monthlyDiscount, c.periodDays, "pnbd", at);
    expect(Math.abs(out[0]![0] / c.clv - 1)).toBeLessThan(1e-8);
  });

  it("a real 0 in a Pareto/NBD params range is still refused (#NUM!), on desktop too", async () => {
    desktop = installDesktopExcel({ "Fit!F2:F5": [[D], [D], [D], [D]] });
    const c = F.pnbd.customers[0]!;
    await expect(
      PNBD_PALIVE(col(0, 10.578, 0.606, 11.669), col(c.x), col(c.tx), col(c.T), invocationAt("Fit!F2:F5")),
    ).rejects.toMatchObject({ code: "#NUM!" });
  });
});

describe("key ranges with blank cells: CROSSSELL reads them through matchCells", () => {
  it("a blank category passed as 0 is skipped as on the web; a typed 0 stays a category", async () => {
    // A bought Books and (blank), B Music: no one bought two categories → 0 (1/2 if the blank counted as 0)
    const web = await CROSSSELL(col("A", "A", "B"), col("Books", null, "Music"), WEB);
    expect(web).toEqual([[0]]);
    desktop = installDesktopExcel({ "Log!B2:B4": [["String"], [E], ["String"]] });
    const at = invocationAt("Log!A2:A4", "Log!B2:B4");
    expect(await CROSSSELL(col("A", "A", "B"), col("Books", 0, "Music"), at)).toEqual(web);
    desktop.restore();
    desktop = installDesktopExcel({ "Log!B2:B4": [["String"], [D], ["String"]] });
    expect(await CROSSSELL(col("A", "A", "B"), col("Books", 0, "Music"), at)).toEqual([[0.5]]);
  });
});

describe("the new functions' optional arguments referring to blank cells mean omitted (issue 13 item 16)", () => {
  // five customers, hand-worked below from DESIGN.md "Customer analysis"
  const days = col(5, 40, 200, 10, 90);
  const purchases = col(6, 2, 1, 4, 3);
  const spend = col(300, 80, 20, 150, 60);
  const blank = (...cells: string[]): Record<string, string[][]> =>
    Object.fromEntries(cells.map((c) => [`Sheet1!${c}`, [[E]]]));

  it("RFM.SCORE bins → a blank cell: 5 bins (the default), one read", async () => {
    desktop = installDesktopExcel(blank("K1"));
    const out = await RFM_SCORE(days, purchases, spend, 0, invocationAt(undefined, undefined, undefined, "Sheet1!K1"));
    // quintile breaks of five distinct values rank them 1..5; R ranks fewer days higher
    expect(out).toEqual([
      [5, 5, 5, 555],
      [3, 2, 3, 323],
      [1, 1, 1, 111],
      [4, 4, 4, 444],
      [2, 3, 2, 232],
    ]);
    expect(desktop.syncs).toBe(1);
    // a typed 0 stays 0: fewer than 2 bins is #NUM!
    await expect(RFM_SCORE(days, purchases, spend, 0, WEB)).rejects.toMatchObject({ code: "#NUM!" });
  });

  it("RFM.SEGMENT split and language → blank cells: mean split, English", async () => {
    desktop = installDesktopExcel(blank("K1", "K2"));
    const at = invocationAt(undefined, undefined, undefined, "Sheet1!K1", "Sheet1!K2");
    // means: 69 days, 3.2 purchases, 122 spend → rows 1 and 4 high in all three; row 2 recent only
    expect(await RFM_SEGMENT(days, purchases, spend, 0, 0, at)).toEqual([
      ["Important value"],
      ["General development"],
      ["General win-back"],
      ["Important value"],
      ["General win-back"],
    ]);
    expect(desktop.syncs).toBe(1);
  });

  it("VALUETIER split and language → blank cells: median split, English", async () => {
    desktop = installDesktopExcel(blank("K1", "K2"));
    const potential = col(1, 50, 5, 40, 60);
    const at = invocationAt(undefined, undefined, "Sheet1!K1", "Sheet1!K2");
    // medians: current 80, potential 40
    expect(await VALUETIER(spend, potential, 0, 0, at)).toEqual([
      ["General"],
      ["High value"],
      ["Low value"],
      ["High value"],
      ["Potential"],
    ]);
  });

  it("LIFECYCLE newDays, atRisk, lost and language → blank cells: 90, 0.5, 0.2, English (one read)", async () => {
    desktop = installDesktopExcel(blank("K1", "K2", "K3", "K4"));
    const at = invocationAt(undefined, undefined, "Sheet1!K1", "Sheet1!K2", "Sheet1!K3", "Sheet1!K4");
    const pAlive = col(0.9, 0.6, 0.3, 0.1, 0.05);
    const sinceFirst = col(200, 100, 300, 400, 30);
    expect(await LIFECYCLE(pAlive, sinceFirst, 0, 0, 0, 0, at)).toEqual([
      ["Active"],
      ["Active"],
      ["At risk"],
      ["Lost"],
      ["New"],
    ]);
    expect(desktop.syncs).toBe(1);
    // typed zeros stay zeros: newDays 0, atRisk 0, lost 0 → only P(alive) ≥ 0 → every customer Active
    expect(await LIFECYCLE(pAlive, sinceFirst, 0, 0, 0, null, WEB)).toEqual(Array(5).fill(["Active"]));
  });

  it("CLV.BTYD model → a blank cell: BG/NBD, 36.31 (the README example)", async () => {
    desktop = installDesktopExcel(blank("B10"));
    const at = invocationAt(...Array<undefined>(9), "Sheet1!B10");
    const out = await CLV_BTYD(BG, GG, col(2), col(30.43), col(38.86), col(22.35), null, null, null, 0, at);
    expect(out[0]![0]).toBeCloseTo(36.31, 2);
  });

  it("RFM layout and language → blank cells: the BTYD layout", async () => {
    const log = [col("A", "A", "B", "A"), col(45658, 45665, 45660, 45665), col(10, 20, 5, 30)] as const;
    desktop = installDesktopExcel(blank("H3", "H4"));
    const at = invocationAt(undefined, undefined, undefined, undefined, undefined, "Sheet1!H3", "Sheet1!H4");
    const out = await RFM(...log, null, null, 0, 0, at);
    expect(out[0]).toEqual(["customer", "frequency", "recency", "T", "monetary"]);
  });

  it("BGBB.FIT count → a blank cell: one customer per row, as omitted", async () => {
    const d = donations();
    // the patterns expanded to one row per (hundred) customers, as in models.test.ts
    const counts = d.count.map((c) => Math.max(1, Math.round(c / 100)));
    const expand = (xs: number[]): unknown[][] => col(...xs.flatMap((v, k) => new Array<number>(counts[k]!).fill(v)));
    const [x, tx, n] = [expand(d.frequency), expand(d.recency), expand(d.periods)];
    const omitted = await BGBB_FIT(x, tx, n, null as never, WEB);
    desktop = installDesktopExcel(blank("M1"));
    expect(await BGBB_FIT(x, tx, n, 0 as never, invocationAt(undefined, undefined, undefined, "Sheet1!M1"))).toEqual(
      omitted,
    );
  });
});

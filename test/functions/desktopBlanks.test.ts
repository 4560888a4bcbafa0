/**
 * Blank cells on Excel desktop, which passes a blank cell as 0 where Excel on the web passes null (office-js
 * 1951, 4702, 5262): issue 13 items 15 (a params range with a blank cell) and 16 (an optional argument that
 * refers to a blank cell). Calls are made as desktop makes them: blanks as 0, with parameter addresses.
 * Expected values: the same call as Excel on the web makes it (blank as null), which the other adapter tests
 * check against published and hand-worked values.
 */
import { afterEach, describe, expect, it } from "vitest";
import { BGNBD_EXPECTED, BGNBD_PALIVE, CLV_BTYD, COHORT, GG_SPEND, RFM } from "../../src/functions/btyd";
import { CSAT, NPS_CI, NPS_MOE } from "../../src/functions/survey";
import { DesktopExcel, installDesktopExcel, invocationAt } from "../support/desktopExcel";

const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);
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
    const web = await CLV_BTYD(bgWeb, ggWeb, col(2), col(30.43), col(38.86), col(22.35), null, null, null, WEB);
    desktop = installDesktopExcel({ ...bgTypes, ...ggTypes });
    const at = invocationAt("Fit!F2:F6", "Fit!G2:G5");
    const out = await CLV_BTYD(bgDesktop, ggDesktop, col(2), col(30.43), col(38.86), col(22.35), null, null, null, at);
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
  const BG = [[0.243, 4.414, 0.793, 2.426]];
  const GG = [[6.25, 3.74, 15.44]];
  const summary = [col(2), col(30.43), col(38.86), col(22.35)] as const;
  const blankB9 = { "Sheet1!B9": [[E]] };

  it("CLV.BTYD monthlyDiscount → B9 blank: 36.31 as on the web, not the silent 38.55 of a 0 % discount", async () => {
    desktop = installDesktopExcel(blankB9);
    // typed arrays for the params and summary: no addresses; monthlyDiscount refers to B9
    const at = invocationAt(undefined, undefined, undefined, undefined, undefined, undefined, undefined, "Sheet1!B9");
    const out = await CLV_BTYD(BG, GG, ...summary, null, 0, null, at);
    expect(out[0]![0]).toBeCloseTo(36.31, 2); // the README example, monthly discount 1 %
    expect(desktop.syncs).toBe(1);
    // a typed 0 has no address and stays 0: undiscounted, 38.55
    const typed = await CLV_BTYD(BG, GG, ...summary, null, 0, null, WEB);
    expect(typed[0]![0]).toBeCloseTo(38.55, 2);
  });

  it("CLV.BTYD months and periodDays → blank cells: the defaults 12 and 7, not #NUM!", async () => {
    desktop = installDesktopExcel({ "Sheet1!B7": [[E]], "Sheet1!B8": [[E]] });
    const at = invocationAt(...Array<undefined>(6), "Sheet1!B7", undefined, "Sheet1!B8");
    const out = await CLV_BTYD(BG, GG, ...summary, 0, null, 0, at);
    expect(out[0]![0]).toBeCloseTo(36.31, 2);
  });

  it("a 0 in a cell that holds 0 is a real 0 (months 0 is #NUM! on every platform)", async () => {
    desktop = installDesktopExcel({ "Sheet1!B7": [[D]] });
    const at = invocationAt(...Array<undefined>(6), "Sheet1!B7");
    await expect(CLV_BTYD(BG, GG, ...summary, 0, null, null, at)).rejects.toMatchObject({ code: "#NUM!" });
  });

  it("RFM asOfDate and periodDays → blank cells: the latest date and weeks, as on the web", async () => {
    const log = [col("A", "A", "B", "A"), col(45658, 45665, 45660, 45665), col(10, 20, 5, 30)] as const;
    const web = await RFM(...log, null, null, WEB);
    desktop = installDesktopExcel({ "Sheet1!H1": [[E]], "Sheet1!H2": [[E]] });
    const at = invocationAt(undefined, undefined, undefined, "Sheet1!H1", "Sheet1!H2");
    expect(await RFM(...log, 0, 0, at)).toEqual(web);
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
    const out = await CLV_BTYD(BG, GG, ...summary, null, null, null, invocationAt(...Array<undefined>(7), "Sheet1!B9"));
    expect(out[0]![0]).toBeCloseTo(36.31, 2);
    expect(desktop.syncs).toBe(0);
  });
});

/**
 * Blank cells on Excel desktop, which passes a blank cell as 0 where Excel on the web passes null (office-js
 * 1951, 4702, 5262): issue 13 items 15 (a params range with a blank cell) and 16 (an optional argument that
 * refers to a blank cell). Calls are made as desktop makes them: blanks as 0, with parameter addresses.
 * Expected values: the same call as Excel on the web makes it (blank as null), which the other adapter tests
 * check against published and hand-worked values.
 */
import { afterEach, describe, expect, it } from "vitest";
import { BGNBD_EXPECTED, BGNBD_PALIVE, CLV_BTYD, GG_SPEND } from "../../src/functions/btyd";
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

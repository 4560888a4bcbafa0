/**
 * The customer-analysis functions in the production bundle, in Chromium with the fake Excel host: CRM.RFM's
 * marketing layout in Chinese, the label functions in both languages, and blank-safety on Excel desktop
 * (blanks passed as 0, a real 0 days kept) in one sync. Expected values are worked by hand from the
 * definitions (DESIGN.md "Customer analysis").
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { browserSessionPerFile, invokeFunction, skipBrowserLayer, type HostPage } from "../support/browser";
import type { FakeHostConfig } from "../support/fakeExcel.js";

const session = browserSessionPerFile();
let web: HostPage;
let desktop: HostPage;

// A customer table on Excel desktop: B2:B6 days since last purchase 0, 10, blank, 40, 200 (the 0 is real);
// C2:C6 purchases 6, 4, blank, 2, 1; D2:D6 spend 300, 150, blank, 80, 20.
const table = { B2: 0, B3: 10, B5: 40, B6: 200, C2: 6, C3: 4, C5: 2, C6: 1, D2: 300, D3: 150, D5: 80, D6: 20 };
const desktopConfig: FakeHostConfig = { platform: "PC", sheets: { Customers: table } };

beforeAll(async () => {
  if (skipBrowserLayer) return;
  web = await session.open("taskpane.html", {});
  desktop = await session.open("taskpane.html", desktopConfig);
});
beforeEach(async () => {
  if (skipBrowserLayer) return;
  await desktop.clearLog();
});

const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);

describe.skipIf(skipBrowserLayer)("customer analysis in the bundle", () => {
  it('CRM.RFM(…, "marketing", "zh") spills a Chinese header, then first/last purchase, days, spend, days since', async () => {
    const log = [col("A", "A", "B", "A"), col(45658, 45665, 45660, 45665), col(10, 20, 5, 30)];
    const r = await invokeFunction(web, "RFM", [...log, null, null, "marketing", "zh"], { parameterAddresses: [] });
    expect(r).toEqual({
      ok: true,
      value: [
        ["客户", "首次购买", "最近购买", "购买次数", "消费总额", "距最近购买天数"],
        ["A", 45658, 45665, 2, 60, 0],
        ["B", 45660, 45660, 1, 5, 5],
      ],
    });
  });

  it("CRM.LIFECYCLE with lost > atRisk rejects with #NUM!", async () => {
    const r = await invokeFunction(web, "LIFECYCLE", [col(0.5), col(100), null, 0.3, 0.4, null], {
      parameterAddresses: [],
    });
    expect(r.ok).toBe(false);
    expect((r as { error: { code: string } }).error.code).toBe("#NUM!");
  });

  it("an unknown language word rejects with #VALUE! naming the allowed ones", async () => {
    const r = await invokeFunction(web, "VALUETIER", [col(1, 2), col(1, 2), null, "fr"], { parameterAddresses: [] });
    expect(r.ok).toBe(false);
    expect((r as { error: { code: string; message: string } }).error).toMatchObject({
      code: "#VALUE!",
      message: 'language: "fr" is not one of "en", "zh"',
    });
  });
});

describe.skipIf(skipBrowserLayer)("blank-safety on Excel desktop", () => {
  it("RFM.SCORE of B2:D6 with a blank row passed as 0s: the blank row stays blank, the real 0 days scores, one sync per column read", async () => {
    // the four customers: days 0, 10, 40, 200; 2 bins → breaks at the median: 25 days, 3 purchases, 115 spend
    const args = [col(0, 10, 0, 40, 200), col(6, 4, 0, 2, 1), col(300, 150, 0, 80, 20), 2];
    const r = await invokeFunction(desktop, "RFM.SCORE", args, {
      parameterAddresses: ["Customers!B2:B6", "Customers!C2:C6", "Customers!D2:D6"],
    });
    expect(r).toEqual({
      ok: true,
      value: [
        [2, 2, 2, 222],
        [2, 2, 2, 222],
        ["", "", "", ""],
        [1, 1, 1, 111],
        [1, 1, 1, 111],
      ],
    });
    const { syncCount } = await desktop.log();
    expect(syncCount).toBe(3);
  });
});

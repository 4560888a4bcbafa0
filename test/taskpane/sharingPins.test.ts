/**
 * Prepare for sharing on a sheet that reads a CRM spill as `A1#` (as the live analysis sheet does): Freeze writes
 * the spill's values and pins the reference to the range it covered, in the same commit — so the summary keeps
 * its formula and its number. (The pure part: test/core/sharing/spillPins.test.ts.)
 */
import { describe, expect, it } from "vitest";
import type { ExcelRun } from "../../src/taskpane/host";
import { freezeSharing } from "../../src/taskpane/sharing/excelSharing";
import { createFakeHost } from "../support/fakeExcel";

describe("Freeze pins spill references", () => {
  it('=COUNTIF(A1#,"x") over a frozen CRM spill A1:A3 becomes =COUNTIF(A1:A3,"x"); the spill holds its values', async () => {
    const host = createFakeHost({
      sheets: {
        Analysis: {
          A1: { formula: "=CRM.RFM.SEGMENT(D1:D3,E1:E3,F1:F3)", value: [["x"], ["y"], ["x"]] },
          B1: { formula: '=COUNTIF(A1#,"x")', value: 2 },
          B2: { formula: "=ROWS(Analysis!$A$1#)", value: 3 },
          B3: { formula: "=SUM(D1:D3)", value: 0 },
        },
      },
    });
    const r = await freezeSharing({ run: host.Excel.run as unknown as ExcelRun });
    expect(r.plan.entries.map((e) => [e.address, e.rows, e.columns])).toEqual([["A1", 3, 1]]);
    expect(host.cell("Analysis!A1")).toMatchObject({ value: "x", formula: null });
    expect(host.cell("Analysis!A3")).toMatchObject({ value: "x", formula: null });
    expect(host.cell("Analysis!B1").formula).toBe('=COUNTIF(A1:A3,"x")');
    expect(host.cell("Analysis!B2").formula).toBe("=ROWS(Analysis!$A$1:$A$3)");
    expect(host.cell("Analysis!B3").formula).toBe("=SUM(D1:D3)");
    expect(r.syncs).toBe(4);
  });
});

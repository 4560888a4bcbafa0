/**
 * The workbook the sharing tests use (Node and browser layers), as a fake-host config, and small helpers to
 * compare workbook states. Layout:
 *
 * KPIs           A          B                                     C                  D                                E
 *   1            metric     value                                                    NPS interval
 *   2            NPS        =CRM.NPS(Survey!A2:A8) 14.2857…                          =CRM.NPS.CI(Survey!A2:A8) → spills D2:E2 (-20.5, 48.3)
 *   3            CAC        =CRM.CAC(Survey!B2:B8,Survey!C2:C8) 120                  =_xldudf_CRM_CLV(0.4,0.1,0.8) 2.5 (the saved form)
 *   4            Segment    =CRM.SEGMENT(B2) "1-2" (text that looks like a date)     =XCRM.NPS(A1) (another add-in)
 *   5            Total      =SUM(B2:B3) (native, reads CRM results)
 *   6            Rounded    =ROUND(CRM.NPS(Survey!A2:A8),1) 14.3  ="CRM.NPS(A1)" (text)
 * Segments       B2 =CRM.CSAT(Survey!A2:A8,9) 0.428…, B3 =CRM.NPS(Survey!A2:A4) showing #BUSY! (skipped),
 *                C2 =CRM_TOTAL(B2) (a user's own LAMBDA name: not ours)
 * Survey         plain values
 * CRM Scorecard  B2 =KPIs!B2/100, B3 =KPIs!E2 (a spill cell): both read CRM results; B4 =SUM(Survey!A2:A8) does not
 */
import type { FakeHostConfig, FakeWorkbookSnapshot } from "./fakeExcel";

export function sharingWorkbook(): FakeHostConfig {
  return {
    sheets: {
      KPIs: {
        A1: "metric",
        B1: "value",
        D1: "NPS interval",
        A2: "NPS",
        B2: { formula: "=CRM.NPS(Survey!A2:A8)", value: 14.285714285714286 },
        D2: { formula: "=CRM.NPS.CI(Survey!A2:A8)", value: [[-20.5, 48.3]] },
        A3: "CAC",
        B3: { formula: "=CRM.CAC(Survey!B2:B8,Survey!C2:C8)", value: 120 },
        D3: { formula: "=_xldudf_CRM_CLV(0.4,0.1,0.8)", value: 2.5 },
        A4: "Segment",
        B4: { formula: "=CRM.SEGMENT(B2)", value: "1-2" },
        D4: { formula: "=XCRM.NPS(A1)", value: "#NAME?" },
        A5: "Total",
        B5: { formula: "=SUM(B2:B3)", value: 134.28571428571428 },
        A6: "Rounded",
        B6: { formula: "=ROUND(CRM.NPS(Survey!A2:A8),1)", value: 14.3 },
        C6: { formula: '="CRM.NPS(A1)"', value: "CRM.NPS(A1)" },
      },
      Segments: {
        A1: "segment",
        B1: "share",
        B2: { formula: "=CRM.CSAT(Survey!A2:A8,9)", value: 0.42857142857142855 },
        C2: { formula: "=CRM_TOTAL(B2)", value: 1 },
        B3: { formula: "=CRM.NPS(Survey!A2:A4)", value: "#BUSY!" },
      },
      Survey: {
        A1: "score",
        B1: "cost",
        C1: "new customers",
        "A2:C8": [
          [10, 100, 1],
          [9, 120, 1],
          [8, 90, 0],
          [7, 130, 2],
          [6, 110, 1],
          [3, 100, 1],
          [10, 190, 1],
        ],
      },
      "CRM Scorecard": {
        A1: "KPI",
        B1: "score",
        B2: { formula: "=KPIs!B2/100", value: 0.14285714285714285 },
        B3: { formula: "=KPIs!E2", value: 48.3 },
        B4: { formula: "=SUM(Survey!A2:A8)", value: 53 },
      },
    },
    activeSheet: "KPIs",
    selection: "KPIs!A1",
  };
}

/**
 * The CRM formula cells Freeze turns into values in sharingWorkbook() (every one with a result). The spill cell
 * KPIs!E2 also becomes a plain value, which a snapshot does not show (a spilled cell has no formula either).
 */
export const SHARING_FROZEN_CELLS = ["KPIs!B2", "KPIs!B3", "KPIs!B4", "KPIs!B6", "KPIs!D2", "KPIs!D3", "Segments!B2"];

/** A sheet "Big" with n CRM formulas in B1:Bn, a number beside each in A and a label in C (so each may spill). */
export function manyCrmFormulas(n: number): FakeHostConfig {
  const cells: Record<string, unknown> = {};
  for (let i = 1; i <= n; i++) {
    cells[`A${i}`] = i;
    cells[`B${i}`] = { formula: `=CRM.NPS(A1:A${i})`, value: i * 0.5 };
    cells[`C${i}`] = `label ${i}`;
  }
  return { sheets: { Big: cells as never } };
}

/** Every non-empty cell of a snapshot as "Sheet!A1" → its state. */
export function cellsOf(
  s: FakeWorkbookSnapshot,
): Record<string, { value: unknown; formula?: string; numberFormat?: string; quotePrefix?: boolean }> {
  const out: Record<string, { value: unknown; formula?: string }> = {};
  for (const sheet of s.sheets) for (const [a, c] of Object.entries(sheet.cells)) out[`${sheet.name}!${a}`] = c;
  return out;
}

/** The cells whose content differs between two states, sorted. */
export function changedCells(before: ReturnType<typeof cellsOf>, after: ReturnType<typeof cellsOf>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}

/**
 * The scorecard section's state around the scorecard over time (issue 12), without a page: the Period option
 * (blank: the core's default, the quarter of the as-of date; a label written as a quarter that names none is
 * refused at its field), and Record this period — a period the history holds already opens the confirmation
 * (nothing shown as done), Cancel/Escape keeps it, starting any operation closes it; a history that cannot be
 * read is an outcome with its cells, never a write.
 */
import { describe, expect, it } from "vitest";
import { msg } from "../../src/core/messages/catalogue";
import type { HistoryProblem } from "../../src/core/scorecard/history";
import type { RecordOutcome } from "../../src/taskpane/scorecard/historyWriter";
import {
  buildBlocker,
  checkOptions,
  initialState,
  recordEnded,
  replaceDeclined,
  started,
  type ScorecardState,
} from "../../src/taskpane/scorecard/state";
import type { ScorecardEntry } from "../../src/taskpane/scorecard/writer";

const defaults = initialState(true).options;

/** A listed scorecard (only its names matter here). */
const entry = { sheet: "CRM Scorecard", settingsName: "CRM_Scorecard_Settings" } as ScorecardEntry;
const HISTORY = "CRM Scorecard History";

/** The state while `entry` is being recorded. */
function recording(): ScorecardState {
  return started(
    { ...initialState(true), list: { entries: [entry], status: "idle", error: "" } },
    "record",
    entry.settingsName,
  );
}

describe("the Period option", () => {
  it("blank (or spaces) passes no period: the core then labels the quarter of the as-of date", () => {
    expect(checkOptions(defaults).options).not.toHaveProperty("period");
    expect(checkOptions({ ...defaults, period: "   " }).options).not.toHaveProperty("period");
    expect(checkOptions({ ...defaults, period: "   " }).problems).toEqual([]);
  });

  it("a typed label is passed trimmed: ' 2026 Q3 ' → '2026 Q3'; labels of the user's own are fine", () => {
    expect(checkOptions({ ...defaults, period: " 2026 Q3 " }).options.period).toBe("2026 Q3");
    for (const period of ["FY2026 H1", "2026年第4季度", "Pilot"])
      expect(checkOptions({ ...defaults, period }).problems).toEqual([]);
  });

  it("'2026 Q5' reads as a quarter but a year has Q1–Q4: a problem of the Period field, and Build waits", () => {
    const options = { ...defaults, period: "2026 Q5" };
    expect(checkOptions(options).problems).toEqual([{ kind: "periodNotQuarter", field: "period", text: "2026 Q5" }]);
    expect(checkOptions({ ...defaults, period: "2026年第5季度" }).problems).toHaveLength(1);
    const s = { ...initialState(true), options };
    // (no selection yet: that blocker comes first; with one, the options would block)
    expect(buildBlocker(s)).toBe("noSelection");
  });
});

describe("Record this period, in the state", () => {
  it("recording marks the scorecard busy (its Record button is the one at work) and clears the last outcome", () => {
    const s = recording();
    expect(s.busy).toEqual({ kind: "record", progress: null, entry: entry.settingsName });
    expect(s.outcome).toBeNull();
  });

  it("recorded: the outcome names the period and the history sheet, with the syncs", () => {
    const r: RecordOutcome = {
      kind: "recorded",
      period: "2026 Q4",
      replaced: false,
      sheetName: HISTORY,
      created: true,
      syncs: 3,
    };
    const s = recordEnded(recording(), entry, r);
    expect(s.busy).toBeNull();
    expect(s.confirm).toBeNull();
    expect(s.outcome).toEqual({ kind: "recorded", period: "2026 Q4", sheet: HISTORY, replaced: false, syncs: 3 });
  });

  it("the period is in the history already: the confirmation opens (no outcome yet); Cancel keeps the period", () => {
    const asked = recordEnded(recording(), entry, { kind: "exists", period: "2026 Q4", sheetName: HISTORY, syncs: 2 });
    expect(asked.confirm).toEqual({ entry: entry.settingsName, period: "2026 Q4", sheet: HISTORY });
    expect(asked.outcome).toBeNull();
    expect(asked.busy).toBeNull();
    const kept = replaceDeclined(asked);
    expect(kept.confirm).toBeNull();
    expect(kept.outcome).toEqual({ kind: "notReplaced", period: "2026 Q4" });
    // declining with nothing open changes nothing
    expect(replaceDeclined(kept)).toBe(kept);
  });

  it("Replace starts a record: the confirmation closes as the operation starts", () => {
    const asked = recordEnded(recording(), entry, { kind: "exists", period: "2026 Q4", sheetName: HISTORY, syncs: 2 });
    const again = started(asked, "record", entry.settingsName);
    expect(again.confirm).toBeNull();
    expect(again.busy?.kind).toBe("record");
  });

  it("a history edited into an unreadable state is an outcome with its cells (nothing written)", () => {
    const what = msg("scorecard.historyNotNumber", { cell: "G3", text: "n/a" });
    const problems: HistoryProblem[] = [
      {
        code: "number",
        address: `'${HISTORY}'!G3`,
        what,
        message: 'G3: not a number ("n/a")',
        messageZh: "G3：不是数值（“n/a”）",
      },
    ];
    const s = recordEnded(recording(), entry, { kind: "unreadableHistory", sheetName: HISTORY, problems, syncs: 2 });
    expect(s.outcome).toEqual({ kind: "historyUnreadable", sheet: HISTORY, problems });
  });

  it("an Excel without ExcelApi 1.4 cannot record: an outcome, not an error", () => {
    expect(recordEnded(recording(), entry, { kind: "unsupported", syncs: 0 }).outcome).toEqual({
      kind: "recordUnsupported",
    });
  });
});

import { describe, expect, it } from "vitest";
import { buildScorecardPlan } from "../../../src/core/scorecard/plan";
import { isSettingsName, parseStoredSettings, type StoredSettings } from "../../../src/core/scorecard/settings";
import { readScorecardTable, sourceRange } from "../../../src/core/scorecard/table";

/**
 * Settings as a scorecard stores them, written out by hand from the StoredSettings definition (a Chinese
 * snapshot scorecard of a table in 'KPI data'!B3:H12 whose Weight column was re-mapped to none).
 */
const STORED = `{"app":"crm-metrics-excel","kind":"scorecard","version":1,"sheetName":"CRM 计分卡 (2)",
"source":{"sheet":"KPI data","address":"B3:H12"},
"headers":["指标","维度","实际值","目标值","权重","方向","底线"],
"mapping":{"metric":0,"perspective":1,"actual":2,"target":3,"weight":null,"direction":5,"threshold":6},
"options":{"language":"zh","cap":1.5,"status":{"onTarget":100,"near":70},
"ratingBands":[{"min":80,"label":"好"},{"min":0,"label":"差"}],"mode":"snapshot"},
"names":{"overallScore":"CRM_Scorecard_2_Score","rating":"CRM_Scorecard_2_Rating","settings":"CRM_Scorecard_2_Settings"},
"asOf":"2025-03-31"}`;

const EXPECTED: StoredSettings = {
  app: "crm-metrics-excel",
  kind: "scorecard",
  version: 1,
  sheetName: "CRM 计分卡 (2)",
  source: { sheet: "KPI data", address: "B3:H12" },
  headers: ["指标", "维度", "实际值", "目标值", "权重", "方向", "底线"],
  mapping: { metric: 0, perspective: 1, actual: 2, target: 3, weight: null, direction: 5, threshold: 6 },
  options: {
    language: "zh",
    cap: 1.5,
    status: { onTarget: 100, near: 70 },
    ratingBands: [
      { min: 80, label: "好" },
      { min: 0, label: "差" },
    ],
    mode: "snapshot",
  },
  names: {
    overallScore: "CRM_Scorecard_2_Score",
    rating: "CRM_Scorecard_2_Rating",
    settings: "CRM_Scorecard_2_Settings",
  },
  asOf: "2025-03-31",
};

/** The stored settings as an object, the field at `path` set to `value` (deleted when undefined). */
function edited(path: string[], value: unknown): Record<string, unknown> {
  const copy = JSON.parse(STORED) as Record<string, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  if (value === undefined) delete at[path[path.length - 1]!];
  else at[path[path.length - 1]!] = value;
  return copy;
}

describe("reading stored settings back", () => {
  it("reads the JSON text of a settings cell, and the same settings as an object", () => {
    expect(parseStoredSettings(STORED)).toEqual(EXPECTED);
    expect(parseStoredSettings(JSON.parse(STORED))).toEqual(EXPECTED);
  });

  it("reads back what a build stores, for both languages and modes", () => {
    const values = [
      ["Metric", "Actual", "Target"],
      ["Calls", 120, 100],
    ];
    const table = readScorecardTable(sourceRange("Bob's data", "C5", values)).table!;
    for (const options of [{}, { language: "zh" as const, mode: "snapshot" as const, cap: 1.5 }]) {
      const plan = buildScorecardPlan(table, { asOf: "2025-03-31", ...options });
      expect(parseStoredSettings(JSON.stringify(plan.settings))).toEqual(plan.settings);
    }
  });

  it("is null for what is not a scorecard's settings: not JSON, not an object, another app or kind", () => {
    for (const v of ["oops", "", "42", "null", "[]", 42, null, undefined, []])
      expect(parseStoredSettings(v)).toBeNull();
    expect(parseStoredSettings(edited(["app"], "other-app"))).toBeNull();
    expect(parseStoredSettings(edited(["kind"], "analysis"))).toBeNull();
  });

  it.each([
    ["a missing source", ["source"], undefined],
    ["a source address that is not text", ["source", "address"], 7],
    ["a version that is not a positive whole number", ["version"], 0.5],
    ["a missing version", ["version"], undefined],
    ["headers that are not a list of texts", ["headers"], ["Metric", 3]],
    ["a mapping that is not an object", ["mapping"], "0,1,2"],
    ["a column that is negative", ["mapping", "actual"], -1],
    ["a column that is not a whole number", ["mapping", "target"], 2.5],
    ["an unknown language", ["options", "language"], "fr"],
    ["an unknown mode", ["options", "mode"], "frozen"],
    ["a cap that is text", ["options", "cap"], "120%"],
    ["missing status thresholds", ["options", "status"], undefined],
    ["a threshold that is not a number", ["options", "status", "near"], null],
    ["rating bands that are not a list", ["options", "ratingBands"], { min: 0, label: "D" }],
    ["a rating band without a label", ["options", "ratingBands", "1"], { min: 0 }],
    ["a missing settings name", ["names", "settings"], undefined],
    ["a missing sheet name", ["sheetName"], undefined],
    ["an as-of date that is not text", ["asOf"], 45747],
  ])("is null for settings with %s (a hand-edited cell: the caller uses another copy)", (_, path, value) => {
    expect(parseStoredSettings(edited(path, value))).toBeNull();
    expect(parseStoredSettings(JSON.stringify(edited(path, value)))).toBeNull();
  });

  it("drops unknown fields, and reads a role the settings do not mention as unmapped", () => {
    const extra = edited(["comment"], "kept by a newer version");
    expect(parseStoredSettings(extra)).toEqual(EXPECTED);
    const older = edited(["mapping", "threshold"], undefined);
    expect(parseStoredSettings(older)?.mapping).toEqual({ ...EXPECTED.mapping, threshold: null });
  });

  it("accepts another plan version (the shape decides)", () => {
    expect(parseStoredSettings(edited(["version"], 2))?.version).toBe(2);
  });
});

describe("settings names", () => {
  it("CRM_Scorecard_Settings and CRM_Scorecard_<n>_Settings, in any case, are a scorecard's settings names", () => {
    for (const n of ["CRM_Scorecard_Settings", "CRM_Scorecard_2_Settings", "crm_scorecard_12_settings"])
      expect(isSettingsName(n)).toBe(true);
    for (const n of ["CRM_Scorecard_Score", "CRM_Scorecard_x_Settings", "My_CRM_Scorecard_Settings", "CRM_Scorecard"])
      expect(isSettingsName(n)).toBe(false);
  });
});

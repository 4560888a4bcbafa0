import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderMessage } from "../../../src/core/messages/catalogue";
import type { MappingOverride } from "../../../src/core/scorecard/headers";
import { parseDirection, readScorecardTable, sourceRange, SourceTable } from "../../../src/core/scorecard/table";

/** The shared sample CSVs (no quoted fields), numbers converted as a spreadsheet does on opening. */
function sample(lang: "en" | "zh"): unknown[][] {
  const text = readFileSync(new URL(`../../fixtures/scorecard/kpis-${lang}.csv`, import.meta.url), "utf8");
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(",").map((v) => (v === "" ? null : Number.isNaN(Number(v)) ? v : Number(v))));
}

const HEAD = ["Metric", "Perspective", "Actual", "Target", "Weight", "Direction", "Threshold"];

/** A table at A1 of Sheet1 (columns A Metric … G Threshold), header row 1. */
function table(rows: unknown[][], sheet = "Sheet1", topLeft = "A1"): SourceTable {
  return sourceRange(sheet, topLeft, [HEAD, ...rows]);
}

function messages(source: SourceTable): string[] {
  return readScorecardTable(source).problems.map((p) => p.message);
}

describe("reading the sample tables", () => {
  it("reads the English sample: 19 KPIs, columns by header, addresses of every input", () => {
    const r = readScorecardTable(sourceRange("Sheet1", "A1", sample("en")));
    expect(r.problems).toEqual([]);
    const t = r.table!;
    expect(t.kpis).toHaveLength(19);
    expect(t.language).toBe("en");
    expect(t.address).toBe("A1:G20");
    expect(t.hasWeights && t.hasPerspectives).toBe(true);
    expect(t.kpis[0]).toEqual({
      perspective: "Financial",
      metric: "Revenue growth",
      direction: "higher",
      actual: 0.1,
      target: 0.12,
      threshold: 0,
      weight: 10,
      previous: null,
      benchmark: null,
      cells: { actual: "C2", target: "D2", threshold: "G2", weight: "E2", previous: null, benchmark: null },
    });
    // CLV has no threshold: the cell is blank and no link is kept.
    expect(t.kpis[3]!.threshold).toBeNull();
    expect(t.kpis[3]!.cells.threshold).toBeNull();
    expect(t.kpis[2]!.direction).toBe("lower");
  });

  it("reads the Chinese sample the same way and says its language is zh", () => {
    const en = readScorecardTable(sourceRange("Sheet1", "A1", sample("en"))).table!;
    const zh = readScorecardTable(sourceRange("数据", "A1", sample("zh"))).table!;
    expect(zh.language).toBe("zh");
    expect(zh.kpis.map((k) => [k.direction, k.actual, k.target, k.threshold, k.weight])).toEqual(
      en.kpis.map((k) => [k.direction, k.actual, k.target, k.threshold, k.weight]),
    );
    expect(zh.kpis[0]!.perspective).toBe("财务");
  });
});

describe("validation problems carry their cell address", () => {
  it('Sheet1!D7: Target is text "n/a"', () => {
    const rows = [1, 2, 3, 4, 5, 6].map((i) => [`KPI ${i}`, "Customer", 5, i === 6 ? "n/a" : 10, 1, "higher", null]);
    expect(messages(table(rows))).toEqual(['Sheet1!D7: Target is text "n/a"']);
  });

  it("addresses follow the table's position and quote a sheet name with a space", () => {
    // Table at C3: Metric in C, Actual in E; data row 1 is sheet row 4.
    expect(messages(table([["A", "X", "n/a", 10, 1, null, null]], "My data", "C3"))).toEqual([
      `'My data'!E4: Actual is text "n/a"`,
    ]);
  });

  it("blank, error and logical values in number columns", () => {
    expect(messages(table([["A", "X", null, "#N/A", true, null, null]]))).toEqual([
      "Sheet1!C2: Actual is blank",
      "Sheet1!D2: Target is the error #N/A",
      "Sheet1!E2: Weight is the logical value TRUE",
    ]);
  });

  it("weights are all zero: reported over the weight column", () => {
    expect(
      messages(
        table([
          ["A", "X", 5, 10, 0, null, null],
          ["B", "X", 5, 10, 0, null, null],
        ]),
      ),
    ).toEqual(["Sheet1!E2:E3: weights are all zero"]);
  });

  it("a blank or negative weight", () => {
    expect(
      messages(
        table([
          ["A", "X", 5, 10, null, null, null],
          ["B", "X", 5, 10, -2, null, null],
        ]),
      ),
    ).toEqual(["Sheet1!E2: Weight is blank", "Sheet1!E3: Weight is negative (-2)"]);
  });

  it("target equals threshold", () => {
    expect(
      messages(
        table([
          ["A", "X", 5, 10, 1, null, 0],
          ["B", "X", 5, 5, 1, null, 5],
        ]),
      ),
    ).toEqual(["Sheet1!D3: target equals threshold (5)"]);
  });

  it("a target of 0 or below without a threshold", () => {
    expect(
      messages(
        table([
          ["A", "X", 5, 0, 1, null, null],
          ["B", "X", 5, -1, 1, "lower", null],
        ]),
      ),
    ).toEqual([
      "Sheet1!D2: Target must be above 0 when there is no threshold (it is 0)",
      "Sheet1!D3: Target must be above 0 when there is no threshold (it is -1)",
    ]);
  });

  it("a threshold on the wrong side of the target for the direction", () => {
    expect(
      messages(
        table([
          ["A", "X", 5, 10, 1, "higher", 12],
          ["B", "X", 5, 10, 1, "越低越好", 8],
        ]),
      ),
    ).toEqual([
      "Sheet1!G2: threshold 12 is above target 10 on a higher-is-better KPI",
      "Sheet1!G3: threshold 8 is below target 10 on a lower-is-better KPI",
    ]);
  });

  it("an unknown direction word", () => {
    expect(messages(table([["A", "X", 5, 10, 1, "sideways", null]]))).toEqual([
      'Sheet1!F2: Direction "sideways" is neither higher nor lower (越高越好 / 越低越好)',
    ]);
  });

  it("the newer error values (#PYTHON!, #EXTERNAL!) are errors in a KPI table, as in the functions", () => {
    expect(messages(table([["A", "X", "#PYTHON!", 10, 1, null, null]]))).toEqual([
      "Sheet1!C2: Actual is the error #PYTHON!",
    ]);
    expect(messages(table([["A", "X", 5, "#EXTERNAL!", 1, null, null]]))).toEqual([
      "Sheet1!D2: Target is the error #EXTERNAL!",
    ]);
  });

  it("an error in a text column is a problem, but a name merely looking like one is not", () => {
    const r = readScorecardTable(
      table([
        ["#REF!", "X", 5, 10, 1, null, null],
        ["#1 product!", "X", 5, 10, 1, null, null],
      ]),
    );
    expect(r.problems.map((p) => p.message)).toEqual(["Sheet1!A2: Metric is the error #REF!"]);
    const ok = readScorecardTable(table([["#1 product!", { code: "#N/A" }, 5, 10, 1, null, null]]));
    expect(ok.problems.map((p) => p.message)).toEqual(["Sheet1!B2: Perspective is the error #N/A"]);
  });

  it("a blank metric, and a blank perspective with nothing above to repeat", () => {
    expect(messages(table([[null, null, 5, 10, 1, null, null]]))).toEqual([
      "Sheet1!A2: Metric is blank",
      "Sheet1!B2: Perspective is blank",
    ]);
  });

  it("the weights of one perspective are all zero", () => {
    expect(
      messages(
        table([
          ["A", "X", 5, 10, 1, null, null],
          ["B", "Y", 5, 10, 0, null, null],
          ["C", "Y", 5, 10, 0, null, null],
        ]),
      ),
    ).toEqual(['Sheet1!E3:E4: weights of perspective "Y" are all zero']);
  });

  it("a missing required column names the header row and the headers found", () => {
    const r = readScorecardTable(
      sourceRange("Sheet1", "A1", [
        ["Metric", "Goal?", "Actual"],
        ["A", 1, 2],
      ]),
    );
    expect(r.problems.map((p) => p.message)).toEqual([
      'Sheet1!A1:C1: no column is mapped to Target (headers: "Metric", "Goal?", "Actual")',
    ]);
    expect(r.table).toBeNull();
  });

  it("a column mapped to two roles by the pane", () => {
    const r = readScorecardTable(table([["A", "X", 5, 10, 1, null, null]]), { target: 2 });
    expect(r.problems.map((p) => p.message)).toEqual([
      'Sheet1!C1: column "Actual" is mapped to both Actual and Target',
    ]);
  });

  it("a table with no rows below its header", () => {
    expect(messages(table([[null, null, null, null, null, null, null]]))).toEqual([
      "Sheet1!A1:G2: the table has no KPI rows below its header row",
    ]);
  });

  it("every problem also reads in Chinese, address first", () => {
    const r = readScorecardTable(table([["A", "X", 5, "n/a", 1, null, null]]));
    expect(r.problems[0]!.messageZh).toBe("Sheet1!D2：目标值是文本“n/a”");
    expect(r.problems[0]!.code).toBe("text");
    expect(r.problems[0]!.role).toBe("target");
  });
});

describe("forgiving where the meaning is clear", () => {
  it("skips fully blank rows and repeats a blank perspective from the row above (merged cells)", () => {
    const r = readScorecardTable(
      table([
        ["A", "Customer", 5, 10, 1, null, null],
        [null, null, null, null, null, null, null],
        ["B", null, 8, 10, 1, null, null],
      ]),
    );
    expect(r.problems).toEqual([]);
    expect(r.table!.kpis.map((k) => [k.metric, k.perspective, k.cells.actual])).toEqual([
      ["A", "Customer", "C2"],
      ["B", "Customer", "C4"],
    ]);
  });

  it("without weight and perspective columns every KPI weighs 1 and the perspective is blank", () => {
    const r = readScorecardTable(
      sourceRange("S", "A1", [
        ["指标", "实际值", "目标值"],
        ["甲", 1, 2],
        ["乙", 3, 4],
      ]),
    );
    expect(r.table!.kpis.map((k) => [k.weight, k.perspective, k.cells.weight])).toEqual([
      [1, "", null],
      [1, "", null],
    ]);
    expect(r.table!.hasWeights).toBe(false);
  });

  it("reads columns picked with Ctrl as one table, each cell keeping its own address", () => {
    const source: SourceTable = {
      sheet: "Sheet1",
      blocks: [
        { topLeft: "A1", values: [["Metric"], ["A"], ["B"]] },
        {
          topLeft: "D1",
          values: [
            ["Actual", "Target"],
            [5, 10],
            [9, 10],
          ],
        },
      ],
    };
    const r = readScorecardTable(source);
    expect(r.table!.address).toBe("A1:A3,D1:E3");
    expect(r.table!.kpis.map((k) => k.cells)).toEqual([
      { actual: "D2", target: "E2", threshold: null, weight: null, previous: null, benchmark: null },
      { actual: "D3", target: "E3", threshold: null, weight: null, previous: null, benchmark: null },
    ]);
  });

  it("refuses columns of different heights", () => {
    const r = readScorecardTable({
      sheet: "Sheet1",
      blocks: [
        { topLeft: "A1", values: [["Metric"], ["A"]] },
        {
          topLeft: "D1",
          values: [
            ["Actual", "Target"],
            [5, 10],
            [9, 10],
          ],
        },
      ],
    });
    expect(r.problems.map((p) => p.message)).toEqual([
      "Sheet1!A1:A2,D1:E3: the selected columns are not equally tall (2, 3 rows)",
    ]);
  });

  it("direction words in both languages, blank meaning higher", () => {
    expect(
      ["higher", "Lower", "越高越好", "越低越好", "↓", " UP ", null, "", "正向", "反向"].map(parseDirection),
    ).toEqual(["higher", "lower", "higher", "lower", "lower", "higher", "higher", "higher", "higher", "lower"]);
    expect(parseDirection("sideways")).toBeNull();
    expect(parseDirection(1)).toBeNull();
  });
});

describe("Previous 上期值 and Benchmark 标杆值 columns", () => {
  const head = ["Metric", "Actual", "Target", "Previous", "Benchmark"];

  it("are read as numbers, a blank cell meaning none, each with its cell for live links", () => {
    const r = readScorecardTable(
      sourceRange("Sheet1", "B2", [head, ["Calls", 120, 100, 110, null], ["Visits", 30, 40, null, 35]]),
    );
    expect(r.problems).toEqual([]);
    const t = r.table!;
    expect([t.hasPrevious, t.hasBenchmark]).toEqual([true, true]);
    expect(t.kpis.map((k) => [k.previous, k.benchmark])).toEqual([
      [110, null],
      [null, 35],
    ]);
    expect(t.kpis.map((k) => [k.cells.previous, k.cells.benchmark])).toEqual([
      ["E3", "F3"],
      ["E4", "F4"],
    ]);
  });

  it("a text Previous or Benchmark value is a problem with its cell address, in English and Chinese", () => {
    const r = readScorecardTable(
      sourceRange("Sheet1", "A1", [head, ["Calls", 120, 100, "n/a", 90], ["Visits", 30, 40, 20, "tbd"]]),
    );
    expect(r.table).toBeNull();
    expect(r.problems.map((p) => [p.code, p.role, p.message, p.messageZh])).toEqual([
      ["text", "previous", 'Sheet1!D2: Previous is text "n/a"', "Sheet1!D2：上期值是文本“n/a”"],
      ["text", "benchmark", 'Sheet1!E3: Benchmark is text "tbd"', "Sheet1!E3：标杆值是文本“tbd”"],
    ]);
  });

  it("Chinese headers 上期值 and 标杆值 are recognised", () => {
    const r = readScorecardTable(
      sourceRange("数据", "A1", [
        ["指标", "实际值", "目标值", "上期值", "标杆值"],
        ["客户保留率", 0.82, 0.85, 0.8, 0.88],
      ]),
    );
    expect(r.language).toBe("zh");
    expect(r.table!.kpis[0]).toMatchObject({ previous: 0.8, benchmark: 0.88 });
  });

  it("a table without them has neither", () => {
    const t = readScorecardTable(table([["A", "X", 5, 10, 1, null, null]])).table!;
    expect([t.hasPrevious, t.hasBenchmark, t.kpis[0]!.previous, t.kpis[0]!.benchmark]).toEqual([
      false,
      false,
      null,
      null,
    ]);
  });
});

describe("problems from the catalogue, in both languages", () => {
  it("each problem carries its message (id and parameters), which renders as its English and Chinese text", () => {
    const r = readScorecardTable(
      table([
        ["A", "X", 5, "n/a", -1, "sideways", null],
        [null, null, true, 10, 1, null, 12],
      ]),
    );
    expect(r.problems.map((p) => p.code)).toEqual([
      "unknownDirection",
      "text",
      "negativeWeight",
      "blank",
      "logical",
      "thresholdWrongSide",
    ]);
    for (const p of r.problems) {
      expect(p.what.id).toBe("scorecard.tableProblemAt");
      expect([renderMessage(p.what, "en"), renderMessage(p.what, "zh")]).toEqual([p.message, p.messageZh]);
    }
  });

  it("the Chinese texts of the problems, as the pane and the command line show them", () => {
    const zh = (source: SourceTable, override?: MappingOverride) =>
      readScorecardTable(source, override).problems.map((p) => p.messageZh);
    expect(zh(table([["A", "X", 5, 10, 1, "sideways", null]]))).toEqual([
      "Sheet1!F2：方向“sideways”不是 越高越好 或 越低越好（higher / lower）",
    ]);
    expect(zh(table([[null, null, "#N/A", true, -2, null, null]]))).toEqual([
      "Sheet1!A2：指标为空",
      "Sheet1!B2：维度 为空",
      "Sheet1!C2：实际值是错误值 #N/A",
      "Sheet1!D2：目标值是逻辑值 TRUE",
      "Sheet1!E2：权重 为负数（-2）",
    ]);
    expect(zh(sourceRange("S", "A1", [["Metric", "Goal?", "Actual"]]))).toEqual([
      "S!A1:C1：没有列对应 目标值（表头：“Metric”、“Goal?”、“Actual”）",
    ]);
    expect(zh(table([["A", "X", 5, 10, 1, null, null]]), { target: 2, weight: 9 })).toEqual([
      "Sheet1!C1：列“Actual”同时对应 实际值 和 目标值",
      "Sheet1!A1:G1：权重对应第 10 列，但表格只有 7 列",
    ]);
    const uneven: SourceTable = {
      sheet: "Sheet1",
      blocks: [
        { topLeft: "A1", values: [["Metric"], ["A"]] },
        {
          topLeft: "D1",
          values: [
            ["Actual", "Target"],
            [5, 10],
            [9, 10],
          ],
        },
      ],
    };
    expect(zh(uneven)).toEqual(["Sheet1!A1:A2,D1:E3：所选各列行数不同（2、3 行）"]);
  });

  it("a whole-row selection (16,384 columns, A to XFD) lists every header when a required column is missing", () => {
    const headers = ["Metric", "Actual", ...Array.from({ length: 16_382 }, (_, i) => `c${i}`)];
    const r = readScorecardTable(sourceRange("S", "A1", [headers, headers.map(() => 1)]));
    expect(r.problems.map((p) => p.code)).toEqual(["missingColumn"]);
    const en = `S!A1:XFD1: no column is mapped to Target (headers: ${headers.map((h) => `"${h}"`).join(", ")})`;
    const zh = `S!A1:XFD1：没有列对应 目标值（表头：${headers.map((h) => `“${h}”`).join("、")}）`;
    expect([r.problems[0]!.message === en, r.problems[0]!.messageZh === zh]).toEqual([true, true]);
  });
});

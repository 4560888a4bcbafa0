import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CrmError } from "../../../src/core/errors";
import {
  FrozenCell,
  mergeRecords,
  RECORD_NAMESPACE,
  recordFromParts,
  recordFromXml,
  recordOperation,
  recordToXml,
  recordToXmlParts,
  utf8Length,
} from "../../../src/core/sharing/record";

const cell = (
  sheet: string,
  address: string,
  value: FrozenCell["values"][0][0],
  formula = "=CRM.NPS(A1:A9)",
): FrozenCell => ({
  sheet,
  address,
  formula,
  rows: 1,
  columns: 1,
  values: [[value]],
});

describe("freeze record format", () => {
  it("writes the documented XML: namespace, version, entries grouped by sheet, short attributes", () => {
    const xml = recordToXml({
      version: 1,
      cells: [
        cell("Data", "B2", 14.285714285714286),
        cell("Data", "B3", "A", "=CRM.RATING(B2)"),
        { sheet: "Data", address: "D2", formula: "=CRM.NPS.CI(A2:A9)", rows: 1, columns: 2, values: [[-12.5, 40.1]] },
        cell("Q1 data", "C1", true),
      ],
    });
    expect(xml).toContain(`<frozenFormulas xmlns="${RECORD_NAMESPACE}" version="1">`);
    expect(xml).toContain('<sheet name="Data">\n<c a="B2" f="=CRM.NPS(A1:A9)" v="14.285714285714286"/>');
    expect(xml).toContain('<c a="B3" f="=CRM.RATING(B2)" t="s" v="A"/>');
    expect(xml).toContain('<c a="D2" f="=CRM.NPS.CI(A2:A9)" rows="1" cols="2"><v>-12.5</v><v>40.1</v></c>');
    expect(xml).toContain('<sheet name="Q1 data">\n<c a="C1" f="=CRM.NPS(A1:A9)" t="b" v="1"/>');
  });

  it("round-trips formulas with quotes, ampersands, < and line breaks, and Chinese sheet names", () => {
    const record = {
      version: 1,
      cells: [
        cell("计分卡 <1>", "A1", 'say "hi" & <bye>\r\n\ttab', '=IF(A1<>"",CRM.NPS(\'O\'\'Brien\'!A:A)&"<&>","")'),
        cell("计分卡 <1>", "A2", "#N/A"),
        cell("S", "A3", ""),
      ],
    };
    expect(recordFromXml(recordToXml(record))).toEqual(record);
  });

  it("keeps control characters and literal _xHHHH_ text intact (Office Open XML escaping)", () => {
    const record = { version: 1, cells: [cell("S", "A1", "bell\u0007 _x0041_ end", '="\u0001"&CRM.X()')] };
    const xml = recordToXml(record);
    expect(xml.includes("\u0001") || xml.includes("\u0007")).toBe(false);
    expect(recordFromXml(xml)).toEqual(record);
  });

  it("numbers read back bit for bit (property)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const back = recordFromXml(recordToXml({ version: 1, cells: [cell("S", "A1", x)] })).cells[0]!.values[0]![0];
        return Object.is(back, x === 0 ? 0 : x) || (x === 0 && back === 0);
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it("any text and formula round-trips (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), (text, f) => {
        const record = { version: 1, cells: [cell("S", "A1", text, `=CRM.X(${f})`)] };
        expect(recordFromXml(recordToXml(record))).toEqual(record);
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it("reads a part that Excel handed back with a namespace prefix and a comment", () => {
    const xml = `<?xml version="1.0"?><!-- kept --><ns0:frozenFormulas xmlns:ns0="${RECORD_NAMESPACE}" version="1"><ns0:sheet name="S"><ns0:c a="a1" f="=CRM.X()" v="3"/></ns0:sheet></ns0:frozenFormulas>`;
    expect(recordFromXml(xml).cells).toEqual([cell("S", "A1", 3, "=CRM.X()")]);
  });

  it.each([
    [`<frozenFormulas xmlns="${RECORD_NAMESPACE}" version="2"/>`, /version "2" is not known/],
    [`<other xmlns="${RECORD_NAMESPACE}" version="1"/>`, /not a freeze record/],
    [
      `<frozenFormulas xmlns="${RECORD_NAMESPACE}" version="1"><sheet name="S"><c a="ZZZZ1" f="=CRM.X()" v="1"/></sheet></frozenFormulas>`,
      /not a cell address/,
    ],
    [
      `<frozenFormulas xmlns="${RECORD_NAMESPACE}" version="1"><sheet name="S"><c a="A1" f="=CRM.X()" v="abc"/></sheet></frozenFormulas>`,
      /S!A1 has the number "abc"/,
    ],
    [
      `<frozenFormulas xmlns="${RECORD_NAMESPACE}" version="1"><sheet name="S"><c a="A1" f="=CRM.X()" rows="2" cols="1"><v>1</v></c></sheet></frozenFormulas>`,
      /spills 2×1 but records 1 values/,
    ],
    [`<frozenFormulas xmlns="${RECORD_NAMESPACE}" version="1"><sheet name="S">`, /not closed/],
    [`<!DOCTYPE x><frozenFormulas/>`, /document type/],
  ])("refuses a bad record: %s", (xml, message) => {
    expect(() => recordFromXml(xml)).toThrow(CrmError);
    expect(() => recordFromXml(xml)).toThrow(message);
  });

  it("a new freeze replaces an earlier entry it overlaps, keeps the rest", () => {
    const earlier = {
      version: 1,
      cells: [
        cell("S", "A1", 1),
        cell("S", "B1", 2),
        { sheet: "S", address: "C1", formula: "=CRM.Y()", rows: 3, columns: 1, values: [[1], [2], [3]] },
      ],
    };
    const merged = mergeRecords(earlier, [cell("S", "A1", 10), cell("S", "C3", 30)]);
    expect(merged.cells.map((c) => [c.address, c.values[0]![0]])).toEqual([
      ["A1", 10],
      ["B1", 2],
      ["C3", 30],
    ]);
  });

  it("several parts read as one record, later parts winning", () => {
    const a = recordToXml({ version: 1, cells: [cell("S", "A1", 1), cell("S", "A2", 2)] });
    const b = recordToXml({ version: 1, cells: [cell("S", "A2", 20)] });
    expect(recordFromParts([a, b]).cells.map((c) => c.values[0]![0])).toEqual([1, 20]);
  });
});

describe("a record split over several parts", () => {
  const many = (n: number): FrozenCell[] => [
    ...Array.from({ length: n }, (_, i) => cell("Data", `B${i + 1}`, i / 7, `=CRM.NPS(A1:A${i + 1})`)),
    { sheet: "Q1 数据", address: "D2", formula: "=CRM.NPS.CI(A2:A9)", rows: 1, columns: 2, values: [[-12.5, "n/a"]] },
  ];

  it("each part is a whole record of at most maxBytes, and together they read back as the record", () => {
    const record = { version: 1, cells: many(500) };
    const parts = recordToXmlParts(record, 4_000);
    expect(parts.length).toBeGreaterThan(5);
    for (const p of parts) {
      expect(utf8Length(p)).toBeLessThanOrEqual(4_000);
      expect(recordFromXml(p).version).toBe(1);
    }
    expect(recordFromParts(parts)).toEqual(record);
  });

  it("is the single recordToXml part when everything fits", () => {
    const record = { version: 1, cells: many(20) };
    expect(recordToXmlParts(record)).toEqual([recordToXml(record)]);
    expect(recordToXmlParts(record, 1e6)).toEqual([recordToXml(record)]);
    expect(recordToXmlParts({ version: 1, cells: [] })).toEqual([recordToXml({ version: 1, cells: [] })]);
  });

  it("an entry bigger than maxBytes gets a part of its own", () => {
    const parts = recordToXmlParts({ version: 1, cells: many(3) }, 10);
    expect(parts).toHaveLength(4);
    expect(recordFromParts(parts).cells).toHaveLength(4);
  });

  it("utf8Length counts UTF-8 bytes: ASCII 1, 数 3, an astral character 4", () => {
    expect(utf8Length("ab")).toBe(2);
    expect(utf8Length("数据")).toBe(6);
    expect(utf8Length("é")).toBe(2);
    expect(utf8Length("😀")).toBe(4);
  });
});

describe("the operation id on a record part", () => {
  const OP = "3f2a9c1e-7b4d-4e1a-9f00-2c6d8e5b1a7f";

  it("goes on the root of every part, is found again, and readers ignore it", () => {
    const record = { version: 1, cells: [cell("S", "A1", 1), cell("S", "A2", 2), cell("T", "B9", "x")] };
    const parts = recordToXmlParts(record, 260, OP);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p).toContain(`<frozenFormulas xmlns="${RECORD_NAMESPACE}" version="1" operation="${OP}">`);
      expect(utf8Length(p)).toBeLessThanOrEqual(260);
      expect(recordOperation(p)).toBe(OP);
    }
    expect(recordFromParts(parts)).toEqual(record);
    expect(recordFromXml(recordToXml(record, OP))).toEqual(record);
  });

  it("is null on a part written without one (earlier versions) and on another namespace's XML", () => {
    expect(recordOperation(recordToXml({ version: 1, cells: [cell("S", "A1", 1)] }))).toBeNull();
    expect(recordOperation('<other operation="x"/>')).toBeNull();
    // Only the root's own attribute counts, not text that merely looks like one further in.
    expect(recordOperation(recordToXml({ version: 1, cells: [cell("S", "A1", ' operation="x"')] }))).toBeNull();
  });

  it("must be a plain token (letters, digits, -), so that it needs no escaping", () => {
    expect(() => recordToXml({ version: 1, cells: [] }, 'a"b')).toThrow(CrmError);
    expect(() => recordToXml({ version: 1, cells: [] }, "")).toThrow(CrmError);
  });

  it("a bad one is refused by catalogue id, in English and Chinese", () => {
    let error: unknown;
    try {
      recordToXml({ version: 1, cells: [] }, "a b");
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: "VALUE", id: "sharing.recordOperation", params: { operation: "a b" } });
    expect((error as CrmError).text("en")).toBe(
      'freeze record: "a b" is not an operation id (letters, digits and "-")',
    );
    expect((error as CrmError).text("zh")).toBe("冻结记录：“a b”不是操作标识（只能由字母、数字和“-”组成）");
  });
});

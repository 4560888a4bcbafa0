import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cellAddress,
  columnIndex,
  columnLetters,
  parseCell,
  parseRect,
  rectAddress,
} from "../../../src/core/sharing/a1";

describe("A1 addresses", () => {
  it("column letters are bijective base 26: A=0, Z=25, AA=26, XFD=16383", () => {
    expect([0, 25, 26, 27, 701, 702, 16383].map(columnLetters)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA", "XFD"]);
    expect(columnIndex("xfd")).toBe(16383);
    expect(columnIndex("XFE")).toBe(-1);
  });

  it("letters and indices round-trip over the whole grid (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16383 }), (c) => columnIndex(columnLetters(c)) === c),
      { seed: 6 },
    );
  });

  it("cells and rectangles parse with or without $, corners in any order", () => {
    expect(parseCell("$B$3")).toEqual({ row: 2, column: 1 });
    expect(parseRect("D9:B3")).toEqual({ top: 2, left: 1, rows: 7, columns: 3 });
    expect(parseCell("A0")).toBeNull();
    expect(parseCell("A1048577")).toBeNull();
    expect(parseRect("Sales")).toBeNull();
  });

  it("addresses are written without $", () => {
    expect(cellAddress(2, 1)).toBe("B3");
    expect(rectAddress({ top: 2, left: 1, rows: 1, columns: 1 })).toBe("B3");
    expect(rectAddress({ top: 2, left: 1, rows: 7, columns: 3 })).toBe("B3:D9");
  });
});

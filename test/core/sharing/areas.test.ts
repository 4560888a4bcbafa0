import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellAreas } from "../../../src/core/sharing/areas";

const key = (r: number, c: number) => `${r},${c}`;

describe("grouping cells into rectangles", () => {
  it("a filled-down column is one rectangle", () => {
    const cells = Array.from({ length: 1000 }, (_, i) => ({ row: i + 1, column: 3 }));
    expect(cellAreas(cells)).toEqual([{ top: 1, left: 3, rows: 1000, columns: 1 }]);
  });

  it("a full block is one rectangle, whatever the input order", () => {
    const cells = [];
    for (let r = 4; r >= 0; r--) for (let c = 2; c >= 0; c--) cells.push({ row: r, column: c });
    expect(cellAreas(cells)).toEqual([{ top: 0, left: 0, rows: 5, columns: 3 }]);
  });

  it("an L shape is two rectangles and a gap splits a column", () => {
    // A1:B1 and A2 → the row runs differ (A1:B1 vs A2), so two rectangles; A4 after the gap at A3 is a third.
    const cells = [
      { row: 0, column: 0 },
      { row: 0, column: 1 },
      { row: 1, column: 0 },
      { row: 3, column: 0 },
    ];
    expect(cellAreas(cells)).toEqual([
      { top: 0, left: 0, rows: 1, columns: 2 },
      { top: 1, left: 0, rows: 1, columns: 1 },
      { top: 3, left: 0, rows: 1, columns: 1 },
    ]);
  });

  it("rectangles cover exactly the given cells, without overlap (property)", () => {
    const cellsArb = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 8 })), {
      selector: ([r, c]) => key(r, c),
      maxLength: 80,
    });
    fc.assert(
      fc.property(cellsArb, (pairs) => {
        const areas = cellAreas(pairs.map(([row, column]) => ({ row, column })));
        const covered = new Map<string, number>();
        for (const a of areas) {
          for (let i = 0; i < a.rows; i++)
            for (let j = 0; j < a.columns; j++) {
              const k = key(a.top + i, a.left + j);
              covered.set(k, (covered.get(k) ?? 0) + 1);
            }
        }
        const wanted = new Set(pairs.map(([r, c]) => key(r, c)));
        expect(covered.size).toBe(wanted.size);
        for (const [k, n] of covered) {
          expect(n).toBe(1);
          expect(wanted.has(k)).toBe(true);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

/**
 * Excel.RangeAreas (several areas of one sheet: address, areaCount, cellCount, areas, getUsedRangeAreas,
 * getOffsetRangeAreas, clear, select) and Excel.RangeCollection (its areas) of the fake host.
 */
import { intersect, normRect, qualified, rectAddress, rectCols, rectRows, type Rect } from "./a1";
import { liveSheet, type RangeTarget } from "./bookState";
import { ClientObject, Collection, makeObject } from "./clientObject";
import { invalidArgument, itemNotFound } from "./officeError";
import { Range, isEntireColumn, isEntireRow } from "./rangeApi";
import type { SheetState } from "./sheetState";

/** A sheet and several rectangles of it: what a RangeAreas proxy points at. */
export interface AreasTarget {
  sheet: SheetState;
  rects: Rect[];
}

export class RangeAreas extends ClientObject<AreasTarget> {
  _scalars(): readonly string[] {
    return ["address", "addressLocal", "areaCount", "cellCount", "isEntireColumn", "isEntireRow"];
  }

  _target(): AreasTarget | null | undefined {
    const t = super._target();
    if (t) liveSheet(t.sheet, this._type);
    return t;
  }

  _read(p: string, t: AreasTarget): unknown {
    switch (p) {
      case "address":
      case "addressLocal":
        return t.rects.map((r) => qualified(t.sheet.name, r)).join(",");
      case "areaCount":
        return t.rects.length;
      case "cellCount":
        return t.rects.reduce((n, r) => n + rectRows(r) * rectCols(r), 0);
      case "isEntireColumn":
        return t.rects.every(isEntireColumn);
      case "isEntireRow":
        return t.rects.every(isEntireRow);
      default:
        return null;
    }
  }

  _loadNav(name: string, rest: string, t: AreasTarget): boolean {
    return name === "areas" && this._loadInto(this.areasNav(false), t, rest);
  }

  get address(): unknown {
    return this._prop("address");
  }
  get addressLocal(): unknown {
    return this._prop("addressLocal");
  }
  get areaCount(): unknown {
    return this._prop("areaCount");
  }
  get cellCount(): unknown {
    return this._prop("cellCount");
  }
  get isEntireColumn(): unknown {
    return this._prop("isEntireColumn");
  }
  get isEntireRow(): unknown {
    return this._prop("isEntireRow");
  }

  get areas(): RangeCollection {
    return this.areasNav(true);
  }

  private areasNav(queue: boolean): RangeCollection {
    return this._navigation("areas", RangeCollection, "rangeCollection", this._hint, queue, (t) => t);
  }

  /** The used part of each area (its cells ∩ the sheet's used range); ItemNotFound when no area has one. */
  getUsedRangeAreas(valuesOnly?: unknown): RangeAreas {
    return this.usedAreas("getUsedRangeAreas", valuesOnly, true);
  }

  getUsedRangeAreasOrNullObject(valuesOnly?: unknown): RangeAreas {
    return this.usedAreas("getUsedRangeAreasOrNullObject", valuesOnly, false);
  }

  private usedAreas(member: string, valuesOnly: unknown, throwIfNone: boolean): RangeAreas {
    return this._child(
      RangeAreas,
      "rangeAreas",
      member,
      valuesOnly === undefined ? [] : [valuesOnly],
      { sheet: this._hint.sheet },
      (t) => {
        const used = t.sheet.usedRect(!!valuesOnly);
        const rects = used ? t.rects.map((r) => intersect(r, used)).filter((r): r is Rect => r !== null) : [];
        if (rects.length > 0) return { sheet: t.sheet, rects };
        if (throwIfNone) throw itemNotFound("the ranges have no used cells", `rangeAreas.${member}`);
        return null;
      },
    );
  }

  getOffsetRangeAreas(dr: number, dc: number): RangeAreas {
    return this._child(RangeAreas, "rangeAreas", "getOffsetRangeAreas", [dr, dc], { sheet: this._hint.sheet }, (t) => {
      const rects = t.rects.map((r) => normRect({ r0: r.r0 + dr, c0: r.c0 + dc, r1: r.r1 + dr, c1: r.c1 + dc }));
      if (rects.some((r) => !r)) throw invalidArgument("outside the sheet", "rangeAreas.getOffsetRangeAreas");
      return { sheet: t.sheet, rects: rects as Rect[] };
    });
  }

  clear(applyTo?: string): void {
    this._op("call", "clear", applyTo === undefined ? [] : [applyTo], true, (t) =>
      t.rects.forEach((r) => t.sheet.clearRect(r, applyTo)),
    );
  }

  select(): void {
    this._op("call", "select", [], false, (t) => {
      const book = this.env.book;
      book.active = t.sheet;
      book.selection = { sheet: t.sheet, rects: t.rects.slice(), active: { r: t.rects[0]!.r0, c: t.rects[0]!.c0 } };
    });
  }
}

export class RangeCollection extends Collection<AreasTarget, RangeTarget> {
  _targets(t: AreasTarget | null | undefined): RangeTarget[] {
    return t ? t.rects.map((rect) => ({ sheet: t.sheet, rect })) : [];
  }

  _makeItem(x: RangeTarget): Range {
    return makeObject(Range, this._ctx, "range", { sheet: x.sheet.name, rect: x.rect, address: rectAddress(x.rect) });
  }

  getItemAt(i: number): Range {
    return this._child(Range, "range", "getItemAt", [i], { sheet: this._hint.sheet }, (t) => {
      const item = this._targets(t)[i];
      if (!item) throw itemNotFound(`no area ${i}`, "rangeCollection.getItemAt");
      return item;
    });
  }
}

/**
 * Excel.Workbook (worksheets, names, settings, customXmlParts, getSelectedRange(s), getActiveCell),
 * Excel.WorksheetCollection (add, getItem(OrNullObject), getActiveWorksheet, getFirst, getLast, getCount,
 * items) and Excel.Worksheet (name, id, position, visibility, tabColor, activate, delete, getRange,
 * getRangeByIndexes, getRanges, getCell, getUsedRange(OrNullObject), findAll(OrNullObject), names) of the
 * fake host. Anything else (freezePanes, charts, pageLayout, …) is a generic recording proxy.
 */
import { MAX_COLS, MAX_ROWS, cellsToRects, normRect, parseRect, rectAddress, splitSheet, type Rect } from "./a1";
import { liveSheet, type BookState, type RangeTarget } from "./bookState";
import { ClientObject, Collection, enqueue, makeObject, type Hint, type ObjectClass } from "./clientObject";
import { CustomXmlPartCollection } from "./customXmlApi";
import { NamedItemCollection } from "./namesApi";
import { invalidArgument, itemNotFound, officeError } from "./officeError";
import { Range } from "./rangeApi";
import { RangeAreas, type AreasTarget } from "./rangeAreasApi";
import { SettingCollection } from "./settingsApi";
import { matchText, type SearchCriteria, type SheetState } from "./sheetState";

const wholeSheet = (): Rect => ({ r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 });

export class Workbook extends ClientObject<BookState> {
  _scalars(): readonly string[] {
    return ["name"];
  }

  _read(p: string): unknown {
    if (p === "name") return this.env.config.workbookName || "Book1.xlsx";
    return null;
  }

  get name(): unknown {
    return this._prop("name");
  }

  private nav<C extends ClientObject<BookState>>(name: string, Cls: ObjectClass<C>, type: string): C {
    if (!(name in this._navs)) {
      const o = makeObject(Cls, this._ctx, type, {});
      o._bind(this.env.book);
      this._navs[name] = o;
    }
    return this._navs[name] as C;
  }

  get worksheets(): WorksheetCollection {
    return this.nav("worksheets", WorksheetCollection, "worksheets");
  }

  get names(): NamedItemCollection {
    return this.nav("names", NamedItemCollection, "names");
  }

  get settings(): SettingCollection {
    return this.nav("settings", SettingCollection, "settings");
  }

  get customXmlParts(): CustomXmlPartCollection {
    return this.nav("customXmlParts", CustomXmlPartCollection, "customXmlParts");
  }

  private selectionHint(): Hint {
    const s = this.env.book.selection;
    if (!s) return {};
    return {
      sheet: s.sheet.name,
      address: s.rects.map((r) => rectAddress(r)).join(","),
      rect: s.rects.length === 1 ? s.rects[0] : undefined,
    };
  }

  getSelectedRange(): Range {
    return this._child(Range, "range", "getSelectedRange", [], this.selectionHint(), (book) => {
      const s = book.selection!;
      if (s.rects.length !== 1)
        throw officeError(
          "InvalidSelection",
          "The current selection is invalid for this operation (several areas are selected).",
          "workbook.getSelectedRange",
        );
      return { sheet: s.sheet, rect: s.rects[0]! };
    });
  }

  getSelectedRanges(): RangeAreas {
    return this._child(RangeAreas, "rangeAreas", "getSelectedRanges", [], this.selectionHint(), (book) => ({
      sheet: book.selection!.sheet,
      rects: book.selection!.rects.slice(),
    }));
  }

  getActiveCell(): Range {
    const s = this.env.book.selection;
    return this._child(Range, "range", "getActiveCell", [], { sheet: s ? s.sheet.name : undefined }, (book) => {
      const { sheet, active } = book.selection!;
      return { sheet, rect: { r0: active.r, c0: active.c, r1: active.r, c1: active.c } };
    });
  }
}

export class WorksheetCollection extends Collection<BookState, SheetState> {
  _targets(): SheetState[] {
    return this.env.book.liveSheets();
  }

  _makeItem(s: SheetState): Worksheet {
    return makeObject(Worksheet, this._ctx, "worksheet", { sheet: s.name });
  }

  /** "Sheet<n>", the first n that no sheet has. */
  private freeName(): string {
    let n = 1;
    while (this.env.book.findSheet(`Sheet${n}`)) n++;
    return `Sheet${n}`;
  }

  add(name?: string | null): Worksheet {
    const hintName = name === undefined || name === null ? this.freeName() : name;
    const ws = makeObject(Worksheet, this._ctx, "worksheet", { sheet: hintName });
    const rec = this._rec("call", "add", name === undefined ? [] : [name], true);
    rec.sheet = hintName;
    enqueue(this._ctx, rec, "worksheets.add", this, () => {
      const finalName = name === undefined || name === null ? this.freeName() : String(name);
      ws._bind(this.env.book.addSheet(finalName));
    });
    return ws;
  }

  /** The log's name for a sheet looked up by name or id (getItem takes either): its name at call time. */
  private sheetHint(key: string): string {
    return this.env.book.findSheet(key)?.name ?? key;
  }

  getItem(key: string): Worksheet {
    return this._child(Worksheet, "worksheet", "getItem", [key], { sheet: this.sheetHint(key) }, (book) => {
      const s = book.findSheet(key);
      if (!s) throw itemNotFound(`no worksheet "${key}"`, "worksheets.getItem");
      return s;
    });
  }

  getItemOrNullObject(key: string): Worksheet {
    return this._child(
      Worksheet,
      "worksheet",
      "getItemOrNullObject",
      [key],
      { sheet: this.sheetHint(key) },
      (book) => book.findSheet(key) || null,
    );
  }

  getActiveWorksheet(): Worksheet {
    const active = this.env.book.active;
    return this._child(Worksheet, "worksheet", "getActiveWorksheet", [], { sheet: active?.name }, (book) =>
      liveSheet(book.active),
    );
  }

  private pick(visibleOnly: unknown): SheetState[] {
    return this.env.book.liveSheets().filter((s) => !visibleOnly || s.visibility === "Visible");
  }

  getFirst(visibleOnly?: unknown): Worksheet {
    const first = this.pick(visibleOnly)[0];
    return this._child(
      Worksheet,
      "worksheet",
      "getFirst",
      visibleOnly === undefined ? [] : [visibleOnly],
      { sheet: first && first.name },
      () => this.pick(visibleOnly)[0],
    );
  }

  getLast(visibleOnly?: unknown): Worksheet {
    const all = this.pick(visibleOnly);
    return this._child(
      Worksheet,
      "worksheet",
      "getLast",
      visibleOnly === undefined ? [] : [visibleOnly],
      { sheet: all.length ? all[all.length - 1]!.name : undefined },
      () => {
        const list = this.pick(visibleOnly);
        return list[list.length - 1];
      },
    );
  }
}

export class Worksheet extends ClientObject<SheetState> {
  _scalars(): readonly string[] {
    return ["id", "name", "position", "visibility", "tabColor"];
  }

  _read(p: string, s: SheetState): unknown {
    switch (p) {
      case "id":
        return s.id;
      case "name":
        return s.name;
      case "position":
        return this.env.book.liveSheets().indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.props.tabColor || "";
      default:
        return p in s.props ? s.props[p] : null;
    }
  }

  _target(): SheetState | null | undefined {
    const s = super._target();
    if (s && s.deleted) throw itemNotFound(`the worksheet "${s.name}" was deleted`, this._type);
    return s;
  }

  get id(): unknown {
    return this._prop("id");
  }

  get name(): unknown {
    return this._prop("name");
  }

  set name(v: unknown) {
    this._setProp("name", v, (s) => {
      const book: BookState = this.env.book;
      book.checkSheetName(v, s);
      s.name = v;
    });
  }

  get position(): unknown {
    return this._prop("position");
  }

  set position(v: unknown) {
    this._setProp("position", v, (s) => {
      const book = this.env.book;
      const live = book.liveSheets();
      if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v >= live.length)
        throw invalidArgument(`position ${String(v)}`);
      book.sheets.splice(book.sheets.indexOf(s), 1);
      const before = live.filter((x) => x !== s)[v];
      book.sheets.splice(before ? book.sheets.indexOf(before) : book.sheets.length, 0, s);
    });
  }

  get visibility(): unknown {
    return this._prop("visibility");
  }

  set visibility(v: unknown) {
    this._setProp("visibility", v, (s) => {
      const others = this.env.book.liveSheets().filter((x) => x.visibility === "Visible" && x !== s);
      if (v !== "Visible" && others.length === 0) {
        throw officeError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
          "worksheet.visibility",
        );
      }
      s.visibility = v as string;
    });
  }

  get tabColor(): unknown {
    return this._prop("tabColor");
  }

  set tabColor(v: unknown) {
    this._setProp("tabColor", v, (s) => {
      s.props.tabColor = v;
    });
  }

  _setGeneric(prop: string, value: unknown): void {
    this._loaded[prop] = value;
    this._op("set", prop, [value], true, (s) => {
      s.props[prop] = value;
    });
  }

  get names(): NamedItemCollection {
    if (!("names" in this._navs)) {
      const coll = makeObject(NamedItemCollection, this._ctx, "names", this._hint);
      coll._scopeOf = () => this._target() ?? null;
      coll._bind(this.env.book);
      this._navs.names = coll;
    }
    return this._navs.names as NamedItemCollection;
  }

  activate(): void {
    this._op("call", "activate", [], false, (s) => {
      if (s.visibility !== "Visible")
        throw officeError("InvalidOperation", "A hidden worksheet cannot be activated.", "worksheet.activate");
      this.env.book.activate(s);
    });
  }

  delete(): void {
    this._op("call", "delete", [], true, (s) => {
      const book = this.env.book;
      const visible = book.liveSheets().filter((x) => x.visibility === "Visible");
      if (visible.length === 1 && visible[0] === s)
        throw officeError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
          "worksheet.delete",
        );
      const idx = book.liveSheets().indexOf(s);
      s.deleted = true;
      book.sheets.splice(book.sheets.indexOf(s), 1);
      book.names = book.names.filter((n) => n.scope !== s);
      if (book.active === s) {
        const next = book.liveSheets().filter((x) => x.visibility === "Visible");
        book.activate((next[Math.min(idx, next.length - 1)] || next[0])!);
      }
    });
  }

  private rangeHint(rect: Rect | null): Hint {
    return { sheet: this._hint.sheet, address: rect ? rectAddress(rect) : undefined, rect };
  }

  /** A range of this sheet at an address or defined name (the whole sheet without one). */
  getRange(address?: string | null): Range {
    const whole = address === undefined || address === null || address === "";
    const rect = whole ? wholeSheet() : parseRect(splitSheet(address).ref);
    return this._child(
      Range,
      "range",
      "getRange",
      address === undefined ? [] : [address],
      this.rangeHint(rect),
      (s) => {
        if (whole) return { sheet: s, rect: wholeSheet() };
        const t = this.env.book.resolveRef(address, s, "worksheet.getRange");
        if (t.sheet !== s) throw invalidArgument(`"${address}" is on another sheet`, "worksheet.getRange");
        return t;
      },
    );
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): Range {
    const rect = normRect({ r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 });
    return this._child(Range, "range", "getRangeByIndexes", [row, col, rows, cols], this.rangeHint(rect), (s) => {
      if (!rect || rows < 1 || cols < 1) throw invalidArgument("getRangeByIndexes", "worksheet.getRangeByIndexes");
      return { sheet: s, rect };
    });
  }

  getCell(row: number, col: number): Range {
    const rect = normRect({ r0: row, c0: col, r1: row, c1: col });
    return this._child(Range, "range", "getCell", [row, col], this.rangeHint(rect), (s) => {
      if (!rect) throw invalidArgument("getCell", "worksheet.getCell");
      return { sheet: s, rect };
    });
  }

  getRanges(address: string): RangeAreas {
    return this._child(
      RangeAreas,
      "rangeAreas",
      "getRanges",
      [address],
      { sheet: this._hint.sheet, address },
      (s): AreasTarget => {
        const rects = address
          .split(/\s*[,;]\s*/)
          .filter(Boolean)
          .map((a) => {
            const t = this.env.book.resolveRef(a, s, "worksheet.getRanges");
            if (t.sheet !== s) throw invalidArgument(`"${a}" is on another sheet`, "worksheet.getRanges");
            return t.rect;
          });
        return { sheet: s, rects };
      },
    );
  }

  getUsedRange(valuesOnly?: unknown): Range {
    return this._child(
      Range,
      "range",
      "getUsedRange",
      valuesOnly === undefined ? [] : [valuesOnly],
      this.rangeHint(null),
      (s): RangeTarget => ({ sheet: s, rect: s.usedRect(!!valuesOnly) || { r0: 0, c0: 0, r1: 0, c1: 0 } }),
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: unknown): Range {
    return this._child(
      Range,
      "range",
      "getUsedRangeOrNullObject",
      valuesOnly === undefined ? [] : [valuesOnly],
      this.rangeHint(null),
      (s) => {
        const rect = s.usedRect(!!valuesOnly);
        return rect ? { sheet: s, rect } : null;
      },
    );
  }

  private findAllIn(s: SheetState, text: string, criteria: SearchCriteria | undefined): Rect[] {
    return cellsToRects(s.cellsWhere(wholeSheet(), (cell) => matchText(cell, text, criteria)));
  }

  findAll(text: string, criteria?: SearchCriteria): RangeAreas {
    return this._child(RangeAreas, "rangeAreas", "findAll", [text, criteria], { sheet: this._hint.sheet }, (s) => {
      const rects = this.findAllIn(s, text, criteria);
      if (!rects.length) throw itemNotFound(`"${text}" was not found`, "worksheet.findAll");
      return { sheet: s, rects };
    });
  }

  findAllOrNullObject(text: string, criteria?: SearchCriteria): RangeAreas {
    return this._child(
      RangeAreas,
      "rangeAreas",
      "findAllOrNullObject",
      [text, criteria],
      { sheet: this._hint.sheet },
      (s) => {
        const rects = this.findAllIn(s, text, criteria);
        return rects.length ? { sheet: s, rects } : null;
      },
    );
  }
}

/**
 * The fake workbook's state: its sheets (in order; deleted ones are marked), the active sheet and selection,
 * defined names, settings, custom XML parts and OfficeRuntime.storage — and where formula results come from:
 * the evaluator (config.evaluate / host.setEvaluator), else the value the formula last had in that cell (so
 * freeze → restore round-trips, spills included), else a literal (=5, ="x", =TRUE), else "".
 */
import { cellKey, cellRect, looksLikeCellRef, parseRect, qualified, splitSheet, type Rect } from "./a1";
import { literalFormulaValue } from "./cellValues";
import { invalidArgument, itemNotFound, officeError } from "./officeError";
import { SheetState, type FormulaResults } from "./sheetState";
import type { FakeEvaluator, FakeHost } from "./types";

/** A defined name: workbook-scoped (scope null) or sheet-scoped. */
export interface NameState {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
  scope: SheetState | null;
}

export interface XmlPartState {
  id: string;
  xml: string;
  namespaceUri: string;
}

/** The selected areas (on one sheet) and the active cell. */
export interface Selection {
  sheet: SheetState;
  rects: Rect[];
  active: { r: number; c: number };
}

/** A sheet and a rectangle of it: what a Range proxy points at. */
export interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

/** The sheet of a deleted sheet's objects throws ItemNotFound. */
export function liveSheet(s: SheetState | null | undefined, location?: string): SheetState {
  if (!s || s.deleted) throw itemNotFound("the worksheet was deleted", location);
  return s;
}

/** Throws InvalidArgument unless `name` is a valid defined name (and not a cell reference). */
export function checkName(name: unknown): asserts name is string {
  if (
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > 255 ||
    !/^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(name) ||
    looksLikeCellRef(name)
  ) {
    throw invalidArgument(`invalid name ${JSON.stringify(name)}`);
  }
}

/** The namespace URI of a custom XML part's root element ("" without one). */
export function xmlNamespace(xml: unknown): string {
  const s = String(xml);
  const m = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:\s+[^>]*?)?)\/?>/.exec(
    s.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ""),
  );
  if (!m) throw invalidArgument("the custom XML part is not XML");
  const prefix = m[1] ? m[1].slice(0, -1) : "";
  const attrs = m[3] || "";
  const re = prefix ? new RegExp(`xmlns:${prefix}\\s*=\\s*("([^"]*)"|'([^']*)')`) : /xmlns\s*=\s*("([^"]*)"|'([^']*)')/;
  const a = re.exec(attrs);
  return a ? (a[2] !== undefined ? a[2] : (a[3] ?? "")) : "";
}

export class BookState implements FormulaResults {
  sheets: SheetState[] = [];
  active: SheetState | null = null;
  selection: Selection | null = null;
  names: NameState[] = [];
  readonly settings = new Map<string, unknown>();
  xmlParts: XmlPartState[] = [];
  /** Formula results remembered per cell and formula. */
  readonly memo = new Map<string, unknown>();
  /** OfficeRuntime.storage. */
  readonly storage = new Map<string, string>();
  evaluator: FakeEvaluator | null;
  /** The host the evaluator is given (set once the host exists). */
  host: FakeHost | null = null;
  private nextSheetId = 1;
  private nextXmlId = 1;

  constructor(evaluator: FakeEvaluator | null) {
    this.evaluator = evaluator;
  }

  liveSheets(): SheetState[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  /** A live sheet by name or id, case-insensitively. */
  findSheet(key: unknown): SheetState | undefined {
    if (typeof key !== "string") return undefined;
    const k = key.toLowerCase();
    return this.liveSheets().find((s) => s.name.toLowerCase() === k || s.id.toLowerCase() === k);
  }

  /** Throws unless `name` is a valid sheet name that no other sheet (but `except`) has. */
  checkSheetName(name: unknown, except?: SheetState): asserts name is string {
    if (
      typeof name !== "string" ||
      name.length === 0 ||
      name.length > 31 ||
      /[\\/?*[\]:]/.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'")
    ) {
      throw invalidArgument(`invalid sheet name ${JSON.stringify(name)}`);
    }
    const clash = this.findSheet(name);
    if (clash && clash !== except) throw officeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
  }

  addSheet(name: string): SheetState {
    this.checkSheetName(name);
    const s = new SheetState(name, this.nextSheetId++, this);
    this.sheets.push(s);
    return s;
  }

  /** Makes `sheet` active with A1 selected. */
  activate(sheet: SheetState): void {
    this.active = sheet;
    this.selection = { sheet, rects: [cellRect(0, 0)], active: { r: 0, c: 0 } };
  }

  private memoKey(sheet: SheetState, key: number, f: string): string {
    return `${sheet.id}|${key}|${f}`;
  }

  evaluate(sheet: SheetState, r: number, c: number, f: string): unknown {
    if (this.evaluator) {
      const res = this.evaluator(f, {
        sheet: sheet.name,
        address: qualified(sheet.name, cellRect(r, c)),
        host: this.host!,
      });
      if (res !== undefined) return res;
    }
    const m = this.memo.get(this.memoKey(sheet, cellKey(r, c), f));
    if (m !== undefined) return m;
    const lit = literalFormulaValue(f);
    return lit === undefined ? "" : lit;
  }

  remember(sheet: SheetState, key: number, f: string, result: unknown): void {
    this.memo.set(this.memoKey(sheet, key, f), result);
  }

  /** Resolves an address or defined name to { sheet, rect } (sheet defaults to `defaultSheet`). */
  resolveRef(text: unknown, defaultSheet: SheetState, location: string): RangeTarget {
    const { sheet: sheetName, ref } = splitSheet(text);
    const sheet = sheetName === null ? defaultSheet : this.findSheet(sheetName);
    if (!sheet) throw itemNotFound(`no sheet "${sheetName}"`, location);
    const rect = parseRect(ref);
    if (rect) return { sheet, rect };
    if (sheetName === null) {
      const named = this.findName(ref, defaultSheet) || this.findName(ref, null);
      if (named) {
        const t = this.nameTarget(named);
        if (t) return t;
      }
    }
    throw invalidArgument(`"${String(text)}" is not an address`, location);
  }

  /** A defined name of the given scope (null: the workbook), case-insensitively. */
  findName(name: unknown, scope: SheetState | null): NameState | undefined {
    const k = String(name).toLowerCase();
    return this.names.find(
      (n) => n.name.toLowerCase() === k && (n.scope || null) === (scope || null) && !(n.scope && n.scope.deleted),
    );
  }

  /** The range a name refers to (=Sheet1!$B$2), or null for a formula or constant. */
  nameTarget(n: NameState): RangeTarget | null {
    const m = /^=\s*(.+)$/.exec(n.formula);
    if (!m) return null;
    const { sheet: sheetName, ref } = splitSheet(m[1]);
    const rect = parseRect(ref);
    const sheet = sheetName === null ? n.scope : this.findSheet(sheetName);
    return rect && sheet ? { sheet, rect } : null;
  }

  /** NamedItem.value: the address of a range, the constant, or the formula text. */
  nameValue(n: NameState): unknown {
    const t = this.nameTarget(n);
    if (t) return qualified(t.sheet.name, t.rect, true);
    const lit = literalFormulaValue(n.formula);
    return lit === undefined ? n.formula.replace(/^=/, "") : lit;
  }

  /** NamedItem.type: Range, Double, Boolean, String or Formula. */
  nameType(n: NameState): string {
    if (this.nameTarget(n)) return "Range";
    const lit = literalFormulaValue(n.formula);
    if (typeof lit === "number") return "Double";
    if (typeof lit === "boolean") return "Boolean";
    if (typeof lit === "string") return "String";
    return "Formula";
  }

  addXmlPart(xml: unknown): XmlPartState {
    const part = {
      id: `{00000000-0000-0000-0000-${String(this.nextXmlId++).padStart(12, "0")}}`,
      xml: String(xml),
      namespaceUri: xmlNamespace(xml),
    };
    this.xmlParts.push(part);
    return part;
  }
}

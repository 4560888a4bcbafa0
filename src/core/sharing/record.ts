/**
 * The freeze record: which formulas Freeze replaced by values, kept inside the workbook (a custom XML part)
 * so that it travels with the file and Restore can put the formulas back, on any machine with the add-in.
 *
 * Format, version 1 (short attribute names: 100,000 entries must stay a few megabytes):
 * ```xml
 * <frozenFormulas xmlns="urn:crm-metrics:frozen-formulas" version="1">
 *   <sheet name="Data">
 *     <c a="B2" f="=CRM.NPS(A2:A9)" v="14.285714285714286"/>            number (t omitted)
 *     <c a="B3" f="=CRM.RATING(B2)" t="s" v="A"/>                        text
 *     <c a="B4" f="=CRM.CAC(C2:C9,D2:D9)" t="e" v="#DIV/0!"/>            error
 *     <c a="D2" f="=CRM.NPS.CI(A2:A9)" rows="1" cols="2">                spill: values row by row
 *       <v>-12.5</v><v>40.1</v>
 *     </c>
 *   </sheet>
 * </frozenFormulas>
 * ```
 * `a` is the formula's cell (A1, no `$`), `f` the formula exactly as Excel gave it, `t` the value's type
 * (`n` number, `s` text, `b` logical `1`/`0`, `e` error text), `v` the value it showed; a spilled formula
 * has `rows`/`cols` (its spill size) and one `<v t=…>` per cell of the spill range instead of `t`/`v`.
 * Numbers are written in JavaScript's shortest round-trip form, so they read back bit for bit.
 * A reader refuses a record whose `version` it does not know rather than guess.
 * A record may be spread over several parts (`recordToXmlParts`), each a complete record of this format.
 * The root may carry `operation="…"`: an id of the Freeze or Restore that wrote the part, so that its undo can
 * tell its own parts from those someone else added meanwhile (readers ignore it; older ones too).
 */
import { valueError } from "../errors";
import { cellKey, parseCell, Rect } from "./a1";
import { CellValue } from "./cellValues";
import { childElements, escapeAttribute, escapeText, parseXml, textOf, XmlElement } from "./xml";

/** The custom XML part's namespace: how the add-in finds its record among a workbook's parts. */
export const RECORD_NAMESPACE = "urn:crm-metrics:frozen-formulas";
export const RECORD_VERSION = 1;

/** One frozen formula: where it was, what it was, and what it showed (its whole spill range for a spill). */
export interface FrozenCell {
  sheet: string;
  /** The formula's cell, A1 without `$` (`B2`). */
  address: string;
  formula: string;
  /** Spill size; 1 × 1 for an ordinary cell. */
  rows: number;
  columns: number;
  /** The values shown, rows × columns (the formula cell first). */
  values: CellValue[][];
}

/** Everything frozen in a workbook and not yet restored. */
export interface FreezeRecord {
  version: number;
  cells: FrozenCell[];
}

/** The cells an entry covers (its anchor and, for a spill, the whole spill range). */
export function entryRect(e: FrozenCell): Rect {
  const c = parseCell(e.address);
  if (!c) throw valueError("sharing.recordNotCell", { address: e.address });
  return { top: c.row, left: c.column, rows: e.rows, columns: e.columns };
}

function typed(v: CellValue): { t: string | null; v: string } {
  if (typeof v === "number") return { t: null, v: String(v) };
  if (typeof v === "boolean") return { t: "b", v: v ? "1" : "0" };
  return { t: v.startsWith("#") && /^#[A-Z0-9/_]+[!?]?$/.test(v) && v !== "#" ? "e" : "s", v };
}

function fromTyped(t: string | undefined, v: string, where: string): CellValue {
  switch (t ?? "n") {
    case "n": {
      const x = Number(v);
      if (v.trim() === "" || !Number.isFinite(x)) throw valueError("sharing.recordNumber", { where, value: v });
      return x;
    }
    case "b":
      if (v !== "1" && v !== "0") throw valueError("sharing.recordLogical", { where, value: v });
      return v === "1";
    case "s":
    case "e":
      return v;
    default:
      throw valueError("sharing.recordValueType", { where, type: String(t) });
  }
}

/** One entry as XML (a line of its `<sheet>`). */
function entryXml(e: FrozenCell): string {
  const head = `\n<c a="${e.address}" f="${escapeAttribute(e.formula)}"`;
  if (e.rows === 1 && e.columns === 1) {
    const tv = typed(e.values[0]?.[0] ?? "");
    return `${head}${tv.t ? ` t="${tv.t}"` : ""} v="${escapeAttribute(tv.v)}"/>`;
  }
  const vs = e.values.flat().map((x) => {
    const tv = typed(x);
    return `<v${tv.t ? ` t="${tv.t}"` : ""}>${escapeText(tv.v)}</v>`;
  });
  return `${head} rows="${e.rows}" cols="${e.columns}">${vs.join("")}</c>`;
}

/** Operation ids are plain tokens (letters, digits, `-`): nothing to escape, and found again by a plain match. */
const OPERATION_ID = /^[A-Za-z0-9-]{1,64}$/;

/** The part's opening, with the id of the operation that writes it when given. */
function recordHead(operation?: string): string {
  if (operation !== undefined && !OPERATION_ID.test(operation)) {
    throw valueError("sharing.recordOperation", { operation });
  }
  const op = operation === undefined ? "" : ` operation="${operation}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<frozenFormulas xmlns="${RECORD_NAMESPACE}" version="${RECORD_VERSION}"${op}>`;
}
const RECORD_TAIL = "\n</frozenFormulas>\n";

/**
 * The `operation` id on a record part's root (see the module comment), or null when it has none. Looks at the
 * root's opening tag only. O(length of that tag).
 * @example recordOperation('<frozenFormulas xmlns="urn:crm-metrics:frozen-formulas" version="1" operation="x1">') // "x1"
 */
export function recordOperation(xml: string): string | null {
  const root = /<frozenFormulas\b[^>]*>/.exec(xml);
  const m = root ? /\soperation="([A-Za-z0-9-]+)"/.exec(root[0]) : null;
  return m ? m[1]! : null;
}

/** A `<sheet>` opening tag. */
function sheetOpen(sheet: string): string {
  return `\n<sheet name="${escapeAttribute(sheet)}">`;
}

/**
 * The record as XML for a custom XML part, entries grouped by sheet in the order given. O(size).
 * @example recordToXml({ version: 1, cells: [] }) // '<?xml …?><frozenFormulas xmlns="…" version="1"/>'
 */
export function recordToXml(record: FreezeRecord, operation?: string): string {
  const parts: string[] = [recordHead(operation)];
  let sheet: string | null = null;
  for (const e of record.cells) {
    if (e.sheet !== sheet) {
      if (sheet !== null) parts.push("</sheet>");
      parts.push(sheetOpen(e.sheet));
      sheet = e.sheet;
    }
    parts.push(entryXml(e));
  }
  if (sheet !== null) parts.push("</sheet>");
  parts.push(RECORD_TAIL);
  return parts.join("");
}

/** Bytes of a string in UTF-8 (a lone surrogate counts 3, as it would be replaced). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * The record as one or more custom XML parts of at most `maxBytes` (UTF-8) each, so that each part fits one
 * request to a host with a payload limit (Excel on the web). Each part is a complete record of the same format
 * and version holding a run of the entries, in order; `recordFromParts` reads them back as one record (an older
 * add-in too: it has always merged every part of the namespace). One part when everything fits (then equal to
 * `recordToXml`); an entry bigger than `maxBytes` on its own gets a part of its own. `operation`, when given, goes
 * on every part's root. O(size).
 */
export function recordToXmlParts(record: FreezeRecord, maxBytes = Infinity, operation?: string): string[] {
  if (record.cells.length === 0) return [recordToXml(record, operation)];
  const head = recordHead(operation);
  const fixed = utf8Length(head) + utf8Length(RECORD_TAIL) + "</sheet>".length;
  const out: string[] = [];
  let chunk: string[] = [];
  let bytes = 0;
  let sheet: string | null = null;
  const close = (): void => {
    if (sheet !== null) chunk.push("</sheet>");
    out.push([head, ...chunk, RECORD_TAIL].join(""));
    chunk = [];
    bytes = 0;
    sheet = null;
  };
  for (const e of record.cells) {
    const x = entryXml(e);
    const open = e.sheet !== sheet ? sheetOpen(e.sheet) : "";
    const grow = utf8Length(x) + utf8Length(open) + (open && sheet !== null ? "</sheet>".length : 0);
    if (chunk.length > 0 && fixed + bytes + grow > maxBytes) close();
    if (e.sheet !== sheet) {
      if (sheet !== null) {
        chunk.push("</sheet>");
        bytes += "</sheet>".length;
      }
      const o = sheetOpen(e.sheet);
      chunk.push(o);
      bytes += utf8Length(o);
      sheet = e.sheet;
    }
    chunk.push(x);
    bytes += utf8Length(x);
  }
  close();
  return out;
}

function positiveInt(text: string | undefined, where: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw valueError("sharing.recordSize", { where, value: String(text) });
  return n;
}

/**
 * Reads a record written by `recordToXml`. O(size).
 * @throws CrmError `#VALUE!` when the XML is malformed, is not a freeze record, has a version this reader does
 * not know, or has an entry with a bad address, size or value (the message names the entry).
 */
export function recordFromXml(xml: string): FreezeRecord {
  const root = parseXml(xml);
  const inNamespace = Object.entries(root.attributes).some(
    ([k, v]) => (k === "xmlns" || k.startsWith("xmlns:")) && v === RECORD_NAMESPACE,
  );
  if (root.name !== "frozenFormulas" || !inNamespace) {
    throw valueError("sharing.recordRoot", { name: root.name });
  }
  const version = Number(root.attributes.version);
  if (version !== RECORD_VERSION) {
    throw valueError("sharing.recordVersion", { version: String(root.attributes.version), known: RECORD_VERSION });
  }
  const cells: FrozenCell[] = [];
  for (const s of childElements(root, "sheet")) {
    const sheet = s.attributes.name;
    if (sheet === undefined || sheet === "") throw valueError("sharing.recordSheetName");
    for (const c of childElements(s, "c")) cells.push(readEntry(sheet, c));
  }
  return { version, cells };
}

function readEntry(sheet: string, c: XmlElement): FrozenCell {
  const address = c.attributes.a ?? "";
  const where = `${sheet}!${address}`;
  if (!parseCell(address)) throw valueError("sharing.recordNotCell", { address: where });
  const formula = c.attributes.f;
  if (formula === undefined || !formula.startsWith("=")) throw valueError("sharing.recordNoFormula", { where });
  if (c.attributes.rows === undefined && c.attributes.cols === undefined) {
    const v = c.attributes.v;
    if (v === undefined) throw valueError("sharing.recordNoValue", { where });
    return {
      sheet,
      address: address.toUpperCase(),
      formula,
      rows: 1,
      columns: 1,
      values: [[fromTyped(c.attributes.t, v, where)]],
    };
  }
  const rows = positiveInt(c.attributes.rows, where);
  const columns = positiveInt(c.attributes.cols, where);
  const vs = childElements(c, "v");
  if (vs.length !== rows * columns) {
    throw valueError("sharing.recordSpill", { where, rows, columns, count: vs.length });
  }
  const values: CellValue[][] = [];
  for (let r = 0; r < rows; r++) {
    values.push(vs.slice(r * columns, (r + 1) * columns).map((v) => fromTyped(v.attributes.t, textOf(v), where)));
  }
  return { sheet, address: address.toUpperCase(), formula, rows, columns, values };
}

/**
 * Reads every record part of a workbook into one record, later parts taking precedence (one part, or, when the
 * record was split to fit a payload limit (`recordToXmlParts`), several holding disjoint runs of entries).
 * Parts that are not freeze records are an error (they share our namespace, so something is wrong).
 */
export function recordFromParts(xmls: readonly string[]): FreezeRecord {
  return xmls.reduce<FreezeRecord>((acc, xml) => mergeRecords(acc, recordFromXml(xml).cells), {
    version: RECORD_VERSION,
    cells: [],
  });
}

/**
 * The record after a freeze: the earlier entries plus the new ones. An earlier entry that overlaps a new one
 * on the same sheet is dropped: its cells held a CRM formula again (the user re-entered it), so what it
 * recorded is no longer there to restore. O(cells of the entries).
 */
export function mergeRecords(earlier: FreezeRecord, added: readonly FrozenCell[]): FreezeRecord {
  const covered = new Map<string, Set<number>>();
  for (const e of added) {
    const r = entryRect(e);
    let set = covered.get(e.sheet);
    if (!set) covered.set(e.sheet, (set = new Set()));
    for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.columns; j++) set.add(cellKey(r.top + i, r.left + j));
  }
  const kept = earlier.cells.filter((e) => {
    const set = covered.get(e.sheet);
    if (!set) return true;
    const r = entryRect(e);
    for (let i = 0; i < r.rows; i++)
      for (let j = 0; j < r.columns; j++) if (set.has(cellKey(r.top + i, r.left + j))) return false;
    return true;
  });
  return { version: RECORD_VERSION, cells: sortEntries([...kept, ...added]) };
}

/** Entries grouped by sheet (first appearance order), then row-major by address. */
export function sortEntries(cells: readonly FrozenCell[]): FrozenCell[] {
  const sheetOrder = new Map<string, number>();
  for (const e of cells) if (!sheetOrder.has(e.sheet)) sheetOrder.set(e.sheet, sheetOrder.size);
  const keyed = cells.map((e) => {
    const c = parseCell(e.address);
    return { e, sheet: sheetOrder.get(e.sheet)!, pos: c ? cellKey(c.row, c.column) : -1 };
  });
  keyed.sort((a, b) => a.sheet - b.sheet || a.pos - b.pos);
  return keyed.map((k) => k.e);
}

/**
 * The public types of the fake Office/Excel host: its configuration, its call log and the host itself. What
 * the host emulates, and how, is described in index.ts.
 */
import type { OfficeError } from "./officeError";

/** A cell in the initial workbook: a typed value, or a formula with its current value (a 2-D value spills). */
export type FakeCellSpec =
  number | string | boolean | null | { value?: unknown; formula?: string; numberFormat?: string };

/** Cells by A1 address ("B2") or by range ("A1:C3" with a 2-D array, or one spec for every cell). */
export type FakeCells = Record<string, FakeCellSpec | unknown[][]>;

export interface FakeSheetSpec {
  cells?: FakeCells;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
}

/** A fault injected into syncs (see index.ts, FAULTS). Each fault fires once. */
export interface FakeFault {
  /** The Nth context.sync() (1-based, counted over the whole host) rejects before applying anything. */
  sync?: number;
  /** Operation path ("range.values", "worksheets.add", "range.format.*"), or a RegExp (Node only). */
  path?: string | RegExp;
  /** RegExp source for the path (usable in JSON browser configs). */
  pathPattern?: string;
  /** Only operations on this sheet count. */
  sheet?: string;
  /** Fail the nth matching operation (default 1). */
  nth?: number;
  /** OfficeExtension.Error code (default "GeneralException"). */
  code?: string;
  message?: string;
}

/** A fault as the host keeps it: whether it fired, and how many matching operations it has seen. */
export type ArmedFault = FakeFault & { fired: boolean; seen: number };

export interface FakeHostConfig {
  platform?: "OfficeOnline" | "PC" | "Mac";
  displayLanguage?: string;
  contentLanguage?: string;
  /** Sheets in order; each is { cells } or directly the cells. Default: one empty "Sheet1". */
  sheets?: Record<string, FakeSheetSpec | FakeCells>;
  activeSheet?: string;
  /** "Sheet1!A1:D10", "A1:B2" (active sheet) or several areas of one sheet. */
  selection?: string | string[];
  names?: { name: string; formula: string; comment?: string; scope?: string; visible?: boolean }[];
  settings?: Record<string, unknown>;
  customXmlParts?: string[];
  faults?: FakeFault[];
  /** Each sync settles after this many ms (default 0: on a microtask). */
  syncDelayMs?: number;
  /** Requirement sets and versions that isSetSupported reports (all supported when absent). */
  requirements?: Record<string, string>;
  /** Arrays with more cells are summarised in the call log as { $array: [rows, columns] } (default 10000). */
  maxRecordedArgCells?: number;
  /**
   * Excel on the web's payload limit, emulated: a sync whose estimated request or response exceeds this many
   * bytes rejects (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded; see index.ts).
   */
  maxPayloadBytes?: number;
  workbookName?: string;
  documentUrl?: string;
  /** Formula results: a value, a 2-D array (spills), or undefined to fall back to the defaults. */
  evaluate?: FakeEvaluator;
  /**
   * A method called on a null object (e.g. `getUsedRangeOrNullObject` on the sheet a `getItemOrNullObject` did
   * not find) fails its sync with InvalidObjectPath, as it may in real Excel, instead of giving another null
   * object. Loading a null object stays allowed (that is how isNullObject is learnt). Default false.
   */
  strictNullObjects?: boolean;
}

export type FakeEvaluator = (formula: string, where: { sheet: string; address: string; host: FakeHost }) => unknown;

/** One recorded call. */
export interface FakeCall {
  i: number;
  /** "<object>.<member>": "worksheets.add", "range.values", "range.format.fill.color", "context.sync", … */
  path: string;
  kind: "call" | "get" | "set" | "load" | "sync" | "run" | "associate";
  /** Arguments, JSON-safe: proxies as { $object, sheet, address }, big arrays as { $array: [rows, columns] }. */
  args: unknown[];
  /** The sheet the target belongs to, by name, when known at call time (worksheets.add: the new sheet; getItem(id): its name). */
  sheet?: string;
  /** The target's A1 address without sheet (ranges), or the key/name/id (names, settings, XML parts). */
  address?: string;
  /** True for property sets and calls that change the workbook. */
  write?: boolean;
  /** The number the next sync had when this was called. */
  batch?: number;
  /** For queued work: what became of it at sync. */
  status?: "queued" | "applied" | "failed" | "dropped";
  /** For "context.sync": how many operations it carried, and whether Excel.run made it. */
  ops?: number;
  implicit?: boolean;
  ctx?: number;
}

export interface FakeCellState {
  value: unknown;
  /** The formula, or null for constants and spilled cells. */
  formula: string | null;
  numberFormat: string;
  quotePrefix: boolean;
  /** The anchor's address ("Sheet1!D2") when the cell shows part of a spill. */
  spilledFrom: string | null;
}

export interface FakeWorkbookSnapshot {
  activeSheet: string | null;
  sheets: {
    name: string;
    visibility: string;
    props: Record<string, unknown>;
    cells: Record<string, { value: unknown; formula?: string; numberFormat?: string; quotePrefix?: boolean }>;
  }[];
  names: { name: string; formula: string; comment: string; visible: boolean; scope: string | null }[];
  settings: Record<string, unknown>;
  customXmlParts: { id: string; namespaceUri: string; xml: string }[];
}

export type FakeInvokeResult =
  { ok: true; value: unknown } | { ok: false; error: { name?: string; code?: string; message?: string } };

export interface FakeInvocation {
  address?: string;
  parameterAddresses?: string[];
  functionName?: string;
}

/** A custom function or ribbon action as associated. */
export type AssociatedFunction = (...args: unknown[]) => unknown;

export interface FakeHost {
  readonly config: FakeHostConfig;
  readonly platform: string;
  /** The globals the host installs. */
  readonly Office: typeof Office;
  readonly Excel: typeof Excel;
  readonly OfficeExtension: typeof OfficeExtension;
  readonly CustomFunctions: typeof CustomFunctions;
  readonly OfficeRuntime: typeof OfficeRuntime;
  /** The class of the errors syncs reject with (OfficeExtension.Error). */
  readonly OfficeError: typeof OfficeError;
  /** Installs Office, Excel, OfficeExtension, CustomFunctions and OfficeRuntime on target (default globalThis). */
  install(target?: object): FakeHost;
  /** Restores the globals install() replaced. */
  uninstall(): void;

  readonly calls: FakeCall[];
  readonly syncCount: number;
  clearLog(): void;
  /** A JSON-safe copy of calls and syncCount. */
  log(): { calls: FakeCall[]; syncCount: number };
  readonly faults: ArmedFault[];
  inject(fault: FakeFault): void;
  /** Syncs wait (unsettled) until releaseSyncs(). */
  holdSyncs(): void;
  releaseSyncs(): void;
  setEvaluator(fn: FakeEvaluator | null): void;

  /** Custom functions associated so far, by id as associated (invoke() looks ids up case-insensitively). */
  readonly associated: Record<string, AssociatedFunction>;
  /** Office.actions.associate'd ribbon actions. */
  readonly actions: Record<string, AssociatedFunction>;
  /** functions.json, so that invoke() pads omitted optional arguments with null. */
  setMetadata(json: { functions: { id: string; parameters: unknown[] }[] }): void;
  /** Calls an associated function with args and an invocation (appended last, as Excel does). */
  invoke(id: string, args: unknown[], invocation?: FakeInvocation): Promise<unknown>;
  invokeSettled(id: string, args: unknown[], invocation?: FakeInvocation): Promise<FakeInvokeResult>;
  /** A range's values as the platform passes them to a custom function (blanks: 0 on PC/Mac, null on the web). */
  argumentValues(address: string): unknown[][];

  sheetNames(): string[];
  activeSheetName(): string | null;
  selectionAddresses(): string[];
  cell(address: string): FakeCellState;
  values(address: string): unknown[][];
  formulas(address: string): unknown[][];
  numberFormats(address: string): string[][];
  /** The used range ("Sheet1!B2:D9"), values only unless valuesOnly is false; null when empty. */
  usedAddress(sheet: string, valuesOnly?: boolean): string | null;
  /** A user typing (not recorded): a value parsed like typed input, or { formula, value }, in every cell. */
  setCell(address: string, content: FakeCellSpec): void;
  setValues(address: string, rows: FakeCellSpec[][]): void;
  select(areas: string | string[]): void;
  snapshot(): FakeWorkbookSnapshot;
}

declare global {
  /** Set before the fake host's script runs in a page. */
  var __fakeHostConfig: FakeHostConfig | undefined;
  /** The host the fake host's script installed in a page. */
  var __fakeHost: FakeHost | undefined;
}

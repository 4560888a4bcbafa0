/**
 * The scorecard builder section of the task pane: Use selection → detected column mapping (a list per role to
 * change it) → preview of the first rows → every validation problem with its cell address → options → Build
 * scorecard (with progress) → a link to the new sheet; and the scorecards of the workbook, each with Open,
 * Refresh and Record this period (into the history sheet; a period recorded before is replaced only after an
 * in-pane confirmation, which takes the focus and closes with Escape). Texts follow the pane's language
 * (../language) and change with it.
 *
 * No maths here: the table is read and validated by the core (readScorecardTable), the sheet is planned by the
 * core and written by ./writer. Every text from the workbook reaches the page through textContent only, so a
 * KPI named `<img src=x onerror=alert(1)>` shows as those characters.
 */
import { CrmError } from "../../core/errors";
import { COLUMN_ROLES, ColumnRole, MappingOverride, REQUIRED_ROLES, ROLE_NAMES } from "../../core/scorecard/headers";
import type { HistoryProblem } from "../../core/scorecard/history";
import { RatingBand, scorecardLabels, ScorecardLanguage } from "../../core/scorecard/labels";
import { defaultPeriodLabel } from "../../core/scorecard/period";
import type { Plan } from "../../core/scorecard/plan";
import { readScorecardTable, TableProblem, TableReading } from "../../core/scorecard/table";
import type { Lang } from "../i18n";
import { currentLang, onLangChange } from "../language";
import css from "./scorecard.css";
import { columnLettersOf, EmptySelectionError, ExcelRun, readSelection, SelectionRead, Supports } from "./selection";
import { displaySheet, splitAddress } from "../../core/address";

/** Marks "the selection holds no values" among selection errors, shown in the pane's language. */
const EMPTY = "\u0000empty";
import { SCORECARD_STRINGS, ScorecardStrings } from "./strings";
import {
  activateSheet,
  buildScorecard,
  BuildOptions,
  listScorecards,
  messageOf,
  refreshScorecard,
  ScorecardEntry,
  ScorecardError,
  ScorecardProgress,
  WriteResult,
} from "./writer";
import { el } from "../dom";
import { HistoryError, recordScorecardPeriod } from "./historyWriter";

/** How many data rows the preview shows. */
const PREVIEW_ROWS = 5;

/** What the section needs from Excel; tests may pass stand-ins. */
export interface ScorecardDeps {
  run?: ExcelRun;
  supports?: Supports;
}

/** The mounted section. */
export interface ScorecardPane {
  /** Re-renders (done automatically on language changes). */
  render(): void;
  /** Stops following the pane's language. */
  unmount(): void;
}

type Outcome =
  | {
      kind: "built" | "refreshed";
      plan: Plan;
      sheet: string;
      syncs: number;
      skipped: WriteResult["skipped"];
      historyProblems: HistoryProblem[];
    }
  | { kind: "problems"; problems: TableProblem[] }
  | { kind: "recorded"; period: string; sheet: string; replaced: boolean; syncs: number }
  /** A record that wrote nothing: the lead text and the problems (cells of the history), if any. */
  | { kind: "notRecorded"; text: (s: ScorecardStrings) => string; problems: HistoryProblem[] }
  | { kind: "error"; error: unknown };

/** Today as "YYYY-MM-DD" (local time), for the period option's example. */
function todayIso(): string {
  const d = new Date();
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

interface BandInput {
  label: string;
  min: string;
}

function button(text: string, action: string, className = ""): HTMLButtonElement {
  const b = el("button", className, text);
  b.type = "button";
  b.dataset.action = action;
  return b;
}

/** A cell value as the preview shows it. */
function shown(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  return JSON.stringify(v) ?? "";
}

function injectCss(): void {
  if (document.getElementById("scorecard-css")) return;
  const style = document.createElement("style");
  style.id = "scorecard-css";
  style.textContent = css;
  document.head.appendChild(style);
}

/**
 * Mounts the section into `root` (#scorecard-root). In taskpane.ts, once Office is ready:
 * `mountScorecard(document.getElementById("scorecard-root")!);`
 */
export function mountScorecard(root: HTMLElement, deps: ScorecardDeps = {}): ScorecardPane {
  injectCss();
  const available = deps.run !== undefined || typeof Excel !== "undefined";
  const hooks = { ...(deps.run ? { run: deps.run } : {}), ...(deps.supports ? { supports: deps.supports } : {}) };

  let selection: SelectionRead | null = null;
  let selectionError: string | null = null;
  let override: MappingOverride = {};
  let reading: TableReading | null = null;
  const opts = {
    cap: "120",
    onTarget: "100",
    near: "80",
    bands: null as BandInput[] | null,
    mode: "live" as "live" | "snapshot",
    language: "auto" as "auto" | ScorecardLanguage,
    /** The period label; blank: the quarter of the as-of date. */
    period: "",
  };
  let busy: { kind: "select" | "build" | "refresh" | "record"; progress: ScorecardProgress | null } | null = null;
  /** The period a record found in the history already, while the pane asks whether to replace it. */
  let confirm: { entry: ScorecardEntry; period: string; sheet: string } | null = null;
  let outcome: Outcome | null = null;
  let list: ScorecardEntry[] | null = null;
  let listState: "idle" | "loading" | "error" = "idle";
  let listError = "";

  // ---- Skeleton (built once; render() fills it).
  root.replaceChildren();
  const box = el("div", "sc");
  const intro = el("p", "sc-help");
  const useBtn = button("", "use-selection", "primary");
  useBtn.id = "sc-use";
  useBtn.addEventListener("click", () => void useSelection());
  const sourceLine = el("p", "sc-source");
  const selectionStatus = el("p", "sc-status");
  selectionStatus.setAttribute("role", "status");

  const mappingBox = el("div", "sc-card sc-mapping");
  const previewBox = el("div", "sc-card sc-preview");
  const problemsBox = el("div", "sc-card sc-problems-box");

  const optionsBox = el("details", "sc-card sc-options");
  const optionsSummary = el("summary");
  const optionsBody = el("div", "sc-options-body");
  optionsBox.append(optionsSummary, optionsBody);

  const buildRow = el("div", "sc-build-row");
  const buildBtn = button("", "build", "primary");
  buildBtn.id = "sc-build";
  buildBtn.addEventListener("click", () => void build());
  const progress = el("progress", "sc-progress");
  const step = el("span", "sc-step");
  step.setAttribute("role", "status");
  step.setAttribute("aria-live", "polite");
  buildRow.append(buildBtn, progress, step);
  const optionErrors = el("ul", "sc-option-errors problems");
  const result = el("div", "sc-result");
  result.setAttribute("aria-live", "polite");

  const listBox = el("div", "sc-list");
  const listHeader = el("div", "sc-list-header");
  const listTitle = el("h3");
  const reloadBtn = button("", "reload-list", "link-button");
  reloadBtn.addEventListener("click", () => void loadList());
  listHeader.append(listTitle, reloadBtn);
  const listBody = el("div", "sc-list-body");
  const dialog = replaceDialog();
  listBox.append(listHeader, dialog.root, listBody);

  const actions = el("div", "sc-actions");
  actions.append(useBtn);
  box.append(
    intro,
    actions,
    sourceLine,
    selectionStatus,
    mappingBox,
    previewBox,
    problemsBox,
    optionsBox,
    buildRow,
    optionErrors,
    result,
    listBox,
  );
  root.appendChild(box);

  // ---- Options form (inputs keep their values; labels are re-rendered).
  const optionLabels: { el: HTMLElement; text: (s: ScorecardStrings) => string }[] = [];
  const field = (labelText: (s: ScorecardStrings) => string, input: HTMLElement, id: string): HTMLElement => {
    const wrap = el("div", "sc-field");
    const label = el("label");
    label.htmlFor = id;
    input.id = id;
    optionLabels.push({ el: label, text: labelText });
    wrap.append(label, input);
    return wrap;
  };
  const wide = (f: HTMLElement): HTMLElement => {
    f.classList.add("sc-field-wide");
    return f;
  };
  const numberInput = (value: string, set: (v: string) => void): HTMLInputElement => {
    const i = el("input");
    i.type = "text";
    i.inputMode = "decimal";
    i.value = value;
    i.addEventListener("input", () => {
      set(i.value);
      renderBuildState();
    });
    return i;
  };
  const capInput = numberInput(opts.cap, (v) => (opts.cap = v));
  const onInput = numberInput(opts.onTarget, (v) => (opts.onTarget = v));
  const nearInput = numberInput(opts.near, (v) => (opts.near = v));
  const modeSelect = el("select");
  modeSelect.addEventListener("change", () => {
    opts.mode = modeSelect.value === "snapshot" ? "snapshot" : "live";
  });
  const langSelect = el("select");
  langSelect.addEventListener("change", () => {
    opts.language = langSelect.value === "en" || langSelect.value === "zh" ? langSelect.value : "auto";
    renderBands();
    renderPeriodHelp();
  });
  const periodInput = el("input");
  periodInput.type = "text";
  periodInput.addEventListener("input", () => (opts.period = periodInput.value));
  const periodHelp = el("p", "sc-help");
  periodHelp.id = "sc-period-help";
  periodInput.setAttribute("aria-describedby", periodHelp.id);
  const bandsBox = el("div", "sc-bands");
  const bandsTitle = el("div", "sc-bands-title");
  const resetBands = button("", "reset-bands", "link-button");
  resetBands.addEventListener("click", () => {
    opts.bands = null;
    renderBands();
    renderBuildState();
  });
  const bandsTable = el("table", "sc-bands-table");
  bandsBox.append(bandsTitle, bandsTable, resetBands);
  const grid = el("div", "sc-options-grid");
  grid.append(
    field((s) => s.cap, capInput, "sc-cap"),
    field((s) => s.onTarget, onInput, "sc-on-target"),
    field((s) => s.near, nearInput, "sc-near"),
    wide(field((s) => s.mode, modeSelect, "sc-mode")),
    wide(field((s) => s.language, langSelect, "sc-language")),
    wide(field((s) => s.period, periodInput, "sc-period")),
  );
  grid.append(periodHelp);
  optionsBody.append(grid, bandsBox);

  function sheetLanguage(): ScorecardLanguage {
    return opts.language === "auto" ? (reading?.language ?? "en") : opts.language;
  }

  /** The period option's help, with the label a blank period gets today. */
  function renderPeriodHelp(): void {
    const s = SCORECARD_STRINGS[currentLang()];
    const example = defaultPeriodLabel(todayIso(), sheetLanguage());
    periodInput.placeholder = example;
    periodHelp.textContent = s.periodHelp(example);
  }

  function defaultBands(): BandInput[] {
    return scorecardLabels(sheetLanguage()).ratingBands.map((b) => ({ label: b.label, min: String(b.min) }));
  }

  function renderBands(): void {
    const s = SCORECARD_STRINGS[currentLang()];
    bandsTitle.textContent = s.bands;
    resetBands.textContent = s.resetBands;
    const bands = opts.bands ?? defaultBands();
    const head = el("tr");
    head.append(el("th", "", s.bandLabel), el("th", "", s.bandMin));
    const rows = bands.map((b, i) => {
      const tr = el("tr");
      const label = el("input");
      label.type = "text";
      label.value = b.label;
      label.dataset.band = String(i);
      label.setAttribute("aria-label", `${s.bandLabel} ${i + 1}`);
      const min = el("input");
      min.type = "text";
      min.inputMode = "decimal";
      min.value = b.min;
      min.setAttribute("aria-label", `${s.bandMin} ${i + 1}`);
      const edit = (): void => {
        const next = (opts.bands ?? defaultBands()).map((x) => ({ ...x }));
        next[i] = { label: label.value, min: min.value };
        opts.bands = next;
        renderBuildState();
      };
      label.addEventListener("input", edit);
      min.addEventListener("input", edit);
      const td1 = el("td");
      td1.append(label);
      const td2 = el("td");
      td2.append(min);
      tr.append(td1, td2);
      return tr;
    });
    bandsTable.replaceChildren(head, ...rows);
  }

  /** The options as the core takes them, or what is wrong with the typed ones. */
  function buildOptions(s: ScorecardStrings): { options: BuildOptions; errors: string[] } {
    const errors: string[] = [];
    const num = (text: string, what: string): number => {
      const t = text.trim();
      const x = t === "" ? NaN : Number(t);
      if (!Number.isFinite(x)) errors.push(s.notANumber(what, text));
      return x;
    };
    const capPercent = num(opts.cap, s.cap);
    const onTarget = num(opts.onTarget, s.onTarget);
    const near = num(opts.near, s.near);
    let ratingBands: RatingBand[] | undefined;
    if (opts.bands !== null)
      ratingBands = opts.bands.map((b) => ({ label: b.label.trim(), min: num(b.min, `${s.bands} – ${b.label}`) }));
    const options: BuildOptions = {
      cap: capPercent / 100, // the cap is typed as a percentage; the core takes a fraction
      status: { onTarget, near },
      mode: opts.mode,
      ...(opts.language === "auto" ? {} : { language: opts.language }),
      ...(ratingBands ? { ratingBands } : {}),
      ...(opts.period.trim() === "" ? {} : { period: opts.period.trim() }),
    };
    return { options, errors };
  }

  // ---- Actions.
  async function useSelection(): Promise<void> {
    if (busy) return;
    busy = { kind: "select", progress: null };
    selectionError = null;
    render();
    try {
      selection = await readSelection(hooks.run, hooks.supports);
      override = {};
      reading = readScorecardTable(selection.source);
      outcome = null;
      if (opts.bands === null) renderBands();
    } catch (e) {
      selectionError = e instanceof EmptySelectionError ? EMPTY : messageOf(e);
    }
    busy = null;
    render();
  }

  function changeRole(role: ColumnRole, value: string): void {
    if (!selection) return;
    override = { ...override, [role]: value === "" ? null : Number(value) };
    reading = readScorecardTable(selection.source, override);
    outcome = null;
    render();
  }

  function onProgress(p: ScorecardProgress): void {
    if (busy) busy.progress = p;
    renderProgress();
  }

  async function build(): Promise<void> {
    const s = SCORECARD_STRINGS[currentLang()];
    if (busy || !selection || !reading?.table) return;
    const { options, errors } = buildOptions(s);
    if (errors.length > 0) return;
    busy = { kind: "build", progress: null };
    outcome = null;
    render();
    try {
      const r = await buildScorecard({ source: selection.ref, mapping: override, options }, { ...hooks, onProgress });
      if (r.kind === "built") {
        outcome = {
          kind: "built",
          plan: r.plan,
          sheet: r.sheetName,
          syncs: r.syncs,
          skipped: r.skipped,
          historyProblems: r.historyProblems,
        };
        const entry: ScorecardEntry = {
          sheet: r.sheetName,
          settingsName: r.plan.settings.names.settings,
          settings: r.plan.settings,
          settingsFrom: "sheet",
        };
        list = [...(list ?? []), entry];
      } else {
        reading = r.reading;
        outcome = { kind: "problems", problems: r.reading.problems };
      }
    } catch (e) {
      outcome = { kind: "error", error: e };
    }
    busy = null;
    render();
  }

  async function refresh(entry: ScorecardEntry): Promise<void> {
    if (busy) return;
    busy = { kind: "refresh", progress: null };
    outcome = null;
    render();
    try {
      const r = await refreshScorecard(entry, { ...hooks, onProgress });
      if (r.kind === "refreshed") {
        outcome = {
          kind: "refreshed",
          plan: r.plan,
          sheet: r.sheetName,
          syncs: r.syncs,
          skipped: r.skipped,
          historyProblems: r.historyProblems,
        };
        const updated: ScorecardEntry = {
          ...entry,
          sheet: r.sheetName,
          settings: r.plan.settings,
          settingsFrom: "sheet",
        };
        list = (list ?? []).map((x) => (x === entry ? updated : x));
      } else {
        outcome = { kind: "problems", problems: r.reading.problems };
      }
    } catch (e) {
      outcome = { kind: "error", error: e };
    }
    busy = null;
    render();
  }

  /** Records the period of a scorecard; asks in the pane before replacing a period recorded before. */
  async function record(entry: ScorecardEntry, replace = false): Promise<void> {
    if (busy) return;
    busy = { kind: "record", progress: null };
    outcome = null;
    confirm = null;
    render();
    try {
      const r = await recordScorecardPeriod(entry, { ...hooks, replace });
      switch (r.kind) {
        case "recorded":
          outcome = { kind: "recorded", period: r.period, sheet: r.sheetName, replaced: r.replaced, syncs: r.syncs };
          break;
        case "exists":
          confirm = { entry, period: r.period, sheet: r.sheetName };
          break;
        case "unreadableHistory":
          outcome = { kind: "notRecorded", text: (s) => s.historyUnreadable(r.sheetName), problems: r.problems };
          break;
        case "unreadableSheet":
          outcome = {
            kind: "notRecorded",
            text: () => (currentLang() === "zh" ? r.problem.messageZh : r.problem.message),
            problems: [],
          };
          break;
        case "unsupported":
          outcome = { kind: "notRecorded", text: (s) => s.recordUnsupported, problems: [] };
          break;
      }
    } catch (e) {
      outcome = { kind: "error", error: e };
    }
    busy = null;
    render();
    if (confirm !== null) dialog.root.focus();
    else recordButtonOf(entry)?.focus();
  }

  /** The Record button of a listed scorecard (the list is re-rendered, so looked up afresh). */
  function recordButtonOf(entry: ScorecardEntry): HTMLButtonElement | null {
    const items = Array.from(listBody.getElementsByClassName("sc-list-item"));
    const item = items.find((li) => li instanceof HTMLElement && li.dataset.sheet === entry.sheet);
    const b = item?.querySelector('button[data-action="record"]');
    return b instanceof HTMLButtonElement ? b : null;
  }

  /**
   * The in-pane confirmation before a period's rows are replaced: a titled, described region that takes the
   * focus (so that a screen reader reads it); Replace or Cancel, Escape anywhere in it cancels, and the focus
   * goes back to the scorecard's Record button.
   */
  function replaceDialog() {
    const box = el("div", "sc-card sc-confirm");
    box.tabIndex = -1;
    box.hidden = true;
    box.setAttribute("role", "alertdialog");
    const title = el("h3");
    title.id = "sc-confirm-title";
    const body = el("p");
    body.id = "sc-confirm-body";
    box.setAttribute("aria-labelledby", title.id);
    box.setAttribute("aria-describedby", body.id);
    const row = el("div", "sc-list-buttons");
    const replaceBtn = button("", "confirm-replace", "primary");
    const cancelBtn = button("", "cancel-replace");
    replaceBtn.addEventListener("click", () => {
      const c = confirm;
      if (c !== null) void record(c.entry, true);
    });
    cancelBtn.addEventListener("click", () => closeConfirm());
    box.addEventListener("keydown", (e) => {
      if (e.key !== "Escape") return;
      e.preventDefault();
      closeConfirm();
    });
    row.append(replaceBtn, cancelBtn);
    box.append(title, body, row);
    return { root: box, title, body, replaceBtn, cancelBtn };
  }

  function closeConfirm(): void {
    const c = confirm;
    confirm = null;
    render();
    if (c !== null) recordButtonOf(c.entry)?.focus();
  }

  function renderConfirm(s: ScorecardStrings): void {
    dialog.root.hidden = confirm === null;
    if (confirm === null) return;
    dialog.title.textContent = s.replaceTitle(confirm.period);
    dialog.body.textContent = s.replaceBody(confirm.period, confirm.sheet);
    dialog.replaceBtn.textContent = s.replace;
    dialog.cancelBtn.textContent = s.cancel;
    dialog.replaceBtn.disabled = busy !== null;
  }

  async function open(sheet: string): Promise<void> {
    try {
      await activateSheet(sheet, hooks);
    } catch (e) {
      outcome = { kind: "error", error: e };
      render();
    }
  }

  async function loadList(): Promise<void> {
    if (!available || listState === "loading") return;
    listState = "loading";
    renderList();
    try {
      list = (await listScorecards(hooks)).entries;
      listState = "idle";
    } catch (e) {
      listState = "error";
      listError = messageOf(e);
    }
    renderList();
  }

  // ---- Rendering.
  function render(): void {
    const lang = currentLang();
    const s = SCORECARD_STRINGS[lang];
    root.dataset.state = busy ? "busy" : (outcome?.kind ?? "idle");
    intro.textContent = s.useSelectionHelp;
    useBtn.textContent = s.useSelection;
    useBtn.disabled = !available || busy !== null;
    if (!available) selectionStatus.textContent = s.noExcel;
    else if (busy?.kind === "select") selectionStatus.textContent = s.reading;
    else if (selectionError === EMPTY) selectionStatus.textContent = s.selectionEmpty;
    else if (selectionError !== null) selectionStatus.textContent = s.selectionFailed(selectionError);
    else selectionStatus.textContent = "";
    selectionStatus.classList.toggle("error", selectionError !== null);
    sourceLine.textContent = selection
      ? s.source(selection.address, Math.max(0, (selection.source.blocks[0]?.values.length ?? 1) - 1))
      : "";
    sourceLine.hidden = selection === null;

    renderMapping(lang, s);
    renderPreview(s);
    renderProblems(lang, s);
    optionsSummary.textContent = s.optionsTitle;
    for (const l of optionLabels) l.el.textContent = l.text(s);
    modeSelect.replaceChildren(
      option("live", s.live, opts.mode === "live"),
      option("snapshot", s.snapshot, opts.mode === "snapshot"),
    );
    const detected = (reading?.language ?? "en") === "zh" ? s.chinese : s.english;
    langSelect.replaceChildren(
      option("auto", s.languageAuto(detected), opts.language === "auto"),
      option("en", s.english, opts.language === "en"),
      option("zh", s.chinese, opts.language === "zh"),
    );
    renderBands();
    renderPeriodHelp();
    buildBtn.textContent = s.build;
    renderBuildState();
    renderProgress();
    renderResult(lang, s);
    renderList();
  }

  function option(value: string, text: string, selected: boolean): HTMLOptionElement {
    const o = el("option", "", text);
    o.value = value;
    o.selected = selected;
    return o;
  }

  function renderMapping(lang: Lang, s: ScorecardStrings): void {
    mappingBox.hidden = reading === null;
    if (reading === null || selection === null) {
      mappingBox.replaceChildren();
      return;
    }
    const letters = columnLettersOf(selection.source);
    const gridEl = el("div", "sc-mapping-grid");
    for (const role of COLUMN_ROLES) {
      const id = `sc-role-${role}`;
      const label = el(
        "label",
        "",
        REQUIRED_ROLES.includes(role) ? s.required(ROLE_NAMES[lang][role]) : ROLE_NAMES[lang][role],
      );
      label.htmlFor = id;
      const select = el("select");
      select.id = id;
      select.dataset.role = role;
      const current = reading.mapping[role];
      select.append(option("", s.notUsed, current === null));
      reading.headers.forEach((h, i) => {
        select.append(option(String(i), `${letters[i] ?? i + 1}: ${h === "" ? s.blankHeader : h}`, current === i));
      });
      select.disabled = busy !== null;
      select.addEventListener("change", () => changeRole(role, select.value));
      gridEl.append(label, select);
    }
    mappingBox.replaceChildren(el("h3", "", s.mappingTitle), el("p", "sc-help", s.mappingHelp), gridEl);
  }

  function renderPreview(s: ScorecardStrings): void {
    previewBox.hidden = selection === null || reading === null;
    if (selection === null || reading === null) {
      previewBox.replaceChildren();
      return;
    }
    const lang = currentLang();
    const columns: unknown[][] = [];
    for (const b of selection.source.blocks) {
      const width = b.values.reduce((w, row) => Math.max(w, row.length), 0);
      for (let c = 0; c < width; c++) columns.push(b.values.map((row) => row[c]));
    }
    const height = columns[0]?.length ?? 0;
    const letters = columnLettersOf(selection.source);
    const roleOf = new Map<number, ColumnRole>();
    for (const role of COLUMN_ROLES) {
      const c = reading.mapping[role];
      if (c !== null) roleOf.set(c, role);
    }
    const table = el("table", "sc-preview-table");
    const head = el("tr");
    columns.forEach((col, c) => {
      const th = el("th");
      const role = roleOf.get(c);
      th.append(el("span", "sc-col-letter", letters[c] ?? ""), el("span", "sc-col-header", shown(col[0])));
      if (role) th.append(el("span", "sc-col-role", ROLE_NAMES[lang][role]));
      else th.classList.add("sc-unmapped");
      head.append(th);
    });
    table.append(head);
    const shownRows = Math.min(PREVIEW_ROWS, Math.max(0, height - 1));
    for (let r = 1; r <= shownRows; r++) {
      const tr = el("tr");
      for (const col of columns) tr.append(el("td", "", shown(col[r])));
      table.append(tr);
    }
    const scroller = el("div", "sc-table-scroll");
    scroller.append(table);
    previewBox.replaceChildren(el("h3", "", s.previewTitle(shownRows)), scroller);
  }

  function problemList(problems: readonly TableProblem[], lang: Lang): HTMLUListElement {
    const ul = el("ul", "problems sc-problems");
    for (const p of problems) {
      const li = el("li", "", lang === "zh" ? p.messageZh : p.message);
      if (p.address) li.dataset.address = p.address;
      li.dataset.code = p.code;
      ul.append(li);
    }
    return ul;
  }

  function renderProblems(lang: Lang, s: ScorecardStrings): void {
    problemsBox.hidden = reading === null;
    if (reading === null) {
      problemsBox.replaceChildren();
      return;
    }
    const n = reading.problems.length;
    problemsBox.classList.toggle("has-problems", n > 0);
    problemsBox.replaceChildren(
      el("h3", n > 0 ? "error" : "success", n > 0 ? s.problemsTitle(n) : s.noProblems),
      ...(n > 0 ? [problemList(reading.problems, lang)] : []),
    );
  }

  function renderBuildState(): void {
    const s = SCORECARD_STRINGS[currentLang()];
    const { errors } = buildOptions(s);
    optionErrors.replaceChildren(...errors.map((e) => el("li", "", e)));
    optionErrors.hidden = errors.length === 0;
    buildBtn.disabled = !available || busy !== null || reading?.table == null || errors.length > 0;
  }

  function renderProgress(): void {
    const s = SCORECARD_STRINGS[currentLang()];
    const p = busy?.kind === "build" || busy?.kind === "refresh" ? busy.progress : null;
    progress.hidden = busy === null || busy.kind === "select";
    if (p) {
      progress.max = Math.max(p.total, 1);
      progress.value = p.done;
      step.textContent = s.steps[p.step];
    } else {
      progress.removeAttribute("value");
      step.textContent = busy?.kind === "record" ? s.recording : busy && busy.kind !== "select" ? s.steps.check : "";
    }
  }

  function historyErrorText(e: HistoryError, s: ScorecardStrings): string {
    const x = s.recordErrors;
    if (e.stage === "missing") return x.missing(e.sheetName);
    if (e.stage === "taken") return x.taken(e.sheetName);
    if (e.removed === true) return x.writeRemoved(e.detail, e.sheetName);
    if (e.removed === false) return x.writeLeft(e.detail, e.sheetName);
    return x.writeExisting(e.detail, e.sheetName);
  }

  function errorText(e: unknown, s: ScorecardStrings): string {
    if (e instanceof HistoryError) return historyErrorText(e, s);
    if (e instanceof ScorecardError) {
      switch (e.stage) {
        case "taken":
          return e.takenSheet === null ? s.errors.taken(e.detail) : s.errors.sheetTaken(e.takenSheet);
        case "source":
          return s.errors.source(e.detail);
        case "missing":
          return s.errors.missing(e.sheetName);
        case "write":
          return writeErrorText(e, s);
        case "commit":
          return commitErrorText(e, s);
      }
    }
    if (e instanceof CrmError) return s.errors.options(e.message);
    return s.errors.other(messageOf(e));
  }

  function writeErrorText(e: ScorecardError, s: ScorecardStrings): string {
    const c = e.cleanup;
    if (c !== null && !c.sheetAdded) return s.errors.writeNothingAdded(e.detail, e.sheetName);
    if (c === null || e.removed) return s.errors.writeRemoved(e.detail, e.sheetName);
    const left = [
      ...(c.left.sheet === null ? [] : [s.errors.leftSheet(c.left.sheet)]),
      ...(c.left.names.length === 0 ? [] : [s.errors.leftNames(c.left.names.join(", "))]),
      ...(c.left.setting === null ? [] : [s.errors.leftSetting]),
    ];
    const sep = currentLang() === "zh" ? "；" : "; ";
    return s.errors.writeLeft(e.detail, c.detail ?? s.errors.changedMeanwhile, left.join(sep));
  }

  function commitErrorText(e: ScorecardError, s: ScorecardStrings): string {
    const old = e.oldSheet ?? "";
    if (e.oldRemoved === true && e.newSheetNow === old) return s.errors.commitNames(e.detail, old);
    if (e.oldRemoved === true) return s.errors.commitRename(e.detail, e.newSheetNow ?? e.sheetName, old);
    return s.errors.commit(e.detail, e.newSheetNow ?? e.sheetName, old);
  }

  function renderResult(lang: Lang, s: ScorecardStrings): void {
    result.replaceChildren();
    delete result.dataset.outcome;
    delete result.dataset.syncs;
    if (outcome === null) return;
    result.dataset.outcome = outcome.kind;
    if (outcome.kind === "error") {
      result.append(el("p", "error sc-error", errorText(outcome.error, s)));
      return;
    }
    if (outcome.kind === "problems") {
      result.append(el("p", "error", s.problemsAtBuild), problemList(outcome.problems, lang));
      return;
    }
    if (outcome.kind === "notRecorded") {
      result.append(el("p", "error", outcome.text(s)));
      if (outcome.problems.length > 0) result.append(historyProblemList(outcome.problems, lang));
      return;
    }
    if (outcome.kind === "recorded") {
      result.dataset.syncs = String(outcome.syncs);
      const text = outcome.replaced
        ? s.recordedReplaced(outcome.period, outcome.sheet)
        : s.recorded(outcome.period, outcome.sheet);
      const sheet = outcome.sheet;
      const openBtn = button(s.open(sheet), "open", "link-button sc-open");
      openBtn.dataset.sheet = sheet;
      openBtn.addEventListener("click", () => void open(sheet));
      result.append(el("p", "success", text), openBtn);
      return;
    }
    const { plan, sheet } = outcome;
    result.dataset.syncs = String(outcome.syncs);
    const score = plan.expected.overall.toFixed(1);
    const rating = plan.settings.options.ratingBands[plan.expected.rating]?.label ?? "";
    const text =
      outcome.kind === "built"
        ? s.built(sheet, plan.expected.kpis.length, score, rating)
        : s.refreshed(sheet, score, rating);
    const openBtn = button(s.open(sheet), "open", "link-button sc-open");
    openBtn.dataset.sheet = sheet;
    openBtn.addEventListener("click", () => void open(sheet));
    result.append(el("p", "success", text), openBtn);
    if (outcome.skipped.length > 0) {
      const features = outcome.skipped
        .map((x) => `${s.features[x.feature]} (${x.requires})`)
        .join(lang === "zh" ? "、" : ", ");
      result.append(el("p", "sc-help", s.skipped(features)));
    }
    if (outcome.historyProblems.length > 0) {
      const sheet = splitAddress(outcome.historyProblems[0]!.address).sheet ?? "";
      result.append(el("p", "sc-help", s.historyNotUsed(sheet)), historyProblemList(outcome.historyProblems, lang));
    }
  }

  function historyProblemList(problems: readonly HistoryProblem[], lang: Lang): HTMLUListElement {
    const ul = el("ul", "problems sc-problems");
    for (const p of problems) {
      const li = el("li", "", lang === "zh" ? p.messageZh : p.message);
      li.dataset.address = p.address;
      li.dataset.code = p.code;
      ul.append(li);
    }
    return ul;
  }

  function renderList(): void {
    const s = SCORECARD_STRINGS[currentLang()];
    listTitle.textContent = s.listTitle;
    reloadBtn.textContent = s.reloadList;
    renderConfirm(s);
    reloadBtn.disabled = !available || listState === "loading";
    listBox.hidden = !available;
    if (listState === "loading") {
      listBody.replaceChildren(el("p", "sc-help", s.listLoading));
      return;
    }
    if (listState === "error") {
      listBody.replaceChildren(el("p", "error", s.listFailed(listError)));
      return;
    }
    if (list === null || list.length === 0) {
      listBody.replaceChildren(el("p", "sc-help", s.listEmpty));
      return;
    }
    const ul = el("ul", "sc-list-items");
    for (const entry of list) {
      const li = el("li", "sc-list-item");
      li.dataset.sheet = entry.sheet;
      const info = el("div", "sc-list-info");
      const src = `${displaySheet(entry.settings.source.sheet)}!${entry.settings.source.address}`;
      info.append(el("strong", "", entry.sheet), el("span", "sc-help", s.listItem(entry.settings.asOf, src)));
      if (entry.settingsFrom === "index") info.append(el("span", "sc-help", s.fromIndex));
      const openBtn = button(s.openSheet, "open");
      openBtn.addEventListener("click", () => void open(entry.sheet));
      const refreshBtn = button(s.refresh, "refresh");
      refreshBtn.title = s.refreshHelp;
      refreshBtn.disabled = busy !== null;
      refreshBtn.addEventListener("click", () => void refresh(entry));
      const recordBtn = button(s.record, "record");
      recordBtn.title = s.recordHelp;
      recordBtn.disabled = busy !== null;
      recordBtn.addEventListener("click", () => void record(entry));
      const buttons = el("div", "sc-list-buttons");
      buttons.append(openBtn, refreshBtn, recordBtn);
      li.append(info, buttons);
      ul.append(li);
    }
    listBody.replaceChildren(ul);
  }

  const stop = onLangChange(() => render());
  render();
  void loadList();
  return { render, unmount: stop };
}

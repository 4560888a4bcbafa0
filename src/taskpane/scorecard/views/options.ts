/**
 * The options: achievement cap, status thresholds, inputs (live link or snapshot), the sheet's language, the
 * period label (blank: the calendar quarter of the as-of date, shown as the field's example) and the rating
 * bands. Fields are made once and keep what the user typed; only their labels follow the language.
 */
import { defaultPeriodLabel } from "../../../core/scorecard/period";
import { msg, renderMessage, type LabelId } from "../../../core/messages/catalogue";
import { LANG_TAGS } from "../../i18n";
import type { ScorecardActions } from "../actions";
import { checkOptions, fieldKey, sheetLanguage, shownBands, type BandInput, type ScorecardState } from "../state";
import { el } from "../../dom";
import { button, setChoices, setText } from "../../views/parts";
import { type View, type ViewModel } from "./view";

/** A text box for a number (decimal keyboard on touch screens). */
function numberInput(onInput: (value: string) => void): HTMLInputElement {
  const i = el("input");
  i.type = "text";
  i.inputMode = "decimal";
  i.addEventListener("input", () => onInput(i.value));
  return i;
}

/** Sets a field's value unless it already shows it (so the caret stays where the user is typing). */
function setValue(i: HTMLInputElement, value: string): void {
  if (i.value !== value) i.value = value;
}

/** The id of the message about an option field (the Build row lists them; ./build.ts). */
export function optionErrorId(key: string): string {
  return `sc-option-error-${key}`;
}

/** The keys of the option fields that have a problem now. */
function problemFields(state: ScorecardState): Set<string> {
  return new Set(checkOptions(state.options).problems.map((p) => fieldKey(p.field)));
}

/**
 * Marks a field invalid and points it at its message (`errorId`), or clears both; `helpId`: the field's help,
 * which describes it either way.
 */
function markField(input: HTMLInputElement, errorId: string | null, helpId?: string): void {
  const describedBy = [errorId, helpId].filter((x) => x !== null && x !== undefined).join(" ");
  if (errorId === null) input.removeAttribute("aria-invalid");
  else input.setAttribute("aria-invalid", "true");
  if (describedBy === "") input.removeAttribute("aria-describedby");
  else if (input.getAttribute("aria-describedby") !== describedBy) input.setAttribute("aria-describedby", describedBy);
}

/** Today as "YYYY-MM-DD" (local time): the as-of date a build without one gets, for the period's example. */
function todayIso(): string {
  const d = new Date();
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A labelled field of the options grid. */
function field(input: HTMLElement, id: string, wide = false): { wrap: HTMLElement; label: HTMLLabelElement } {
  const wrap = el("div", wide ? "sc-field sc-field-wide" : "sc-field");
  const label = el("label");
  label.htmlFor = id;
  input.id = id;
  wrap.append(label, input);
  return { wrap, label };
}

/** One row of the bands table. */
interface BandRow {
  tr: HTMLTableRowElement;
  label: HTMLInputElement;
  min: HTMLInputElement;
}

/** The rating bands: a table of label and minimum per band, and a button back to the defaults. */
function bandsPart(actions: ScorecardActions): { element: HTMLElement; update: (m: ViewModel) => void } {
  const element = el("div", "sc-bands");
  const title = el("div", "sc-bands-title");
  const table = el("table", "sc-bands-table");
  const head = el("tr");
  const headLabel = el("th");
  const headMin = el("th");
  head.append(headLabel, headMin);
  table.append(head);
  const reset = button("", "reset-bands", "link-button");
  reset.addEventListener("click", () => actions.changeOptions({ bands: null }));
  element.append(title, table, reset);
  const rows: BandRow[] = [];

  const makeRow = (i: number): BandRow => {
    const label = el("input");
    label.type = "text";
    label.dataset.band = String(i);
    const min = numberInput(() => undefined);
    const edit = (): void => actions.editBand(i, { label: label.value, min: min.value });
    label.addEventListener("input", edit);
    min.addEventListener("input", edit);
    const td1 = el("td");
    td1.append(label);
    const td2 = el("td");
    td2.append(min);
    const tr = el("tr");
    tr.append(td1, td2);
    return { tr, label, min };
  };

  const update = ({ state, t }: ViewModel): void => {
    const bandLabel = t("scorecardPane.bandLabel");
    const bandMin = t("scorecardPane.bandMin");
    setText(title, t("scorecardPane.bands"));
    setText(reset, t("scorecardPane.resetBands"));
    setText(headLabel, bandLabel);
    setText(headMin, bandMin);
    const bands: BandInput[] = shownBands(state);
    const invalid = problemFields(state);
    while (rows.length < bands.length) {
      const row = makeRow(rows.length);
      rows.push(row);
      table.append(row.tr);
    }
    while (rows.length > bands.length) rows.pop()!.tr.remove();
    bands.forEach((b, i) => {
      const row = rows[i]!;
      setValue(row.label, b.label);
      setValue(row.min, b.min);
      row.label.setAttribute("aria-label", `${bandLabel} ${i + 1}`);
      row.min.setAttribute("aria-label", `${bandMin} ${i + 1}`);
      for (const [part, input] of [["label", row.label] as const, ["min", row.min] as const]) {
        const key = fieldKey({ band: i, part });
        markField(input, invalid.has(key) ? optionErrorId(key) : null);
      }
    });
  };
  return { element, update };
}

/** The options' inputs, each telling the actions what the user typed or chose. */
function optionInputs(actions: ScorecardActions) {
  const cap = numberInput((v) => actions.changeOptions({ cap: v }));
  const onTarget = numberInput((v) => actions.changeOptions({ onTarget: v }));
  const near = numberInput((v) => actions.changeOptions({ near: v }));
  const mode = el("select");
  mode.addEventListener("change", () =>
    actions.changeOptions({ mode: mode.value === "snapshot" ? "snapshot" : "live" }),
  );
  const language = el("select");
  language.addEventListener("change", () => {
    const v = language.value;
    actions.changeOptions({ language: v === "en" || v === "zh" ? v : "auto" });
  });
  const period = el("input");
  period.type = "text";
  period.addEventListener("input", () => actions.changeOptions({ period: period.value }));
  return { cap, onTarget, near, mode, language, period };
}

/** The label of each option field. */
const FIELD_LABELS = {
  cap: "scorecardPane.cap",
  onTarget: "scorecardPane.onTarget",
  near: "scorecardPane.near",
  mode: "scorecardPane.mode",
  language: "scorecardPane.language",
  period: "scorecardPane.period",
} as const satisfies Readonly<Record<keyof ReturnType<typeof optionInputs>, LabelId>>;

/** The Inputs and Sheet language lists: their entries in the pane's language and what each has selected. */
function drawLists(mode: HTMLSelectElement, language: HTMLSelectElement, { state, t }: ViewModel): void {
  const o = state.options;
  const live = { value: "live", text: t("scorecardPane.live") };
  setChoices(mode, [live, { value: "snapshot", text: t("scorecardPane.snapshot") }], o.mode);
  const detected = t(
    state.reading?.language === "zh" ? "scorecardPane.languageChinese" : "scorecardPane.languageEnglish",
  );
  setChoices(
    language,
    [
      { value: "auto", text: t("scorecardPane.languageAuto", { detected }) },
      // Each language by its own name, marked as that language (so a screen reader reads it in it).
      { value: "en", text: renderMessage(msg("pane.languageName"), "en"), lang: LANG_TAGS.en },
      { value: "zh", text: renderMessage(msg("pane.languageName"), "zh"), lang: LANG_TAGS.zh },
    ],
    o.language,
  );
}

/** The Period field: what was typed, and the quarter of today's as-of date as its placeholder and in its help. */
function drawPeriod(period: HTMLInputElement, help: HTMLElement, { state, t }: ViewModel): void {
  setValue(period, state.options.period);
  const example = defaultPeriodLabel(todayIso(), sheetLanguage(state));
  if (period.placeholder !== example) period.placeholder = example;
  setText(help, t("scorecardPane.periodHelp", { example }));
}

/** The options card (a disclosure: closed until the user opens it). */
export function optionsView(actions: ScorecardActions): View {
  const element = el("details", "sc-card sc-options");
  const summary = el("summary");
  const body = el("div", "sc-options-body");
  element.append(summary, body);
  const inputs = optionInputs(actions);
  const { cap, onTarget, near, period } = inputs;
  const fields = {
    cap: field(cap, "sc-cap"),
    onTarget: field(onTarget, "sc-on-target"),
    near: field(near, "sc-near"),
    mode: field(inputs.mode, "sc-mode", true),
    language: field(inputs.language, "sc-language", true),
    period: field(period, "sc-period", true),
  };
  const periodHelp = el("p", "sc-help sc-period-help");
  periodHelp.id = "sc-period-help";
  fields.period.wrap.append(periodHelp);
  const grid = el("div", "sc-options-grid");
  grid.append(...Object.values(fields).map((f) => f.wrap));
  const bands = bandsPart(actions);
  body.append(grid, bands.element);

  const update = (m: ViewModel): void => {
    const { state, t } = m;
    setText(summary, t("scorecardPane.optionsTitle"));
    for (const k of Object.keys(fields) as (keyof typeof fields)[]) setText(fields[k].label, t(FIELD_LABELS[k]));
    drawPeriod(period, periodHelp, m);
    setValue(cap, state.options.cap);
    setValue(onTarget, state.options.onTarget);
    setValue(near, state.options.near);
    drawLists(inputs.mode, inputs.language, m);
    const invalid = problemFields(state);
    for (const [key, input] of [["cap", cap] as const, ["onTarget", onTarget] as const, ["near", near] as const]) {
      markField(input, invalid.has(key) ? optionErrorId(key) : null);
    }
    markField(period, invalid.has("period") ? optionErrorId("period") : null, periodHelp.id);
    bands.update(m);
  };
  return { element, update };
}

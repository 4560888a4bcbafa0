/**
 * What the last Build, Refresh or Record came to: the new sheet with its score and an Open button (and why the
 * history was not used for the previous values, when it could not be read), the problems the source had at
 * build time, the period recorded (or replaced, or kept), a history or scorecard sheet that could not be read
 * (nothing written), or what went wrong (and what is left of it) in the pane's language. A live region: what
 * appears here is announced.
 */
import { splitAddress } from "../../../core/address";
import type { LabelId } from "../../../core/messages/catalogue";
import type { HistoryProblem } from "../../../core/scorecard/history";
import type { ScorecardActions } from "../actions";
import type { Outcome } from "../state";
import type { OptionalFeature } from "../writer";
import type { Lang, Translate } from "../../i18n";
import { el } from "../../dom";
import { errorText } from "./messages";
import { problemList } from "./problems";
import { button } from "../../views/parts";
import { type View, type ViewModel } from "./view";

/** The name of each part of a scorecard that an older Excel leaves out. */
const FEATURE_NAMES = {
  columnWidths: "scorecardPane.featureColumnWidths",
  names: "scorecardPane.featureNames",
  settingsIndex: "scorecardPane.featureSettingsIndex",
  conditionalFormats: "scorecardPane.featureConditionalFormats",
  freezePanes: "scorecardPane.featureFreezePanes",
  chartSeries: "scorecardPane.featureChartSeries",
  chartAxisFormat: "scorecardPane.featureChartAxisFormat",
  pageLayout: "scorecardPane.featurePageLayout",
} as const satisfies Readonly<Record<OptionalFeature, LabelId>>;

/** The elements of a successful outcome. */
function successParts(
  outcome: Extract<Outcome, { kind: "built" | "refreshed" }>,
  { lang, t }: ViewModel,
  actions: ScorecardActions,
): HTMLElement[] {
  const { plan, sheet } = outcome;
  const score = plan.expected.overall.toFixed(1);
  const rating = plan.settings.options.ratingBands[plan.expected.rating]?.label ?? "";
  const text =
    outcome.kind === "built"
      ? t("scorecardPane.built", { sheet, kpis: plan.expected.kpis.length, score, rating })
      : t("scorecardPane.refreshed", { sheet, score, rating });
  const parts: HTMLElement[] = [
    el("p", "success", text),
    openButton(t("scorecardPane.open", { sheet }), sheet, actions),
  ];
  if (outcome.skipped.length > 0) {
    const features = outcome.skipped
      .map((x) => `${t(FEATURE_NAMES[x.feature])} (${x.requires})`)
      .join(t("scorecardPane.listSeparator"));
    parts.push(el("p", "sc-help", t("scorecardPane.skipped", { features })));
  }
  const hp = outcome.historyProblems;
  if (hp.length > 0) {
    const history = splitAddress(hp[0]!.address).sheet ?? "";
    parts.push(el("p", "sc-help", t("scorecardPane.historyNotUsed", { sheet: history })), historyProblemList(hp, lang));
  }
  return parts;
}

/** The cells of a history that cannot be read, each with its address, in the pane's language. */
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

/** An Open button for a sheet (named by the sheet: several can be on the pane). */
function openButton(text: string, sheet: string, actions: ScorecardActions): HTMLButtonElement {
  const b = button(text, "open", "link-button sc-open");
  b.dataset.sheet = sheet;
  b.addEventListener("click", () => void actions.open(sheet));
  return b;
}

type RecordOutcome = Extract<
  Outcome,
  { kind: "recorded" | "notReplaced" | "historyUnreadable" | "sheetUnreadable" | "recordUnsupported" }
>;

/** The elements of a Record's outcome. */
function recordParts(o: RecordOutcome, lang: Lang, t: Translate, actions: ScorecardActions): HTMLElement[] {
  switch (o.kind) {
    case "recorded": {
      const params = { period: o.period, sheet: o.sheet };
      const text = o.replaced ? t("scorecardPane.recordedReplaced", params) : t("scorecardPane.recorded", params);
      return [el("p", "success", text), openButton(t("scorecardPane.open", { sheet: o.sheet }), o.sheet, actions)];
    }
    case "notReplaced":
      return [el("p", "sc-help", t("scorecardPane.notReplaced", { period: o.period }))];
    case "historyUnreadable":
      return [
        el("p", "error", t("scorecardPane.historyUnreadable", { sheet: o.sheet })),
        historyProblemList(o.problems, lang),
      ];
    case "sheetUnreadable":
      return [el("p", "error", lang === "zh" ? o.problem.messageZh : o.problem.message)];
    case "recordUnsupported":
      return [el("p", "error", t("scorecardPane.recordUnsupported"))];
  }
}

/** The result area; redrawn when the outcome or the language changes. */
export function resultView(actions: ScorecardActions): View {
  const element = el("div", "sc-result");
  element.setAttribute("aria-live", "polite");
  let drawn: { outcome: Outcome | null; lang: Lang } | null = null;

  const update = (m: ViewModel): void => {
    const { state, lang, t } = m;
    const { outcome } = state;
    if (drawn?.outcome === outcome && drawn.lang === lang) return;
    drawn = { outcome, lang };
    element.replaceChildren();
    delete element.dataset.outcome;
    delete element.dataset.syncs;
    if (outcome === null) return;
    element.dataset.outcome = outcome.kind;
    if (outcome.kind === "error") {
      element.append(el("p", "error sc-error", errorText(outcome.error, outcome.op, t)));
    } else if (outcome.kind === "problems") {
      element.append(el("p", "error", t("scorecardPane.problemsAtBuild")), problemList(outcome.problems, lang));
    } else if (outcome.kind === "built" || outcome.kind === "refreshed") {
      element.dataset.syncs = String(outcome.syncs);
      element.append(...successParts(outcome, m, actions));
    } else {
      if (outcome.kind === "recorded") element.dataset.syncs = String(outcome.syncs);
      element.append(...recordParts(outcome as RecordOutcome, lang, t, actions));
    }
  };
  return { element, update };
}

/**
 * What the last Build or Refresh came to: the new sheet with its score and an Open button, the problems the
 * source had at build time, or what went wrong (and what is left of it) in the pane's language.
 */
import type { ScorecardActions } from "../actions";
import type { Outcome } from "../state";
import type { ScorecardStrings } from "../strings";
import type { Lang } from "../../i18n";
import { el } from "../../dom";
import { errorText } from "./messages";
import { problemList } from "./problems";
import { button, type View, type ViewModel } from "./view";

/** The elements of a successful outcome. */
function successParts(
  outcome: Extract<Outcome, { kind: "built" | "refreshed" }>,
  s: ScorecardStrings,
  lang: Lang,
  actions: ScorecardActions,
): HTMLElement[] {
  const { plan, sheet } = outcome;
  const score = plan.expected.overall.toFixed(1);
  const rating = plan.settings.options.ratingBands[plan.expected.rating]?.label ?? "";
  const text =
    outcome.kind === "built"
      ? s.built(sheet, plan.expected.kpis.length, score, rating)
      : s.refreshed(sheet, score, rating);
  const openBtn = button(s.open(sheet), "open", "link-button sc-open");
  openBtn.dataset.sheet = sheet;
  openBtn.addEventListener("click", () => void actions.open(sheet));
  const parts: HTMLElement[] = [el("p", "success", text), openBtn];
  if (outcome.skipped.length > 0) {
    const features = outcome.skipped
      .map((x) => `${s.features[x.feature]} (${x.requires})`)
      .join(lang === "zh" ? "、" : ", ");
    parts.push(el("p", "sc-help", s.skipped(features)));
  }
  return parts;
}

/** The result area; redrawn when the outcome or the language changes. */
export function resultView(actions: ScorecardActions): View {
  const element = el("div", "sc-result");
  element.setAttribute("aria-live", "polite");
  let drawn: { outcome: Outcome | null; lang: Lang } | null = null;

  const update = ({ state, s, lang }: ViewModel): void => {
    const { outcome } = state;
    if (drawn?.outcome === outcome && drawn.lang === lang) return;
    drawn = { outcome, lang };
    element.replaceChildren();
    delete element.dataset.outcome;
    delete element.dataset.syncs;
    if (outcome === null) return;
    element.dataset.outcome = outcome.kind;
    if (outcome.kind === "error") {
      element.append(el("p", "error sc-error", errorText(outcome.error, outcome.op, s, lang)));
    } else if (outcome.kind === "problems") {
      element.append(el("p", "error", s.problemsAtBuild), problemList(outcome.problems, lang));
    } else {
      element.dataset.syncs = String(outcome.syncs);
      element.append(...successParts(outcome, s, lang, actions));
    }
  };
  return { element, update };
}

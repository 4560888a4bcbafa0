/**
 * The pane's sentences for what went wrong: a failed Build, Refresh or Open (by the writer's stage), and a
 * typed option the core would refuse. Rendered at draw time, so they follow the pane's language.
 */
import { CrmError } from "../../../core/errors";
import type { Lang, Translate } from "../../i18n";
import { clause, messageOf } from "../../host";
import { HistoryError } from "../historyWriter";
import type { OptionField, OptionProblem, Operation } from "../state";
import type { ScorecardStrings } from "../strings";
import { ScorecardError } from "../writer";

/** Why a write failed, and what of it is left in the workbook. */
function writeErrorText(e: ScorecardError, s: ScorecardStrings, lang: Lang): string {
  const c = e.cleanup;
  if (c !== null && !c.sheetAdded) return s.errors.writeNothingAdded(e.detail, e.sheetName);
  if (c === null || e.removed) return s.errors.writeRemoved(e.detail, e.sheetName);
  const left = [
    ...(c.left.sheet === null ? [] : [s.errors.leftSheet(c.left.sheet)]),
    ...(c.left.names.length === 0 ? [] : [s.errors.leftNames(c.left.names.join(", "))]),
    ...(c.left.setting === null ? [] : [s.errors.leftSetting]),
  ];
  return s.errors.writeLeft(e.detail, c.detail ?? s.errors.changedMeanwhile, left.join(lang === "zh" ? "；" : "; "));
}

/** How far a failed Refresh commit got. */
function commitErrorText(e: ScorecardError, s: ScorecardStrings): string {
  const old = e.oldSheet ?? "";
  if (e.oldRemoved === true && e.newSheetNow === old) return s.errors.commitNames(e.detail, old);
  if (e.oldRemoved === true) return s.errors.commitRename(e.detail, e.newSheetNow ?? e.sheetName, old);
  return s.errors.commit(e.detail, e.newSheetNow ?? e.sheetName, old);
}

/** Why recording a period failed, and what of it is left (the history's earlier periods never are lost). */
function historyErrorText(e: HistoryError, t: Translate): string {
  const sheet = e.sheetName;
  const detail = clause(e.detail);
  if (e.stage === "missing") return t("scorecardPane.recordMissing", { sheet });
  if (e.stage === "taken") return t("scorecardPane.recordTaken", { sheet });
  if (e.removed === true) return t("scorecardPane.recordWriteRemoved", { detail, sheet });
  if (e.removed === false) return t("scorecardPane.recordWriteLeft", { detail, sheet });
  return t("scorecardPane.recordWriteExisting", { detail, sheet });
}

/** The sentence for a failed operation (`op`: what the user pressed). */
export function errorText(e: unknown, op: Operation, s: ScorecardStrings, lang: Lang, t: Translate): string {
  if (e instanceof HistoryError) return historyErrorText(e, t);
  if (e instanceof ScorecardError) {
    switch (e.stage) {
      case "taken":
        return e.takenSheet === null ? s.errors.taken(e.detail) : s.errors.sheetTaken(e.takenSheet);
      case "source":
        if (e.code !== "ItemNotFound") return s.errors.source(e.detail);
        return op === "refresh" ? s.errors.refreshSourceGone(e.sheetName) : s.errors.sourceGone(e.sheetName);
      case "missing":
        return s.errors.missing(e.sheetName);
      case "write":
        return writeErrorText(e, s, lang);
      case "commit":
        return commitErrorText(e, s);
    }
  }
  if (e instanceof CrmError) return s.errors.options(e.message);
  return s.errors.other(messageOf(e));
}

/** The name of the field a problem belongs to, as the options show it ("Rating bands – band 2 (B)"). */
function fieldName(field: Exclude<OptionField, "period">, s: ScorecardStrings, label: string): string {
  return typeof field === "object" ? `${s.bands} – ${s.band(field.band + 1, label)}` : s[field];
}

/** The sentence for a typed option the core would refuse, in the pane's language. */
export function optionProblemText(p: OptionProblem, s: ScorecardStrings, t: Translate): string {
  switch (p.kind) {
    case "periodNotQuarter":
      return t("scorecardPane.periodNotQuarter", { text: p.text });
    case "notANumber":
      return s.notANumber(fieldName(p.field as Exclude<OptionField, "period">, s, p.label ?? ""), p.text);
    case "capRange":
      return s.capRange(s.cap, p.text);
    case "notNegative":
      return s.notNegative(s.onTarget, p.text);
    case "nearRange":
      return s.nearRange(s.near, p.text, p.onTarget);
    case "bandLabelBlank":
      return s.bandLabelBlank(fieldName(p.field, s, p.label));
    case "bandOrder":
      return s.bandOrder(fieldName(p.field, s, p.label), p.text, p.above);
  }
}

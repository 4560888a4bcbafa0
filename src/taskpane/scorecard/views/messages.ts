/**
 * The pane's sentences for what went wrong: a failed Build, Refresh or Open (by the writer's stage), and a
 * typed option the core would refuse. Rendered at draw time from the catalogue (src/core/messages/
 * scorecardPane.ts), so they follow the pane's language.
 */
import { CrmError } from "../../../core/errors";
import type { Translate } from "../../i18n";
import { clause, messageOf } from "../../host";
import { HistoryError } from "../historyWriter";
import type { OptionField, OptionProblem, Operation } from "../state";
import { ScorecardError } from "../writer";

/** Why a write failed, and what of it is left in the workbook. */
function writeErrorText(e: ScorecardError, t: Translate): string {
  const c = e.cleanup;
  const detail = clause(e.detail);
  const sheet = e.sheetName;
  if (c !== null && !c.sheetAdded) return t("scorecardPane.errorWriteNothingAdded", { detail, sheet });
  if (c === null || e.removed) return t("scorecardPane.errorWriteRemoved", { detail, sheet });
  const left = [
    ...(c.left.sheet === null ? [] : [t("scorecardPane.leftSheet", { sheet: c.left.sheet })]),
    ...(c.left.names.length === 0 ? [] : [t("scorecardPane.leftNames", { names: c.left.names.join(", ") })]),
    ...(c.left.setting === null ? [] : [t("scorecardPane.leftSetting")]),
  ].join(t("scorecardPane.leftSeparator"));
  const why = clause(c.detail ?? t("scorecardPane.changedMeanwhile"));
  return t("scorecardPane.errorWriteLeft", { detail, why, left });
}

/** How far a failed Refresh commit got. */
function commitErrorText(e: ScorecardError, t: Translate): string {
  const old = e.oldSheet ?? "";
  const detail = clause(e.detail);
  if (e.oldRemoved === true && e.newSheetNow === old) return t("scorecardPane.errorCommitNames", { detail, old });
  const sheet = e.newSheetNow ?? e.sheetName;
  if (e.oldRemoved === true) return t("scorecardPane.errorCommitRename", { detail, sheet, old });
  return t("scorecardPane.errorCommit", { detail, sheet, old });
}

/** Why recording a period failed, and what of it is left (the history's earlier periods never are lost). */
function historyErrorText(e: HistoryError, t: Translate): string {
  const sheet = e.sheetName;
  const detail = clause(e.detail);
  if (e.stage === "missing") return t("scorecardPane.errorMissing", { sheet });
  if (e.stage === "taken") return t("scorecardPane.recordTaken", { sheet });
  if (e.removed === true) return t("scorecardPane.recordWriteRemoved", { detail, sheet });
  if (e.removed === false) return t("scorecardPane.recordWriteLeft", { detail, sheet });
  return t("scorecardPane.recordWriteExisting", { detail, sheet });
}

/** The sentence for a failed Build or Refresh, by the writer's stage. */
function scorecardErrorText(e: ScorecardError, op: Operation, t: Translate): string {
  const sheet = e.sheetName;
  switch (e.stage) {
    case "taken":
      return e.takenSheet === null
        ? t("scorecardPane.errorTaken", { detail: clause(e.detail) })
        : t("scorecardPane.errorSheetTaken", { sheet: e.takenSheet });
    case "source":
      if (e.code !== "ItemNotFound") return t("scorecardPane.errorSource", { detail: clause(e.detail) });
      return op === "refresh"
        ? t("scorecardPane.errorRefreshSourceGone", { sheet })
        : t("scorecardPane.errorSourceGone", { sheet });
    case "missing":
      return t("scorecardPane.errorMissing", { sheet });
    case "write":
      return writeErrorText(e, t);
    case "commit":
      return commitErrorText(e, t);
  }
}

/** The sentence for a failed operation (`op`: what the user pressed). */
export function errorText(e: unknown, op: Operation, t: Translate): string {
  if (e instanceof HistoryError) return historyErrorText(e, t);
  if (e instanceof ScorecardError) return scorecardErrorText(e, op, t);
  if (e instanceof CrmError) return t("scorecardPane.errorOptions", { detail: clause(e.message) });
  return t("scorecardPane.errorOther", { detail: clause(messageOf(e)) });
}

/** The name of a band as the options' messages show it: "band 2", or "band 2 (B)" when it has a label. */
function bandName(band: number, label: string, t: Translate): string {
  const n = band + 1;
  return label.trim() === ""
    ? t("scorecardPane.band", { n })
    : t("scorecardPane.bandNamed", { n, label: label.trim() });
}

/** The name of the field a problem belongs to, as the options show it ("Rating bands – band 2 (B)"). */
function fieldName(field: Exclude<OptionField, "period">, t: Translate, label: string): string {
  if (typeof field === "object") return `${t("scorecardPane.bands")} – ${bandName(field.band, label, t)}`;
  const ids = { cap: "scorecardPane.cap", onTarget: "scorecardPane.onTarget", near: "scorecardPane.near" } as const;
  return t(ids[field]);
}

/** The sentence for a typed option the core would refuse, in the pane's language. */
export function optionProblemText(p: OptionProblem, t: Translate): string {
  switch (p.kind) {
    case "periodNotQuarter":
      return t("scorecardPane.periodNotQuarter", { text: p.text });
    case "notANumber": {
      const what = fieldName(p.field as Exclude<OptionField, "period">, t, p.label ?? "");
      return t("scorecardPane.notANumber", { what, text: p.text });
    }
    case "capRange":
      return t("scorecardPane.capRange", { what: t("scorecardPane.cap"), text: p.text });
    case "notNegative":
      return t("scorecardPane.notNegative", { what: t("scorecardPane.onTarget"), text: p.text });
    case "nearRange":
      return t("scorecardPane.nearRange", { what: t("scorecardPane.near"), text: p.text, onTarget: p.onTarget });
    case "bandLabelBlank":
      return t("scorecardPane.bandLabelBlank", { what: fieldName(p.field, t, p.label) });
    case "bandOrder":
      return t("scorecardPane.bandOrder", { what: fieldName(p.field, t, p.label), text: p.text, above: p.above });
  }
}

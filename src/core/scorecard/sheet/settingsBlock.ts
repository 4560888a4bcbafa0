/**
 * The settings block: the cells the formulas read (cap, status thresholds, rating bands — editing them
 * recalculates the sheet), the mode, and the stored settings JSON a Refresh reads back (../settings.ts).
 */
import { cellAddress, rangeAddress } from "../../address";
import { SETTINGS_COLUMNS } from "../layout";
import { Grid, num, text } from "./cells";
import type { PlanContext, SheetSection } from "./context";
import { format, NUMBER_FORMATS, STYLES } from "./styles";

/** The settings' title, labelled values, rating-band table and stored settings. */
export function settingsSection(ctx: PlanContext): SheetSection {
  const { labels: L, options: o } = ctx;
  const s = ctx.layout.settings;
  const { label, value } = SETTINGS_COLUMNS;
  const g = new Grid();
  g.setRow(s.title, label, [text(L.settingsTitle)]);
  g.setRow(s.cap, label, [text(L.cap), num(o.cap)]);
  g.setRow(s.onTarget, label, [text(L.onTargetFrom), num(o.status.onTarget)]);
  g.setRow(s.near, label, [text(L.nearFrom), num(o.status.near)]);
  g.setRow(s.bandHeader, label, [text(L.rating), text(L.fromScore)]);
  o.ratingBands.forEach((b, i) => g.setRow(s.bandFirst + i, label, [text(b.label), num(b.min)]));
  g.setRow(s.mode, label, [text(L.mode), text(o.mode === "live" ? L.live : L.snapshot)]);
  g.setRow(s.stored, label, [text(L.storedSettings), text(JSON.stringify(ctx.settings))]);
  const at = cellAddress;
  const R = rangeAddress;
  return {
    blocks: [g.block("settings", s.title, label, s.stored, value)],
    formats: [
      format(at(s.title, label), null, STYLES.emphasis),
      format(at(s.cap, value), NUMBER_FORMATS.wholePercent, STYLES.input),
      format(R(s.onTarget, value, s.near, value), NUMBER_FORMATS.whole, STYLES.input),
      format(R(s.bandHeader, label, s.bandHeader, value), null, STYLES.subHeader),
      format(R(s.bandFirst, label, s.bandLast, value), null, STYLES.input),
      format(R(s.bandFirst, value, s.bandLast, value), NUMBER_FORMATS.whole),
      format(at(s.stored, label), null, STYLES.storedLabel),
      format(at(s.stored, value), null, STYLES.storedValue),
    ],
    conditionalFormats: [],
  };
}

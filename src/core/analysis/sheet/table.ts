/**
 * The customer table of the analysis sheet: which columns it has (the model's and the categories' only
 * when there are any), their headers in the sheet's language, values and number formats, and the A1 range
 * of each column's data for the summary formulas.
 */
import { columnLetters } from "../../address";
import { Language, render } from "../../messages/catalogue";
import type { CustomerAnalysis } from "../customerAnalysis";
import { ANALYSIS_LABELS, MARKETING_RFM_COLUMNS } from "../labels";
import type { TableColumn } from "./planTypes";

/**
 * The columns every analysis table starts with, static or live: the marketing RFM, the days since the
 * first purchase, the RFM scores and the segment.
 */
export const RFM_TABLE_KEYS = [...MARKETING_RFM_COLUMNS, "daysSinceFirst", "r", "f", "m", "code", "segment"] as const;

/** The table's columns by role, in sheet order. */
export const TABLE_KEYS = [
  ...RFM_TABLE_KEYS,
  "categories",
  "tier",
  "pAlive",
  "expected",
  "clv",
  "stage",
  "clvRank",
  "warningRank",
] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

/** Horizons shown in headers. */
export interface TableHorizons {
  expectedDays: number;
  months: number;
}

/** A table column with its role. */
export interface KeyedColumn extends TableColumn {
  key: TableKey;
}

const DATE = "yyyy-mm-dd";

/** A column only when its values exist (categories, a model's, ranks); else null. */
function optionalColumn(
  key: TableKey,
  header: string,
  values: TableColumn["values"] | null,
  numberFormat?: string,
): KeyedColumn | null {
  if (values === null) return null;
  return numberFormat === undefined ? { key, header, values } : { key, header, values, numberFormat };
}

/** The columns present for this analysis (definitions above). O(customers) for the label columns. */
export function tableColumns(a: CustomerAnalysis, language: Language, h: TableHorizons): KeyedColumn[] {
  const t = a.table;
  const L = ANALYSIS_LABELS[language];
  const head = L.marketingRfm;
  const all: (KeyedColumn | null)[] = [
    { key: "customer", header: head.customer, values: t.customers },
    { key: "firstPurchase", header: head.firstPurchase, values: t.firstPurchase, numberFormat: DATE },
    { key: "lastPurchase", header: head.lastPurchase, values: t.lastPurchase, numberFormat: DATE },
    { key: "purchases", header: head.purchases, values: t.purchases, numberFormat: "0" },
    { key: "totalSpend", header: head.totalSpend, values: t.totalSpend, numberFormat: "#,##0.00" },
    { key: "daysSinceLast", header: head.daysSinceLast, values: t.daysSinceLast, numberFormat: "0" },
    {
      key: "daysSinceFirst",
      header: render("analysis.columnDaysSinceFirst", {}, language),
      values: t.daysSinceFirst,
      numberFormat: "0",
    },
    { key: "r", header: render("analysis.columnR", {}, language), values: t.scores.r, numberFormat: "0" },
    { key: "f", header: render("analysis.columnF", {}, language), values: t.scores.f, numberFormat: "0" },
    { key: "m", header: render("analysis.columnM", {}, language), values: t.scores.m, numberFormat: "0" },
    { key: "code", header: render("analysis.columnCode", {}, language), values: t.scores.code, numberFormat: "0" },
    {
      key: "segment",
      header: render("analysis.columnSegment", {}, language),
      values: t.segments.segments.map((s) => L.segments[s]),
    },
    optionalColumn("categories", render("analysis.columnCategories", {}, language), t.categories, "0"),
    optionalColumn(
      "tier",
      render("analysis.columnTier", {}, language),
      t.tiers && t.tiers.tiers.map((x) => L.tiers[x]),
    ),
    optionalColumn("pAlive", render("analysis.columnPAlive", {}, language), t.pAlive, "0.000"),
    optionalColumn(
      "expected",
      render("analysis.columnExpected", { days: h.expectedDays }, language),
      t.expected,
      "0.00",
    ),
    optionalColumn("clv", render("analysis.columnClv", { months: h.months }, language), t.clv, "#,##0.00"),
    optionalColumn("stage", render("analysis.columnStage", {}, language), t.stages && t.stages.map((s) => L.stages[s])),
    optionalColumn("clvRank", render("analysis.columnClvRank", {}, language), a.clvRank, "0"),
    optionalColumn(
      "warningRank",
      render("analysis.columnWarningRank", {}, language),
      a.warningRank && Array.from(a.warningRank, (k) => (k === 0 ? "" : k)),
      "0",
    ),
  ];
  return all.filter((c): c is KeyedColumn => c !== null);
}

/** Absolute A1 ranges of each present column's data rows: `$D$71:$D$2427`. */
export function columnRanges(
  columns: readonly KeyedColumn[],
  headerRow: number,
  rows: number,
): Partial<Record<TableKey, string>> {
  const out: Partial<Record<TableKey, string>> = {};
  columns.forEach((c, j) => {
    const letters = columnLetters(j);
    out[c.key] = `$${letters}$${headerRow + 2}:$${letters}$${headerRow + 1 + rows}`;
  });
  return out;
}

/**
 * The customer analysis's labels in English and Simplified Chinese (DESIGN.md "Customer analysis"): segment,
 * value-tier and lifecycle-stage names and the marketing RFM header. Their text lives in the message catalogue
 * (src/core/messages/analysis.ts); this module names them by key and renders them once per language.
 */
import { Language, MessageId, renderMessage } from "../messages/catalogue";

/** The label languages. */
export type AnalysisLanguage = Language;

/** The eight RFM segments, in the order of the textbook table (R, F, M high or low). */
export const RFM_SEGMENTS = [
  "importantValue",
  "importantDevelopment",
  "importantRetention",
  "importantWinBack",
  "generalValue",
  "generalDevelopment",
  "generalRetention",
  "generalWinBack",
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** The four value tiers, from the highest. */
export const VALUE_TIERS = ["highValue", "potential", "general", "lowValue"] as const;
export type ValueTier = (typeof VALUE_TIERS)[number];

/** The four lifecycle stages, in lifecycle order. */
export const LIFECYCLE_STAGES = ["new", "active", "atRisk", "lost"] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** The columns of the marketing RFM table, in order. */
export const MARKETING_RFM_COLUMNS = [
  "customer",
  "firstPurchase",
  "lastPurchase",
  "purchases",
  "totalSpend",
  "daysSinceLast",
] as const;
export type MarketingRfmColumn = (typeof MARKETING_RFM_COLUMNS)[number];

const SEGMENT_IDS: Readonly<Record<RfmSegment, MessageId>> = {
  importantValue: "analysis.segmentImportantValue",
  importantDevelopment: "analysis.segmentImportantDevelopment",
  importantRetention: "analysis.segmentImportantRetention",
  importantWinBack: "analysis.segmentImportantWinBack",
  generalValue: "analysis.segmentGeneralValue",
  generalDevelopment: "analysis.segmentGeneralDevelopment",
  generalRetention: "analysis.segmentGeneralRetention",
  generalWinBack: "analysis.segmentGeneralWinBack",
};
const TIER_IDS: Readonly<Record<ValueTier, MessageId>> = {
  highValue: "analysis.tierHighValue",
  potential: "analysis.tierPotential",
  general: "analysis.tierGeneral",
  lowValue: "analysis.tierLowValue",
};
const STAGE_IDS: Readonly<Record<LifecycleStage, MessageId>> = {
  new: "analysis.stageNew",
  active: "analysis.stageActive",
  atRisk: "analysis.stageAtRisk",
  lost: "analysis.stageLost",
};
const HEADER_IDS: Readonly<Record<MarketingRfmColumn, MessageId>> = {
  customer: "analysis.headerCustomer",
  firstPurchase: "analysis.headerFirstPurchase",
  lastPurchase: "analysis.headerLastPurchase",
  purchases: "analysis.headerPurchases",
  totalSpend: "analysis.headerTotalSpend",
  daysSinceLast: "analysis.headerDaysSinceLast",
};

/** Every label of one language. */
export interface AnalysisLabels {
  readonly segments: Readonly<Record<RfmSegment, string>>;
  readonly tiers: Readonly<Record<ValueTier, string>>;
  readonly stages: Readonly<Record<LifecycleStage, string>>;
  readonly marketingRfm: Readonly<Record<MarketingRfmColumn, string>>;
}

function rendered<K extends string>(ids: Readonly<Record<K, MessageId>>, language: Language): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(ids) as K[]) out[key] = renderMessage({ id: ids[key], params: {} }, language);
  return out;
}

function labelsIn(language: Language): AnalysisLabels {
  return {
    segments: rendered(SEGMENT_IDS, language),
    tiers: rendered(TIER_IDS, language),
    stages: rendered(STAGE_IDS, language),
    marketingRfm: rendered(HEADER_IDS, language),
  };
}

/** The labels, by language. */
export const ANALYSIS_LABELS: Readonly<Record<AnalysisLanguage, AnalysisLabels>> = {
  en: labelsIn("en"),
  zh: labelsIn("zh"),
};

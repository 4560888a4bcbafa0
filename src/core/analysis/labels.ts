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

/**
 * The message id of each key: `prefix` and the key with a capital first letter ("analysis.tier" and
 * "highValue" → "analysis.tierHighValue"); the compiler checks that every such id is in the catalogue.
 */
export function messageIdsOf<P extends string, K extends string>(
  prefix: P,
  keys: readonly K[],
): Readonly<Record<K, `${P}${Capitalize<K>}`>> {
  const ids = {} as Record<K, `${P}${Capitalize<K>}`>;
  for (const k of keys) ids[k] = `${prefix}${k.charAt(0).toUpperCase()}${k.slice(1)}` as `${P}${Capitalize<K>}`;
  return ids;
}

const SEGMENT_IDS: Readonly<Record<RfmSegment, MessageId>> = messageIdsOf("analysis.segment", RFM_SEGMENTS);
const TIER_IDS: Readonly<Record<ValueTier, MessageId>> = messageIdsOf("analysis.tier", VALUE_TIERS);
const STAGE_IDS: Readonly<Record<LifecycleStage, MessageId>> = messageIdsOf("analysis.stage", LIFECYCLE_STAGES);
const HEADER_IDS: Readonly<Record<MarketingRfmColumn, MessageId>> = messageIdsOf(
  "analysis.header",
  MARKETING_RFM_COLUMNS,
);

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

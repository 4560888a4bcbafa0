/**
 * The header words that name a KPI table's columns (DESIGN.md "Scorecard semantics"), per column role, in
 * English and Chinese: src/core/scorecard/headers.ts matches a header cell against them, case and spaces
 * ignored, so every word is written normalised (lower case, no spaces). The first word of each language is
 * DESIGN.md's name of the role (the scorecard sheet's column header, `scorecardSheet.column…`); the others are
 * common variants.
 */
import type { WordArea } from "./types";

// One entry a line, English and Chinese side by side (prettier would fold the long ones over three lines).
// prettier-ignore
export const HEADERS = {
  metric: { en: ["metric", "kpi", "kpiname", "metricname", "measure", "indicator", "name"], zh: ["指标", "指标名称", "关键指标", "考核指标", "kpi名称"] },
  perspective: { en: ["perspective", "dimension", "category", "group"], zh: ["维度", "层面", "视角", "类别"] },
  actual: { en: ["actual", "actualvalue", "actuals", "result"], zh: ["实际值", "实际", "完成值", "实际完成值"] },
  target: { en: ["target", "targetvalue", "goal"], zh: ["目标值", "目标"] },
  weight: { en: ["weight", "weighting"], zh: ["权重", "比重"] },
  direction: { en: ["direction", "polarity", "better"], zh: ["方向", "指标方向", "极性"] },
  threshold: { en: ["threshold", "floor", "minimum"], zh: ["底线", "底线值", "阈值", "门槛值"] },
  previous: { en: ["previous", "previousvalue", "previousperiod", "previousactual", "lastperiod", "prior", "priorperiod"], zh: ["上期值", "上期", "上期实际值", "上期数", "前期值", "上一期"] },
  benchmark: { en: ["benchmark", "benchmarkvalue", "industrybenchmark", "industryaverage", "peerbenchmark"], zh: ["标杆值", "标杆", "行业标杆", "行业标杆值", "基准值", "对标值"] },
} as const satisfies WordArea;

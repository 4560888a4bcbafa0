/**
 * axe-core in the browser layer: `axeViolations(page)` injects axe-core from node_modules into a page (once)
 * and returns the WCAG 2.0 / 2.1 level A and AA violations of what the page shows now, in a compact form;
 * `describeViolations` turns them into one readable line each for a failing expectation.
 *
 * Use it on a page in the state to check (after the clicks that lead there):
 *   expect(describeViolations(await axeViolations(p.page))).toEqual([]);
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import type { AxeResults } from "axe-core";
import { ROOT } from "./dist";

/** The axe tags that make up WCAG 2.1 level AA (level A and AA success criteria of 2.0 and 2.1). */
export const WCAG21_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] as const;

const AXE_SOURCE_FILE = path.join(ROOT, "node_modules/axe-core/axe.min.js");
let axeSource: string | null = null;

/** One violated rule with the elements that violate it. */
export interface AxeViolation {
  /** The rule id, e.g. "color-contrast". */
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

export interface AxeOptions {
  /** CSS selector of the part of the page to check (default: the whole document). */
  include?: string;
  /** Rule ids to leave out, each with the reason in a comment at the call site. */
  disableRules?: readonly string[];
}

/** Runs axe-core (WCAG 2.1 A/AA rules only) on the page as it is now and returns its violations. */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<AxeViolation[]> {
  const injected = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== "undefined");
  if (!injected) {
    axeSource ??= readFileSync(AXE_SOURCE_FILE, "utf8");
    await page.addScriptTag({ content: axeSource });
  }
  const results = await page.evaluate(
    async ({ tags, include, disable }) => {
      const axe = (globalThis as unknown as { axe: typeof import("axe-core") }).axe;
      const rules = Object.fromEntries(disable.map((id) => [id, { enabled: false }]));
      const r: AxeResults = await axe.run(include ? { include: [include] } : document, {
        runOnly: { type: "tag", values: tags },
        rules,
        resultTypes: ["violations"],
      });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => ({
          target: n.target.map(String).join(" "),
          summary: (n.failureSummary ?? "").replace(/\s+/g, " ").trim(),
        })),
      }));
    },
    { tags: [...WCAG21_AA_TAGS], include: options.include ?? null, disable: [...(options.disableRules ?? [])] },
  );
  return results;
}

/** One line per violating element: "rule-id (impact) at <selector>: <what to fix>". */
export function describeViolations(violations: readonly AxeViolation[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? "?"}) at ${n.target}: ${v.help}. ${n.summary}`),
  );
}

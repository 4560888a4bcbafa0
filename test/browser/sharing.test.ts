/**
 * "Prepare for sharing" in the production task pane (dist/), in Chromium, with the fake Office host: pressing
 * Check, Freeze all, Freeze selection and Restore changes the workbook exactly as promised, in a constant number
 * of syncs; an edited cell is listed as a conflict and kept; an injected failure or a cancel leaves the
 * workbook as it was; the section follows the pane's language.
 */
import { describe, expect, it } from "vitest";
import {
  browserSessionPerFile,
  openTaskpane,
  skipBrowserLayer,
  waitForSection,
  type HostPage,
} from "../support/browser";
import type { FakeHostConfig, FakeWorkbookSnapshot } from "../support/fakeExcel";
import { pressSharing } from "../support/sharingPane";
import { cellsOf, changedCells, SHARING_FROZEN_CELLS, sharingWorkbook } from "../support/sharingWorkbook";

const session = browserSessionPerFile({ viewport: { width: 380, height: 900 } });

/** Opens the pane on the sharing workbook and waits for the section to be mounted and Office to be ready. */
async function openPane(config: FakeHostConfig = sharingWorkbook()): Promise<HostPage> {
  const p = await openTaskpane(session, config);
  await waitForSection(
    p,
    "#sharing-root [data-action=check]",
    'the "Prepare for sharing" section is not in dist/taskpane.js: taskpane.ts must call ' +
      'mountSharing(document.getElementById("sharing-root"), () => lang) (src/taskpane/sharing/sharingPane.ts), then rebuild',
  );
  return p;
}

const snapshot = (p: HostPage): Promise<FakeWorkbookSnapshot> =>
  p.page.evaluate(() => globalThis.__fakeHost!.snapshot());
const syncs = async (p: HostPage): Promise<number> => (await p.log()).syncCount;

const status = (p: HostPage): Promise<string> =>
  p.page.evaluate(() => document.querySelector("#sharing-root .sharing-status")?.textContent ?? "");

describe.skipIf(skipBrowserLayer)("Prepare for sharing in Chromium", () => {
  it("Check lists exactly the CRM formulas per sheet, the sheets that read them, and changes nothing (3 syncs)", async () => {
    const p = await openPane();
    const before = await snapshot(p);
    const start = await syncs(p);
    expect(await pressSharing(p, "check")).toBe("check");
    expect(await syncs(p)).toBe(start + 3);
    const listed = await p.page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>("#sharing-root .sharing-sheets li")).map((li) => [
        li.dataset.sheet,
        li.dataset.formulas,
        li.textContent,
      ]),
    );
    expect(listed).toEqual([
      ["KPIs", "6", "KPIs: 6 formulas, 1 spilling — B2, D2, B3, D3, B4 and 1 more"],
      ["Segments", "2", "Segments: 2 formulas — B2, B3"],
    ]);
    const dependents = await p.page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>("#sharing-root .sharing-dependents li")).map(
        (li) => li.dataset.sheet,
      ),
    );
    expect(dependents).toEqual(["KPIs", "Segments", "CRM Scorecard"]);
    expect(await status(p)).toBe("8 CRM formulas on 2 sheets.");
    expect(await p.page.textContent("#sharing-root .sharing-skipped")).toContain(
      "Segments!B3 (#BUSY!): not calculated yet",
    );
    expect(await snapshot(p)).toEqual(before);
    await p.screenshot("sharing-check-en");
    expect(p.errors).toEqual([]);
    expect(p.blocked).toEqual([]);
    await p.page.close();
  });

  it("Freeze all changes only the CRM formulas (4 syncs); Restore brings every one back (3 syncs)", async () => {
    const p = await openPane();
    const original = await snapshot(p);
    let start = await syncs(p);
    expect(await pressSharing(p, "freezeAll")).toBe("freeze");
    expect(await syncs(p)).toBe(start + 4);
    const frozen = await snapshot(p);
    expect(changedCells(cellsOf(original), cellsOf(frozen))).toEqual(SHARING_FROZEN_CELLS);
    for (const k of SHARING_FROZEN_CELLS) expect(cellsOf(frozen)[k]!.value).toEqual(cellsOf(original)[k]!.value);
    expect(frozen.customXmlParts).toHaveLength(1);
    expect(await status(p)).toBe("Froze 7 formulas (8 cells). The workbook now shows values only; save it to share.");
    await p.screenshot("sharing-frozen-en");

    start = await syncs(p);
    expect(await pressSharing(p, "restore")).toBe("restore");
    expect(await syncs(p)).toBe(start + 3);
    const restored = await snapshot(p);
    expect(cellsOf(restored)).toEqual(cellsOf(original));
    expect(restored.customXmlParts).toEqual([]);
    expect(await p.page.evaluate(() => globalThis.__fakeHost!.cell("KPIs!E2").spilledFrom)).toBe("KPIs!D2");
    expect(await status(p)).toBe("Restored 7 formulas.");
    expect(p.errors).toEqual([]);
    await p.page.close();
  });

  it("Freeze selection freezes only the CRM results in the selection", async () => {
    const p = await openPane({ ...sharingWorkbook(), selection: ["KPIs!B3:B4"] });
    const before = await snapshot(p);
    expect(await pressSharing(p, "freezeSelection")).toBe("freeze");
    expect(changedCells(cellsOf(before), cellsOf(await snapshot(p)))).toEqual(["KPIs!B3", "KPIs!B4"]);
    expect(await status(p)).toBe("Froze 2 formulas (2 cells). The workbook now shows values only; save it to share.");
    await p.page.close();
  });

  it("an edited cell is listed as a conflict and kept; the others are restored", async () => {
    const p = await openPane();
    await pressSharing(p, "freezeAll");
    await p.page.evaluate(() => globalThis.__fakeHost!.setCell("KPIs!B3", 99));
    expect(await pressSharing(p, "restore")).toBe("restore");
    const conflicts = await p.page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>("#sharing-root .sharing-conflict-list li")).map((li) => [
        li.dataset.cell,
        li.textContent,
      ]),
    );
    expect(conflicts).toEqual([
      ["KPIs!B3", "KPIs!B3 now holds 99 (was 120) — formula =CRM.CAC(Survey!B2:B8,Survey!C2:C8)"],
    ]);
    const cells = await p.page.evaluate(() => ({
      b3: globalThis.__fakeHost!.cell("KPIs!B3"),
      b2: globalThis.__fakeHost!.cell("KPIs!B2"),
    }));
    expect(cells.b3).toMatchObject({ value: 99, formula: null });
    expect(cells.b2.formula).toBe("=CRM.NPS(Survey!A2:A8)");
    expect(await status(p)).toBe("Restored 6 formulas.");
    await p.screenshot("sharing-conflict-en");
    await p.page.close();
  });

  it("a failure injected mid-way through Freeze leaves the workbook as it was, and says so", async () => {
    const p = await openPane();
    const before = await snapshot(p);
    await p.page.evaluate(() => globalThis.__fakeHost!.inject({ path: "range.values", nth: 3, message: "disk full" }));
    expect(await pressSharing(p, "freezeAll")).toBe("error");
    expect(await status(p)).toBe("That did not work: disk full. The workbook is unchanged.");
    const after = await snapshot(p);
    expect(cellsOf(after)).toEqual(cellsOf(before));
    expect(after.customXmlParts).toEqual(before.customXmlParts);
    const log = await p.log();
    expect(log.calls.filter((c) => c.path === "range.values").map((c) => c.status)).toEqual([
      "applied",
      "applied",
      "failed",
      "dropped",
      "dropped",
    ]);
    await p.page.close();
  });

  it("Cancel stops an operation and leaves the workbook unchanged", async () => {
    const p = await openPane();
    const before = await snapshot(p);
    await p.page.evaluate(() => globalThis.__fakeHost!.holdSyncs());
    await p.page.click("#sharing-root [data-action=freezeAll]");
    await p.page.click("#sharing-root [data-action=confirmFreeze]");
    await p.page.waitForSelector("#sharing-root .sharing-progress:not([hidden])");
    expect(await p.page.textContent("#sharing-root .sharing-step")).toBe("Reading the sheets…");
    await p.page.click("#sharing-root [data-action=cancel]");
    expect(await p.page.textContent("#sharing-root .sharing-step")).toBe("Cancelling…");
    await p.page.evaluate(() => globalThis.__fakeHost!.releaseSyncs());
    await p.page.waitForFunction(
      () => document.querySelector<HTMLElement>("#sharing-root .sharing")?.dataset.state === "cancelled",
    );
    expect(await status(p)).toBe("Cancelled. The workbook is unchanged.");
    expect(await snapshot(p)).toEqual(before);
    await p.page.close();
  });

  it("speaks Simplified Chinese under a zh-CN Office and follows the language switch", async () => {
    const p = await openPane({ ...sharingWorkbook(), displayLanguage: "zh-CN" });
    const buttons = () =>
      p.page.evaluate(() =>
        Array.from(document.querySelectorAll("#sharing-root .sharing-actions button")).map((b) => b.textContent),
      );
    expect(await buttons()).toEqual(["检查", "全部冻结", "冻结所选", "恢复"]);
    await pressSharing(p, "check");
    expect(await status(p)).toBe("2 个工作表中共有 8 个 CRM 公式。");
    await p.screenshot("sharing-check-zh");
    await p.page.click("#switch-language");
    expect(await buttons()).toEqual(["Check", "Freeze all", "Freeze selection", "Restore"]);
    expect(await status(p)).toBe("8 CRM formulas on 2 sheets.");
    expect(p.errors).toEqual([]);
    await p.page.close();
  });

  /** The element that has the focus: its data-action, or its class, or its tag. */
  const focused = (p: HostPage): Promise<string> =>
    p.page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return a?.dataset.action ?? (a?.className || a?.tagName || "");
    });
  const dialogText = (
    p: HostPage,
  ): Promise<{ role: string | null; name: string; description: string; shown: boolean }> =>
    p.page.evaluate(() => {
      const d = document.querySelector<HTMLElement>("#sharing-root .sharing-confirm")!;
      const text = (ids: string | null) =>
        (ids ?? "")
          .split(" ")
          .map((id) => document.getElementById(id)?.textContent ?? "")
          .join(" ");
      return {
        role: d.getAttribute("role"),
        name: text(d.getAttribute("aria-labelledby")),
        description: text(d.getAttribute("aria-describedby")),
        shown: !d.hidden && d.getBoundingClientRect().height > 0,
      };
    });

  it("Freeze all asks first: the focus moves to the question, which says the formulas stay in the file; Escape closes it", async () => {
    const p = await openPane();
    const before = await snapshot(p);
    const start = await syncs(p);
    await p.page.focus("#sharing-root [data-action=freezeAll]");
    await p.page.keyboard.press("Enter");
    expect(
      await p.page.evaluate(() => document.querySelector<HTMLElement>("#sharing-root .sharing")!.dataset.state),
    ).toBe("confirm");
    expect(await focused(p)).toBe("sharing-confirm");
    const d = await dialogText(p);
    expect(d).toMatchObject({ role: "dialog", name: "Freeze all CRM formulas?", shown: true });
    expect(d.description).toContain("The original formulas stay inside this file");
    expect(d.description).toContain("anyone who receives the file could read them");
    expect(d.description).toContain("Values only: it keeps no record");
    await p.screenshot("sharing-confirm-en");
    // Tab goes through its buttons in order: confirm, values only, cancel.
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      await p.page.keyboard.press("Tab");
      order.push(await focused(p));
    }
    expect(order).toEqual(["confirmFreeze", "valuesOnly", "cancelConfirm"]);
    await p.page.keyboard.press("Escape");
    expect((await dialogText(p)).shown).toBe(false);
    expect(await focused(p)).toBe("freezeAll");
    expect(await syncs(p)).toBe(start); // nothing was read or written
    expect(await snapshot(p)).toEqual(before);
    expect(p.errors).toEqual([]);
    await p.page.close();
  });

  it("confirmed by keyboard, Freeze all freezes (4 syncs), says the formulas are in the file, and the focus comes back", async () => {
    const p = await openPane();
    const start = await syncs(p);
    await p.page.focus("#sharing-root [data-action=freezeAll]");
    await p.page.keyboard.press("Enter");
    await p.page.keyboard.press("Tab");
    expect(await focused(p)).toBe("confirmFreeze");
    await p.page.keyboard.press("Enter");
    await p.page.waitForFunction(
      () => document.querySelector<HTMLElement>("#sharing-root .sharing")?.dataset.state === "freeze",
    );
    expect(await syncs(p)).toBe(start + 4);
    expect(await focused(p)).toBe("freezeAll");
    expect(await p.page.textContent("#sharing-root .sharing-record-note")).toBe(
      "The original formulas are kept inside this file, so anyone who receives it could read them. To share outside the company, use Freeze all, then Values only.",
    );
    expect((await snapshot(p)).customXmlParts).toHaveLength(1);
    await p.page.close();
  });

  it("Values only warns that it cannot be restored, then leaves values and no record in the file", async () => {
    const p = await openPane({ ...sharingWorkbook(), selection: ["KPIs!B2"] });
    const original = await snapshot(p);
    await pressSharing(p, "freezeSelection"); // an earlier freeze, recorded in the file
    await p.page.click("#sharing-root [data-action=freezeAll]");
    await p.page.click("#sharing-root [data-action=valuesOnly]");
    expect(await focused(p)).toBe("sharing-confirm");
    const d = await dialogText(p);
    expect(d).toMatchObject({ role: "alertdialog", name: "Values only: this cannot be restored", shown: true });
    expect(d.description).toContain("no record is kept; the record of earlier freezes is deleted too");
    expect(d.description).toContain("Restore cannot bring any of these formulas back");
    await p.screenshot("sharing-values-only-en");
    const start = await syncs(p);
    await p.page.click("#sharing-root [data-action=confirmValuesOnly]");
    await p.page.waitForFunction(
      () => document.querySelector<HTMLElement>("#sharing-root .sharing")?.dataset.state === "freeze",
    );
    expect(await syncs(p)).toBe(start + 4);
    expect(await status(p)).toBe(
      "Replaced 6 formulas (7 cells) by values. No record was kept: they cannot be restored. The record of 1 formula frozen earlier was deleted too.",
    );
    const after = await snapshot(p);
    expect(after.customXmlParts).toEqual([]);
    expect(changedCells(cellsOf(original), cellsOf(after))).toEqual(SHARING_FROZEN_CELLS);
    expect(await focused(p)).toBe("freezeAll");
    expect(await pressSharing(p, "restore")).toBe("restore");
    expect(await status(p)).toBe("Nothing is frozen, so there is nothing to restore.");
    expect(p.errors).toEqual([]);
    await p.page.close();
  });

  it("Cancel in the values-only warning changes nothing and gives the focus back to Freeze all", async () => {
    const p = await openPane();
    const before = await snapshot(p);
    await p.page.click("#sharing-root [data-action=freezeAll]");
    await p.page.click("#sharing-root [data-action=valuesOnly]");
    await p.page.click("#sharing-root [data-action=cancelConfirm]");
    expect((await dialogText(p)).shown).toBe(false);
    expect(await focused(p)).toBe("freezeAll");
    expect(await snapshot(p)).toEqual(before);
    await p.page.close();
  });

  it("after a Restore conflict, the pane says what it means and how to resolve it", async () => {
    const p = await openPane();
    await pressSharing(p, "freezeAll");
    await p.page.evaluate(() => globalThis.__fakeHost!.setCell("KPIs!B3", 99));
    await pressSharing(p, "restore");
    expect(await p.page.textContent("#sharing-root .sharing-conflict-help")).toBe(
      "What this means: each cell listed was changed after the freeze (typed over or cleared), or its sheet was renamed or deleted, so Restore left it as it is instead of overwriting the change. " +
        "To bring a formula back, enter the formula shown into its cell again (copy it from this list), or undo the change or give the sheet its old name, then press Restore. " +
        "To keep the change, do nothing: the formula stays in the record and is listed again at each Restore.",
    );
    // Doing what it says resolves it: the formula typed back is found in place and leaves the record.
    await p.page.evaluate(() =>
      globalThis.__fakeHost!.setCell("KPIs!B3", { formula: "=CRM.CAC(Survey!B2:B8,Survey!C2:C8)", value: 120 }),
    );
    await pressSharing(p, "restore");
    expect(await status(p)).toBe("Restored 0 formulas. 1 recorded formula was already back in place.");
    expect(await p.page.$("#sharing-root .sharing-conflict-help")).toBeNull();
    expect((await snapshot(p)).customXmlParts).toEqual([]);
    await p.page.close();
  });

  it("the question, the warning and the conflict help speak Simplified Chinese with Chinese quotes", async () => {
    const p = await openPane({ ...sharingWorkbook(), displayLanguage: "zh-CN" });
    await p.page.click("#sharing-root [data-action=freezeAll]");
    let d = await dialogText(p);
    expect(d.name).toBe("冻结全部 CRM 公式？");
    expect(d.description).toContain("原始公式会保留在此文件内的隐藏记录中，供“恢复”将其放回");
    expect(d.description).toContain("请选择“仅保留数值”");
    await p.screenshot("sharing-confirm-zh");
    await p.page.click("#sharing-root [data-action=valuesOnly]");
    d = await dialogText(p);
    expect(d.name).toBe("仅保留数值：此操作无法恢复");
    expect(d.description).toContain("“恢复”无法找回其中任何公式");
    expect(await p.page.textContent("#sharing-root [data-action=confirmValuesOnly]")).toBe("替换为数值，不保留记录");
    await p.page.keyboard.press("Escape");
    expect(await focused(p)).toBe("freezeAll");
    await pressSharing(p, "freezeAll");
    await p.page.evaluate(() => globalThis.__fakeHost!.setCell("KPIs!B3", 99));
    await pressSharing(p, "restore");
    const help = await p.page.textContent("#sharing-root .sharing-conflict-help");
    expect(help).toContain("因此“恢复”保留了这些修改");
    expect(help).not.toMatch(/"/);
    expect(p.errors).toEqual([]);
    await p.page.close();
  });
});

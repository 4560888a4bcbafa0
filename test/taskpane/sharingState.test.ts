/**
 * The sharing section's state and actions (src/taskpane/sharing/{state,actions}.ts), without a page. What they
 * must do comes from the section's promises (README "Prepare for sharing", issue 13 item 4): Freeze all asks
 * first and changes nothing until confirmed; Values only is a second step that warns; Escape or Cancel closes the
 * question and the focus goes back to Freeze all, as it does when the operation the question started ends; no
 * button works outside Excel, while an operation runs or while the question is open; Cancel cannot be pressed
 * twice nor during a rollback; a cancelled operation says so, a failed one shows the host's error, and a failed
 * rollback shows the original error marked as such.
 */
import { describe, expect, it } from "vitest";
import { paneHost, type ExcelRun } from "../../src/taskpane/host";
import { createStore } from "../../src/taskpane/store";
import { sharingActions } from "../../src/taskpane/sharing/actions";
import { RollbackFailed, SharingCancelled } from "../../src/taskpane/sharing/operation";
import {
  canCancel,
  canStart,
  cancelRequested,
  confirmClosed,
  confirmOpened,
  ended,
  failed,
  initialState,
  progressed,
  progressStep,
  sectionState,
  started,
  type SharingState,
} from "../../src/taskpane/sharing/state";
import { createFakeHost } from "../support/fakeExcel";
import { cellsOf, changedCells, SHARING_FROZEN_CELLS, sharingWorkbook } from "../support/sharingWorkbook";

const idle = initialState(true);

describe("state: what can be pressed", () => {
  it("outside Excel nothing can be started and Freeze all does not ask", () => {
    const s = initialState(false);
    expect(canStart(s)).toBe(false);
    expect(confirmOpened(s, "freezeAll")).toBe(s);
    expect(started(s, "check")).toBe(s);
  });

  it("in Excel, before anything, every button can be pressed and the section is idle", () => {
    expect(canStart(idle)).toBe(true);
    expect(sectionState(idle)).toBe("idle");
    expect(canCancel(idle)).toBe(false);
  });

  it("Freeze all asks first: the buttons wait while the question is open, and closing it starts nothing", () => {
    const asking = confirmOpened(idle, "freezeAll");
    expect(asking.confirm).toBe("freezeAll");
    expect(asking.busy).toBeNull();
    expect(canStart(asking)).toBe(false);
    expect(sectionState(asking)).toBe("confirm");
    const warned = confirmOpened(asking, "valuesOnly");
    expect(warned.confirm).toBe("valuesOnly");
    const closed = confirmClosed(warned);
    expect(closed.confirm).toBeNull();
    expect(closed.busy).toBeNull();
    expect(canStart(closed)).toBe(true);
  });

  it("an operation makes the section busy, closes the question, and a second one cannot start meanwhile", () => {
    const busy = started(confirmOpened(idle, "freezeAll"), "freezeAll");
    expect(busy.confirm).toBeNull();
    expect(busy.busy).toEqual({ operation: "freezeAll", progress: null, cancelling: false });
    expect(sectionState(busy)).toBe("busy");
    expect(canStart(busy)).toBe(false);
    expect(started(busy, "restore")).toBe(busy);
    expect(confirmOpened(busy, "freezeAll")).toBe(busy);
  });
});

describe("state: progress and Cancel", () => {
  const busy = started(idle, "restore");

  it("the progress line shows the step reported, reading the sheets before any report", () => {
    expect(progressStep(busy.busy!)).toBe("sheets");
    const writing = progressed(busy, { step: "write", done: 2, total: 3 });
    expect(writing.busy!.progress).toEqual({ step: "write", done: 2, total: 3 });
    expect(progressStep(writing.busy!)).toBe("write");
  });

  it("Cancel can be pressed once: then the line says Cancelling and Cancel waits", () => {
    expect(canCancel(busy)).toBe(true);
    const cancelling = cancelRequested(progressed(busy, { step: "cells", done: 1, total: 3 }));
    expect(canCancel(cancelling)).toBe(false);
    expect(progressStep(cancelling.busy!)).toBe("cancelling");
  });

  it("during a rollback Cancel cannot be pressed and the line says the changes are being undone", () => {
    const rolling = progressed(cancelRequested(busy), { step: "rollback", done: 2, total: 3 });
    expect(canCancel(rolling)).toBe(false);
    expect(progressStep(rolling.busy!)).toBe("rollback");
  });

  it("progress reported when nothing runs changes nothing", () => {
    expect(progressed(idle, { step: "done", done: 3, total: 3 })).toBe(idle);
    expect(cancelRequested(idle)).toBe(idle);
  });
});

describe("state: how an operation ends", () => {
  const busy = started(idle, "check");
  const summary = { formulas: 0, sheets: [], dependents: [], skipped: [], recorded: 0 } as never;

  it("a result becomes the outcome, with the syncs it took, and the buttons work again", () => {
    const done = ended(busy, { kind: "check", summary }, 3);
    expect(done.busy).toBeNull();
    expect(done.outcome).toEqual({ kind: "check", summary });
    expect(done.syncs).toBe(3);
    expect(sectionState(done)).toBe("check");
    expect(canStart(done)).toBe(true);
  });

  it("a cancel ends as cancelled (the workbook is unchanged)", () => {
    expect(failed(busy, new SharingCancelled()).outcome).toEqual({ kind: "cancelled" });
  });

  it("a host error ends as an error showing it; a failed rollback shows the commit's error, marked", () => {
    const disk = new Error("disk full");
    expect(failed(busy, disk).outcome).toEqual({ kind: "error", error: disk, rollbackFailed: false });
    const both = failed(busy, new RollbackFailed(disk, new Error("gone")));
    expect(both.outcome).toEqual({ kind: "error", error: disk, rollbackFailed: true });
    expect(both.busy).toBeNull();
  });

  it("the last outcome stays while the next operation runs", () => {
    const done = ended(busy, { kind: "cancelled" }, 2);
    expect(started(done, "restore").outcome).toEqual({ kind: "cancelled" });
  });
});

/** The actions on the fake host's sharing workbook, with the focus requests recorded. */
function actionsOn(config = sharingWorkbook()) {
  const fake = createFakeHost(config);
  const host = paneHost({ run: fake.Excel.run as unknown as ExcelRun });
  const states: SharingState[] = [];
  const store = createStore(initialState(host.available), (s) => states.push(s));
  const focus: string[] = [];
  const actions = sharingActions(store, host, {
    confirm: () => focus.push("confirm"),
    freezeAll: () => focus.push("freezeAll"),
  });
  return { fake, store, states, focus, actions };
}

describe("actions against the fake workbook", () => {
  it("Check reports the CRM formulas in 3 syncs and writes nothing", async () => {
    const { fake, store, actions } = actionsOn();
    const before = fake.snapshot();
    await actions.run("check");
    const s = store.get();
    expect(s.outcome.kind).toBe("check");
    expect(s.outcome.kind === "check" && s.outcome.summary.formulas).toBe(8);
    expect(s.syncs).toBe(3);
    expect(fake.snapshot()).toEqual(before);
  });

  it("Freeze all only asks (no sync, focus on the question); Escape/Cancel puts the focus back on Freeze all", () => {
    const { fake, store, focus, actions } = actionsOn();
    actions.askFreezeAll();
    expect(store.get().confirm).toBe("freezeAll");
    expect(focus).toEqual(["confirm"]);
    actions.dismiss();
    expect(store.get().confirm).toBeNull();
    expect(focus).toEqual(["confirm", "freezeAll"]);
    expect(fake.syncCount).toBe(0);
  });

  it("while Freeze all's question is open, pressing another button (still focusable) starts nothing", async () => {
    const { fake, store, actions } = actionsOn();
    const before = fake.snapshot();
    actions.askFreezeAll();
    await actions.run("restore");
    await actions.run("check");
    expect(store.get().confirm).toBe("freezeAll");
    expect(store.get().busy).toBeNull();
    expect(fake.syncCount).toBe(0);
    expect(fake.snapshot()).toEqual(before);
  });

  it("confirmed, Freeze all freezes the CRM cells in 4 syncs and the focus returns to Freeze all at the end", async () => {
    const { fake, store, focus, actions } = actionsOn();
    const before = cellsOf(fake.snapshot());
    actions.askFreezeAll();
    await actions.confirm();
    expect(changedCells(before, cellsOf(fake.snapshot()))).toEqual(SHARING_FROZEN_CELLS);
    const s = store.get();
    expect(s.outcome.kind === "freeze" && [s.outcome.result.valuesOnly, s.outcome.selectionOnly]).toEqual([
      false,
      false,
    ]);
    expect(s.syncs).toBe(4);
    expect(focus).toEqual(["confirm", "freezeAll"]);
  });

  it("Values only is reached through Freeze all's question and keeps no record", async () => {
    const { fake, store, focus, actions } = actionsOn();
    actions.askFreezeAll();
    actions.askValuesOnly();
    expect(store.get().confirm).toBe("valuesOnly");
    await actions.confirm();
    const s = store.get();
    expect(s.outcome.kind === "freeze" && s.outcome.result.valuesOnly).toBe(true);
    expect(fake.snapshot().customXmlParts).toEqual([]);
    expect(focus).toEqual(["confirm", "confirm", "freezeAll"]);
  });

  it("a press while an operation runs does nothing; Cancel stops it and the workbook is unchanged", async () => {
    const { fake, store, actions } = actionsOn();
    const before = fake.snapshot();
    fake.holdSyncs();
    const running = actions.run("freezeSelection");
    expect(store.get().busy?.operation).toBe("freezeSelection");
    await actions.run("restore");
    actions.askFreezeAll();
    expect(store.get().busy?.operation).toBe("freezeSelection");
    expect(store.get().confirm).toBeNull();
    actions.cancel();
    expect(store.get().busy?.cancelling).toBe(true);
    fake.releaseSyncs();
    await running;
    expect(store.get().outcome).toEqual({ kind: "cancelled" });
    expect(store.get().busy).toBeNull();
    expect(fake.snapshot()).toEqual(before);
  });

  it("a failure in the commit is rolled back and shown with the host's message", async () => {
    const { fake, store, actions } = actionsOn();
    const before = cellsOf(fake.snapshot());
    fake.inject({ path: "range.values", nth: 3, message: "disk full" });
    actions.askFreezeAll();
    await actions.confirm();
    const o = store.get().outcome;
    expect(o.kind === "error" && [(o.error as Error).message, o.rollbackFailed]).toEqual(["disk full", false]);
    expect(cellsOf(fake.snapshot())).toEqual(before);
  });
});

/**
 * Browser-layer helper for the "Prepare for sharing" section of the production task pane (dist/) with the
 * fake host: press one of its buttons and wait for the operation's outcome.
 */
import type { HostPage } from "./browser";

/** The operations of the section, by the button that starts them. */
export type SharingAction = "check" | "freezeAll" | "freezeSelection" | "restore" | "valuesOnly";

/**
 * Presses a button of the section and waits until the operation has finished (the section is not busy); returns
 * the section's state ("check", "freeze", "restore", ...). Freeze all is confirmed in its confirmation step;
 * "valuesOnly" is Freeze all, then Values only, then its confirmation.
 */
export async function pressSharing(p: HostPage, action: SharingAction): Promise<string> {
  if (action === "freezeAll" || action === "valuesOnly") {
    await p.page.click("#sharing-root [data-action=freezeAll]");
    if (action === "valuesOnly") await p.page.click("#sharing-root [data-action=valuesOnly]");
    await p.page.click(`#sharing-root [data-action=${action === "freezeAll" ? "confirmFreeze" : "confirmValuesOnly"}]`);
  } else await p.page.click(`#sharing-root [data-action=${action}]`);
  await p.page.waitForFunction(() => {
    const s = document.querySelector<HTMLElement>("#sharing-root .sharing")?.dataset.state;
    return s !== undefined && s !== "busy" && s !== "idle";
  });
  return p.page.evaluate(() => document.querySelector<HTMLElement>("#sharing-root .sharing")!.dataset.state!);
}

/**
 * Faults injected into syncs (config.faults or host.inject), each firing once:
 *   { sync: 2 }                    the 2nd sync rejects before applying anything of its batch
 *   { path: "range.values", nth: 2, sheet: "CRM Scorecard" }
 *                                  the 2nd executed operation with that path (on that sheet) fails; the earlier
 *                                  operations of its batch stay applied
 * path may end with "*" (prefix) or be a RegExp; pathPattern takes a RegExp source string (browser configs are
 * JSON). Optional code (default "GeneralException") and message.
 * Also the gate of host.holdSyncs()/releaseSyncs(): while held, syncs wait unsettled.
 */
import { officeError, type OfficeError } from "./officeError";
import type { ArmedFault, FakeFault } from "./types";

function pathMatches(fault: FakeFault, path: string): boolean {
  if (fault.path instanceof RegExp) return fault.path.test(path);
  if (typeof fault.pathPattern === "string") return new RegExp(fault.pathPattern).test(path);
  if (typeof fault.path === "string") {
    return fault.path.endsWith("*") ? path.startsWith(fault.path.slice(0, -1)) : path === fault.path;
  }
  return false;
}

export class Faults {
  readonly list: ArmedFault[];
  private gate: { p: Promise<void>; open: () => void } | null = null;

  constructor(faults: readonly FakeFault[] = []) {
    this.list = faults.map((f) => Object.assign({ fired: false, seen: 0 }, f));
  }

  inject(fault: FakeFault): void {
    this.list.push(Object.assign({ fired: false, seen: 0 }, fault));
  }

  /** The error of the whole-sync fault for sync n (firing it), or null. */
  forSync(n: number): OfficeError | null {
    const whole = this.list.find((f) => !f.fired && f.sync === n);
    if (!whole) return null;
    whole.fired = true;
    return officeError(
      whole.code || "GeneralException",
      whole.message || `Injected fault: sync ${n} failed`,
      "context.sync",
    );
  }

  /** The error of the operation fault that this operation trips (firing it), or null. */
  forOperation(op: { path: string; sheet?: string }): OfficeError | null {
    for (const f of this.list) {
      if (f.fired || f.sync !== undefined) continue;
      if (!pathMatches(f, op.path)) continue;
      if (f.sheet !== undefined && op.sheet !== f.sheet) continue;
      f.seen++;
      if (f.seen >= (f.nth || 1)) {
        f.fired = true;
        return officeError(f.code || "GeneralException", f.message || `Injected fault at ${op.path}`, op.path);
      }
    }
    return null;
  }

  /** Syncs wait until release(). */
  hold(): void {
    if (!this.gate) {
      let open = (): void => undefined;
      const p = new Promise<void>((res) => (open = res));
      this.gate = { p, open };
    }
  }

  release(): void {
    if (this.gate) {
      const g = this.gate;
      this.gate = null;
      g.open();
    }
  }

  /** Resolves once no hold is in place (re-checking after each release). */
  passGate(): Promise<void> {
    return this.gate ? this.gate.p.then(() => this.passGate()) : Promise.resolve();
  }
}

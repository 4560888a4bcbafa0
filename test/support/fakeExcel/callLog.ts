/**
 * The fake host's log: every call, in order, JSON-safe (proxies described, big arrays summarised), the sync
 * count, and the payload estimates behind config.maxPayloadBytes (request = per queued operation its path + 64
 * + its arguments as JSON in UTF-8, a proxy argument 16; response = what each load left loaded on its object,
 * nested loaded objects included, plus each getXml's XML).
 */
import { is2D } from "./cellValues";
import type { FakeCall } from "./types";

/** A call to record: path and kind, the rest as known. */
export type CallEntry = Omit<FakeCall, "i" | "args"> & { args?: unknown[] };

/** What the log knows of a proxy: how to describe it, and (for payload estimates) what it has loaded. */
export interface LoggedObject {
  describe(): unknown;
  loaded(): unknown;
}

export class CallLog {
  readonly calls: FakeCall[] = [];
  syncCount = 0;
  private contexts = 0;
  /** proxy → its description (the objects the fake made). */
  private readonly objects = new WeakMap<object, LoggedObject>();
  /** call → estimated request bytes of its arguments (only with a payload limit). */
  private readonly requestBytes = new WeakMap<FakeCall, number>();

  constructor(
    private readonly maxArgCells: number,
    readonly maxPayload: number | null,
  ) {}

  /** The id of a new request context (1, 2, … per host; FakeCall.ctx). */
  nextContextId(): number {
    return ++this.contexts;
  }

  /** Registers a proxy the fake made. */
  register(proxy: object, logged: LoggedObject): void {
    this.objects.set(proxy, logged);
  }

  /** True for the proxies of this host. */
  isObject(a: unknown): a is object {
    return (typeof a === "object" || typeof a === "function") && a !== null && this.objects.has(a);
  }

  record(entry: CallEntry): FakeCall {
    const rec: FakeCall = { i: this.calls.length, ...entry, args: entry.args ?? [] };
    if (this.maxPayload !== null) this.requestBytes.set(rec, this.payloadBytes(rec.args, false, 0));
    rec.args = rec.args.map((a) => this.describe(a, 0));
    this.calls.push(rec);
    return rec;
  }

  /** The estimated request bytes of a recorded call's arguments. */
  requestBytesOf(rec: FakeCall): number {
    return this.requestBytes.get(rec) || 0;
  }

  clear(): void {
    this.calls.length = 0;
    this.syncCount = 0;
  }

  /** A JSON-safe copy of the calls and the sync count. */
  snapshot(): { calls: FakeCall[]; syncCount: number } {
    return JSON.parse(JSON.stringify({ calls: this.calls, syncCount: this.syncCount })) as {
      calls: FakeCall[];
      syncCount: number;
    };
  }

  /** An argument as the log shows it: proxies described, arrays over maxArgCells as { $array: [rows, columns] }. */
  describe(a: unknown, depth: number): unknown {
    if (a === null || a === undefined || typeof a === "number" || typeof a === "string" || typeof a === "boolean")
      return a;
    if (typeof a === "function" || typeof a === "object") {
      const d = this.objects.get(a);
      if (d) return d.describe();
    }
    if (typeof a === "function") return "[function]";
    if (typeof a === "bigint" || typeof a === "symbol") return a.toString();
    if (typeof a !== "object") return "[?]";
    if (depth > 5) return "[…]";
    if (Array.isArray(a)) {
      const cells = is2D(a) ? a.reduce((n, row) => n + row.length, 0) : a.length;
      if (cells > this.maxArgCells) return { $array: is2D(a) ? [a.length, a[0]!.length] : [a.length] };
      return a.map((x) => this.describe(x, depth + 1));
    }
    if (a instanceof RegExp) return String(a);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(a)) out[k] = this.describe(v, depth + 1);
    return out;
  }

  /** Estimated JSON size in UTF-8 bytes; proxies count 16, or (loaded) their loaded properties. */
  payloadBytes(a: unknown, loaded: boolean, depth = 0): number {
    if (a === null || a === undefined) return 4;
    if (typeof a === "number") return String(a).length;
    if (typeof a === "boolean") return 5;
    if (typeof a === "string") {
      let n = 2;
      for (let i = 0; i < a.length; i++) {
        const c = a.charCodeAt(i);
        n += c < 0x80 ? (c === 34 || c === 92 ? 2 : 1) : c < 0x800 ? 2 : 3;
      }
      return n;
    }
    if (depth > 8) return 0;
    if (typeof a === "object" || typeof a === "function") {
      const d = this.objects.get(a);
      if (d) {
        const l = loaded ? d.loaded() : undefined;
        return l ? this.payloadBytes(l, loaded, depth + 1) : 16;
      }
    }
    if (typeof a !== "object") return 16;
    let n = 2;
    if (Array.isArray(a)) {
      for (const x of a) n += this.payloadBytes(x, loaded, depth + 1) + 1;
      return n;
    }
    for (const [k, v] of Object.entries(a)) n += k.length + 4 + this.payloadBytes(v, loaded, depth + 1);
    return n;
  }
}

/**
 * The globals the fake host installs: Excel (run, RequestContext, enums answering their own names), Office
 * (context: platform, languages, requirement sets, document settings; onReady, initialize, actions, addin),
 * OfficeExtension (Error, ClientResult), CustomFunctions (Error, ErrorCode, associate) and OfficeRuntime
 * (storage). Excel.run(batch) makes a context, runs batch, then syncs whatever is still queued (counted only
 * when something is queued); objects of a finished run cannot be used in a later sync (InvalidObjectPath).
 */
import { clone } from "./cellValues";
import { ClientResult } from "./clientObject";
import { genericProxy } from "./genericProxy";
import type { HostEnv } from "./hostEnv";
import { OfficeError, invalidArgument } from "./officeError";
import { RequestContext } from "./requestContext";
import { CUSTOM_FUNCTION_ERROR_CODES } from "./errorCodes";

export interface FakeGlobals {
  Office: object;
  Excel: object;
  OfficeExtension: object;
  CustomFunctions: object;
  OfficeRuntime: object;
}

/** An enum whose members are their own names in PascalCase (Excel.RangeValueType.empty → "Empty"). */
function enumProxy(): object {
  return new Proxy(
    {},
    { get: (_t, k) => (typeof k === "string" ? k.charAt(0).toUpperCase() + k.slice(1) : undefined) },
  );
}

/** A callback of an *Async call, answered on a later tick. */
function later(cb: unknown, result: object): void {
  if (typeof cb === "function") setTimeout(() => (cb as (r: object) => void)(result), 0);
}

/** Compares dotted versions: does `have` reach `want`? */
function versionReaches(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] || 0) !== (b[i] || 0)) return (a[i] || 0) > (b[i] || 0);
  }
  return true;
}

function excelGlobal(env: HostEnv): object {
  const known: Record<string, unknown> = {
    RequestContext: function () {
      return new RequestContext(env);
    },
    run(...args: unknown[]): Promise<unknown> {
      const batch = args[args.length - 1];
      if (typeof batch !== "function") return Promise.reject(invalidArgument("Excel.run needs a batch function"));
      const first = (args.length > 1 ? args[0] : null) as { context?: unknown } | null;
      const reuse =
        first instanceof RequestContext
          ? first
          : first && first.context instanceof RequestContext
            ? first.context
            : null;
      const ctx = reuse || new RequestContext(env);
      env.log.record({ path: "Excel.run", kind: "run", ctx: ctx.id, batch: env.log.syncCount + 1 });
      return Promise.resolve()
        .then(() => (batch as (c: RequestContext) => unknown)(ctx))
        .then(async (result) => {
          if (ctx.queue.length) await ctx.sync(true);
          if (!reuse) ctx.closed = true;
          return result;
        })
        .catch((e: unknown) => {
          if (!reuse) {
            ctx.closed = true;
            for (const op of ctx.queue) op.rec.status = "dropped";
            ctx.queue = [];
          }
          throw e;
        });
    },
    ErrorCodes: enumProxy(),
    Error: OfficeError,
  };
  return new Proxy(known, {
    get(t, k) {
      if (typeof k !== "string") return undefined;
      if (k in t) return t[k];
      if (k === "then") return undefined;
      if (/^[A-Z]/.test(k)) return (t[k] = enumProxy());
      return undefined;
    },
  });
}

class CustomFunctionsError extends Error {
  readonly code: string;
  constructor(code?: string, message?: string) {
    super(message || "");
    this.name = "CustomFunctions.Error";
    this.code = code || "#VALUE!";
  }
}

function customFunctionsGlobal(env: HostEnv): object {
  return {
    Error: CustomFunctionsError,
    ErrorCode: { ...CUSTOM_FUNCTION_ERROR_CODES },
    associate(id: unknown, fn?: unknown): void {
      const pairs = typeof id === "object" && id !== null ? Object.entries(id) : [[id, fn]];
      for (const [k, f] of pairs) {
        env.log.record({ path: "CustomFunctions.associate", kind: "associate", args: [k], write: false });
        env.associated[String(k)] = f as (...args: unknown[]) => unknown;
      }
    },
  };
}

/** Office.context.document.settings: the same store as workbook.settings, recorded as Office.settings.*. */
function documentSettings(env: HostEnv): object {
  const { log, book } = env;
  const settings = {
    get(name: string): unknown {
      log.record({ path: "Office.settings.get", kind: "call", args: [name] });
      return book.settings.has(name) ? clone(book.settings.get(name)) : null;
    },
    set(name: string, value: unknown): void {
      log.record({ path: "Office.settings.set", kind: "call", args: [name, value], write: true });
      book.settings.set(name, clone(value));
    },
    remove(name: string): void {
      log.record({ path: "Office.settings.remove", kind: "call", args: [name], write: true });
      book.settings.delete(name);
    },
    saveAsync(a?: unknown, b?: unknown): void {
      log.record({ path: "Office.settings.saveAsync", kind: "call", args: [] });
      later(typeof a === "function" ? a : b, { status: "succeeded", value: undefined, error: null });
    },
    refreshAsync(cb?: unknown): void {
      later(cb, { status: "succeeded", value: settings, error: null });
    },
    addHandlerAsync(_type: unknown, _handler: unknown, a?: unknown, b?: unknown): void {
      later(typeof a === "function" ? a : b, { status: "succeeded" });
    },
  };
  return settings;
}

function officeGlobal(env: HostEnv): object {
  const { config, platform, log } = env;
  const displayLanguage = config.displayLanguage || "en-US";
  const isSetSupported = (name: string, version?: string): boolean => {
    const req = config.requirements;
    if (!req) return true;
    if (!(name in req)) return false;
    return version === undefined || versionReaches(String(req[name]), String(version));
  };
  const readyInfo = { host: "Excel", platform };
  const known: Record<string, unknown> = {
    context: {
      displayLanguage,
      contentLanguage: config.contentLanguage || displayLanguage,
      platform,
      host: "Excel",
      diagnostics: { host: "Excel", platform, version: "16.0.0.0" },
      requirements: { isSetSupported },
      document: {
        settings: documentSettings(env),
        url: config.documentUrl || "https://example.invalid/Book1.xlsx",
        mode: "readWrite",
      },
      officeTheme: {
        bodyBackgroundColor: "#ffffff",
        bodyForegroundColor: "#000000",
        controlBackgroundColor: "#ffffff",
        controlForegroundColor: "#000000",
      },
    },
    HostType: {
      Excel: "Excel",
      Word: "Word",
      PowerPoint: "PowerPoint",
      Outlook: "Outlook",
      OneNote: "OneNote",
      Project: "Project",
      Access: "Access",
    },
    PlatformType: {
      PC: "PC",
      OfficeOnline: "OfficeOnline",
      Mac: "Mac",
      iOS: "iOS",
      Android: "Android",
      Universal: "Universal",
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady(cb?: unknown): Promise<object> {
      log.record({ path: "Office.onReady", kind: "call" });
      return new Promise((resolve) => {
        setTimeout(() => {
          if (typeof cb === "function") (cb as (info: object) => void)(readyInfo);
          resolve(readyInfo);
        }, 0);
      });
    },
    actions: {
      associate(id: string, fn: (...args: unknown[]) => unknown): void {
        log.record({ path: "Office.actions.associate", kind: "call", args: [id] });
        env.actions[id] = fn;
      },
    },
    addin: {
      showAsTaskpane: () => Promise.resolve(),
      hide: () => Promise.resolve(),
      onVisibilityModeChanged: () => Promise.resolve(() => Promise.resolve()),
      setStartupBehavior: () => Promise.resolve(),
      getStartupBehavior: () => Promise.resolve("none"),
    },
  };
  const generics = new Map<string, object>();
  const office = new Proxy(known, {
    get(t, k) {
      if (typeof k !== "string") return undefined;
      if (k in t) return t[k];
      if (k === "then" || k === "initialize") return t[k];
      if (!generics.has(k)) generics.set(k, genericProxy(env, null, `Office.${k}`, {}));
      return generics.get(k);
    },
    set(t, k, v) {
      if (typeof k === "string") t[k] = v;
      return true;
    },
  });
  // Office.js calls Office.initialize (when a page sets it) once it is ready.
  setTimeout(() => {
    const init = known.initialize;
    if (typeof init === "function") (init as (reason: string) => void)("inserted");
  }, 0);
  return office;
}

function officeRuntimeGlobal(env: HostEnv): object {
  const storage = env.book.storage;
  const get = (k: string): string | null => (storage.has(k) ? storage.get(k)! : null);
  return {
    storage: {
      getItem: (k: string) => Promise.resolve(get(k)),
      setItem: (k: string, v: unknown) => Promise.resolve(void storage.set(k, String(v))),
      removeItem: (k: string) => Promise.resolve(void storage.delete(k)),
      getItems: (ks: string[]) => Promise.resolve(Object.fromEntries(ks.map((k) => [k, get(k)]))),
      setItems: (o: Record<string, unknown>) =>
        Promise.resolve(void Object.entries(o).forEach(([k, v]) => storage.set(k, String(v)))),
      removeItems: (ks: string[]) => Promise.resolve(void ks.forEach((k) => storage.delete(k))),
      getKeys: () => Promise.resolve(Array.from(storage.keys())),
    },
    displayWebDialog: () => Promise.reject(new Error("displayWebDialog is not available in the fake host")),
  };
}

/** The five globals of one host. */
export function createGlobals(env: HostEnv): FakeGlobals {
  return {
    Excel: excelGlobal(env),
    Office: officeGlobal(env),
    OfficeExtension: {
      Error: OfficeError,
      ErrorCodes: enumProxy(),
      config: { extendedErrorLogging: false },
      ClientResult,
      Promise: Promise,
      ClientRequestContext: RequestContext,
    },
    CustomFunctions: customFunctionsGlobal(env),
    OfficeRuntime: officeRuntimeGlobal(env),
  };
}

/**
 * The generic recording proxy of the fake host, for the Office.js surface it does not implement
 * (format.fill.color, conditionalFormats.add, charts.add, freezePanes, pageLayout, …): any property chain and
 * method call is accepted, recorded and queued (so faults can target it) and returns a further proxy; it
 * changes nothing in the workbook. `*Async(…, callback)` calls get a succeeded result.
 */
import type { Hint } from "./clientObject";
import { enqueue } from "./clientObject";
import type { HostEnv } from "./hostEnv";
import type { RequestContext } from "./requestContext";
import type { FakeCall } from "./types";

/** Properties that test frameworks, promises and consoles probe: never generic proxies. */
const SKIP = new Set([
  "then",
  "catch",
  "asymmetricMatch",
  "nodeType",
  "tagName",
  "$$typeof",
  "constructor",
  "inspect",
  "toPrimitive",
]);

export const skipped = (prop: string): boolean => SKIP.has(prop) || /^[_$@]/.test(prop);

/** A generic recording proxy for unimplemented Office.js surface (ctx null: outside any request context). */
export function genericProxy(env: HostEnv, ctx: RequestContext | null, path: string, hint: Hint): object {
  const children = new Map<string, object>();
  const values = new Map<string, unknown>();
  const record = (p: string, kind: FakeCall["kind"], args: unknown[], write: boolean): void => {
    const rec = env.log.record({
      path: p,
      kind,
      args,
      sheet: hint.sheet,
      address: hint.address,
      batch: env.log.syncCount + 1,
      write,
    });
    if (ctx) enqueue(ctx, rec, p, null, () => {});
  };
  const target = function () {};
  const proxy: object = new Proxy(target, {
    get(_t, prop) {
      if (typeof prop === "symbol") return undefined;
      if (skipped(prop)) return undefined;
      if (values.has(prop)) return values.get(prop);
      switch (prop) {
        case "context":
          return ctx;
        case "isNullObject":
          return false;
        case "items":
          return [];
        case "toJSON":
          return () => ({});
        case "toString":
          return () => `[fake ${path}]`;
        case "track":
        case "untrack":
          return () => proxy;
        case "load":
          return (...args: unknown[]) => {
            record(`${path}.load`, "load", args, false);
            return proxy;
          };
        case "set":
          return (props: unknown) => record(`${path}.set`, "call", [props], true);
      }
      if (!children.has(prop)) children.set(prop, genericProxy(env, ctx, `${path}.${prop}`, hint));
      return children.get(prop);
    },
    set(_t, prop, value) {
      if (typeof prop === "symbol") return true;
      values.set(prop, value);
      record(`${path}.${prop}`, "set", [value], true);
      return true;
    },
    apply(_t, _this, args: unknown[]) {
      const member = path.slice(path.lastIndexOf(".") + 1);
      record(path, "call", args, !/^(get|load|track|untrack|toJSON|activate|select)/.test(member));
      const last = args[args.length - 1];
      if (/Async$/.test(member) && typeof last === "function") {
        const callback = last as (result: object) => void;
        setTimeout(() => callback({ status: "succeeded", value: undefined, error: null, asyncContext: undefined }), 0);
        return undefined;
      }
      return genericProxy(env, ctx, `${path}()`, hint);
    },
  });
  env.log.register(proxy, {
    describe: () => ({ $object: path, sheet: hint.sheet, address: hint.address }),
    loaded: () => undefined,
  });
  return proxy;
}

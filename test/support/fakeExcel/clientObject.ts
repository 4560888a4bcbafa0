/**
 * The Office.js proxy-object model of the fake host. Methods such as getItem/getRange return proxies at once;
 * property writes and method calls are QUEUED on the request context and applied, in order, at
 * `context.sync()`; `load()` snapshots the state at its place in the queue. Reading a property that was
 * neither loaded (and synced) nor set throws PropertyNotLoaded; `isNullObject` is readable only after the sync
 * that resolved the object. Whatever the fake does not implement goes to a generic recording proxy
 * (genericProxy.ts).
 */
import type { Rect } from "./a1";
import { genericProxy, skipped } from "./genericProxy";
import type { HostEnv } from "./hostEnv";
import { invalidObjectPath, notLoaded, officeError } from "./officeError";
import type { RequestContext } from "./requestContext";
import type { FakeCall } from "./types";

/** What is known of a proxy's target when it is made: its sheet, address and (ranges) rectangle. */
export interface Hint {
  sheet?: string;
  address?: string;
  rect?: Rect | null;
}

/** One queued operation of a request context. */
export interface QueuedOp {
  path: string;
  sheet?: string;
  rec: FakeCall;
  run: () => void;
  /** The object whose load or getXml this is (for the response payload estimate). */
  target: ClientObject<unknown> | null;
}

export type ObjectClass<C> = new (ctx: RequestContext, type: string, hint: Hint) => C;

/** Queues fn on ctx as the work of the recorded call rec. */
export function enqueue(
  ctx: RequestContext,
  rec: FakeCall,
  path: string,
  target: ClientObject<unknown> | null,
  fn: () => void,
): void {
  ctx.queue.push({ path, sheet: rec.sheet, rec, run: fn, target });
  rec.status = "queued";
}

/**
 * An instance of Cls behind a proxy: its own members as they are, a loaded or set property by name, anything
 * else a generic recording proxy (reads) or a recorded, queued generic property write.
 */
export function makeObject<C extends ClientObject<unknown>>(
  Cls: ObjectClass<C>,
  ctx: RequestContext,
  type: string,
  hint: Hint = {},
): C {
  const obj = new Cls(ctx, type, hint);
  const proxy = new Proxy(obj, {
    get(t, prop, recv) {
      if (typeof prop === "symbol" || prop in t) return Reflect.get(t, prop, recv) as unknown;
      if (skipped(prop)) return undefined;
      if (prop in t._loaded) return t._loaded[prop];
      return t._navGeneric(prop);
    },
    set(t, prop, value, recv) {
      if (typeof prop === "symbol" || prop.startsWith("_") || prop in t) return Reflect.set(t, prop, value, recv);
      t._setGeneric(prop, value);
      return true;
    },
  });
  obj._self = proxy;
  ctx.env.log.register(proxy, { describe: () => obj._describe(), loaded: () => obj._loaded });
  return proxy;
}

/** OfficeExtension.ClientResult: its value is readable after the sync that computed it. */
export class ClientResult<T> {
  private ready = false;
  private result: T | undefined = undefined;

  get value(): T {
    if (!this.ready)
      throw officeError(
        "ValueNotLoaded",
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
        "ClientResult.value",
      );
    return this.result as T;
  }

  _set(v: T): void {
    this.result = v;
    this.ready = true;
  }
}

/** The load paths of load(props): "a, b/c", ["a"], { select, expand } or { a: true, b: { c: true } }. */
export function loadPaths(props: unknown): string[] {
  if (props === undefined || props === null) return [];
  if (typeof props === "string")
    return props
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(props)) return props.flatMap((p) => loadPaths(p));
  if (typeof props === "object") {
    const o = props as { select?: unknown; expand?: unknown };
    if (o.select !== undefined || o.expand !== undefined) return loadPaths(o.select).concat(loadPaths(o.expand));
    const out: string[] = [];
    const walk = (x: object, prefix: string): void => {
      for (const [k, v] of Object.entries(x)) {
        if (v && typeof v === "object") walk(v as object, prefix + k + "/");
        else if (v) out.push(prefix + k);
      }
    };
    walk(props, "");
    return out;
  }
  return [];
}

/**
 * An Office.js object of type `type` (range, worksheet, …) whose target T the fake resolves at sync ("bound");
 * a null target makes it a null object. Subclasses declare their scalar properties (_scalars, _read), their
 * navigation properties (_loadNav) and their members as queued operations (_op) or child objects (_child).
 */
export class ClientObject<T> {
  _t: T | null | undefined = undefined;
  _resolved = false;
  _isNull = false;
  _loaded: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  _navs: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  /** The proxy in front of this object (makeObject sets it). */
  _self: this = this;

  constructor(
    readonly _ctx: RequestContext,
    readonly _type: string,
    readonly _hint: Hint,
  ) {}

  get context(): RequestContext {
    return this._ctx;
  }

  get isNullObject(): boolean {
    if (!this._resolved) throw notLoaded("isNullObject", this._type);
    return this._isNull;
  }

  protected get env(): HostEnv {
    return this._ctx.env;
  }

  _describe(): unknown {
    return { $object: this._type, sheet: this._hint.sheet, address: this._hint.address };
  }

  _bind(target: T | null | undefined): void {
    this._resolved = true;
    this._isNull = target === null;
    this._t = target;
  }

  _target(): T | null | undefined {
    if (!this._resolved) throw invalidObjectPath(this._type);
    return this._t;
  }

  _rec(kind: FakeCall["kind"], member: string, args: unknown[], write: boolean): FakeCall {
    return this.env.log.record({
      path: `${this._type}.${member}`,
      kind,
      args,
      sheet: this._hint.sheet,
      address: this._hint.address,
      batch: this.env.log.syncCount + 1,
      write,
      ctx: this._ctx.id,
    });
  }

  /** Objects of another request context cannot be arguments (InvalidRequestContext). */
  _checkArgs(args: readonly unknown[]): void {
    for (const a of args) {
      if (!this.env.log.isObject(a)) continue;
      const other = (a as { context?: RequestContext | null }).context;
      if (other && other !== this._ctx && other.id !== undefined) {
        throw officeError(
          "InvalidRequestContext",
          "Cannot use the object across different request contexts.",
          this._type,
        );
      }
    }
  }

  /** Records and queues a call or set; fn runs at sync with the resolved (non-null) target. */
  _op(kind: FakeCall["kind"], member: string, args: unknown[], write: boolean, fn: (t: T) => void): FakeCall {
    this._checkArgs(args);
    const rec = this._rec(kind, member, args, write);
    enqueue(this._ctx, rec, `${this._type}.${member}`, this, () => {
      const t = this._target();
      if (this._isNull) {
        this._nullCall(member);
        return; // operations on a null object do nothing
      }
      fn(t as T);
    });
    return rec;
  }

  /** A child object made by a method: resolve(target) → child target, or null (null object). */
  _child<C extends ClientObject<U>, U>(
    Cls: ObjectClass<C>,
    type: string,
    member: string,
    args: unknown[],
    hint: Hint,
    resolve: (t: T) => U | null | undefined,
  ): C {
    this._checkArgs(args);
    const child = makeObject(Cls, this._ctx, type, hint);
    const rec = this._rec("call", member, args, false);
    enqueue(this._ctx, rec, `${this._type}.${member}`, this, () => {
      const t = this._target();
      if (this._isNull) {
        this._nullCall(member);
        child._bind(null);
        return;
      }
      child._bind(resolve(t as T));
    });
    return child;
  }

  /** A method called on a null object: fails the sync in strict mode (config.strictNullObjects). */
  _nullCall(member: string): void {
    if (this.env.config.strictNullObjects === true)
      throw officeError(
        "InvalidObjectPath",
        `${this._type}.${member} called on a null object`,
        `${this._type}.${member}`,
      );
  }

  _prop(name: string): unknown {
    if (name in this._loaded) return this._loaded[name];
    if (this._resolved && this._isNull) return null;
    throw notLoaded(name, this._type);
  }

  _setProp<V>(name: string, value: V, apply: (t: T, value: V) => void): void {
    this._loaded[name] = value;
    this._op("set", name, [value], true, (t) => apply(t, value));
  }

  _navGeneric(prop: string): unknown {
    if (!(prop in this._navs))
      this._navs[prop] = genericProxy(this.env, this._ctx, `${this._type}.${prop}`, this._hint);
    return this._navs[prop];
  }

  _setGeneric(prop: string, value: unknown): void {
    this._loaded[prop] = value;
    this._op("set", prop, [value], true, () => {});
  }

  /** The properties a load() without arguments reads. */
  _scalars(): readonly string[] {
    return [];
  }

  _read(_p: string, _t: T): unknown {
    return null;
  }

  /** Loads a navigation property (e.g. "worksheet" of a range) with the rest of its path; false if unknown. */
  _loadNav(_name: string, _rest: string, _t: T): boolean {
    return false;
  }

  /**
   * The navigation property `name` (one object per proxy, made on first use). Read as a property (`queue`),
   * its target is `resolve(this object's target)` at the sync, by a queued get `<type>.<name>`; made by a load
   * during a sync (`queue` false), the load binds it (_loadInto).
   */
  _navigation<C extends ClientObject<U>, U>(
    name: string,
    Cls: ObjectClass<C>,
    type: string,
    hint: Hint,
    queue: boolean,
    resolve: (t: T | null | undefined) => U | null | undefined,
  ): C {
    if (!(name in this._navs)) {
      const nav = makeObject(Cls, this._ctx, type, hint);
      this._navs[name] = nav;
      if (queue) {
        const rec = this._rec("get", name, [], false);
        enqueue(this._ctx, rec, `${this._type}.${name}`, this, () => nav._bind(resolve(this._target())));
      }
    }
    return this._navs[name] as C;
  }

  /** Binds a navigation object to `target` during a load and loads `rest` of the path on it; true. */
  _loadInto<U>(nav: ClientObject<U>, target: U, rest: string): true {
    nav._bind(target);
    nav._snapshot(target, rest ? [rest] : []);
    return true;
  }

  load(props?: unknown): this {
    const paths = loadPaths(props);
    const rec = this._rec("load", "load", props === undefined ? [] : [props], false);
    enqueue(this._ctx, rec, `${this._type}.load`, this, () => {
      const t = this._target();
      if (this._isNull) return;
      this._snapshot(t as T, paths);
    });
    return this._self;
  }

  _snapshot(t: T, paths: readonly string[]): void {
    const list = paths.length ? paths : this._scalars();
    for (const p of list) {
      const slash = p.indexOf("/");
      if (slash >= 0) {
        this._loadNav(p.slice(0, slash), p.slice(slash + 1), t);
        continue;
      }
      if (this._loadNav(p, "", t)) continue;
      this._loaded[p] = this._read(p, t);
    }
  }

  set(props: unknown): void {
    const self = this._self as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries((props as Record<string, unknown> | null) || {})) {
      if (v && typeof v === "object" && !Array.isArray(v)) {
        const nav = self[k] as { set?: unknown } | undefined;
        if (nav && typeof nav.set === "function") (nav.set as (p: unknown) => void)(v);
        else this._setGeneric(k, v);
      } else {
        self[k] = v;
      }
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.assign({}, this._loaded);
  }

  track(): this {
    return this._self;
  }

  untrack(): this {
    return this._self;
  }
}

/** Loads collection items: each becomes a bound object with its own snapshot. */
function loadItems<T, I>(
  coll: Collection<T, I>,
  paths: readonly string[],
  targets: readonly I[],
  makeItem: (x: I) => ClientObject<I>,
): void {
  const sub: string[] = [];
  for (const p of paths) {
    if (p === "items") continue;
    sub.push(p.startsWith("items/") ? p.slice(6) : p);
  }
  coll._loaded.items = targets.map((t) => {
    const item = makeItem(t);
    item._bind(t);
    item._snapshot(t, sub);
    return item;
  });
}

/** A collection of I (worksheets, names, …) of the target T; load("items/…") loads every item. */
export class Collection<T, I> extends ClientObject<T> {
  get items(): unknown {
    return this._prop("items");
  }

  _targets(_t: T | null | undefined): I[] {
    return [];
  }

  _makeItem(_x: I): ClientObject<I> {
    throw new Error(`fake host: ${this._type} has no items`);
  }

  _snapshot(t: T, paths: readonly string[]): void {
    loadItems(this, paths, this._targets(t), (x) => this._makeItem(x));
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this._op("call", "getCount", [], false, (t) => result._set(this._targets(t).length));
    return result;
  }
}

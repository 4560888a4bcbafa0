/**
 * Excel.RequestContext of the fake host and its sync. A sync applies the queued operations in order; a failing
 * one rejects the sync with an OfficeExtension.Error (code, message, debugInfo.errorLocation) — the operations
 * before it in the batch stay applied, the ones after it are dropped: Excel has no rollback, so neither has the
 * fake. With config.maxPayloadBytes a sync whose estimated request exceeds it rejects before applying anything
 * (RequestPayloadSizeLimitExceeded), and one whose estimated response exceeds it rejects after its operations
 * were applied (ResponsePayloadSizeLimitExceeded: the fake assumes the worst for writes in such a batch).
 */
import { makeObject, type QueuedOp } from "./clientObject";
import { genericProxy } from "./genericProxy";
import type { HostEnv } from "./hostEnv";
import { OfficeError, invalidObjectPath, officeError } from "./officeError";
import { Workbook } from "./workbookApi";

export class RequestContext {
  readonly id: number;
  queue: QueuedOp[] = [];
  /** Set when its Excel.run has finished: its objects cannot be used in a later sync. */
  closed = false;
  readonly workbook: Workbook;
  readonly application: object;
  readonly runtime: object;
  readonly trackedObjects = { add() {}, remove() {} };

  constructor(readonly env: HostEnv) {
    this.id = env.log.nextContextId();
    this.workbook = makeObject(Workbook, this, "workbook", {});
    this.workbook._bind(env.book);
    this.application = genericProxy(env, this, "application", {});
    this.runtime = genericProxy(env, this, "runtime", {});
  }

  load(obj: { load(props?: unknown): unknown }, props?: unknown): unknown {
    return obj.load(props);
  }

  /** Applies the queued operations (after config.syncDelayMs and any hold); `implicit` for Excel.run's own. */
  sync(implicit?: boolean): Promise<void> {
    const { log, faults, config } = this.env;
    log.syncCount++;
    const n = log.syncCount;
    const ops = this.queue;
    this.queue = [];
    log.record({ path: "context.sync", kind: "sync", batch: n, ops: ops.length, implicit: !!implicit, ctx: this.id });
    const closed = this.closed;
    const delay = config.syncDelayMs || 0;
    const wait = (): Promise<void> =>
      delay > 0 ? new Promise<void>((res) => setTimeout(res, delay)) : Promise.resolve();
    return wait()
      .then(() => faults.passGate())
      .then(() => this.apply(n, ops, closed));
  }

  private apply(n: number, ops: readonly QueuedOp[], closed: boolean): void {
    const { log, faults } = this.env;
    const whole = faults.forSync(n);
    if (whole) {
      for (const op of ops) op.rec.status = "dropped";
      throw whole;
    }
    if (closed && ops.length) throw invalidObjectPath(ops[0]!.path);
    const limit = log.maxPayload;
    if (limit !== null) {
      const request = ops.reduce((sum, op) => sum + op.path.length + 64 + log.requestBytesOf(op.rec), 0);
      if (request > limit) {
        for (const op of ops) op.rec.status = "dropped";
        throw officeError(
          "RequestPayloadSizeLimitExceeded",
          `The request payload size has exceeded the limit (${request} > ${limit} bytes).`,
          "context.sync",
        );
      }
    }
    let response = 0;
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      try {
        const f = faults.forOperation(op);
        if (f) throw f;
        op.run();
        op.rec.status = "applied";
        if (limit !== null && op.target) {
          if (op.path.endsWith(".load")) response += log.payloadBytes(op.target._loaded, true);
          else if (op.path.endsWith(".getXml") && op.target._t)
            response += log.payloadBytes((op.target._t as { xml: string }).xml, false);
        }
      } catch (e) {
        op.rec.status = "failed";
        for (let j = i + 1; j < ops.length; j++) ops[j]!.rec.status = "dropped";
        if (e instanceof OfficeError && !e.debugInfo.errorLocation) e.debugInfo.errorLocation = op.path;
        throw e;
      }
    }
    if (limit !== null && response > limit) {
      throw officeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${response} > ${limit} bytes).`,
        "context.sync",
      );
    }
  }
}

/**
 * Calling the associated custom functions as Excel does: host.invoke(id, args, invocation) looks the id up
 * case-insensitively, pads omitted optional arguments with null (given functions.json via host.setMetadata)
 * and appends the invocation; invokeSettled reports the outcome as plain data (for page.evaluate).
 */
import type { HostEnv } from "./hostEnv";
import type { FakeHost, FakeInvokeResult } from "./types";

type Calls = Pick<FakeHost, "setMetadata" | "invoke" | "invokeSettled">;

export function customFunctionCalls(env: HostEnv): Calls {
  let metadata: { functions: { id: string; parameters: unknown[] }[] } | null = null;
  const metadataOf = (id: string) =>
    metadata ? metadata.functions.find((f) => f.id.toUpperCase() === id.toUpperCase()) : undefined;

  const invoke: FakeHost["invoke"] = (id, args, invocation) => {
    const key = Object.keys(env.associated).find((k) => k.toUpperCase() === String(id).toUpperCase());
    const fn = key === undefined ? undefined : env.associated[key];
    if (typeof fn !== "function") return Promise.reject(new Error(`fake host: no function associated with "${id}"`));
    const list = (args || []).slice();
    const meta = metadataOf(String(id));
    if (meta) while (list.length < meta.parameters.length) list.push(null);
    const results: unknown[] = [];
    const inv = Object.assign(
      {
        functionName: String(id).toUpperCase(),
        address: "Sheet1!A1",
        parameterAddresses: undefined,
        isInValuePreview: false,
        onCanceled: undefined,
      },
      invocation || {},
      { setResult: (v: unknown) => results.push(v) },
    );
    env.log.record({ path: "CustomFunctions.invoke", kind: "call", args: [id, list.length] });
    try {
      return Promise.resolve(fn(...list, inv));
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  };

  return {
    setMetadata: (json) => {
      metadata = json;
    },
    invoke,
    invokeSettled: (id, args, invocation) =>
      invoke(id, args, invocation).then(
        (value): FakeInvokeResult => ({ ok: true, value }),
        (e: unknown): FakeInvokeResult => {
          const x = e as { name?: string; code?: string; message?: string } | null;
          return { ok: false, error: { name: x?.name, code: x?.code, message: x?.message } };
        },
      ),
  };
}

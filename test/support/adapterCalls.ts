/**
 * Calling the custom functions' adapters as Excel does, in plain Node (the CustomFunctions global of
 * customFunctionsGlobal.ts): an invocation without parameter addresses, ranges as columns of cells, and the
 * Excel error an adapter rejected with.
 */
import { expect } from "vitest";

/** An invocation without parameter addresses (Excel on the web, or a value typed into the formula). */
export const INV = { parameterAddresses: [] } as unknown as CustomFunctions.Invocation;

/** A one-column range of cells: col(1, null, "a") is [[1], [null], ["a"]]. */
export const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);

/**
 * The CustomFunctions.Error an adapter rejected (or threw) with; fails on any other error, and when the call
 * succeeds. `call` is the adapter's promise, or a function that calls it (to catch a synchronous throw too).
 */
export async function excelError(call: Promise<unknown> | (() => unknown)): Promise<{ code: string; message: string }> {
  try {
    await (typeof call === "function" ? call() : call);
  } catch (e) {
    expect(e).toBeInstanceOf(CustomFunctions.Error);
    return e as { code: string; message: string };
  }
  throw new Error("expected an Excel error");
}

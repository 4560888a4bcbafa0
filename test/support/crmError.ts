import { expect } from "vitest";
import { CrmError } from "../../src/core/errors";

/** The code of the CrmError `f` throws ("VALUE", "NUM", "DIV0", "NA"), undefined when it returns; anything else fails. */
export function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof CrmError) return e.code;
    throw e;
  }
  return undefined;
}

/** The CrmError `f` throws; fails when it throws anything else or returns. */
export function crmError(f: () => unknown): CrmError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CrmError);
    return e as CrmError;
  }
  throw new Error("expected a CrmError");
}

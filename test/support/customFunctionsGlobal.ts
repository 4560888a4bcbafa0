/**
 * A stand-in for the `CustomFunctions` global that Excel's runtime provides, so adapters can be tested
 * in plain Node: `CustomFunctions.Error` with `code` and `message`, `ErrorCode`, and a recording
 * `associate`.
 */
import { CUSTOM_FUNCTION_ERROR_CODES } from "./fakeExcel/errorCodes";

class FakeCustomFunctionsError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? "");
    this.code = code;
  }
}

export const associated = new Map<string, (...args: unknown[]) => unknown>();

const fake = {
  Error: FakeCustomFunctionsError,
  ErrorCode: { ...CUSTOM_FUNCTION_ERROR_CODES },
  associate(id: string, f: (...args: unknown[]) => unknown): void {
    associated.set(id, f);
  },
};

(globalThis as unknown as { CustomFunctions: typeof fake }).CustomFunctions = fake;

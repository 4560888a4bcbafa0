import { expect, it } from "vitest";
import { createFakeHost } from "../support/fakeExcel.js";
it("imports", () => {
  expect(typeof createFakeHost).toBe("function");
  expect((globalThis as Record<string, unknown>).Excel).toBeUndefined();
});

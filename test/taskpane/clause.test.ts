/**
 * clause() (src/taskpane/host.ts) embeds a message from Excel or the core in a sentence of the pane's: the
 * message's closing full stop goes, in English or Chinese (the catalogue's `pane.fullStop`), so that
 * "failed: {detail}." never reads "exists.." or "存在。.".
 */
import { describe, expect, it } from "vitest";
import { clause } from "../../src/taskpane/host";

describe("clause", () => {
  it("takes off one English full stop and surrounding spaces", () => {
    expect(clause(" The sheet already exists. ")).toBe("The sheet already exists");
    expect(clause("No stop")).toBe("No stop");
  });

  it("takes off one Chinese full stop (U+3002)", () => {
    expect(clause("\u5de5\u4f5c\u8868\u5df2\u5b58\u5728\u3002")).toBe("\u5de5\u4f5c\u8868\u5df2\u5b58\u5728");
  });

  it("keeps an ellipsis, written as three dots or as one character", () => {
    expect(clause("Loading...")).toBe("Loading...");
    expect(clause("Loading\u2026")).toBe("Loading\u2026");
  });
});

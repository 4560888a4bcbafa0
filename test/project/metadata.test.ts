/**
 * functions.json and its Chinese twin as the build makes them — generated here from the adapters' JSDoc and
 * the translation tables (scripts/function-metadata.js, scripts/localize-metadata.js), so this runs without
 * dist/; test/integration/build.test.ts checks that dist/ holds exactly these files.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { FunctionsJson } from "../support/dist";
import { ROOT } from "../support/dist";
import { generatedMetadata } from "../support/functionMetadata";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeMetadata, readMetaTables } = require("../../scripts/localize-metadata.js") as {
  localizeMetadata: (m: unknown, t: unknown, l: string) => unknown;
  readMetaTables: (dir: string) => Record<string, { zh?: { parameters?: Record<string, string> } }>;
};

const table = readMetaTables(path.join(ROOT, "src/functions"));
let en: FunctionsJson;
let zh: FunctionsJson;
beforeAll(async () => {
  en = (await generatedMetadata()).metadata;
  zh = localizeMetadata(en, table, "zh-CN") as FunctionsJson;
});
const HAN = /[\u4e00-\u9fff]/;

describe("functions.json (generated from the adapters' JSDoc)", () => {
  it("describes every function and every parameter", () => {
    expect(en.functions.length).toBeGreaterThan(0);
    for (const f of en.functions) {
      expect(f.description.trim().length, f.id).toBeGreaterThan(10);
      for (const p of f.parameters)
        expect((p.description ?? "").trim().length, `${f.id}(${p.name})`).toBeGreaterThan(3);
    }
  });

  it("has upper-case ids that cannot be read as cell references", () => {
    for (const f of en.functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9]*(\.[A-Z][A-Z0-9]*)*$/);
      expect(f.id).not.toMatch(/^[A-Z]{1,3}[0-9]+$/);
    }
  });

  it("keeps every description on one line", () => {
    for (const f of en.functions) expect(f.description).not.toMatch(/\n/);
  });

  it("includes the NPS function that is the pipeline's first end-to-end function", () => {
    const f = en.functions.find((x) => x.id === "NPS");
    expect(f?.parameters.map((p) => p.name)).toEqual(["scores"]);
    expect(f?.options?.requiresParameterAddresses).toBe(true);
  });
});

describe("functions.zh-CN.json (built from functions.json and the translation tables)", () => {
  it("has the same ids, names and parameters as functions.json", () => {
    expect(zh.functions.map((f) => [f.id, f.name, f.parameters.map((p) => p.name)])).toEqual(
      en.functions.map((f) => [f.id, f.name, f.parameters.map((p) => p.name)]),
    );
  });

  it("describes every function and parameter in Chinese", () => {
    for (const f of zh.functions) {
      expect(f.description, f.id).toMatch(HAN);
      for (const p of f.parameters) expect(p.description, `${f.id}(${p.name})`).toMatch(HAN);
    }
  });

  it("translates exactly the parameters each function declares (no stale translation)", () => {
    for (const f of en.functions)
      expect(Object.keys(table[f.id]?.zh?.parameters ?? {}).sort(), f.id).toEqual(
        f.parameters.map((p) => p.name).sort(),
      );
  });

  it("refuses to build when a translation is missing", () => {
    const first = en.functions[0]!;
    const broken = { ...table, [first.id]: { zh: { description: "", parameters: {} } } };
    expect(() => localizeMetadata(en, broken, "zh-CN")).toThrow(/Missing zh-CN translations:[\s\S]*description/);
  });
});

describe("the public API (golden file of functions.json signatures)", () => {
  it("matches test/fixtures/functions.signatures.json — a changed signature must show as a diff there (npm run docs)", async () => {
    const mod = await import("../../scripts/function-reference.mjs");
    const golden = JSON.parse(readFileSync(mod.GOLDEN, "utf8")) as unknown;
    expect(mod.signatures(en)).toEqual(golden);
  });

  it("keeps the names and argument orders the issues fixed as public API", async () => {
    const mod = await import("../../scripts/function-reference.mjs");
    const byId = new Map(mod.signatures(en).map((s) => [s.id, s.parameters.map((p) => p.split(":")[0])]));
    expect(byId.get("CLV")).toEqual(["margin", "retention", "discountRate", "periods", "timing"]);
    expect(byId.get("CAC")).toEqual(["costs", "newCustomers"]);
    expect(byId.get("RETENTION")).toEqual(["startCustomers", "endCustomers", "newCustomers"]);
    expect(byId.get("NPS.CI")).toEqual(["scores", "confidence"]);
    expect(byId.get("BGNBD.EXPECTED")).toEqual(["params", "t", "frequency", "recency", "T"]);
    expect(byId.get("CLV.BTYD")).toEqual([
      "bgParams",
      "ggParams",
      "frequency",
      "recency",
      "T",
      "monetary",
      "months",
      "monthlyDiscount",
      "periodDays",
      "model",
    ]);
    expect(byId.get("PNBD.EXPECTED")).toEqual(["params", "t", "frequency", "recency", "T"]);
    expect(byId.get("BGBB.FIT")).toEqual(["frequency", "recency", "periods", "count"]);
    expect(byId.get("BGBB.EXPECTED")).toEqual(["params", "futurePeriods", "frequency", "recency", "periods"]);
    expect(byId.get("SBG.DERL")).toEqual(["params", "discountRate", "renewals"]);
  });
});

describe("README.md function reference", () => {
  it("is the one generated from functions.json and the examples (run `npm run docs` after changing a function)", async () => {
    const mod = await import("../../scripts/function-reference.mjs");
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    expect(readme).toContain(await mod.currentReference());
  });
});

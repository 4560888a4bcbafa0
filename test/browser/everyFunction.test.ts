/**
 * Every CRM function answers through the function the production bundle associated, in Chromium with the
 * fake host: each function's worked example (src/functions/*.meta.json — the same the README shows and
 * test/functions/examples.test.ts runs in Node), with its arguments as Excel passes them, must give the
 * example's result. A test fails when a function of functions.json has no example.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { excelArguments, readExamples, resultMismatches } from "../../scripts/function-examples.mjs";
import { browserSessionPerFile, invokeFunction, skipBrowserLayer, type HostPage } from "../support/browser";
import { functionsJson } from "../support/dist";
import type { FakeInvokeResult } from "../support/fakeExcel";
import { exampleData } from "../support/functionMetadata";

const examples = readExamples();

const session = browserSessionPerFile();
let page: HostPage;

beforeAll(async () => {
  if (skipBrowserLayer) return;
  page = await session.open("taskpane.html", {});
});

describe.skipIf(skipBrowserLayer)("every function answers through CustomFunctions.associate", () => {
  const functions = skipBrowserLayer ? [] : functionsJson().functions;

  it("has a worked example for every id in functions.json, and none for a function that does not exist", () => {
    expect(Object.keys(examples).sort()).toEqual(functions.map((f) => f.id).sort());
  });

  for (const f of functions) {
    it(`CRM.${f.id}`, async () => {
      const example = examples[f.id];
      if (!example) throw new Error(`CRM.${f.id} has no worked example`);
      const args = excelArguments(example, f.parameters, exampleData);
      const r: FakeInvokeResult = await invokeFunction(page, f.id, args, {});
      if (!r.ok) throw new Error(`CRM.${f.id} failed: ${JSON.stringify(r.error)}`);
      expect(resultMismatches(r.value, example)).toEqual([]);
    });
  }
});

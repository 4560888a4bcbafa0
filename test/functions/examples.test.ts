/**
 * The worked example of every function (src/functions/*.meta.json, the one source the README reference and
 * the browser test also use) through its adapter in Node: the arguments as Excel passes them (typed-in
 * values, array constants, ranges as columns of their data, omitted optional arguments as null), and the
 * result worked out in the example from the function's definition — to the decimals the README shows.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  exampleFormula,
  exampleResultText,
  excelArguments,
  readExamples,
  resultMismatches,
} from "../../scripts/function-examples.mjs";
import type { FunctionsJson } from "../support/dist";
import { adapterFor, exampleData, generatedMetadata } from "../support/functionMetadata";

const examples = readExamples();
let metadata: FunctionsJson;
beforeAll(async () => {
  metadata = (await generatedMetadata()).metadata;
});

describe("worked examples (src/functions/*.meta.json)", () => {
  it("exist for every function in functions.json, and only for those", () => {
    expect(Object.keys(examples).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  for (const [id, example] of Object.entries(examples)) {
    it(`${exampleFormula(id, example)} → ${exampleResultText(example)}`, async () => {
      const f = metadata.functions.find((x) => x.id === id);
      if (!f) throw new Error(`${id} is not in functions.json`);
      const adapter = await adapterFor(id);
      const args = excelArguments(example, f.parameters, exampleData);
      const got = await adapter(...args, { address: "Sheet1!A1", parameterAddresses: args.map(() => null) });
      expect(resultMismatches(got, example)).toEqual([]);
    }, 30_000);
  }
});

describe("the example format", () => {
  const example = {
    arguments: [[["A", 'say "hi"']], 2.5, true, { range: "B2:B3", data: "d" }],
    result: [[1.23456, null, "x"]],
    decimals: [2, 0, 0],
  };
  const parameters = [
    { name: "a", dimensionality: "matrix" },
    { name: "b", dimensionality: "matrix" },
    { name: "c" },
    { name: "d", dimensionality: "matrix" },
    { name: "e", optional: true },
  ];

  it("writes the formula as typed: array constants, quotes doubled, TRUE, the range's address", () => {
    expect(exampleFormula("F", example)).toBe('=CRM.F({"A","say ""hi"""},2.5,TRUE,B2:B3)');
  });
  it("shows the result rounded to its decimals, a blank as (blank), cells by | and rows by /", () => {
    expect(exampleResultText(example)).toBe("1.23 | (blank) | x");
    expect(exampleResultText({ arguments: [], result: [[1], [2.5]], decimals: 2 })).toBe("1 / 2.50");
  });
  it("passes a typed-in value to a range parameter as 1×1, a range as a column, an omitted optional as null", () => {
    expect(excelArguments(example, parameters, () => [7, 8])).toEqual([
      [["A", 'say "hi"']],
      [[2.5]],
      true,
      [[7], [8]],
      null,
    ]);
    expect(() => excelArguments(example, parameters, () => [7])).toThrow(/B2:B3 has 2 rows but d has 1 values/);
    expect(() => excelArguments({ arguments: [], result: 0 }, parameters, () => [])).toThrow(/required argument a/);
  });
  it("compares to the shown decimals when the example rounds, exactly otherwise; blank is null or empty text", () => {
    expect(resultMismatches([[1.2349, "", "x"]], example)).toEqual([]);
    expect(resultMismatches([[1.236, null, "y"]], example)).toEqual([
      "row 1, column 1: 1.236 shows as 1.24, not 1.23",
      'row 1, column 3: "y", not "x"',
    ]);
    expect(resultMismatches([[0.30000000000000004]], { arguments: [], result: 0.3 })).toEqual([]);
    expect(resultMismatches(0.31, { arguments: [], result: 0.3 })).toEqual(["result: 0.31, not 0.3"]);
    expect(
      resultMismatches([[1, 2]], {
        arguments: [],
        result: [
          [1, 2],
          [3, 4],
        ],
      }),
    ).toEqual(["result [[1,2]]: not 2 rows"]);
  });
});

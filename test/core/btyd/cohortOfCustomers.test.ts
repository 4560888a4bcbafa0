/**
 * cohortTableOfCustomers (customers numbered by the caller, as the analysis's day grouping numbers them) gives
 * cohortTable's table for the same log whatever the numbering: cohortTable's own values are checked against
 * hand-worked logs in cohort.test.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cohortTable, cohortTableOfCustomers } from "../../../src/core/btyd/cohort";

const log = fc.array(fc.tuple(fc.constantFrom("a", "b", "c", "d", "e"), fc.integer({ min: 45292, max: 46000 })), {
  minLength: 1,
  maxLength: 60,
});

describe("cohortTableOfCustomers", () => {
  it("equals cohortTable for any log, grain and numbering of the customers", () => {
    fc.assert(
      fc.property(log, fc.constantFrom("week", "month", "quarter" as const), fc.boolean(), (rows, grain, reverse) => {
        const ids = rows.map(([id]) => id);
        const dates = rows.map(([, d]) => d);
        const distinct = [...new Set(ids)];
        if (reverse) distinct.reverse();
        const numbers = ids.map((id) => distinct.indexOf(id));
        expect(cohortTableOfCustomers(numbers, distinct.length, dates, grain)).toEqual(cohortTable(ids, dates, grain));
      }),
      { numRuns: 300 },
    );
  });
});

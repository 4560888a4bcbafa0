/**
 * Cross-selling rate (DESIGN.md "Customer analysis"): customers with ≥ 2 distinct categories / customers
 * with a category; customers and categories match like COUNTIF (case, surrounding spaces, 12 = "12").
 */
import { describe, expect, it } from "vitest";
import { crossSell } from "../../../src/core/analysis/crossSell";
import { codeOf } from "../../support/crmError";
import { syntheticAnalysis } from "../../fixtures/analysis/analysis";

describe("cross-selling rate", () => {
  it("A bought Books and Music, B only Books, C has no category → 1 of 2 customers with a category", () => {
    const s = crossSell(["A", "a ", "B", "C"], ["Books", "music", "Books", null]);
    expect(s).toEqual({ rate: 0.5, customers: 2, crossBuyers: 1 });
  });

  it("categories ignore case and surrounding spaces: 'Books', ' books ', 'BOOKS' are one category", () => {
    expect(crossSell([1, 1, 1], ["Books", " books ", "BOOKS"]).rate).toBe(0);
  });

  it("numbers match the same digits as text, for customers and categories: 1001 and '1001'; 12 and ' 12'", () => {
    expect(crossSell([1001, "1001"], [12, " 12"]).rate).toBe(0);
    expect(crossSell([1001, "1001"], [12, "13"]).rate).toBe(1);
  });

  it("rows without a customer are skipped; blank categories (null, spaces) do not count", () => {
    expect(crossSell([null, "A", "A"], ["Toys", "Books", "   "])).toEqual({ rate: 0, customers: 1, crossBuyers: 0 });
  });

  it("no customer with a category is #DIV/0!; different lengths #VALUE!", () => {
    expect(codeOf(() => crossSell(["A", "B"], [null, ""]))).toBe("DIV0");
    expect(codeOf(() => crossSell([], []))).toBe("DIV0");
    expect(codeOf(() => crossSell(["A"], []))).toBe("VALUE");
  });

  it("a seeded purchase list of 1,000 rows with mixed forms (reference: make_fixtures.py)", () => {
    const ref = syntheticAnalysis().crossSell;
    expect(crossSell(ref.customerIds, ref.categories)).toEqual({
      rate: ref.rate,
      customers: ref.customers,
      crossBuyers: ref.crossBuyers,
    });
  });
});

import { describe, expect, it } from "vitest";
import { codeOf } from "../../support/crmError";
import { eva, roi, tco } from "../../../src/core/metrics/finance";

describe("roi", () => {
  it("ROI is (gain − cost)/cost: (125000 − 100000)/100000 = 0.25", () => {
    expect(roi(125000, 100000)).toBe(0.25);
  });
  it("a loss is negative: (60 − 100)/100 = −0.4; losing everything is −1", () => {
    expect(roi(60, 100)).toBe(-0.4);
    expect(roi(0, 100)).toBe(-1);
  });
  it("cost 0 is #DIV/0!, negative cost #NUM!, overflow #NUM!", () => {
    expect(codeOf(() => roi(100, 0))).toBe("DIV0");
    expect(codeOf(() => roi(100, -1))).toBe("NUM");
    expect(codeOf(() => roi(1e308, 1e-308))).toBe("NUM");
    expect(codeOf(() => roi(Number.NaN, 1))).toBe("NUM");
  });
});

describe("tco", () => {
  it("undiscounted by default: 10000 + 2000 + 2500 + 3000 = 17500", () => {
    expect(tco(10000, [2000, 2500, 3000])).toBe(17500);
  });
  it("at 10%: 10000 + 2000/1.1 + 2000/1.21 + 2000/1.331 = 10000 + 1818.18 + 1652.89 + 1502.63 ≈ 14973.70", () => {
    // Σ = 2000·(1/1.1 + 1/1.21 + 1/1.331) = 2000·(1.21 + 1.1 + 1)/1.331 = 6620/1.331 = 4973.7040
    expect(tco(10000, [2000, 2000, 2000], 0.1)).toBeCloseTo(10000 + 6620 / 1.331, 9);
  });
  it("running costs are discounted in range order: [0, 1210] at 10% adds 1210/1.21 = 1000", () => {
    expect(tco(0, [0, 1210], 0.1)).toBeCloseTo(1000, 10);
  });
  it("a blank year (null) costs nothing and keeps later years in place: [null, 1210] at 10% is 1000 too", () => {
    expect(tco(0, [null, 1210], 0.1)).toBeCloseTo(1000, 10);
  });
  it("no running costs is just the up-front cost", () => {
    expect(tco(5000, [])).toBe(5000);
  });
  it("a negative cost or a discount rate ≤ −1 is #NUM!", () => {
    expect(codeOf(() => tco(-1, [1]))).toBe("NUM");
    expect(codeOf(() => tco(1, [1, -1]))).toBe("NUM");
    expect(codeOf(() => tco(1, [1], -1))).toBe("NUM");
    expect(codeOf(() => tco(1, [Number.NaN]))).toBe("NUM");
  });
  it("an overflowing total is #NUM! (d near −1 inflates later years)", () => {
    expect(codeOf(() => tco(1, [1e300, 1e300, 1e300], -0.9999))).toBe("NUM");
  });
});

describe("eva", () => {
  it("EVA is NOPAT − WACC × capital: 150000 − 0.1·1000000 = 50000", () => {
    expect(eva(150000, 1000000, 0.1)).toBe(50000);
  });
  it("destroys value when NOPAT is below the capital charge: 50000 − 0.08·1000000 = −30000", () => {
    expect(eva(50000, 1000000, 0.08)).toBe(-30000);
  });
  it("negative capital or WACC ≤ −1 is #NUM!; overflow #NUM!", () => {
    expect(codeOf(() => eva(1, -1, 0.1))).toBe("NUM");
    expect(codeOf(() => eva(1, 1, -1))).toBe("NUM");
    expect(codeOf(() => eva(-1e308, 1e308, 10))).toBe("NUM");
  });
});

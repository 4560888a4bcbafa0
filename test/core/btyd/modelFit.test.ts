/**
 * The pieces the maximum-likelihood models share (modelFit.ts): a parameter set's check names the model and
 * the first parameter that is not positive and finite, in the declared order; the public functions built from
 * a model of customer summaries check parameters, customer and horizon before they compute.
 */
import { describe, expect, it } from "vitest";
import { BGNBD_PARAMETERS, bgnbdExpected, bgnbdPAlive } from "../../../src/core/btyd/bgnbd";
import { mbgnbdFit } from "../../../src/core/btyd/mbgnbd";
import { parameterSet } from "../../../src/core/btyd/modelFit";
import { msg } from "../../../src/core/messages/catalogue";
import { crmError as thrown } from "../../support/crmError";

describe("parameterSet", () => {
  const set = parameterSet("Toy", ["u", "v"], msg("btyd.hintBgnbd"));

  it("accepts positive finite parameters and names the first bad one in declared order", () => {
    expect(() => set.check({ u: 1e-300, v: 1e300 })).not.toThrow();
    for (const [params, name] of [
      [{ u: 0, v: -1 }, "u"],
      [{ u: 1, v: Infinity }, "v"],
      [{ u: NaN, v: 1 }, "u"],
    ] as const) {
      const e = thrown(() => set.check(params));
      expect(e.code).toBe("NUM");
      expect(e.params).toMatchObject({ model: "Toy", name });
    }
  });

  it("declares BG/NBD's order r, alpha, a, b (the order of the fit's θ and of CRM.BGNBD.FIT's spill)", () => {
    expect(BGNBD_PARAMETERS.names).toEqual(["r", "alpha", "a", "b"]);
  });
});

describe("functions of a model of customer summaries", () => {
  const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

  it("check the parameters first, then the customer, then the horizon", () => {
    expect(thrown(() => bgnbdPAlive({ ...p, a: -1 }, 2, 40, 30)).params).toMatchObject({ name: "a" });
    expect(thrown(() => bgnbdPAlive(p, 2, 40, 30)).id).toBe("btyd.customerInvalid");
    expect(thrown(() => bgnbdExpected(p, -1, 2, 30, 38)).id).toBe("btyd.horizon");
  });

  it("name the model in a fit's messages (MBG/NBD, though it shares BG/NBD's parameters)", () => {
    const e = thrown(() => mbgnbdFit([1, 1], [2, 2], [5, 5]));
    expect(e.code).toBe("NA");
    expect(e.params).toEqual({ model: "MBG/NBD" });
  });
});

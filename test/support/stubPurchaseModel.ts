/**
 * A purchase model whose predictions are arithmetic by hand, for the customer-analysis tests that must not
 * depend on a real fit: P(alive) = (1 + x)/(1 + x + T/15) and E[Y(t)] = 0.1·t·P(alive).
 */
import type { PurchaseModel, PurchaseModelFitter } from "../../src/core/analysis/models";

/** The stub as a fitter named `name` whose fit reports `logLikelihood` (whatever the data). */
export function stubPurchaseModel(name = "Stub", logLikelihood = -1): PurchaseModelFitter {
  const pAlive = (x: number, _tx: number, T: number): number => (1 + x) / (1 + x + T / 15);
  const model: PurchaseModel = {
    name,
    params: { rate: 0.1 },
    logLikelihood,
    pAlive,
    expectedCurve: (times, x, tx, T) => Float64Array.from(times, (t) => 0.1 * t * pAlive(x, tx, T)),
  };
  return { name, fit: () => model };
}

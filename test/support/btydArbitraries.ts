/**
 * fast-check generators shared by the BTYD models' property tests: BG/NBD-shaped parameters and customers
 * (frequency x, recency t_x ≤ T, age T; t_x = 0 when x = 0, as in every RFM summary).
 */
import fc from "fast-check";

/** r, alpha, a, b over the ranges a fit meets in practice (BG/NBD and MBG/NBD share them). */
export const bgnbdParamsArbitrary = fc.record({
  r: fc.double({ min: 0.01, max: 10, noNaN: true }),
  alpha: fc.double({ min: 0.1, max: 100, noNaN: true }),
  a: fc.double({ min: 0.05, max: 5, noNaN: true }),
  b: fc.double({ min: 0.05, max: 10, noNaN: true }),
});

/** A customer with 0–maxFrequency repeat purchases and an age of 0–maxAge periods. */
export function customerArbitrary(
  maxFrequency: number,
  maxAge: number,
): fc.Arbitrary<{ x: number; tx: number; T: number }> {
  return fc
    .tuple(
      fc.integer({ min: 0, max: maxFrequency }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: maxAge, noNaN: true }),
    )
    .map(([x, share, T]) => ({ x, tx: x === 0 ? 0 : share * T, T }));
}

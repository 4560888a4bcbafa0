/**
 * Special functions the "Buy Till You Die" models need: ln Γ and the digamma function ψ = (ln Γ)′, for
 * positive real arguments (the models' parameters and counts are positive).
 *
 * Method: shift the argument up to x ≥ 10 with the recurrences Γ(x + 1) = x·Γ(x) and ψ(x + 1) = ψ(x) + 1/x,
 * then sum the Stirling (de Moivre) asymptotic series, whose first omitted term is below 1e-17 at x = 10
 * (Abramowitz & Stegun 6.1.41 and 6.3.18). Absolute error ≲ 1e-15 for ln Γ, relative ≲ 1e-15 for ψ away
 * from its root near 1.4616; the tests compare with SciPy's gammaln and psi.
 */

const HALF_LOG_2PI = 0.9189385332046728; // ½·ln(2π)
const SHIFT = 10;

/**
 * ln Γ(x) for x > 0. O(1): at most 10 multiplications of the shift plus 7 series terms.
 * Callers guarantee x > 0 and finite (a non-positive x returns NaN, which core code never lets escape).
 * @example logGamma(5) // ln 24 ≈ 3.1780538303479458
 */
export function logGamma(x: number): number {
  let shifted = x;
  let product = 1;
  while (shifted < SHIFT) {
    product *= shifted;
    shifted += 1;
  }
  const inv = 1 / shifted;
  const inv2 = inv * inv;
  // Stirling: (x − ½)ln x − x + ½ln 2π + Σ B₂ₖ/(2k(2k − 1)x^(2k−1)), k = 1..7
  const series =
    inv *
    (1 / 12 +
      inv2 *
        (-1 / 360 +
          inv2 * (1 / 1260 + inv2 * (-1 / 1680 + inv2 * (1 / 1188 + inv2 * (-691 / 360360 + inv2 * (1 / 156)))))));
  const stirling = (shifted - 0.5) * Math.log(shifted) - shifted + HALF_LOG_2PI + series;
  return product === 1 ? stirling : stirling - Math.log(product);
}

/**
 * Digamma ψ(x) = d ln Γ(x)/dx for x > 0. O(1).
 * @example digamma(1) // −γ (Euler–Mascheroni) ≈ −0.5772156649015329
 */
export function digamma(x: number): number {
  let shifted = x;
  let shift = 0;
  while (shifted < SHIFT) {
    shift -= 1 / shifted;
    shifted += 1;
  }
  const inv = 1 / shifted;
  const inv2 = inv * inv;
  // ψ(x) ~ ln x − 1/(2x) − Σ B₂ₖ/(2k·x^(2k)), k = 1..7
  const series =
    inv2 *
    (1 / 12 -
      inv2 *
        (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760 - inv2 * (1 / 12)))))));
  return shift + Math.log(shifted) - 0.5 * inv - series;
}

/**
 * Trigamma ψ′(x) = d²ln Γ(x)/dx² for x > 0 (A&S 6.4.12), by the same shift-and-series method. O(1).
 * @example trigamma(1) // π²/6 ≈ 1.6449340668482264
 */
export function trigamma(x: number): number {
  let shifted = x;
  let shift = 0;
  while (shifted < SHIFT) {
    shift += 1 / (shifted * shifted);
    shifted += 1;
  }
  const inv = 1 / shifted;
  const inv2 = inv * inv;
  // ψ′(x) ~ 1/x + 1/(2x²) + Σ B₂ₖ/x^(2k+1), k = 1..7
  const series =
    inv *
    (1 +
      inv * 0.5 +
      inv2 *
        (1 / 6 -
          inv2 *
            (1 / 30 - inv2 * (1 / 42 - inv2 * (1 / 30 - inv2 * (5 / 66 - inv2 * (691 / 2730 - inv2 * (7 / 6))))))));
  return shift + series;
}

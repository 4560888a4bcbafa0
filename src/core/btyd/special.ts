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

const STIRLING_LOG_GAMMA = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156]; // B₂ₖ/(2k(2k − 1)), k = 1..7

/** ln(1 + q)/q, with its limit 1 at q = 0 (accurate for small q because log1p is). */
function log1pRatio(q: number): number {
  return q === 0 ? 1 : Math.log1p(q) / q;
}

/**
 * The difference quotient of ln Γ, D(x, h) = [ln Γ(x + h) − ln Γ(x)]/h (for x > 0 and x + h > 0; see below
 * for negative arguments), and its
 * limit ψ(x) at h = 0 — without the cancellation of subtracting two ln Γ when h is small. Both arguments
 * are shifted up to ≥ 10 together (the shifts contribute Σ ln(1 + h/(x + j))/h, each term accurate), and
 * the Stirling series is differenced term by term: (X − ½)·ln(1 + h/X)/h + ln(X + h) − 1 +
 * Σ c_k·X^(1−2k)·[(1 + h/X)^(1−2k) − 1]/h, every bracket through log1p/expm1. Relative error ≲ 1e-15
 * away from the root of ψ. Negative arguments (both between the same two poles of Γ) go through the
 * reflection formula, with ln|Γ|. O(1).
 * @example logGammaDifferenceQuotient(1, 0) // ψ(1) = −γ ≈ −0.5772156649015329
 */
export function logGammaDifferenceQuotient(x: number, h: number): number {
  if (x <= 0 || x + h <= 0) return reflectedDifferenceQuotient(x, h);
  let X = x;
  let shift = 0;
  while (X < SHIFT || X + h < SHIFT) {
    shift -= log1pRatio(h / X) / X;
    X += 1;
  }
  const q = h / X;
  const l = Math.log1p(q);
  let s = ((X - 0.5) * log1pRatio(q)) / X + Math.log(X + h) - 1;
  let power = 1 / X; // X^(1−2k) for k = 1
  const inv2 = power * power;
  for (let k = 1; k <= STIRLING_LOG_GAMMA.length; k++) {
    const e = 1 - 2 * k;
    const bracket = q === 0 ? e : Math.expm1(e * l) / q; // [(1 + q)^e − 1]/q
    s += (STIRLING_LOG_GAMMA[k - 1]! * power * bracket) / X;
    power *= inv2;
  }
  return shift + s;
}

/**
 * D(x, h) for x and x + h both negative and between the same two poles, from the reflection formula:
 * ln|Γ(x)| = ln π − ln|sin πx| − ln Γ(1 − x), so D(x, h) = −ln[cos πh + cot(πx)·sin πh]/h + D(1 − x, −h)
 * (limit −π·cot(πx) + ψ(1 − x) at h = 0). NaN when a pole lies between x and x + h.
 */
function reflectedDifferenceQuotient(x: number, h: number): number {
  const r = x - Math.round(x);
  const cot = Math.cos(Math.PI * r) / Math.sin(Math.PI * r);
  if (h === 0) return logGammaDifferenceQuotient(1 - x, 0) - Math.PI * cot;
  const half = Math.sin((Math.PI * h) / 2);
  const q = -2 * half * half + cot * Math.sin(Math.PI * h);
  return -Math.log1p(q) / h + logGammaDifferenceQuotient(1 - x, -h);
}

/** sin(πx), exact at integers (reduced to [−½, ½] first). */
export function sinPi(x: number): number {
  const n = Math.round(x);
  const r = x - n;
  const s = Math.sin(Math.PI * r);
  return n % 2 === 0 ? s : -s;
}

/**
 * Γ(x) for real x as [ln|Γ(x)|, sign of Γ(x)], by the reflection formula Γ(x)Γ(1 − x) = π/sin(πx)
 * below ½. At a pole (x = 0, −1, −2, …) ln|Γ| is +∞ and the sign 0 is returned, so that 1/Γ reads 0.
 * O(1).
 * @example logGammaSigned(-0.5) // [ln(2√π) ≈ 1.2655, −1]
 */
export function logGammaSigned(x: number): [number, number] {
  if (x > 0) return [logGamma(x), 1];
  if (Number.isInteger(x)) return [Infinity, 0];
  const s = sinPi(x);
  return [Math.log(Math.PI / Math.abs(s)) - logGamma(1 - x), s > 0 ? 1 : -1];
}

/**
 * Π Γ(numerator)/Π Γ(denominator) for real arguments, through logs (no overflow of the factors on their
 * own). A denominator at a pole makes the product 0 (1/Γ is entire); a numerator at a pole is +∞ times
 * its sign, which callers exclude. O(number of arguments).
 * @example gammaRatio([5], [3, 2]) // 24/(2·1) = 12
 */
export function gammaRatio(numerator: readonly number[], denominator: readonly number[]): number {
  let log = 0;
  let sign = 1;
  for (const x of denominator) {
    const [l, s] = logGammaSigned(x);
    if (s === 0) return 0;
    log -= l;
    sign *= s;
  }
  for (const x of numerator) {
    const [l, s] = logGammaSigned(x);
    log += l;
    sign *= s === 0 ? 1 : s;
  }
  return sign * Math.exp(log);
}

/** exprel(u) = (eᵘ − 1)/u, 1 at u = 0. */
export function exprel(u: number): number {
  return u === 0 ? 1 : Math.expm1(u) / u;
}

/**
 * MBG/NBD ("modified BG/NBD"), Batislam, Denizel & Filiztekin (2007), "Empirical validation and comparison
 * of models for customer base analysis", International Journal of Research in Marketing 24(3), 201–209;
 * the form of the R package BTYDplus (Platzer & Reutterer 2016).
 *
 * As BG/NBD (bgnbd.ts), except that a customer may also drop out right after the first purchase: the
 * dropout coin p ~ Beta(a, b) is tossed after every purchase, the first included. So a one-time buyer can
 * fade (P(alive) < 1), which BG/NBD does not allow. With the same data (x, t_x, T):
 * - L = B(a, b + x + 1)/B(a, b)·Γ(r + x)αʳ/(Γ(r)(α + T)^(r+x))
 *       + B(a + 1, b + x)/B(a, b)·Γ(r + x)αʳ/(Γ(r)(α + t_x)^(r+x)),
 *   i.e. BG/NBD's likelihood with x + 1 chances to drop out in its Beta parts and the second term for every
 *   customer: the fit is BG/NBD's (exact gradient and Hessian, damped Newton, grouped profiles) with that
 *   shift.
 * - P(alive | x, t_x, T) = 1/(1 + a/(b + x)·((α + T)/(α + t_x))^(r+x)).
 * - E[Y(t) | x, t_x, T] = (a + b + x)/(a − 1)·[1 − ((α + T)/(α + T + t))^(r+x)·
 *       ₂F₁(r + x, b + x + 1; a + b + x; t/(α + T + t))]·P(alive), computed through Pfaff's transformation
 *   as −(a + b + x)·(₂F₁(r + x, a − 1; a + b + x; −t/(α + T)) − 1)/(a − 1)·P(alive) (bgnbd.ts).
 */
import { BgnbdParams, MBGNBD } from "./bgnbd";

/** MBG/NBD parameters: purchase-rate shape r and scale α, dropout Beta(a, b) (as BG/NBD's). */
export type MbgnbdParams = BgnbdParams;

/**
 * Σ ln L(r, α, a, b | xᵢ, t_xᵢ, Tᵢ) of MBG/NBD (module comment). Inputs are assumed valid. O(n).
 * @example mbgnbdLogLikelihood({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, [0], [0], [38.86]) // ≈ −0.5398
 */
export const mbgnbdLogLikelihood = MBGNBD.logLikelihood;

/**
 * Maximum-likelihood MBG/NBD fit (optionally L2-penalised as BG/NBD's), by damped Newton with the exact
 * Hessian on ln(r, α, a, b), identical customers grouped. O(n) to group, then O(profiles) per evaluation.
 * @throws CrmError as {@link bgnbdFit}: `#VALUE!` for ranges of different lengths, `#NUM!` for an invalid
 * customer or penalizer, `#N/A` naming why the fit is impossible.
 * @example mbgnbdFit(cdnow.x, cdnow.tx, cdnow.T).params // { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }
 */
export const mbgnbdFit = MBGNBD.fit;

/**
 * P(alive | x, t_x, T) = 1/(1 + a/(b + x)·((α + T)/(α + t_x))^(r+x)): below 1 for one-time buyers too. O(1).
 * @throws CrmError `#NUM!` for invalid parameters or customer.
 * @example mbgnbdPAlive({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, 0, 0, 38.86) // ≈ 0.3897
 */
export const mbgnbdPAlive = MBGNBD.pAlive;

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t periods (module comment). 0 at t = 0, increasing
 * in t; every horizon converges. O(terms of ₂F₁).
 * @throws CrmError `#NUM!` for invalid parameters, customer or t < 0.
 * @example mbgnbdExpected({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, 39, 2, 30.43, 38.86) // ≈ 1.2630
 */
export const mbgnbdExpected = MBGNBD.expected;

/**
 * The purchase models the analysis sheet chooses from (DESIGN.md "Details that must not differ": of
 * Pareto/NBD and MBG/NBD, the one with the higher log-likelihood), wired here in one place as
 * {@link PurchaseModelFitter}s over src/core/btyd. BG/NBD is not a candidate: it keeps every one-time buyer
 * alive, so it cannot tell Active from Lost among them (models.ts fits it for comparison).
 */
import { familyExpectedCurve } from "../btyd/bgnbd";
import { mbgnbdFit, mbgnbdPAlive } from "../btyd/mbgnbd";
import { pnbdAlive, pnbdExpectedCurve, pnbdFit } from "../btyd/pnbd";
import { purchaseModelFitter, type PurchaseModelFitter } from "./models";

/** Pareto/NBD (Schmittlein, Morrison & Colombo 1987): purchases Poisson, lifetimes exponential. */
export const PNBD_FITTER = purchaseModelFitter("Pareto/NBD", pnbdFit, (p) => ({
  params: { r: p.r, alpha: p.alpha, s: p.s, beta: p.beta },
  pAlive: (x, tx, age) => pnbdAlive(p, x, tx, age),
  expectedCurve: (times, x, tx, age) => pnbdExpectedCurve(p, times, x, tx, age),
}));

/** MBG/NBD (Batislam, Denizel & Filiztekin 2007): BG/NBD with a dropout chance at the first purchase too. */
export const MBGNBD_FITTER = purchaseModelFitter("MBG/NBD", mbgnbdFit, (p) => ({
  params: { r: p.r, alpha: p.alpha, a: p.a, b: p.b },
  pAlive: (x, tx, age) => mbgnbdPAlive(p, x, tx, age),
  expectedCurve: (times, x, tx, age) => familyExpectedCurve(1, p, times, x, tx, age),
}));

/** The candidate models of the analysis sheet. */
export const ANALYSIS_CANDIDATES: readonly PurchaseModelFitter[] = [PNBD_FITTER, MBGNBD_FITTER];

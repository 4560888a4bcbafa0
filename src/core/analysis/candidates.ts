/**
 * The purchase models the analysis sheet chooses from (DESIGN.md "Details that must not differ": of
 * Pareto/NBD and MBG/NBD, the one with the higher log-likelihood). They are wired here, in one place, as
 * {@link PurchaseModelFitter}s; until their core (src/core/btyd/pnbd.ts, mbgnbd.ts) is on this branch the list
 * is empty and the sheet says that no model could be fitted. BG/NBD is not a candidate: it keeps every
 * one-time buyer alive, so it cannot tell Active from Lost among them (models.ts fits it for comparison).
 */
import type { PurchaseModelFitter } from "./models";

/** The candidate models of the analysis sheet. */
export const ANALYSIS_CANDIDATES: readonly PurchaseModelFitter[] = [];

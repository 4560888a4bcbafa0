/**
 * The analysis sheet's candidate models against the published CDNOW estimates (shared/data/cdnow/README.md)
 * and against the models' own functions: Pareto/NBD r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL −9595.0
 * (Fader, Hardie & Lee 2005); MBG/NBD r = 0.525, α = 6.183, a = 0.891, b = 1.614 (BTYDplus).
 */
import { describe, expect, it } from "vitest";
import { ANALYSIS_CANDIDATES, MBGNBD_FITTER, PNBD_FITTER } from "../../../src/core/analysis/candidates";
import { mbgnbdExpected, mbgnbdPAlive } from "../../../src/core/btyd/mbgnbd";
import { pnbdExpected, pnbdPAlive } from "../../../src/core/btyd/pnbd";
import { cdnowSummary } from "../../fixtures/cdnow/cdnow";

const s = cdnowSummary();

describe("the candidates on the CDNOW calibration summary", () => {
  it("are Pareto/NBD and MBG/NBD", () => {
    expect(ANALYSIS_CANDIDATES.map((c) => c.name)).toEqual(["Pareto/NBD", "MBG/NBD"]);
  });

  it("Pareto/NBD: the published estimates and log-likelihood −9595.0", () => {
    const m = PNBD_FITTER.fit(s.x, s.tx, s.T);
    const p = m.params;
    [0.553, 10.578, 0.606, 11.669].forEach((v, i) => expect([p.r, p.alpha, p.s, p.beta][i]).toBeCloseTo(v, 2));
    expect(m.logLikelihood).toBeCloseTo(-9595.0, 0);
    const P = { r: p.r!, alpha: p.alpha!, s: p.s!, beta: p.beta! };
    expect(m.pAlive(0, 0, 38.86)).toBeCloseTo(pnbdPAlive(P, 0, 0, 38.86), 12);
    expect(m.expectedCurve([39], 2, 30.43, 38.86)[0]).toBeCloseTo(pnbdExpected(P, 39, 2, 30.43, 38.86), 12);
  });

  it("MBG/NBD: the BTYDplus estimates; one-time buyers below P(alive) 1", () => {
    const m = MBGNBD_FITTER.fit(s.x, s.tx, s.T);
    const p = m.params;
    [0.525, 6.183, 0.891, 1.614].forEach((v, i) => expect([p.r, p.alpha, p.a, p.b][i]).toBeCloseTo(v, 2));
    const P = { r: p.r!, alpha: p.alpha!, a: p.a!, b: p.b! };
    expect(m.pAlive(0, 0, 38.86)).toBeCloseTo(mbgnbdPAlive(P, 0, 0, 38.86), 12);
    expect(m.pAlive(0, 0, 38.86)).toBeLessThan(1);
    expect(m.expectedCurve([39], 2, 30.43, 38.86)[0]).toBeCloseTo(mbgnbdExpected(P, 39, 2, 30.43, 38.86), 12);
  });
});

import { describe, expect, it } from "vitest";
import { callsCrm, crmCalls, isFormula } from "../../../src/core/sharing/crmFormula";

describe("CRM calls in formulas", () => {
  it.each([
    ["=CRM.NPS(A1:A9)", ["NPS"]],
    ["=crm.nps(A1:A9)", ["NPS"]],
    ["=ROUND(CRM.NPS(A1:A9),1)", ["NPS"]],
    ["=CRM.NPS.MOE(A1:A9,0.95)", ["NPS.MOE"]],
    ["=CRM.CLV(B4,B5,B6)/CRM.CAC(C2:C13,D2:D13)", ["CLV", "CAC"]],
    ["=_xldudf_CRM_NPS(A1:A9)", ["NPS"]],
    ["=_XLDUDF_CRM_NPS_MOE(A1:A9)", ["NPS_MOE"]],
    ["=[2]!_xldudf_CRM_NPS(A1:A9)", ["NPS"]],
    ["=BloombergUI.xla!_xldudf_CRM_CLV(B4,B5,B6)", ["CLV"]],
    ['=IF(A1>0,CRM.NPS(Data!C2:C500),"")', ["NPS"]],
    ['="a""b"&CRM.NPS(A1:A9)', ["NPS"]],
    ["=SUM(CRM.SEGMENTS(A1:C9)#)", ["SEGMENTS"]],
    ["=数据!A1+CRM.NPS(A1:A9)", ["NPS"]],
  ])("%s calls %j", (formula, names) => {
    expect(crmCalls(formula)).toEqual(names);
    expect(callsCrm(formula)).toBe(true);
  });

  it.each([
    ['="CRM.NPS(A1:A9)"', "inside a string literal"],
    ['=A1&"say ""CRM.NPS("" here"', "inside a string with escaped quotes"],
    ["='CRM.NPS(x'!A1", "inside a quoted sheet name"],
    ["=SUM(Table1[CRM.NPS(])", "inside a structured reference"],
    ["=XCRM.NPS(A1)", "part of another name"],
    ["=MY.CRM.NPS(A1)", "a name that merely contains CRM."],
    ["=CRM.Total", "a defined name with a dot, not a call"],
    ["=CRM_NPS(A1:A9)", "the XLL-compatible form, which a user's own function may share"],
    ["=_xldudf_CRMX_NPS(A1)", "another add-in's namespace"],
    ["=SUM(A1:A9)", "a native formula"],
    ["CRM.NPS(A1)", "text that is not a formula"],
    ["", "an empty cell"],
  ])("%s is not a CRM call (%s)", (formula) => {
    expect(callsCrm(formula)).toBe(false);
  });

  it("non-strings are not formulas", () => {
    expect(callsCrm(42)).toBe(false);
    expect(callsCrm(null)).toBe(false);
    expect(callsCrm(true)).toBe(false);
  });

  it("a formula is text starting with = that differs from its value", () => {
    expect(isFormula("=1+1", 2)).toBe(true);
    expect(isFormula(5, 5)).toBe(false);
    expect(isFormula("=", "=")).toBe(false);
    expect(isFormula("=x", "=x")).toBe(false);
  });
});

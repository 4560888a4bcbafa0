/**
 * Matching of customers and categories in the cross-selling rate (DESIGN.md "Customer analysis": like COUNTIF,
 * text ignores case and surrounding spaces, a number matches the same digits typed as text), at the edges of
 * the paths of matchKeys: printable ASCII texts (hashed and compared case-folded, character by character), texts
 * that need trimming or hold characters beyond ASCII (folded into a new string first), thousands of distinct
 * texts, and texts that spell numbers. Expected values follow from the
 * definition: a reference key per value (number → the number, text → trimmed and lower-cased, or the number it
 * spells exactly as JavaScript prints it), written here independently of the code.
 */
import { describe, expect, it } from "vitest";
import { crossSell } from "../../../src/core/analysis/crossSell";
import { MatchKey, matchKeys } from "../../../src/core/values/matchKeys";

/** The definition's key of a value: "n:<number>", "t:<folded text>", or null for a blank. */
function referenceKey(v: MatchKey): string | null {
  if (v === null) return null;
  if (typeof v === "number") return `n:${v === 0 ? 0 : v}`;
  const t = v.trim().toLowerCase();
  if (t === "") return null;
  return String(Number(t)) === t ? `n:${Number(t)}` : `t:${t}`;
}

/** Whether matchKeys puts two rows in the same group exactly when their reference keys are equal. */
function matchesReference(keys: MatchKey[]): boolean {
  const { index, distinct } = matchKeys(keys);
  const ref = keys.map(referenceKey);
  if (distinct !== new Set(ref.filter((k) => k !== null)).size) return false;
  const groupOfKey = new Map<string, number>();
  const used = new Set<number>();
  for (let i = 0; i < keys.length; i++) {
    const k = ref[i]!;
    if (k === null) {
      if (index[i] !== -1) return false;
      continue;
    }
    const g = groupOfKey.get(k);
    if (g === undefined) {
      if (used.has(index[i]!)) return false;
      groupOfKey.set(k, index[i]!);
      used.add(index[i]!);
    } else if (g !== index[i]) return false;
  }
  return true;
}

describe("cross-selling: matching of ids and categories", () => {
  it("one text however typed: case and spaces at either end ignored (tab, non-breaking space), inside kept", () => {
    const keys: MatchKey[] = [
      "c-123",
      "C-123",
      " c-123\t",
      "\u00a0c-123\u00a0",
      "ÄPFEL",
      "äpfel",
      "c\u0001",
      "C\u0001",
    ];
    keys.push("a  b", "A B", "   ", "");
    expect(Array.from(matchKeys(keys).index)).toEqual([0, 0, 0, 0, 1, 1, 2, 2, 3, 4, -1, -1]);
    expect(matchKeys(keys).distinct).toBe(5);
  });

  it("texts differing only beyond ASCII case stay apart; ASCII look-alikes of folded texts do not collide", () => {
    // 'İ' lower-cases to 'i̇' (two characters), not to 'i'; 'K' (Kelvin sign) lower-cases to 'k'
    const keys: MatchKey[] = ["İ", "i", "\u212a", "k", "K", "ss", "ß"];
    expect(Array.from(matchKeys(keys).index)).toEqual([0, 1, 2, 2, 2, 3, 4]);
  });

  it("one customer however the id is typed: 'C-1', ' c-1', 'c-1\\u00a0', 'C-1\\t' → 1 of 1 bought two categories", () => {
    expect(crossSell(["C-1", " c-1", "c-1\u00a0", "C-1\t"], ["Books", "books ", "BOOKS", "Music"])).toEqual({
      rate: 1,
      customers: 1,
      crossBuyers: 1,
    });
  });

  it("ids that differ inside stay different: 'c 1', 'c  1', 'c1' are three customers", () => {
    expect(crossSell(["c 1", "c  1", "c1", "c1"], ["Books", "Music", "Books", "Toys"])).toEqual({
      rate: 1 / 3,
      customers: 3,
      crossBuyers: 1,
    });
  });

  it("a number matches its digits typed as text ('7', ' 7 ') but not other spellings ('07', '7.0', '+7')", () => {
    expect(crossSell([7, "7", " 7 "], ["Books", "Music", "Toys"]).customers).toBe(1);
    expect(crossSell([7, "07", "7.0", "+7"], ["Books", "Music", "Toys", "Pets"])).toEqual({
      rate: 0,
      customers: 4,
      crossBuyers: 0,
    });
    expect(crossSell(["A", "A"], [12, "12 "]).rate).toBe(0);
    expect(crossSell(["A", "A"], [-2.5, "-2.5"]).rate).toBe(0);
  });

  it("among thousands of distinct texts, later spellings still match the first: 3,000 customers", () => {
    const ids: MatchKey[] = [];
    const cats: MatchKey[] = [];
    for (let c = 1; c <= 3000; c++) {
      ids.push(`C-${c}`);
      cats.push("Books");
    }
    // customers 1, 1500 and 3000 again, typed differently, in another category; 2 and 2999 in the same one
    ids.push(" c-1", "C-1500 ", "c-3000", "c-2", "\u00a0C-2999");
    cats.push("MUSIC", " music", "Music", " BOOKS ", "books");
    expect(crossSell(ids, cats)).toEqual({ rate: 3 / 3000, customers: 3000, crossBuyers: 3 });
  });

  it("2,000 distinct categories typed in mixed forms count once each", () => {
    const ids: MatchKey[] = [];
    const cats: MatchKey[] = [];
    for (let k = 0; k < 2000; k++) {
      ids.push("A", "B");
      cats.push(`Cat ${k}`, ` cat ${k} `);
    }
    ids.push("B");
    cats.push("CAT 0");
    // A and B both bought all 2,000 categories: two cross-buyers of two customers
    expect(crossSell(ids, cats)).toEqual({ rate: 1, customers: 2, crossBuyers: 2 });
  });

  it("matches the definition's keys on a seeded mix of numbers, texts, spelled numbers, blanks and spaces", () => {
    let seed = 12345;
    const rand = (m: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % m;
    };
    const forms = [
      (x: number): MatchKey => x,
      (x: number): MatchKey => String(x),
      (x: number): MatchKey => ` ${x}\u00a0`,
      (x: number): MatchKey => `c-${x}`,
      (x: number): MatchKey => `C-${x}`,
      (x: number): MatchKey => ` c-${x} `,
      (x: number): MatchKey => `Ä${x}`,
      (x: number): MatchKey => `ä${x}\t`,
      (x: number): MatchKey => `0${x}`,
      (): MatchKey => null,
      (): MatchKey => "  ",
      (x: number): MatchKey => x / 2,
    ];
    for (const distinct of [50, 5000]) {
      const keys = Array.from({ length: 20_000 }, () => forms[rand(forms.length)]!(rand(distinct)));
      expect(matchesReference(keys)).toBe(true);
    }
  });
});

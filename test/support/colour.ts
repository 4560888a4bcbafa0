/**
 * Colour contrast as WCAG 2.1 defines it, computed from the browser's computed colours ("rgb(r, g, b)"), for
 * browser tests that check what axe-core cannot see (focus rings, which exist only while focused).
 * Relative luminance: sRGB channels c/255 linearised (c ≤ 0.04045: c/12.92, else ((c + 0.055)/1.055)^2.4),
 * L = 0.2126 R + 0.7152 G + 0.0722 B; contrast = (L_lighter + 0.05)/(L_darker + 0.05).
 */

/** "rgb(1, 2, 3)" or "rgba(1, 2, 3, 1)" → [1, 2, 3]; throws on anything else (and on transparency). */
export function parseRgb(css: string): [number, number, number] {
  const m = /^rgba?\(\s*(\d+(?:\.\d+)?)[,\s]+(\d+(?:\.\d+)?)[,\s]+(\d+(?:\.\d+)?)(?:[,\s/]+([\d.]+))?\s*\)$/.exec(css);
  if (!m) throw new Error(`not an rgb() colour: ${css}`);
  if (m[4] !== undefined && Number(m[4]) < 1) throw new Error(`a translucent colour has no single contrast: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** WCAG 2.1 relative luminance of an rgb() colour. */
export function relativeLuminance(css: string): number {
  const [r, g, b] = parseRgb(css).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio of two rgb() colours, 1..21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

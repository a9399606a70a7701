/**
 * Deterministic, locale-independent string ordering for file paths.
 *
 * @packageDocumentation
 */

/**
 * Compares two strings by Unicode code point (unlike `<` / default `sort`, which compare UTF-16 code units and
 * so order U+E000..U+FFFF after astral characters). Locale-independent, so output order is identical everywhere.
 *
 * @param a - First string.
 * @param b - Second string.
 * @returns Negative when `a` sorts first, positive when `b` does, 0 when equal.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (0xD800..0xDFFF) encodes a code point >= 0x10000, above every BMP unit.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

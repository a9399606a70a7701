/**
 * Sorting index keys into UTF-8 byte order (the order the dictionaries binary-search in).
 * @module
 */
import { compareTermsByBytes } from '../src/index-format/term-dictionary.js';

/**
 * Returns term ids ordered by their keys' UTF-8 byte order. Uses the engine's native string sort
 * (UTF-16 order, which agrees with byte order except around astral characters) and falls back to an
 * exact code-point comparison only when the fast order turns out wrong.
 */
export function sortTermsByBytes(keys: readonly string[]): Uint32Array {
  const sorted = keys.map((k, i) => ({ k, i }));
  sorted.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  for (let j = 1; j < sorted.length; j++) {
    if (compareTermsByBytes(sorted[j - 1].k, sorted[j].k) >= 0) {
      sorted.sort((a, b) => compareTermsByBytes(a.k, b.k));
      break;
    }
  }
  return Uint32Array.from(sorted, (e) => e.i);
}

/**
 * Sorting index keys into UTF-8 byte order (the order the dictionaries binary-search in).
 * @module
 */
import { compareTermsByBytes } from './term-dictionary.js';

/**
 * Returns term ids ordered by their keys' UTF-8 byte order. Uses the engine's native string sort
 * (UTF-16 order, which agrees with byte order except around astral characters) and falls back to an
 * exact code-point comparison only when the fast order turns out wrong.
 */
export function sortTermsByBytes(keys: readonly string[]): Uint32Array {
  // Sort positions by key with the native comparator-free string sort, which is far faster than a
  // JS comparator; keys are unique, so a key → position map recovers the ids.
  let sorted = [...keys].sort();
  for (let j = 1; j < sorted.length; j++) {
    if (compareTermsByBytes(sorted[j - 1], sorted[j]) >= 0) {
      sorted = [...keys].sort(compareTermsByBytes);
      break;
    }
  }
  const position = new Map<string, number>();
  keys.forEach((k, i) => position.set(k, i));
  return Uint32Array.from(sorted, (k) => position.get(k)!);
}

/**
 * The mining behind `mine-aliases.ts`: abbreviations defined in parentheses after their long form.
 * @module
 */

/** One mined abbreviation. */
export interface MinedAbbreviation {
  /** As written (`HĐND`). */
  abbreviation: string;
  /** Times seen in parentheses after some words. */
  occurrences: number;
  /** Times the chosen long form preceded it. */
  support: number;
  /** The longest run of words (lower case) seen before it in at least half of its occurrences. */
  longForm: string;
}

const DEFINED = /\(\s*(?:viết tắt(?: là)?\s+|gọi tắt(?: là)?\s+)?([A-ZĐ][A-ZĐ0-9&.-]{1,9})\s*\)/gu;
const WORD = /[\p{L}\p{M}0-9]+/gu;
/** Longest long form considered, in words. */
const MAX_WORDS = 9;

/**
 * Mines `Long form (ABBR)` definitions from texts.
 * @param texts one per article
 * @param min fewest occurrences an abbreviation needs to be listed
 * @returns the abbreviations with a long form, most frequent first
 */
export function mineAbbreviations(texts: Iterable<string>, min = 3): MinedAbbreviation[] {
  const seen = new Map<string, number>();
  const suffixes = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const m of text.normalize('NFC').matchAll(DEFINED)) {
      const abbreviation = m[1].replace(/\.$/, '');
      const before = text.slice(Math.max(0, m.index! - 150), m.index!).split(/[.,;:!?"“”()\n–-]/).pop()!;
      const words = before.match(WORD) ?? [];
      if (words.length === 0) continue;
      seen.set(abbreviation, (seen.get(abbreviation) ?? 0) + 1);
      const counts = suffixes.get(abbreviation) ?? new Map<string, number>();
      for (let k = 1; k <= Math.min(MAX_WORDS, words.length); k++) {
        const suffix = words.slice(-k).join(' ').toLowerCase();
        counts.set(suffix, (counts.get(suffix) ?? 0) + 1);
      }
      suffixes.set(abbreviation, counts);
    }
  }
  const out: MinedAbbreviation[] = [];
  for (const [abbreviation, occurrences] of seen) {
    if (occurrences < min) continue;
    let longForm = '';
    let support = 0;
    for (const [suffix, n] of suffixes.get(abbreviation)!) {
      if (n < Math.max(min, occurrences / 2)) continue;
      const words = suffix.split(' ').length;
      const bestWords = longForm ? longForm.split(' ').length : 0;
      if (words > bestWords || (words === bestWords && n > support)) { longForm = suffix; support = n; }
    }
    if (longForm) out.push({ abbreviation, occurrences, support, longForm });
  }
  return out.sort((a, b) => b.occurrences - a.occurrences || (a.abbreviation < b.abbreviation ? -1 : 1));
}

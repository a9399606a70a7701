/**
 * Which adjacent query syllables form one word (`hà nội`, `miền trung`, `giá vàng`) rather than two
 * words side by side (`bão | miền trung`, `hội đồng | nhân dân`): the pair occurs in the corpus far
 * more often than its syllables' frequencies predict. Headline coverage counts such a pair as one
 * unit, so a headline with `Hà Tĩnh … nội đồng` does not cover `ha noi`.
 * @module
 */
import type { Lexicon } from '../../index-format/lexicon.js';
import type { QuerySyllable } from './query-syllable.js';

/**
 * A pair is a collocation when it occurs at least this many times as often as chance would put its
 * two syllables side by side (pointwise mutual information ≥ ln 5): `đi bộ` 7.6×, `hội đồng` 24×,
 * `hà nội` 437×, but `người đi` 4.8×, `đồng nhân` 1.1×.
 */
export const COLLOCATION_RATIO = 5;
/** Fewest occurrences of a pair for it to count as a collocation. */
export const MIN_COLLOCATION_COUNT = 3;

/** The reading a syllable stands for: as typed or decoded with marks, as restored, else its commonest reading. */
function readingOf(s: QuerySyllable, lexicon: Lexicon): string {
  if (s.accented || s.asWritten) return s.exact;
  return s.restored ?? lexicon.readings(s.folded, 1)[0]?.exact ?? s.exact;
}

/** Whether the exact pair `a b` is a collocation in the lexicon's corpus. */
export function isCollocation(lexicon: Lexicon, a: string, b: string): boolean {
  const pair = lexicon.pairCount(a, b);
  if (pair < MIN_COLLOCATION_COUNT) return false;
  return pair * lexicon.totalCount >= COLLOCATION_RATIO * lexicon.exactCount(a) * lexicon.exactCount(b);
}

/** Per syllable, whether it directly follows the previous one and forms one word with it. */
export function boundSyllables(syllables: readonly QuerySyllable[], lexicon: Lexicon): boolean[] {
  const readings = syllables.map((s) => readingOf(s, lexicon));
  return syllables.map((s, i) => i > 0 && s.adjacent && isCollocation(lexicon, readings[i - 1], readings[i]));
}

/**
 * Planner stage 4, restore: when nothing in the query carries diacritics, the corpus' most likely
 * accented reading of each word (`chinh phu` → chính phủ) is recorded on its syllable.
 * @module
 */
import type { Lexicon } from '../../index-format/lexicon.js';
import { restoreDiacritics } from '../restore-diacritics.js';
import { isWordLike, type QuerySyllable } from './query-syllable.js';

/**
 * Restores, in place, the readings of a query typed without any diacritics (a query with diacritics
 * anywhere is taken as written).
 * @param syllables the query after decoding (changed in place)
 */
export function restoreSyllables(syllables: QuerySyllable[], lexicon: Lexicon): void {
  if (syllables.length === 0 || syllables.some((s) => s.accented)) return;
  const restored = restoreDiacritics(lexicon, syllables.map((s) => s.folded), syllables.map((s) => s.adjacent));
  syllables.forEach((s, i) => {
    if (isWordLike(s) && restored[i] && restored[i] !== s.folded) s.restored = restored[i];
  });
}

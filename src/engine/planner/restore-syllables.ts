/**
 * Planner stage 4, restore: the corpus' most likely accented reading of each word typed without marks
 * (`chinh phu` → chính phủ), given the words around it; words typed with marks are taken as typed and
 * serve as context (`Ha Nội` → hà nội). In a query typed with diacritics, a word the corpus does not
 * confidently read otherwise is meant as written (`công ty`: ty, not tỷ).
 * @module
 */
import type { Lexicon } from '../../index-format/lexicon.js';
import { restoreDiacritics } from '../restore-diacritics.js';
import { isWordLike, type QuerySyllable } from './query-syllable.js';

/**
 * Restores, in place, the readings of the words typed without marks.
 * @param syllables the query after decoding (changed in place)
 */
export function restoreSyllables(syllables: QuerySyllable[], lexicon: Lexicon): void {
  if (syllables.length === 0) return;
  const anyAccent = syllables.some((s) => s.accented);
  if (anyAccent && syllables.every((s) => s.accented || !isWordLike(s))) return;
  const fixed = anyAccent ? syllables.map((s) => (s.accented ? s.exact : null)) : undefined;
  const restored = restoreDiacritics(lexicon, syllables.map((s) => s.folded), syllables.map((s) => s.adjacent), fixed);
  syllables.forEach((s, i) => {
    if (s.accented || !isWordLike(s)) return;
    if (restored[i] && restored[i] !== s.folded) s.restored = restored[i];
    else if (anyAccent) s.asWritten = true;
  });
}

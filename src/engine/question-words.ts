/**
 * Vietnamese interrogative words (`bao nhiêu`, `là gì`, `ở đâu`, `khi nào`, `tại sao`, …). A question
 * such as "Landmark 81 có bao nhiêu tầng" is answered by a text that says "Landmark 81 … 81 tầng", not
 * by one that repeats "bao nhiêu": the planner still scores these words but does not require them
 * (they do not count toward the minimum number of matched words). Nothing is removed at index time.
 * @module
 */

import { foldDiacritics } from '../analyzer/fold.js';

/**
 * Question phrases as exact (accented) syllables, longest first. Single syllables that are also
 * common content words (`ai` as in Ai Cập, `mấy` vs máy once folded) are left out on purpose.
 */
export const QUESTION_PHRASES: readonly (readonly string[])[] = [
  ['như', 'thế', 'nào'],
  ['bao', 'nhiêu'], ['là', 'gì'], ['ở', 'đâu'], ['khi', 'nào'], ['bao', 'giờ'], ['tại', 'sao'],
  ['vì', 'sao'], ['thế', 'nào'], ['là', 'ai'], ['năm', 'nào'], ['nơi', 'nào'],
  ['gì'], ['nào'], ['đâu'],
];

/** One query syllable as the matcher sees it. */
export interface QuestionSyllable {
  /** Exact form when typed (or restored) with diacritics, otherwise null. */
  exact: string | null;
  /** Folded form. */
  folded: string;
}

const FOLDED_PHRASES = QUESTION_PHRASES.map((p) => p.map(foldDiacritics));

/**
 * Marks the syllables that belong to a question phrase. An accented syllable must match exactly; an
 * unaccented one matches by its folded form only inside a phrase of two or more syllables (`bao nhieu`,
 * `o dau`), since a lone folded `nao` or `dau` is as likely não or đầu.
 * @param syllables the query's syllables in order (lower-case)
 * @param adjacent `adjacent[i]`: syllable i directly follows syllable i−1
 * @returns per syllable, true when it is part of a question phrase
 */
export function markQuestionWords(syllables: readonly QuestionSyllable[], adjacent: readonly boolean[]): boolean[] {
  const marked = syllables.map(() => false);
  for (let i = 0; i < syllables.length; i++) {
    for (let p = 0; p < QUESTION_PHRASES.length; p++) {
      const phrase = QUESTION_PHRASES[p];
      if (i + phrase.length > syllables.length) continue;
      let ok = true;
      for (let k = 0; k < phrase.length && ok; k++) {
        const s = syllables[i + k];
        if (k > 0 && !adjacent[i + k]) ok = false;
        else if (s.exact !== null) ok = s.exact === phrase[k];
        else ok = phrase.length > 1 && s.folded === FOLDED_PHRASES[p][k];
      }
      if (ok) {
        for (let k = 0; k < phrase.length; k++) marked[i + k] = true;
        i += phrase.length - 1;
        break;
      }
    }
  }
  return marked;
}

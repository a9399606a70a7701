/**
 * Expand step 2, the syllables themselves: per syllable its folded key (every reading), the exact key
 * of the diacritics typed or restored, the pair with the previous syllable (an adjacency clause),
 * the completions of the last word and the corrections of a misspelled one; quoted words and phrases
 * become required keys.
 * @module
 */
import type { Lexicon } from '../../index-format/lexicon.js';
import { bigramKey, exactKey, foldedKey } from '../../index-format/term-keys.js';
import { WEIGHTS, pairWeight } from '../../scoring/query-weights.js';
import { allowedEdits, fuzzyCandidates } from '../fuzzy.js';
import type { ClauseLayout } from './clauses.js';
import { LIMITS } from './limits.js';
import type { PlanParts } from './plan-parts.js';
import { isWordLike, type QuerySyllable } from './query-syllable.js';

/**
 * Adds the terms of every syllable.
 * @param prefixLast complete the last word as a prefix
 * @param fuzzyWordsUsed words already given typo tolerance (joined words' corrections)
 * @returns the number of adjacency clauses (ids from `layout.clauseCount` on)
 */
export function expandSyllables(syllables: readonly QuerySyllable[], layout: ClauseLayout, lexicon: Lexicon, prefixLast: boolean, parts: PlanParts, fuzzyWordsUsed = 0): number {
  const { clauseOf, optional, clauseCount } = layout;
  const { terms, required, highlightFolded, highlightExact } = parts;
  const anyAccent = syllables.some((s) => s.accented);
  const pairClauses = new Map<string, number>();
  let fuzzyWords = fuzzyWordsUsed;
  syllables.forEach((s, i) => {
    const c = clauseOf[i];
    terms.push({ key: foldedKey(s.folded), weight: WEIGHTS.folded, clause: c });
    if (s.accented) {
      terms.push({ key: exactKey(s.exact), weight: WEIGHTS.exact, clause: c });
      highlightExact.add(s.exact);
    } else {
      // In a query typed with diacritics elsewhere, a word without marks most likely means exactly
      // that (`công ty`: ty, not tỷ): highlight it exactly where it occurs exactly.
      if (anyAccent) highlightExact.add(s.restored ?? s.exact);
      else highlightFolded.add(s.folded);
      if (s.restored) terms.push({ key: exactKey(s.restored), weight: WEIGHTS.restored, clause: c });
    }
    if (s.quoted) {
      // A quoted single word must carry the diacritics typed; phrases require their pairs (below).
      const segLen = syllables.filter((o) => o.segment === s.segment).length;
      if (segLen === 1) required.push(s.accented ? exactKey(s.exact) : foldedKey(s.folded));
    }
    if (i > 0 && s.adjacent) {
      const prev = syllables[i - 1];
      const key = bigramKey(prev.folded, s.folded);
      if (s.quoted && prev.quoted && prev.segment === s.segment) required.push(key);
      let pc = pairClauses.get(key);
      if (optional[i] || optional[i - 1]) {
        terms.push({ key, weight: WEIGHTS.pair, clause: -1 });
      } else if (pc === undefined) {
        pc = clauseCount + pairClauses.size;
        pairClauses.set(key, pc);
        terms.push({ key, weight: pairWeight(syllables.length), clause: pc });
      }
    }
    const isLast = i === syllables.length - 1;
    if (isLast && prefixLast && !s.quoted && isWordLike(s) && s.folded.length >= LIMITS.minPrefixLength) {
      for (const { term } of lexicon.completions(s.folded, LIMITS.prefixExpansions + 1)) {
        if (term === s.folded) continue;
        terms.push({ key: foldedKey(term), weight: WEIGHTS.prefix, clause: c });
        highlightFolded.add(term);
      }
    }
    if (!s.quoted && fuzzyWords < LIMITS.maxFuzzyWords && allowedEdits(s.folded) > 0 && s.token.kind === 'word' && lexicon.df(s.folded) <= 1) {
      fuzzyWords++;
      for (const cand of fuzzyCandidates(lexicon, s.folded, LIMITS.fuzzyExpansions)) {
        terms.push({ key: foldedKey(cand.term), weight: WEIGHTS.fuzzy / cand.distance, clause: c });
        highlightFolded.add(cand.term);
      }
    }
  });
  return pairClauses.size;
}

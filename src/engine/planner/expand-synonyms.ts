/**
 * Expand step 1, synonyms: a span of the query that is one side of an abbreviation or synonym rule
 * (`UBND`, `ủy ban nhân dân`) also matches the other sides, and such an alternative satisfies every
 * clause of the span.
 * @module
 */
import type { Lexicon } from '../../index-format/lexicon.js';
import { bigramKey, exactKey, foldedKey } from '../../index-format/term-keys.js';
import { idf } from '../../scoring/bm25f.js';
import { WEIGHTS } from '../../scoring/query-weights.js';
import type { SynonymMatch, SynonymTable } from '../synonym-table.js';
import type { PlanParts } from './plan-parts.js';
import type { QuerySyllable } from './query-syllable.js';

/**
 * Adds the terms and highlights of every synonym span of the query.
 * @param extra more spans with alternatives (a joined word's form as typed: `split-joined.ts`)
 */
export function expandSynonyms(syllables: readonly QuerySyllable[], clauseOf: readonly number[], lexicon: Lexicon, synonyms: SynonymTable, parts: PlanParts, extra: readonly SynonymMatch[] = []): void {
  const N = lexicon.meta.documentCount;
  // Rarity of a syllable sequence, bounded below by its rarest syllable.
  const sequenceIdf = (folded: readonly string[]) => Math.max(...folded.map((f) => idf(N, Math.max(1, lexicon.df(f)))));
  for (const m of [...synonyms.find(syllables.map((s) => s.folded), syllables.map((s) => (s.accented ? s.exact : null))), ...extra]) {
    const span = m.end - m.start;
    const literalIdf = sequenceIdf(syllables.slice(m.start, m.end).map((s) => s.folded));
    for (const alt of m.alternatives) {
      // Stored impacts carry the alternative's own rarity; rescale so that an occurrence of `HN`
      // counts like an occurrence of `Hà Nội`, never more.
      const w = WEIGHTS.synonym * Math.min(1, literalIdf / sequenceIdf(alt.folded));
      // A one-word alternative counts through its exact form when it has diacritics (`mỹ` for Hoa Kỳ,
      // not my/mý); a multi-word one through its most specific pair (the rarest in the corpus), its
      // other pairs only adding score.
      let coverageKey = alt.exact[0] !== alt.folded[0] && alt.folded.length === 1 ? exactKey(alt.exact[0]) : foldedKey(alt.folded[0]);
      let rarestCount = Infinity;
      for (let k = 1; k < alt.folded.length; k++) {
        const n = lexicon.pairCount(alt.exact[k - 1], alt.exact[k]);
        const key = bigramKey(alt.folded[k - 1], alt.folded[k]);
        if (n < rarestCount) { rarestCount = n; coverageKey = key; }
      }
      for (let k = 1; k < alt.folded.length; k++) {
        const key = bigramKey(alt.folded[k - 1], alt.folded[k]);
        if (key !== coverageKey) parts.terms.push({ key, weight: w / alt.folded.length, clause: -1 });
      }
      for (let j = m.start; j < m.end; j++) parts.terms.push({ key: coverageKey, weight: w / span, clause: clauseOf[j] });
      if (alt.folded.length === 1) parts.highlightFolded.add(alt.folded[0]);
      else parts.highlightPhrases.push(alt.folded);
      parts.alternatives.push({ start: m.start, end: m.end, folded: alt.folded });
    }
  }
}

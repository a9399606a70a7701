/**
 * Planner stage 5, expand: the query syllables become the evidence a document is scored with —
 * clauses, synonym alternatives, the syllables' own keys, pairs, completions, corrections and the
 * headline start.
 * @module
 */
import type { Lexicon } from '../../index-format/lexicon.js';
import { exactKey, foldedKey } from '../../index-format/term-keys.js';
import type { CoverageSpecKeys } from '../query-plan.js';
import type { SynonymTable } from '../synonym-table.js';
import { assignClauses } from './clauses.js';
import { boundSyllables } from './collocations.js';
import { expandSyllables } from './expand-syllables.js';
import { expandSynonyms } from './expand-synonyms.js';
import { expandTitleStart } from './expand-title-start.js';
import { joinedAlternatives } from './split-joined.js';
import { numberAlternatives } from './number-forms.js';
import { emptyPlanParts, type PlanParts } from './plan-parts.js';
import type { QuerySyllable } from './query-syllable.js';

/** What the expand stage produced. */
export interface ExpandedQuery {
  parts: PlanParts;
  /** Word clauses. */
  clauseCount: number;
  /** Adjacency clauses (ids `clauseCount …`). */
  pairClauseCount: number;
  /** How headlines cover the query. */
  coverage: CoverageSpecKeys;
}

/**
 * The key that covers a syllable in a headline: its exact key when typed (or decoded) with
 * diacritics, its folded key when meant as written (headlines give a syllable without marks its
 * folded key), '' for any reading.
 */
export function coverageKey(s: QuerySyllable): string {
  if (s.accented) return exactKey(s.exact);
  return s.asWritten ? foldedKey(s.folded) : '';
}

/** Expands the query's syllables into plan terms. */
export function expandQuery(syllables: readonly QuerySyllable[], lexicon: Lexicon, synonyms: SynonymTable, prefixLast: boolean): ExpandedQuery {
  const layout = assignClauses(syllables);
  const parts = emptyPlanParts();
  const joined = joinedAlternatives(syllables, lexicon);
  expandSynonyms(syllables, layout.clauseOf, lexicon, synonyms, parts, [...joined.matches, ...numberAlternatives(syllables)]);
  const pairClauseCount = expandSyllables(syllables, layout, lexicon, prefixLast, parts, joined.fuzzyWords);
  expandTitleStart(syllables, parts);
  const coverage: CoverageSpecKeys = { exactKeys: syllables.map(coverageKey), bound: boundSyllables(syllables, lexicon), alternatives: parts.alternatives };
  return { parts, clauseCount: layout.clauseCount, pairClauseCount, coverage };
}

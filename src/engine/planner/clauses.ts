/**
 * Which query syllables are clauses a document must match: one per syllable, except question words
 * (`bao nhiêu`, `ở đâu`), which only add score when at least two other words remain.
 * @module
 */
import { markQuestionWords } from '../question-words.js';
import type { QuerySyllable } from './query-syllable.js';

/** The clause layout of a query. */
export interface ClauseLayout {
  /** Per syllable: true when it is an optional question word. */
  optional: boolean[];
  /** Per syllable: its clause id, or -1 for an optional word. */
  clauseOf: number[];
  /** Number of word clauses. */
  clauseCount: number;
}

/** Assigns clause ids to the syllables of a query. */
export function assignClauses(syllables: readonly QuerySyllable[]): ClauseLayout {
  const question = markQuestionWords(
    syllables.map((s) => ({ exact: s.accented ? s.exact : s.restored, folded: s.folded })),
    syllables.map((s) => s.adjacent),
  );
  const optional = question.filter(Boolean).length <= syllables.length - 2 ? question : question.map(() => false);
  let clause = 0;
  const clauseOf = syllables.map((_s, i) => (optional[i] ? -1 : clause++));
  return { optional, clauseOf, clauseCount: clause };
}

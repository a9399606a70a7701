/**
 * How much each kind of query evidence counts: the multipliers the planner gives the stored impacts
 * of the keys it plans (folded syllables, the diacritics typed, pairs, expansions …). Tuned on
 * `npm run bench:relevance`.
 * @module
 */

/** Relative weights of the kinds of evidence (tuned on `npm run bench:relevance`). */
export const WEIGHTS = {
  folded: 1,
  exact: 1,
  restored: 0.6,
  /** Adjacent pair bonus in long queries (questions); short queries use `shortQueryPair`. */
  pair: 0.8,
  /** In a query of up to `SHORT_QUERY` syllables adjacency is what the person means: `ha noi`. */
  shortQueryPair: 2,
  titleStart: 0.8,
  prefix: 0.4,
  fuzzy: 0.6,
  synonym: 0.5,
};

/** Queries of at most this many syllables get the stronger adjacency bonus. */
export const SHORT_QUERY = 4;

/** The weight of an adjacent-pair clause in a query of `syllables` syllables. */
export function pairWeight(syllables: number): number {
  return syllables <= SHORT_QUERY ? WEIGHTS.shortQueryPair : WEIGHTS.pair;
}

/**
 * The recall rule: how many of a query's clauses (its words, or their synonym spans) a document must
 * match to be a hit at all.
 * @module
 */

/**
 * Minimum clauses a document must match, given the number of clauses: all of a short query, all but
 * one of 4–6 words, 40% of a longer one (questions carry many words their answer does not contain;
 * tuned on the Zalo QA benchmark).
 */
export function minimumShouldMatch(clauses: number): number {
  if (clauses <= 3) return clauses;
  if (clauses <= 6) return clauses - 1;
  return Math.ceil(clauses * 0.4);
}

/**
 * The minimum for a query whose `syllables` syllables make `clauses` clauses (question words do not
 * make clauses): counted over the words that remain, but never more than the whole query would need
 * (6 syllables need 5, the 4 words of "Landmark 81 có … tầng" 3).
 */
export function queryMinimumShouldMatch(clauses: number, syllables: number): number {
  return Math.min(minimumShouldMatch(clauses), minimumShouldMatch(syllables));
}

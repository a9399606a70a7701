/**
 * Coverage: a document's score is scaled by the share of the query's clauses (words and adjacent
 * pairs) it matches, so that a document matching every word and pair outranks one that repeats a few.
 * @module
 */

/**
 * How strongly the share of matched clauses (words and adjacent pairs) scales the score: score =
 * BM25F sum × share^exponent (0 = plain BM25 sum). Tuned on `npm run bench:relevance`.
 */
export const COVERAGE_EXPONENT: number = 0.5;

/**
 * The factor a score is multiplied by when a document matches `matched` of `all` clauses (1 when the
 * query has no clauses).
 */
export function coverageFactor(matched: number, all: number): number {
  return all > 0 ? Math.pow(matched / all, COVERAGE_EXPONENT) : 1;
}

/**
 * {@link coverageFactor} for every count of matched clauses from 0 to `all`, so that scoring a
 * document is a table lookup (index = matched clauses).
 */
export function coverageFactors(all: number): Float64Array {
  const table = new Float64Array(all + 1);
  for (let m = 0; m <= all; m++) table[m] = coverageFactor(m, all);
  return table;
}

/**
 * Headline phrase match: how much of the query appears in the headline as one unbroken run of
 * syllables, and whether the headline starts with the query. This is the known-item signal a bag of
 * words and single adjacent pairs miss: someone pasting the start of a headline (`Ha Noi: Lay y kien`)
 * means the article whose headline begins with exactly those syllables, not one that has `hà nội`,
 * `lấy ý kiến` in another order.
 *
 * Both sides are sequences of folded-syllable term numbers (punctuation ignored), so the feature is
 * diacritic-insensitive like the rest of the recall; the diacritics typed still rank through the
 * exact-form postings. The boost multiplies the BM25F score, is at most {@link maxHeadlineBoost},
 * and depends only on the document and the query, so shards merge exactly as one index would rank.
 * @module
 */

import { MAX_HEADLINE_SYLLABLES } from '../index-format/shard-postings.js';

export { MAX_HEADLINE_SYLLABLES };
/**
 * Query positions kept per distinct syllable: bounds the cost of one headline at
 * `MAX_HEADLINE_SYLLABLES × MAX_POSITIONS_PER_SYLLABLE` steps even for `của của của …`.
 */
export const MAX_POSITIONS_PER_SYLLABLE = 8;

/** Weights of the two parts of the boost (tuned on `npm run bench:relevance`). */
export const HEADLINE_WEIGHTS = {
  /** Longest run of consecutive query syllables found consecutively anywhere in the headline. */
  run: 0.3,
  /** Run of query syllables the headline starts with (query syllable 0 = headline syllable 0). */
  start: 0.3,
};

/** Largest factor {@link headlineBoost} returns (read at call time, so tuning runs can change the weights). */
export function maxHeadlineBoost(): number {
  return 1 + HEADLINE_WEIGHTS.run + HEADLINE_WEIGHTS.start;
}

/** Result of {@link matchHeadline}. */
export interface HeadlineMatch {
  /** Longest run of consecutive query syllables that occurs consecutively in the headline. */
  longestRun: number;
  /** Number of leading query syllables the headline starts with. */
  startRun: number;
}

/**
 * A query prepared for matching against many headlines: its syllables as term numbers (−1 when the
 * shard does not contain the syllable) and, for each term number, the query positions it occupies.
 */
export class HeadlineQuery {
  readonly length: number;
  private readonly positions = new Map<number, number[]>();
  private readonly runPrev: Int32Array;
  private readonly runCur: Int32Array;

  /** @param terms the query's syllables in order, as term numbers (−1 = unknown) */
  constructor(readonly terms: ArrayLike<number>) {
    this.length = terms.length;
    for (let j = 0; j < terms.length; j++) {
      const t = terms[j];
      if (t < 0) continue;
      const list = this.positions.get(t);
      if (!list) this.positions.set(t, [j]);
      else if (list.length < MAX_POSITIONS_PER_SYLLABLE) list.push(j);
    }
    this.runPrev = new Int32Array(this.length + 1);
    this.runCur = new Int32Array(this.length + 1);
  }

  /** True when no syllable of the query can match (nothing to compute). */
  get empty(): boolean {
    return this.positions.size === 0;
  }

  /**
   * Matches one headline, given as `headline[start..end)` term numbers.
   * Cost: O(headline length × occurrences of each headline syllable in the query).
   */
  match(headline: ArrayLike<number>, start: number, end: number): HeadlineMatch {
    const n = this.length;
    let startRun = 0;
    while (startRun < n && start + startRun < end && headline[start + startRun] === this.terms[startRun]) startRun++;
    // Longest common substring by dynamic programming over query positions, touching only the
    // positions the current headline syllable occupies (run[j + 1] = run ending at query syllable j).
    let prev = this.runPrev;
    let cur = this.runCur;
    // The positions written at the previous step are exactly the previous syllable's positions.
    let prevAt: number[] | undefined;
    let longest = 0;
    for (let i = start; i < end; i++) {
      const at = this.positions.get(headline[i]);
      if (at) {
        for (const j of at) {
          const run = prev[j] + 1;
          cur[j + 1] = run;
          if (run > longest) longest = run;
        }
      }
      if (prevAt) for (const j of prevAt) prev[j + 1] = 0;
      const swap = prev; prev = cur; cur = swap;
      prevAt = at;
    }
    if (prevAt) for (const j of prevAt) prev[j + 1] = 0;
    return { longestRun: longest, startRun };
  }
}

/**
 * The score factor for a headline match of a query of `querySyllables` syllables: 1 when the query
 * has one syllable or no two of its syllables occur together in the headline; up to
 * {@link maxHeadlineBoost} when the headline starts with the whole query.
 */
export function headlineBoost(m: HeadlineMatch, querySyllables: number): number {
  if (querySyllables < 2) return 1;
  const share = (run: number) => (run >= 2 ? (run - 1) / (querySyllables - 1) : 0);
  return 1 + HEADLINE_WEIGHTS.run * share(m.longestRun) + HEADLINE_WEIGHTS.start * share(m.startRun);
}

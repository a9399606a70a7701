/**
 * Headline match: how much of the query appears in the headline as one unbroken run of syllables,
 * whether the headline starts with the query, and how much of the query the headline covers at all.
 * The first two are the known-item signal a bag of words and single adjacent pairs miss: someone
 * pasting the start of a headline (`Ha Noi: Lay y kien`) means the article whose headline begins with
 * exactly those syllables, not one that has `hà nội`, `lấy ý kiến` in another order. Coverage is the
 * topical signal: for `bão miền trung` a reader means the articles whose headline names the storm and
 * the region (its words, in their adjacent pairs, or an abbreviation or synonym of them), not the
 * ones whose body mentions them in passing.
 *
 * Runs compare folded-syllable term numbers (punctuation ignored), so they are diacritic-insensitive
 * like the rest of the recall; coverage compares a syllable typed with diacritics (or meant as
 * written) by its exact term number, so `Đảng` is covered by a headline naming Đảng and not by one
 * saying đang. The boost multiplies the BM25F score, is at most {@link maxHeadlineBoost}, and depends
 * only on the document and the query, so shards merge exactly as one index would rank.
 * @module
 */

import { MAX_HEADLINE_SYLLABLES } from '../index-format/shard-postings.js';

export { MAX_HEADLINE_SYLLABLES };
/**
 * Query positions kept per distinct syllable: bounds the cost of one headline at
 * `MAX_HEADLINE_SYLLABLES × MAX_POSITIONS_PER_SYLLABLE` steps even for `của của của …`.
 */
export const MAX_POSITIONS_PER_SYLLABLE = 8;

/** Weights of the parts of the boost (tuned on `npm run bench:relevance`). */
export const HEADLINE_WEIGHTS = {
  /** Longest run of consecutive query syllables found consecutively anywhere in the headline. */
  run: 0.3,
  /** Run of query syllables the headline starts with (query syllable 0 = headline syllable 0). */
  start: 0.3,
  /** Share of the query's units (words) the headline covers, to the power `coveragePower`. */
  coverage: 1,
  coveragePower: 2,
  /**
   * Queries up to this many syllables get the whole coverage weight, longer ones (questions, pasted
   * sentences) a share falling with the square of their length: a question's answer is in a paragraph,
   * not in a title naming its words.
   */
  coverageSyllables: 6,
};

/** Largest factor {@link headlineBoost} returns (read at call time, so tuning runs can change the weights). */
export function maxHeadlineBoost(): number {
  return 1 + HEADLINE_WEIGHTS.run + HEADLINE_WEIGHTS.start + HEADLINE_WEIGHTS.coverage;
}

/** A synonym or abbreviation of a span of the query, as folded-syllable term numbers. */
export interface HeadlineAlternative {
  /** First query syllable of the span. */
  start: number;
  /** Exclusive end of the span. */
  end: number;
  /** The alternative's syllables (−1 = not in this shard: it cannot occur). */
  terms: ArrayLike<number>;
}

/** What coverage needs beyond the query's folded syllables. */
export interface CoverageSpec {
  /**
   * Per query syllable, the exact term number a headline syllable must have to cover it (the exact key
   * of a syllable typed with diacritics, the folded key of one meant as written), −1 for any reading,
   * or −2 when that exact form is not in the shard (nothing covers it).
   */
  exact: ArrayLike<number>;
  /**
   * Per query syllable, whether it forms one word with the previous one (a collocation typed
   * adjacently, `hà nội`): the two are then one unit, covered only side by side in the headline, so
   * `Hà Tĩnh … nội đồng` does not cover `ha noi`.
   */
  bound: ArrayLike<boolean>;
  alternatives: readonly HeadlineAlternative[];
}

/** Result of {@link matchHeadline}. */
export interface HeadlineMatch {
  /** Longest run of consecutive query syllables that occurs consecutively in the headline. */
  longestRun: number;
  /** Number of leading query syllables the headline starts with. */
  startRun: number;
}

/**
 * Bits of {@link HeadlineQuery}'s filter of term numbers (a power of two): 512 bits are 64 bytes, which
 * V8 keeps inside the object instead of allocating a backing store for each query and shard.
 */
const FILTER_BITS = 512;

/** Bits of the filter {@link HeadlineQuery.mayRaise} tests (a power of two; 512 bytes per query and shard). */
const RAISING_FILTER_BITS = 4096;

/**
 * A query prepared for matching against many headlines: its syllables as term numbers (−1 when the
 * shard does not contain the syllable) and, for each term number, the query positions it occupies.
 * One pass over a headline ({@link HeadlineQuery.boost}) computes the runs and the coverage without
 * allocating: it runs once per scored document.
 */
export class HeadlineQuery {
  readonly length: number;
  private readonly positions = new Map<number, number[]>();
  /** Bit `t mod FILTER_BITS` is clear for every term number `t` the query does not hold (most headline syllables). */
  private readonly filter = new Int32Array(FILTER_BITS / 32);
  private readonly runPrev: Int32Array;
  private readonly runCur: Int32Array;

  private readonly coverage: CoverageSpec | null;
  private readonly covered: Uint8Array;
  private readonly pairCovered: Uint8Array;
  /** Per query position: 1 + the headline index where it was last matched with its exact form (for pairs). */
  private readonly matchedAt: Int32Array;
  /** Units of the query (the denominator of coverage): bound pairs, and syllables in none. */
  private readonly units: number;

  /** Term numbers whose presence can raise a headline's boost above 1: see {@link HeadlineQuery.mayRaise}. */
  private readonly raising = new Set<number>();
  private readonly raisingFilter = new Int32Array(RAISING_FILTER_BITS / 32);

  // Results of the last scan.
  private longestRun = 0;
  private startRun = 0;
  private share = 0;

  /**
   * @param terms the query's syllables in order, as term numbers (−1 = unknown)
   * @param coverage for {@link HeadlineQuery.cover}: exact forms, adjacency and alternatives
   */
  constructor(readonly terms: ArrayLike<number>, coverage?: CoverageSpec) {
    this.coverage = coverage ?? null;
    this.covered = new Uint8Array(terms.length);
    this.pairCovered = new Uint8Array(terms.length);
    this.matchedAt = new Int32Array(terms.length);
    let units = 0;
    for (let j = 0; j < terms.length; j++) {
      if (j > 0 && coverage?.bound[j]) units++;
      else if (!coverage?.bound[j + 1]) units++;
    }
    this.units = units;
    this.length = terms.length;
    for (let j = 0; j < terms.length; j++) {
      const t = terms[j];
      if (t < 0) continue;
      this.filter[(t >>> 5) & (FILTER_BITS / 32 - 1)] |= 1 << (t & 31);
      const list = this.positions.get(t);
      if (!list) this.positions.set(t, [j]);
      else if (list.length < MAX_POSITIONS_PER_SYLLABLE) list.push(j);
    }
    for (const t of this.positions.keys()) this.raise(t);
    for (const alt of coverage?.alternatives ?? []) {
      let known = alt.terms.length > 0;
      for (let r = 0; r < alt.terms.length; r++) if (alt.terms[r] < 0) known = false;
      if (known) this.raise(alt.terms[0]);
    }
    this.runPrev = new Int32Array(this.length + 1);
    this.runCur = new Int32Array(this.length + 1);
  }

  /** True when no syllable of the query can match (nothing to compute). */
  get empty(): boolean {
    return this.positions.size === 0;
  }

  /**
   * Whether the boost of `headline[start..end)` can be above 1. False means it is exactly 1: the
   * headline holds none of the query's syllables (no run, no covered word) and no alternative's first
   * syllable (no covered span). Costs one bit test per headline syllable, far less than
   * {@link HeadlineQuery.boost}.
   */
  mayRaise(headline: ArrayLike<number>, start: number, end: number): boolean {
    const filter = this.raisingFilter;
    for (let i = start; i < end; i++) {
      const t = headline[i];
      if ((filter[(t >>> 5) & (RAISING_FILTER_BITS / 32 - 1)] & (1 << (t & 31))) !== 0 && this.raising.has(t)) return true;
    }
    return false;
  }

  private raise(t: number): void {
    this.raising.add(t);
    this.raisingFilter[(t >>> 5) & (RAISING_FILTER_BITS / 32 - 1)] |= 1 << (t & 31);
  }

  /**
   * Matches one headline, given as `headline[start..end)` term numbers.
   * Cost: O(headline length × occurrences of each headline syllable in the query).
   */
  match(headline: ArrayLike<number>, start: number, end: number): HeadlineMatch {
    this.scan(headline, null, start, end);
    return { longestRun: this.longestRun, startRun: this.startRun };
  }

  /**
   * The share of the query one headline covers: of the query's units (each bound pair, each syllable
   * in no bound pair), those the headline names (a syllable typed with diacritics or meant as written
   * by its exact form, the others by any reading; a bound pair as two adjacent headline syllables; a
   * whole span by any of its alternatives). 0 without a {@link CoverageSpec}.
   * @param headline folded term numbers of all headlines; `exact` the parallel exact term numbers
   */
  cover(headline: ArrayLike<number>, exact: ArrayLike<number>, start: number, end: number): number {
    this.scan(headline, exact, start, end);
    return this.share;
  }

  /**
   * The score factor of one headline: {@link headlineBoost} of its {@link HeadlineQuery.match} and
   * {@link HeadlineQuery.cover}, computed in one pass.
   */
  boost(headline: ArrayLike<number>, exact: ArrayLike<number>, start: number, end: number): number {
    this.scan(headline, exact, start, end);
    return boostOf(this.longestRun, this.startRun, this.length, this.share);
  }

  /** One pass over `headline[start..end)`: runs always, coverage when `exact` is given and the query has a spec. */
  private scan(headline: ArrayLike<number>, exact: ArrayLike<number> | null, start: number, end: number): void {
    const n = this.length;
    const terms = this.terms;
    let startRun = 0;
    while (startRun < n && start + startRun < end && headline[start + startRun] === terms[startRun]) startRun++;
    const spec = exact && n > 0 ? this.coverage : null;
    const { covered, pairCovered, matchedAt, filter, positions } = this;
    if (spec) {
      covered.fill(0);
      pairCovered.fill(0);
      matchedAt.fill(0);
    }
    // Longest common substring by dynamic programming over query positions, touching only the
    // positions the current headline syllable occupies (run[j + 1] = run ending at query syllable j).
    let prev = this.runPrev;
    let cur = this.runCur;
    // The positions written at the previous step are exactly the previous syllable's positions.
    let prevAt: number[] | undefined;
    let longest = 0;
    for (let i = start; i < end; i++) {
      const t = headline[i];
      const at = (filter[(t >>> 5) & (FILTER_BITS / 32 - 1)] & (1 << (t & 31))) === 0 ? undefined : positions.get(t);
      if (at) {
        // Descending, so that `matchedAt[j − 1]` still tells whether j − 1 matched at the previous
        // headline syllable when the same syllable sits at both j − 1 and j (`của của`).
        for (let a = at.length - 1; a >= 0; a--) {
          const j = at[a];
          const run = prev[j] + 1;
          cur[j + 1] = run;
          if (run > longest) longest = run;
          if (spec) {
            const want = spec.exact[j];
            if (want !== -1 && exact![i] !== want) continue;
            covered[j] = 1;
            matchedAt[j] = i + 1;
            if (j > 0 && i > start && matchedAt[j - 1] === i) pairCovered[j] = 1;
          }
        }
      }
      if (prevAt) for (let a = 0; a < prevAt.length; a++) prev[prevAt[a] + 1] = 0;
      const swap = prev; prev = cur; cur = swap;
      prevAt = at;
    }
    if (prevAt) for (let a = 0; a < prevAt.length; a++) prev[prevAt[a] + 1] = 0;
    this.longestRun = longest;
    this.startRun = startRun;
    this.share = spec ? this.coverageShare(spec, headline, start, end) : 0;
  }

  /** Coverage from the scan's marks plus the alternatives found in the headline. */
  private coverageShare(spec: CoverageSpec, headline: ArrayLike<number>, start: number, end: number): number {
    const { covered, pairCovered } = this;
    const n = this.length;
    for (const alt of spec.alternatives) {
      if (!containsRun(headline, start, end, alt.terms)) continue;
      for (let j = alt.start; j < alt.end; j++) {
        covered[j] = 1;
        if (j > alt.start) pairCovered[j] = 1;
      }
    }
    let got = 0;
    for (let j = 0; j < n; j++) {
      if (j > 0 && spec.bound[j]) got += pairCovered[j];
      else if (!spec.bound[j + 1]) got += covered[j];
    }
    return got / this.units;
  }
}

/** Whether `headline[start..end)` contains `run` as consecutive term numbers (never for an empty run or one with −1). */
function containsRun(headline: ArrayLike<number>, start: number, end: number, run: ArrayLike<number>): boolean {
  const k = run.length;
  if (k === 0) return false;
  for (let r = 0; r < k; r++) if (run[r] < 0) return false;
  outer: for (let i = start; i + k <= end; i++) {
    for (let r = 0; r < k; r++) if (headline[i + r] !== run[r]) continue outer;
    return true;
  }
  return false;
}

/**
 * The score factor for a headline match of a query of `querySyllables` syllables: 1 when the headline
 * covers nothing of the query and no two of its syllables occur together; up to
 * {@link maxHeadlineBoost} when the headline starts with the whole query.
 * @param coverage the share of the query the headline covers ({@link HeadlineQuery.cover}), 0 by default
 */
export function headlineBoost(m: HeadlineMatch, querySyllables: number, coverage = 0): number {
  return boostOf(m.longestRun, m.startRun, querySyllables, coverage);
}

/** {@link headlineBoost} on plain numbers (no closure or object per scored document). */
function boostOf(longestRun: number, startRun: number, querySyllables: number, coverage: number): number {
  const w = HEADLINE_WEIGHTS;
  const taper = querySyllables <= w.coverageSyllables ? 1 : (w.coverageSyllables / querySyllables) ** 2;
  const covers = coverage > 0 ? w.coverage * taper * Math.pow(coverage, w.coveragePower) : 0;
  if (querySyllables < 2) return 1 + covers;
  return 1 + w.run * runShare(longestRun, querySyllables) + w.start * runShare(startRun, querySyllables) + covers;
}

/** The share of a query of `querySyllables` syllables a run of `run` adjacent syllables stands for (0 below 2). */
function runShare(run: number, querySyllables: number): number {
  return run >= 2 ? (run - 1) / (querySyllables - 1) : 0;
}

/**
 * The largest factor {@link headlineBoost} can return for a query of `querySyllables` syllables (with
 * or without a coverage spec): tighter than {@link maxHeadlineBoost} for one-word and long queries.
 * Used for score upper bounds (the front's shard skipping), so it must never be below a real boost.
 */
export function headlineBoostBound(querySyllables: number, hasCoverage: boolean): number {
  const w = HEADLINE_WEIGHTS;
  const taper = querySyllables <= w.coverageSyllables ? 1 : (w.coverageSyllables / querySyllables) ** 2;
  const covers = hasCoverage ? Math.max(0, w.coverage * taper) : 0;
  if (querySyllables < 2) return 1 + covers;
  return 1 + Math.max(0, w.run) + Math.max(0, w.start) + covers;
}

/**
 * Diacritic restoration for queries typed without accents: picks the most likely accented reading of
 * each syllable with a bigram language model over the corpus (exact pair counts and reading counts
 * from the lexicon), decoded with Viterbi. A syllable is only restored when the evidence is
 * confident; otherwise all its readings stay equal.
 * @module
 */
import type { Lexicon, Reading } from '../index-format/lexicon.js';

/** Readings considered per syllable (the most frequent ones). */
const MAX_READINGS = 8;
/**
 * Rarer readings (up to this rank) join when the corpus has seen them next to a likely reading of a
 * neighbouring syllable: `nhiet doi` → nhiệt đới, although đới is only the 14th reading of `doi`.
 */
const MAX_RARE_READINGS = 40;
/** Readings of the neighbour a rare reading is checked against. */
const NEIGHBOUR_READINGS = 4;
/** Pair lookups spent on rare readings per query (about 1 µs each), whatever its length. */
const RARE_READING_BUDGET = 2048;
/** Interpolation weight of the pair model against the reading frequency. */
const PAIR_WEIGHT = 0.9;
/** A syllable without pair evidence is restored only when one reading has at least this share. */
export const MIN_UNIGRAM_SHARE = 0.8;
/** Pair evidence must have been seen at least this often to count as confident. */
const MIN_PAIR_EVIDENCE = 2;
/**
 * In a query typed with diacritics (some readings fixed), how much likelier a word typed without
 * marks is meant as written than its frequency alone says: `công ty` stays ty, `chinh phủ` (never
 * written so) becomes chính phủ.
 */
export const AS_WRITTEN_PRIOR = 20;

/** Result for one syllable: the chosen reading, or null when left ambiguous. */
export type Restoration = Array<string | null>;

/**
 * Restores a run of folded syllables (`['chinh', 'phu']` → `['chính', 'phủ']`).
 * @param folded folded syllables in query order
 * @param adjacent `adjacent[i]` is true when syllable i directly follows syllable i-1
 * @param fixed per syllable, a reading already known (typed with diacritics), which is kept and serves
 * as context for its neighbours; null where the reading is to be found
 */
export function restoreDiacritics(lexicon: Lexicon, folded: readonly string[], adjacent: readonly boolean[], fixed?: ReadonlyArray<string | null>): Restoration {
  const n = folded.length;
  const all = folded.map((f, i) => {
    const known = fixed?.[i];
    return known ? [{ exact: known, count: lexicon.exactCount(known) }] : lexicon.readings(f, MAX_RARE_READINGS);
  });
  const totals = all.map((c) => c.reduce((s, r) => s + r.count, 0));
  // Unigram probabilities are over the whole collection, like the pair model's: a reading of
  // `dong` seen next to `hà` (Hà Đông) must beat one that is merely frequent (đồng, động).
  const collection = Math.max(1, lexicon.totalCount);
  const pairCache = new Map<string, number>();
  const pair = (a: string, b: string) => {
    const k = a + ' ' + b;
    let v = pairCache.get(k);
    if (v === undefined) { v = lexicon.pairCount(a, b); pairCache.set(k, v); }
    return v;
  };
  const cands = all.map((c) => c.slice(0, MAX_READINGS));
  const neighbours = all.map((c) => c.slice(0, NEIGHBOUR_READINGS));
  let budget = RARE_READING_BUDGET;
  /** Whether the corpus has seen `pair(x, y)` for some y (or x) among `side`, within the budget. */
  const seenWith = (side: Reading[], pairOf: (other: string) => number) => {
    for (const o of side) {
      if (budget-- <= 0) return false;
      if (pairOf(o.exact) >= MIN_PAIR_EVIDENCE) return true;
    }
    return false;
  };
  for (let i = 0; i < n && budget > 0; i++) {
    for (let k = MAX_READINGS; k < all[i].length && budget > 0; k++) {
      const r = all[i][k].exact;
      if ((i > 0 && adjacent[i] && seenWith(neighbours[i - 1], (a) => pair(a, r)))
        || (i + 1 < n && adjacent[i + 1] && seenWith(neighbours[i + 1], (b) => pair(r, b)))) {
        cands[i].push(all[i][k]);
      }
    }
  }
  // Viterbi over log probabilities.
  const score: number[][] = [];
  const back: number[][] = [];
  for (let i = 0; i < n; i++) {
    score.push([]);
    back.push([]);
    const ci = cands[i];
    // Without a previous candidate to pair with, every reading continues the best path so far.
    const noPrevious = i === 0 || cands[i - 1].length === 0;
    const prevBest = noPrevious ? 0 : Math.max(...score[i - 1]);
    const prevArg = noPrevious ? -1 : score[i - 1].indexOf(prevBest);
    for (let k = 0; k < ci.length; k++) {
      const prior = fixed && !fixed[i] && ci[k].exact === folded[i] ? Math.log(AS_WRITTEN_PRIOR) : 0;
      const uni = (ci[k].count + 0.5) / collection;
      if (noPrevious || !adjacent[i]) {
        score[i].push(prevBest + Math.log(uni) + prior);
        back[i].push(prevArg);
        continue;
      }
      let best = -Infinity;
      let arg = 0;
      const prev = cands[i - 1];
      for (let j = 0; j < prev.length; j++) {
        const p = PAIR_WEIGHT * (pair(prev[j].exact, ci[k].exact) / Math.max(1, prev[j].count)) + (1 - PAIR_WEIGHT) * uni;
        const s = score[i - 1][j] + Math.log(p);
        if (s > best) { best = s; arg = j; }
      }
      score[i].push(best + prior);
      back[i].push(arg);
    }
  }
  // Backtrack.
  const chosen: number[] = new Array(n).fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    if (cands[i].length === 0) continue;
    if (chosen[i] === -1) {
      const s = score[i];
      chosen[i] = s.indexOf(Math.max(...s));
    }
    const b = back[i][chosen[i]];
    if (i > 0 && b >= 0 && chosen[i - 1] === -1) chosen[i - 1] = b;
  }
  // Confidence per syllable.
  return folded.map((f, i) => {
    if (fixed?.[i]) return fixed[i];
    if (chosen[i] < 0) return null;
    const reading = cands[i][chosen[i]].exact;
    if (cands[i].length === 1) return reading === f ? null : reading;
    const supportedLeft = i > 0 && adjacent[i] && chosen[i - 1] >= 0 && pair(cands[i - 1][chosen[i - 1]].exact, reading) >= MIN_PAIR_EVIDENCE;
    const supportedRight = i + 1 < n && adjacent[i + 1] && chosen[i + 1] >= 0 && pair(reading, cands[i + 1][chosen[i + 1]].exact) >= MIN_PAIR_EVIDENCE;
    const share = cands[i][chosen[i]].count / Math.max(1, totals[i]);
    return supportedLeft || supportedRight || share >= MIN_UNIGRAM_SHARE ? reading : null;
  });
}

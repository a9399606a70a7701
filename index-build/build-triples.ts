/**
 * Chooses the exact syllable triples the lexicon keeps for diacritic restoration. A triple is kept only
 * where it can change a restoration that its two pairs would make on their own, so that one more
 * word of context costs little room:
 * - its folded form has more than one accented reading seen often enough (`taxi truyen thong`: the
 *   corpus has both truyền thống and truyền thông after taxi), or
 * - one of its pairs is not the most frequent reading of that folded pair (the pair model alone would
 *   pick another reading there).
 * The rarest kept triples are dropped first when they do not fit the byte budget.
 * @module
 */
import { PairTable } from '../src/index-format/pair-table.js';
import type { TripleColumns } from '../src/index-format/term-collector.js';

/** Triples seen fewer times than this are not kept. */
export const MIN_TRIPLE_COUNT = 2;

/** Bytes one kept triple costs in the lexicon: third syllable index (u32) and count (u16). */
export const TRIPLE_COST_BYTES = 6;
/** Bytes each distinct first pair of kept triples costs: its pair index and group start (u32 each). */
export const TRIPLE_GROUP_COST_BYTES = 8;
/** Counts are stored as u16. */
const MAX_STORED_COUNT = 0xffff;

/**
 * Byte budget of the kept triples: 7 MiB (all informative triples seen twice or more at 35k
 * articles, ~700k in 6.2 MB), within what the lexicon's budget leaves after the pairs (see
 * `LEXICON_BUDGET_BYTES`), which is less and less as the collection grows.
 */
export const TRIPLE_BUDGET_BYTES = 7 * 1024 * 1024;

/** Kept triples as lexicon sections, and what was kept. */
export interface ChosenTriples {
  tripleGroupPair: Uint32Array;
  tripleGroupStart: Uint32Array;
  tripleThird: Uint32Array;
  tripleCount: Uint16Array;
  /** Kept triples have at least this count. */
  minTripleCount: number;
  /** Informative triples the budget dropped. */
  dropped: number;
}

/**
 * The smallest minimum count (≥ {@link MIN_TRIPLE_COUNT}) whose triples fit `budgetBytes`, keeping
 * whole count levels, most frequent first.
 * @param firstPair each candidate triple's first pair (its index in the lexicon's pair dictionary)
 * @param count each candidate triple's occurrences
 */
export function chooseTripleMinimum(firstPair: ArrayLike<number>, count: ArrayLike<number>, budgetBytes: number): number {
  const n = count.length;
  const order = new Uint32Array(n);
  let maxPair = 0;
  for (let i = 0; i < n; i++) { order[i] = i; if (firstPair[i] > maxPair) maxPair = firstPair[i]; }
  order.sort((x, y) => count[y] - count[x]);
  // 1: the pair already has a group; 2: it gets one at the level being counted.
  const grouped = new Uint8Array(maxPair + 1);
  const fresh: number[] = [];
  let total = 0;
  let previous = Infinity;
  for (let i = 0; i < n;) {
    const level = count[order[i]];
    let bytes = 0;
    fresh.length = 0;
    for (; i < n && count[order[i]] === level; i++) {
      bytes += TRIPLE_COST_BYTES;
      const p = firstPair[order[i]];
      if (grouped[p] === 0) { grouped[p] = 2; fresh.push(p); bytes += TRIPLE_GROUP_COST_BYTES; }
    }
    if (total + bytes > budgetBytes) return Math.max(MIN_TRIPLE_COUNT, previous === Infinity ? level + 1 : previous);
    total += bytes;
    for (const p of fresh) grouped[p] = 1;
    previous = level;
  }
  return MIN_TRIPLE_COUNT;
}

/** What {@link chooseTriples} needs to know of the lexicon's exact syllables and kept pairs, by syllable id. */
export interface TripleContext {
  /** Per exact syllable id: its folded class (the syllables that fold to the same form share it). */
  foldedClass: ArrayLike<number>;
  /** Per exact syllable id: its index in the lexicon's exact dictionary (-1 when absent). */
  exactIndex: ArrayLike<number>;
  /** Index of the kept exact pair `a b` in the lexicon's pair dictionary (-1 when not kept). */
  pairIndex(a: number, b: number): number;
  /** Occurrences of the kept exact pair `a b` (0 when not kept). */
  pairCount(a: number, b: number): number;
  /** Per folded pair (folded classes `fa fb`), the occurrences of its most frequent kept exact reading (0: none). */
  topPairCount(fa: number, fb: number): number;
}

/**
 * Chooses and lays out the triples to keep. Works on syllable ids: a corpus has millions of
 * triples, and a string, fold and map lookup for each took most of the lexicon's build time.
 * @param triples exact triples seen at least {@link MIN_TRIPLE_COUNT} times, by syllable id
 * @param ctx the lexicon's syllables and kept pairs
 * @param budgetBytes room for the triples
 */
export function chooseTriples(triples: TripleColumns, ctx: TripleContext, budgetBytes: number): ChosenTriples {
  const { first: A, second: B, third: C, count } = triples;
  const { foldedClass: fold, exactIndex } = ctx;
  // Readings of each folded triple: (folded pair, folded third) → number of exact triples.
  const foldedPairs = new PairTable(1 << 16);
  const foldedTriples = new PairTable(1 << 16);
  const foldedOf = new Uint32Array(count.length);
  for (let i = 0; i < count.length; i++) {
    foldedOf[i] = foldedTriples.add(foldedPairs.add(fold[A[i]], fold[B[i]], 0), fold[C[i]]);
  }
  // Informative triples: first pair (dictionary index), third syllable (exact index), occurrences.
  const keptFirst = new Uint32Array(count.length);
  const keptThird = new Uint32Array(count.length);
  const keptCount = new Uint32Array(count.length);
  let k = 0;
  for (let i = 0; i < count.length; i++) {
    const a = A[i];
    const b = B[i];
    const c = C[i];
    const first = ctx.pairIndex(a, b);
    const third = exactIndex[c];
    if (first < 0 || third < 0) continue;
    const ambiguous = foldedTriples.countOf(foldedOf[i]) > 1;
    const offTop = ctx.pairCount(a, b) < ctx.topPairCount(fold[a], fold[b]) || ctx.pairCount(b, c) < ctx.topPairCount(fold[b], fold[c]);
    if (ambiguous || offTop) { keptFirst[k] = first; keptThird[k] = third; keptCount[k++] = count[i]; }
  }
  const minTripleCount = chooseTripleMinimum(keptFirst.subarray(0, k), keptCount.subarray(0, k), budgetBytes);
  // The fitting triples ordered by first pair, then third syllable: bucketed by first pair, then
  // each (short) bucket sorted.
  let pairEnd = 0;
  let fitting = 0;
  for (let i = 0; i < k; i++) if (keptCount[i] >= minTripleCount) { fitting++; if (keptFirst[i] + 1 > pairEnd) pairEnd = keptFirst[i] + 1; }
  const bucketStart = new Uint32Array(pairEnd + 1);
  for (let i = 0; i < k; i++) if (keptCount[i] >= minTripleCount) bucketStart[keptFirst[i] + 1]++;
  for (let p = 0; p < pairEnd; p++) bucketStart[p + 1] += bucketStart[p];
  const at = bucketStart.slice(0, pairEnd);
  const order = new Uint32Array(fitting);
  for (let i = 0; i < k; i++) if (keptCount[i] >= minTripleCount) order[at[keptFirst[i]]++] = i;
  const byThird = (x: number, y: number) => keptThird[x] - keptThird[y];
  const groupPair: number[] = [];
  const groupStart: number[] = [];
  for (let p = 0; p < pairEnd; p++) {
    if (bucketStart[p + 1] === bucketStart[p]) continue;
    order.subarray(bucketStart[p], bucketStart[p + 1]).sort(byThird);
    groupPair.push(p);
    groupStart.push(bucketStart[p]);
  }
  groupStart.push(fitting);
  return {
    tripleGroupPair: Uint32Array.from(groupPair),
    tripleGroupStart: Uint32Array.from(groupStart),
    tripleThird: Uint32Array.from(order, (i) => keptThird[i]),
    tripleCount: Uint16Array.from(order, (i) => Math.min(MAX_STORED_COUNT, keptCount[i])),
    minTripleCount,
    dropped: k - fitting,
  };
}

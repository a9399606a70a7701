/**
 * Chooses the exact four-syllable windows the lexicon keeps for diacritic restoration: one more word
 * of context than its triples. A window is kept when the corpus repeats it (weight at least
 * {@link MIN_QUAD_WEIGHT}: its occurrences, plus one when a headline has it, since readers search for
 * a headline's wording) and it is the dominant spelling of its folded form (at least
 * {@link QUAD_DOMINANT_SHARE} of the folded window's occurrences), so that a query typed without
 * marks can be read the way the archive writes those four words. Each window costs 8 bytes (its first
 * pair's index and a 32-bit fingerprint of the whole window, `quadFingerprint`); the rarest are
 * dropped first when they do not fit {@link QUAD_BUDGET_BYTES}.
 * @module
 */
import type { TermCollector } from '../src/index-format/term-collector.js';
import { quadFingerprint } from '../src/index-format/pair-section.js';

/**
 * Windows of lower weight are not kept: one sighting in the body is not a habit of the archive, one in
 * a headline is (weight 2).
 */
export const MIN_QUAD_WEIGHT = 2;

/** A kept window's spelling has at least this share of its folded form's occurrences. */
export const QUAD_DOMINANT_SHARE = 0.9;

/** Bytes one kept window costs: its first pair's index and its fingerprint (u32 each). */
export const QUAD_COST_BYTES = 8;

/**
 * Byte budget of the kept windows: 24 MiB, ~3.1 million windows (baomoi-35k keeps all of weight 2 or
 * more); a larger archive raises the minimum weight instead, body windows seen twice and headline
 * windows seen once going first.
 */
export const QUAD_BUDGET_BYTES = 24 * 1024 * 1024;

/** Pair indexes packed with a 32-bit fingerprint into one double stay below this (2^21; the pairs' budget keeps under a million). */
const MAX_PACKED_PAIR = 2 ** 21;

/** Kept windows as lexicon sections. */
export interface ChosenQuads {
  quadPair: Uint32Array;
  quadHash: Uint32Array;
  /** Kept windows have at least this weight (0 when none is kept). */
  minQuadCount: number;
}

/**
 * The smallest minimum count (≥ {@link MIN_QUAD_WEIGHT}) whose windows fit `budgetBytes`, counting every
 * window of that weight (before the dominance test, so the budget is an upper bound).
 * @param histogram `histogram[n]`: distinct windows of weight n (the last entry: at least that)
 */
export function chooseQuadMinimum(histogram: ArrayLike<number>, budgetBytes: number): number {
  const cap = histogram.length - 1;
  let kept = 0;
  for (let n = cap; n >= MIN_QUAD_WEIGHT; n--) {
    if ((kept + histogram[n]) * QUAD_COST_BYTES > budgetBytes) return n + 1;
    kept += histogram[n];
  }
  return MIN_QUAD_WEIGHT;
}

/**
 * Chooses and lays out the windows to keep.
 * @param c the collection's statistics
 * @param pairIndex index of a kept exact pair `a b` in the lexicon's pair dictionary (-1 when not
 * kept: its windows are dropped, the pair model knows nothing of them either)
 * @param budgetBytes room for the windows
 */
export function chooseQuads(c: TermCollector, pairIndex: (pair: string) => number, budgetBytes = QUAD_BUDGET_BYTES): ChosenQuads {
  const cap = 1 << 16;
  const min = chooseQuadMinimum(c.quadWeightHistogram(cap), budgetBytes);
  if (min > cap) return { quadPair: new Uint32Array(0), quadHash: new Uint32Array(0), minQuadCount: 0 };
  // (pair index, fingerprint) packed in one double each (pair indexes stay below 2^21), sorted natively.
  let packed = new Float64Array(1 << 16);
  let n = 0;
  c.forEachDominantQuad(min, QUAD_DOMINANT_SHARE, (a, b, x, d) => {
    const p = pairIndex(a + ' ' + b);
    if (p < 0) return;
    if (p >= MAX_PACKED_PAIR) throw new Error(`pair index ${p} past ${MAX_PACKED_PAIR}: the pairs' budget keeps under a million, raise the packing`);
    if (n === packed.length) { const grown = new Float64Array(n * 2); grown.set(packed); packed = grown; }
    packed[n++] = p * 0x100000000 + quadFingerprint(a, b, x, d);
  });
  const sorted = packed.subarray(0, n).sort();
  // Two windows of one pair with the same fingerprint are one entry.
  const unique = sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
  const quadPair = new Uint32Array(unique.length);
  const quadHash = new Uint32Array(unique.length);
  unique.forEach((v, i) => { quadPair[i] = Math.floor(v / 0x100000000); quadHash[i] = v % 0x100000000; });
  return { quadPair, quadHash, minQuadCount: unique.length ? min : 0 };
}

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
import { foldDiacritics } from '../src/analyzer/fold.js';

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
 * @param triples the first pair's index and the occurrences of each candidate triple
 */
export function chooseTripleMinimum(triples: ReadonlyArray<readonly [number, number]>, budgetBytes: number): number {
  const byCount = new Map<number, number[]>();
  for (const [pair, n] of triples) {
    let l = byCount.get(n);
    if (!l) byCount.set(n, (l = []));
    l.push(pair);
  }
  const groups = new Set<number>();
  let total = 0;
  let previous = Infinity;
  for (const n of [...byCount.keys()].sort((a, b) => b - a)) {
    const pairs = byCount.get(n)!;
    let bytes = pairs.length * TRIPLE_COST_BYTES;
    const fresh = new Set(pairs.filter((p) => !groups.has(p)));
    bytes += fresh.size * TRIPLE_GROUP_COST_BYTES;
    if (total + bytes > budgetBytes) return Math.max(MIN_TRIPLE_COUNT, previous === Infinity ? n + 1 : previous);
    total += bytes;
    for (const p of fresh) groups.add(p);
    previous = n;
  }
  return MIN_TRIPLE_COUNT;
}

/**
 * Chooses and lays out the triples to keep.
 * @param triples exact triples seen at least {@link MIN_TRIPLE_COUNT} times: `[a, b, c, occurrences]`
 * @param pairIndex index of a kept exact pair `a b` in the lexicon's pair dictionary (-1 when not kept)
 * @param pairCount occurrences of a kept exact pair (0 when not kept)
 * @param exactIndex index of an exact syllable in the lexicon's exact dictionary (-1 when absent)
 * @param topPairCount per folded pair `fa fb`, the occurrences of its most frequent kept exact reading
 * @param budgetBytes room for the triples
 */
export function chooseTriples(
  triples: ReadonlyArray<readonly [string, string, string, number]>,
  pairIndex: (pair: string) => number,
  pairCount: (pair: string) => number,
  exactIndex: (exact: string) => number,
  topPairCount: ReadonlyMap<string, number>,
  budgetBytes: number,
): ChosenTriples {
  // Readings of each folded triple. Millions of triples share a vocabulary of syllables: each is
  // folded once.
  const foldCache = new Map<string, string>();
  const fold = (x: string) => {
    let f = foldCache.get(x);
    if (f === undefined) { f = foldDiacritics(x); foldCache.set(x, f); }
    return f;
  };
  const readingsOf = new Map<string, number>();
  const foldedOf = triples.map(([a, b, c]) => `${fold(a)} ${fold(b)} ${fold(c)}`);
  for (const f of foldedOf) readingsOf.set(f, (readingsOf.get(f) ?? 0) + 1);
  const kept: Array<[number, number, number]> = [];
  triples.forEach(([a, b, c, n], i) => {
    const ab = a + ' ' + b;
    const first = pairIndex(ab);
    const third = exactIndex(c);
    if (first < 0 || third < 0) return;
    const fb = fold(b);
    const ambiguous = readingsOf.get(foldedOf[i])! > 1;
    const offTop = pairCount(ab) < (topPairCount.get(fold(a) + ' ' + fb) ?? 0) || pairCount(b + ' ' + c) < (topPairCount.get(fb + ' ' + fold(c)) ?? 0);
    if (ambiguous || offTop) kept.push([first, third, n]);
  });
  const minTripleCount = chooseTripleMinimum(kept.map((t) => [t[0], t[2]]), budgetBytes);
  const fitting = kept.filter((t) => t[2] >= minTripleCount).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const groupPair: number[] = [];
  const groupStart: number[] = [];
  fitting.forEach(([first], i) => {
    if (i === 0 || fitting[i - 1][0] !== first) { groupPair.push(first); groupStart.push(i); }
  });
  groupStart.push(fitting.length);
  return {
    tripleGroupPair: Uint32Array.from(groupPair),
    tripleGroupStart: Uint32Array.from(groupStart),
    tripleThird: Uint32Array.from(fitting, (t) => t[1]),
    tripleCount: Uint16Array.from(fitting, (t) => Math.min(MAX_STORED_COUNT, t[2])),
    minTripleCount,
    dropped: kept.length - fitting.length,
  };
}

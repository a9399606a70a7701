/**
 * Seeded pseudo-random numbers for benchmarks: the same seed gives the same samples, typos and
 * subsets on every machine, so benchmark results are reproducible and diffable.
 * @module
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: a tiny 32-bit PRNG (public domain, by Tommy Ettinger), good enough for sampling.
 * @param seed any 32-bit integer
 * @returns a function returning the next number in [0, 1) on each call
 */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A uniform integer in [0, n).
 * @param rand the random source
 * @param n exclusive upper bound (≥ 1)
 */
export function randInt(rand: Random, n: number): number {
  return Math.floor(rand() * n);
}

/**
 * One element chosen uniformly.
 * @param rand the random source
 * @param items a non-empty array
 */
export function pick<T>(rand: Random, items: readonly T[]): T {
  return items[randInt(rand, items.length)];
}

/**
 * `k` distinct indices of [0, n) drawn without replacement, in draw order (a partial Fisher–Yates
 * shuffle over a sparse map, so it costs O(k) whatever n is).
 * @param rand the random source
 * @param n population size
 * @param k how many to draw (clamped to n)
 * @returns the drawn indices, in the order they were drawn
 */
export function sampleIndices(rand: Random, n: number, k: number): number[] {
  const m = Math.min(k, n);
  const swapped = new Map<number, number>();
  const out: number[] = [];
  for (let i = 0; i < m; i++) {
    const j = i + randInt(rand, n - i);
    const vi = swapped.get(i) ?? i;
    const vj = swapped.get(j) ?? j;
    swapped.set(j, vi);
    out.push(vj);
  }
  return out;
}

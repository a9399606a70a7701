import { describe, expect, it } from 'vitest';
import { TopK, kthLargestAt } from './top-k.js';

describe('TopK', () => {
  it('keeps the k largest, best first', () => {
    const t = new TopK<number>(3, (a, b) => a > b);
    for (const x of [5, 1, 9, 3, 7, 2, 8]) t.push(x);
    expect(t.sorted()).toEqual([9, 8, 7]);
  });
  it('matches a full sort on random input', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const xs = Array.from({ length: 1000 }, () => Math.floor(rnd() * 500));
    const t = new TopK<number>(25, (a, b) => a > b);
    xs.forEach((x) => t.push(x));
    expect(t.sorted()).toEqual([...xs].sort((a, b) => b - a).slice(0, 25));
  });
  it('handles k = 0 and fewer items than k', () => {
    const z = new TopK<number>(0, (a, b) => a > b);
    z.push(1);
    expect(z.sorted()).toEqual([]);
    const t = new TopK<number>(10, (a, b) => a > b);
    [2, 1].forEach((x) => t.push(x));
    expect(t.sorted()).toEqual([2, 1]);
  });
});

describe('kthLargestAt', () => {
  it('matches a full sort of the indexed values', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const values = Float64Array.from({ length: 500 }, () => Math.floor(rnd() * 100) / 7);
    const at = Int32Array.from({ length: 300 }, () => Math.floor(rnd() * 500));
    const sorted = Array.from(at, (i) => values[i]).sort((a, b) => b - a);
    for (const k of [1, 2, 10, 57, 300]) expect(kthLargestAt(values, at, at.length, k)).toBe(sorted[k - 1]);
    // Only the first `count` indexes count.
    const first = Array.from(at.subarray(0, 40), (i) => values[i]).sort((a, b) => b - a);
    expect(kthLargestAt(values, at, 40, 5)).toBe(first[4]);
  });
  it('is −Infinity when fewer than k items or k ≤ 0', () => {
    expect(kthLargestAt([1, 2], [0, 1], 2, 3)).toBe(-Infinity);
    expect(kthLargestAt([1, 2], [0, 1], 2, 0)).toBe(-Infinity);
  });
});

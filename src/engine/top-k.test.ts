import { describe, expect, it } from 'vitest';
import { TopK } from './top-k.js';

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

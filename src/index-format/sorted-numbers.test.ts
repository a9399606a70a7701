import { describe, expect, it } from 'vitest';
import { lowerBound } from './sorted-numbers.js';

describe('lowerBound', () => {
  const a = Uint32Array.from([2, 5, 5, 9, 4_000_000_000]);

  it('is the first index holding a value at least the one asked', () => {
    expect(lowerBound(a, 0)).toBe(0);
    expect(lowerBound(a, 2)).toBe(0);
    expect(lowerBound(a, 5)).toBe(1);
    expect(lowerBound(a, 6)).toBe(3);
    expect(lowerBound(a, 4_000_000_000)).toBe(4);
    expect(lowerBound(a, 4_000_000_001)).toBe(5);
    expect(lowerBound(new Uint32Array(0), 1)).toBe(0);
  });

  it('searches only the range given', () => {
    expect(lowerBound(a, 2, 1, 4)).toBe(1);
    expect(lowerBound(a, 9, 1, 3)).toBe(3);
    expect(lowerBound([1, 3, 3, 7], 3, 2)).toBe(2);
  });
});

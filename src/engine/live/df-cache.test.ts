import { describe, expect, it } from 'vitest';
import { DfCache } from './df-cache.js';

describe('DfCache', () => {
  it('keeps recently used entries within its capacity and drops the least recently used generation', () => {
    const c = new DfCache(4); // generations of 2
    c.set('a', 1);
    c.set('b', 2);
    c.set('c', 3); // young {c}, old {a, b}
    expect(c.get('a')).toBe(1); // a moves back: young {c, a}
    c.set('d', 4); // young {d}, old {c, a}; b dropped
    expect(c.get('b')).toBeUndefined();
    expect([c.get('a'), c.get('c'), c.get('d')]).toEqual([1, 3, 4]);
    expect(c.size).toBeLessThanOrEqual(4);
    expect([c.hits, c.misses]).toEqual([4, 1]);
  });

  it('never holds more than its capacity, and overwrites in place', () => {
    const c = new DfCache(10);
    for (let i = 0; i < 1000; i++) c.set(`k${i}`, i);
    expect(c.size).toBeLessThanOrEqual(10);
    expect(c.get('k999')).toBe(999);
    c.set('k999', 5);
    expect(c.get('k999')).toBe(5);
    expect(c.get('k0')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { DfCache } from './df-cache.js';

describe('DfCache', () => {
  it('keeps the most recently used entries within its capacity', () => {
    const c = new DfCache(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1); // a is now the most recent
    c.set('c', 3); // evicts b
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe(1);
    expect(c.get('c')).toBe(3);
    expect(c.size).toBe(2);
    expect([c.hits, c.misses]).toEqual([3, 1]);
  });
});

import { describe, expect, it } from 'vitest';
import { ByteBudgetCache } from './byte-budget-cache.js';
import { setKeepAliveHook } from './keep-alive.js';

describe('ByteBudgetCache', () => {
  it('evicts least recently used entries once their bytes exceed the budget', () => {
    const c = new ByteBudgetCache<string, number>(100);
    c.set('a', 1, 40);
    c.set('b', 2, 40);
    expect(c.get('a')).toBe(1); // a is now the most recent
    c.set('c', 3, 40);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe(1);
    expect(c.stats()).toMatchObject({ entries: 2, bytes: 80, evictions: 1 });
  });

  it('keeps entries used again through a scan of entries used once', () => {
    const c = new ByteBudgetCache<string, number>(100);
    c.set('hot', 0, 20);
    expect(c.get('hot')).toBe(0); // used again: protected
    for (let i = 1; i <= 20; i++) c.set(`once${i}`, i, 20); // a scan four times the budget
    expect(c.get('hot')).toBe(0);
    expect(c.get('once1')).toBeUndefined();
    expect(c.get('once20')).toBe(20);
    expect(c.stats().bytes).toBeLessThanOrEqual(100);
    // A plain LRU would have dropped 'hot' after five newer entries.
  });

  it('with every entry used again, stays within the budget and drops the least recent first', () => {
    const c = new ByteBudgetCache<string, number>(100); // 80 bytes may be protected
    for (const k of ['a', 'b', 'c', 'd', 'e']) { c.set(k, 0, 20); c.get(k); } // all used again
    expect(c.stats()).toMatchObject({ entries: 5, bytes: 100, evictions: 0 });
    c.set('f', 0, 20); // 'a' went back to probation when 'e' was protected: it goes first
    expect(c.get('a')).toBeUndefined();
    for (const k of ['b', 'c', 'd', 'e', 'f']) expect(c.get(k), k).toBe(0);
    expect(c.stats()).toMatchObject({ entries: 5, bytes: 100, evictions: 1 });
  });

  it('keeps one entry larger than the budget alone', () => {
    const c = new ByteBudgetCache<string, number>(10);
    c.set('a', 1, 5);
    c.set('big', 2, 50);
    expect(c.get('a')).toBeUndefined();
    expect(c.get('big')).toBe(2);
    expect(c.stats().bytes).toBe(50);
  });

  it('shares one load between concurrent callers and does not cache failures', async () => {
    const c = new ByteBudgetCache<string, string>(100);
    let loads = 0;
    const load = async () => { loads++; await new Promise((r) => setTimeout(r, 5)); return { value: 'v', bytes: 1 }; };
    expect(await Promise.all([c.getOrLoad('k', load), c.getOrLoad('k', load)])).toEqual(['v', 'v']);
    expect(loads).toBe(1);
    expect(await c.getOrLoad('k', load)).toBe('v');
    expect(c.stats()).toMatchObject({ hits: 1, misses: 1 });
    await expect(c.getOrLoad('bad', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await c.getOrLoad('bad', async () => ({ value: 'ok', bytes: 1 }))).toBe('ok');
  });

  it('gives many keys at once: each distinct key once, held ones without loading, the others loaded', async () => {
    const c = new ByteBudgetCache<string, string>(100);
    c.set('a', 'A', 1);
    const loaded: string[] = [];
    const values = await c.getAllOrLoad(['a', 'b', 'a', 'c', 'b'], async (k) => { loaded.push(k); return { value: k.toUpperCase(), bytes: 1 }; });
    expect([...values]).toEqual([['a', 'A'], ['b', 'B'], ['c', 'C']]);
    expect(loaded.sort()).toEqual(['b', 'c']);
    expect(c.stats()).toMatchObject({ hits: 1, misses: 2, entries: 3 });
    expect(c.get('b')).toBe('B');
  });

  it('keeps a shared load alive past the request that started it, once per load', async () => {
    const kept: Array<Promise<unknown>> = [];
    const previous = setKeepAliveHook((p) => { kept.push(p); });
    try {
      const c = new ByteBudgetCache<string, string>(100);
      const load = async () => ({ value: 'v', bytes: 1 });
      await Promise.all([c.getOrLoad('k', load), c.getOrLoad('k', load)]);
      await c.getOrLoad('k', load); // a hit: nothing to keep alive
      expect(kept).toHaveLength(1);
    } finally {
      setKeepAliveHook(previous);
    }
  });
});

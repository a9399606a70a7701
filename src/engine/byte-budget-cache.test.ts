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

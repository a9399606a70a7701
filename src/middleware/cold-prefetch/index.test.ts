import { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppEnv } from '../../http/app-env.js';

const prefetchWhileLoading = vi.fn(async (_env: unknown, _q: string, _sort: string, _fresh: boolean) => 3);
vi.mock('../../worker/index-runtime.js', () => ({ prefetchWhileLoading }));
const { coldPrefetch, rawSort } = await import('./index.js');

afterEach(() => { prefetchWhileLoading.mockClear(); });

function app() {
  const a = new Hono<AppEnv>();
  a.use('*', coldPrefetch());
  a.get('/search', async (c) => c.json({ prefetched: c.var.prefetched ? await c.var.prefetched : null }));
  return a;
}

describe('coldPrefetch', () => {
  it('sends an unfiltered search\'s query and sort, and exposes how many shards it warmed', async () => {
    expect(await (await app().request('/search?q=+H%C3%A0+N%E1%BB%99i+&sort=Date:Desc')).json()).toEqual({ prefetched: 3 });
    expect(prefetchWhileLoading).toHaveBeenCalledTimes(1);
    expect(prefetchWhileLoading.mock.calls[0].slice(1)).toEqual(['Hà Nội', 'date:desc', false]);
    await app().request('/search?q=ha+noi');
    expect(prefetchWhileLoading.mock.calls[1].slice(1)).toEqual(['ha noi', 'relevance', false]);
    // Relevance with freshness warms like a date sort (the newest shard only).
    await app().request('/search?q=ha+noi&freshness=30d');
    expect(prefetchWhileLoading.mock.calls[2].slice(1)).toEqual(['ha noi', 'relevance', true]);
  });

  it('leaves filtered, empty and invalid searches to the search itself', async () => {
    for (const qs of ['q=ha+noi&category=the-thao', 'q=ha+noi&from=2020-01-01', 'q=ha+noi&to=2020-01-01', 'q=+', 'category=the-thao', 'q=ha+noi&sort=date', 'q=ha+noi&freshness=0d', 'q=ha+noi&freshness=soon', 'q=ha+noi&freshness=30d&sort=date:desc']) {
      expect(await (await app().request(`/search?${qs}`)).json()).toEqual({ prefetched: null });
    }
    expect(prefetchWhileLoading).not.toHaveBeenCalled();
  });

  it('reads sort as the API does (case-insensitive, relevance by default)', () => {
    expect(rawSort(undefined)).toBe('relevance');
    expect(rawSort(' DATE:ASC ')).toBe('date:asc');
    expect(rawSort('-date')).toBeNull();
  });
});

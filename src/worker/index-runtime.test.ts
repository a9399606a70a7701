import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEST_INDEX_DIR } from '../../test/support/node-test-index.js';
import type { Env } from './env.js';
import { setKeepAliveHook } from '../engine/keep-alive.js';
import { getIndexRuntime, prefetchWhileLoading, resetIndexRuntime, SCORE_BOUNDS_RETRY_MS } from './index-runtime.js';
import { IndexUnavailableError } from './manifest-loader.js';

/**
 * The front's index runtime over the single-shard fixture index (`npm test` builds it), with a fake
 * ASSETS binding: the score bounds load apart from the index, and searches do not wait for them.
 */
const ROOT = path.dirname(TEST_INDEX_DIR);
if (!existsSync(path.join(TEST_INDEX_DIR, 'manifest.json'))) throw new Error(`No fixture index at ${TEST_INDEX_DIR}: run \`npm test\` (or \`node scripts/prepare-test-index.mjs\`) first.`);
const manifest = () => JSON.parse(readFileSync(path.join(TEST_INDEX_DIR, 'manifest.json'), 'utf8')) as { scoreBounds: { file: string }; idDirectory: { parts: Array<{ file: string }> } };

/** A fake ASSETS binding over the fixture; `hold` delays the score bounds until released. */
function assets(opts: { corruptBounds?: boolean; corruptIds?: boolean; hold?: Promise<void> } = {}) {
  const reads: string[] = [];
  const boundsFile = manifest().scoreBounds.file;
  const idFile = manifest().idDirectory.parts[0].file;
  const fetch = async (url: string) => {
    const file = new URL(url).pathname.replace(/^\/index\//, '');
    reads.push(file);
    if (file === boundsFile && opts.hold) await opts.hold;
    const bytes = readFileSync(path.join(ROOT, 'index', file));
    if ((file === boundsFile && opts.corruptBounds) || (file === idFile && opts.corruptIds)) bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    return new Response(bytes);
  };
  return { env: { ASSETS: { fetch } as unknown as Fetcher, SHARD_MODE: 'auto' } as unknown as Env, reads, boundsFile, idFile };
}

const search = { q: 'hà nội', limit: 10, offset: 0, sort: 'relevance' as const, facets: [], prefixLast: false };

afterEach(() => resetIndexRuntime());

describe('index runtime', () => {
  it('loads without the score bounds and serves before they arrive, with the same answers, then routes by them', async () => {
    let release!: () => void;
    const a = assets({ hold: new Promise<void>((r) => { release = r; }) });
    const rt = await getIndexRuntime(a.env);
    expect(a.reads).not.toContain(a.boundsFile); // the first request's work does not compete with them
    expect(rt.service.scoreBounds).toBeNull();
    const before = await rt.service.search(search);
    expect(before.hits.length).toBeGreaterThan(0);
    const loading = rt.scoreBounds();
    expect(rt.scoreBounds()).toBe(loading); // one load, shared
    expect(a.reads.filter((f) => f === a.boundsFile)).toHaveLength(1);
    expect(rt.service.scoreBounds).toBeNull();
    expect((await rt.service.search(search)).hits).toEqual(before.hits);
    release();
    await loading;
    expect(rt.service.scoreBounds).not.toBeNull();
    const after = await rt.service.search(search);
    expect(after.hits.map((h) => h.id)).toEqual(before.hits.map((h) => h.id));
    expect(after.total).toBe(before.total);
  });

  it('refuses corrupt score bounds (for /health), keeps answering searches without them, and tries again after SCORE_BOUNDS_RETRY_MS', async () => {
    const t0 = Date.now();
    const now = vi.spyOn(Date, 'now').mockReturnValue(t0);
    const a = assets({ corruptBounds: true });
    const rt = await getIndexRuntime(a.env);
    const failed = rt.scoreBounds();
    await expect(failed).rejects.toBeInstanceOf(IndexUnavailableError);
    await expect(failed).rejects.toMatchObject({ code: 'index_corrupt', message: expect.stringMatching(/SHA-256.*npm run build:index/s) });
    expect(rt.service.scoreBounds).toBeNull();
    expect((await rt.service.search(search)).hits.length).toBeGreaterThan(0);
    const reads = a.reads.filter((f) => f === a.boundsFile).length;
    expect(await getIndexRuntime(a.env)).toBe(rt);
    now.mockReturnValue(t0 + SCORE_BOUNDS_RETRY_MS - 1);
    expect(rt.scoreBounds()).toBe(failed); // not the 8 MB read and hash again on every request
    expect(a.reads.filter((f) => f === a.boundsFile).length).toBe(reads);
    now.mockReturnValue(t0 + SCORE_BOUNDS_RETRY_MS);
    await expect(rt.scoreBounds()).rejects.toBeInstanceOf(IndexUnavailableError);
    expect(a.reads.filter((f) => f === a.boundsFile).length).toBe(reads + 1);
    now.mockRestore();
  });

  it('verifies the id directory for /health: a corrupt part is refused there, while requests by id ask every shard with the same answer', async () => {
    const good = await getIndexRuntime(assets().env);
    await expect(good.idDirectory()).resolves.toBeUndefined();
    const want = (await good.service.article('sample-01-ha-noi-xay-dung-dang')).article;
    expect(want?.title).toBeTruthy();
    resetIndexRuntime();
    const a = assets({ corruptIds: true });
    const rt = await getIndexRuntime(a.env);
    expect((await rt.service.article('sample-01-ha-noi-xay-dung-dang')).article).toEqual(want);
    expect((await rt.service.article('khong-co')).article).toBeNull();
    expect(rt.service.idDirectoryError).toMatch(/SHA-256/);
    await expect(rt.idDirectory()).rejects.toMatchObject({ code: 'index_corrupt', message: expect.stringMatching(/SHA-256.*npm run build:index/s) });
  });

  it('keeps the index load and the score bounds load alive past the request that started them', async () => {
    let release!: () => void;
    const a = assets({ hold: new Promise<void>((r) => { release = r; }) });
    const kept: Array<Promise<unknown>> = [];
    const previous = setKeepAliveHook((p) => { kept.push(p); });
    try {
      const rt = await getIndexRuntime(a.env);
      expect(kept).toHaveLength(2); // the manifest-stage base and the runtime, which concurrent requests await too
      const loading = rt.scoreBounds(); // started after a request's work, awaited by no request
      expect(kept).toHaveLength(3);
      let settled = false;
      void kept[2].then(() => { settled = true; });
      await new Promise((r) => setTimeout(r, 10));
      expect(settled).toBe(false); // the bounds are still held back: the request must stay alive
      release();
      await loading;
      await Promise.all(kept);
      expect(settled).toBe(true);
    } finally {
      setKeepAliveHook(previous);
    }
  });

  it('warms the shards of a search that arrives while the index loads, and its pair parts, before the lexicon is read, and only then', async () => {
    const a = assets();
    const m = JSON.parse(readFileSync(path.join(TEST_INDEX_DIR, 'manifest.json'), 'utf8')) as { lexicon: { file: string }; lexiconPairs: { parts: Array<{ file: string }> }; shards: Array<{ head: { file: string } }> };
    const early = prefetchWhileLoading(a.env, 'hà nội', 'relevance');
    const rt = await getIndexRuntime(a.env);
    expect(await early).toBe(1);
    expect(a.reads.indexOf(m.shards[0].head.file)).toBeGreaterThanOrEqual(0);
    expect(a.reads.indexOf(m.shards[0].head.file)).toBeLessThan(a.reads.indexOf(m.lexicon.file));
    expect(a.reads.filter((f) => f === 'manifest.json')).toHaveLength(1); // one manifest for both
    // The plan's pair part was asked for beside the shards, before the lexicon, and read once.
    const part = m.lexiconPairs.parts[0].file;
    expect(a.reads.indexOf(part)).toBeGreaterThanOrEqual(0);
    expect(a.reads.indexOf(part)).toBeLessThan(a.reads.indexOf(m.lexicon.file));
    // The search itself finds its shard warm (not prefetched again), with the same answer as a cold front's.
    const warmed = await rt.service.search(search);
    expect(warmed.routing.prefetched).toBeUndefined();
    expect(a.reads.filter((f) => f === part)).toHaveLength(1);
    expect(await prefetchWhileLoading(a.env, 'hà nội', 'relevance')).toBe(0); // loaded: searches warm for themselves
    resetIndexRuntime();
    const plain = await (await getIndexRuntime(assets().env)).service.search(search);
    expect(plain.routing.prefetched).toBe(1);
    expect(warmed.hits).toEqual(plain.hits);
    expect(warmed.total).toBe(plain.total);
  });

  it('warms nothing when the manifest cannot be loaded (the request reports that itself)', async () => {
    const env = { ASSETS: { fetch: async () => new Response('missing', { status: 404 }) } as unknown as Fetcher, SHARD_MODE: 'auto' } as unknown as Env;
    expect(await prefetchWhileLoading(env, 'hà nội', 'relevance')).toBe(0);
    await expect(getIndexRuntime(env)).rejects.toMatchObject({ code: 'index_missing' });
  });

  it('reads the manifest again after a failed index load, so a fixed index is picked up by the next request', async () => {
    const a = assets();
    const lexiconFile = (JSON.parse(readFileSync(path.join(TEST_INDEX_DIR, 'manifest.json'), 'utf8')) as { lexicon: { file: string } }).lexicon.file;
    let broken = true;
    const inner = a.env.ASSETS.fetch.bind(a.env.ASSETS) as unknown as (url: string) => Promise<Response>;
    const env = { ...a.env, ASSETS: { fetch: async (url: string) => (broken && url.endsWith(lexiconFile) ? new Response('gone', { status: 404 }) : inner(url)) } as unknown as Fetcher } as Env;
    await expect(getIndexRuntime(env)).rejects.toMatchObject({ code: 'index_corrupt' });
    broken = false;
    expect((await (await getIndexRuntime(env)).service.search(search)).hits.length).toBeGreaterThan(0);
    expect(a.reads.filter((f) => f === 'manifest.json')).toHaveLength(2);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from './build-index.js';
import { FolderCopyStore } from './folder-copy-store.js';
import { openIndex } from './open-index.js';
import type { SearchRequest } from '../src/engine/search-service.js';

const request = (q: string): SearchRequest => ({ q, limit: 10, offset: 0, sort: 'relevance', facets: [], prefixLast: false });

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vn-copies-'));
  await buildIndex({ input: 'data', outDir: dir, shards: 2, layout: { postingsBlockBytes: 2048, documentBlockBytes: 2048 } });
  await buildIndex({ input: 'data', outDir: path.join(dir, 'packed'), shards: 2, layout: { postingsBlockBytes: 2048, documentBlockBytes: 2048, postingsPackBytes: 16_384, documentPackBytes: 16_384 } });
}, 60_000);
afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

describe('openIndex with { copies: true } (shards read as from complete Durable Object copies)', () => {
  it('answers exactly as the verified path does', async () => {
    const index = path.join(dir, 'index');
    const verified = await openIndex(index);
    const copies = await openIndex(index, { copies: true });
    for (const q of ['hà nội', 'giá vàng', 'bóng đá việt nam', 'ha noi']) {
      const a = await verified.search(request(q));
      const b = await copies.search(request(q));
      expect(b.hits.map((h) => [h.id, h.score, h.title])).toEqual(a.hits.map((h) => [h.id, h.score, h.title]));
      expect(b.total).toBe(a.total);
    }
  });

  it('reads a block out of its file when blocks are packed, answering exactly as one block per file', async () => {
    const single = await openIndex(path.join(dir, 'index'));
    const packed = await openIndex(path.join(dir, 'packed', 'index'), { copies: true });
    for (const q of ['hà nội', 'giá vàng', 'bóng đá việt nam', 'ha noi']) {
      const a = await single.search(request(q));
      const b = await packed.search(request(q));
      expect(b.hits.map((h) => [h.id, h.score, h.title, h.snippet])).toEqual(a.hits.map((h) => [h.id, h.score, h.title, h.snippet]));
      expect(b.total).toBe(a.total);
    }
  });

  it('reads a file by its name, null when missing, and is read-only', () => {
    const store = new FolderCopyStore(path.join(dir, 'index'));
    expect(store.get({ file: 'manifest.json', bytes: 0, sha256: 'x' })!.byteLength).toBeGreaterThan(0);
    expect(store.get({ file: 'shard-000/p-nope.bin', bytes: 0, sha256: 'y' })).toBeNull();
    expect(() => store.put({ file: 'x', bytes: 0, sha256: 'x' }, new ArrayBuffer(0))).toThrow(/read-only/);
  });
});

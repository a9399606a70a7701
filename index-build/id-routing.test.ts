import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexManifest } from '../src/index-format/manifest.js';
import { RelatedService } from '../src/engine/related/related-service.js';
import type { SearchService } from '../src/engine/search-service.js';
import { buildIndex } from './build-index.js';
import { openIndex } from './open-index.js';

/**
 * Requests addressed by an article's id ask only the shard the build's id directory names, with the
 * answer asking every shard gives: the article, or null for an id no built article has (no shard asked).
 */

const WORDS = ['hà nội', 'giá vàng', 'bóng đá', 'thời tiết', 'chứng khoán', 'giáo dục', 'y tế', 'giao thông'];

/** 300 dated articles (so they spread over the shards in date order, not id order). */
function corpus(): string {
  let x = 777;
  const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 4294967296);
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)];
  return Array.from({ length: 300 }, (_, i) => {
    const day = new Date(Date.UTC(2012, 0, 1) + Math.floor(rand() * 2000) * 86_400_000).toISOString().slice(0, 10);
    return JSON.stringify({ id: `bai-${i}`, title: `${pick()} ${pick()} số ${i}`, body: Array.from({ length: 8 }, pick).join(', '), date: day });
  }).join('\n') + '\n';
}

let dir = '';
let svc: SearchService;
let manifest: IndexManifest;
/** Per shard: `article` calls since the last reset. */
let calls: number[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vn-ids-'));
  await writeFile(path.join(dir, 'corpus.jsonl'), corpus());
  await buildIndex({ input: path.join(dir, 'corpus.jsonl'), outDir: dir, shards: 6 });
  manifest = JSON.parse(await readFile(path.join(dir, 'index/manifest.json'), 'utf8')) as IndexManifest;
  svc = await openIndex(path.join(dir, 'index'));
  calls = svc.shards.map(() => 0);
  svc.shards.forEach((s, i) => {
    const article = s.article.bind(s);
    s.article = (id: string) => { calls[i]++; return article(id); };
  });
}, 60_000);
afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

/** What asking every shard finds: the article's shard and title. */
async function everyShard(id: string): Promise<{ shard: number; title: string } | null> {
  const found = await Promise.all(svc.shards.map((s) => s.article(id)));
  const shard = found.findIndex((a) => a !== null);
  return shard < 0 ? null : { shard, title: found[shard]!.title };
}

describe('requests by id ask the shard the id directory names', () => {
  it('the build lists one directory part for a small archive, in the manifest', () => {
    expect(manifest.idDirectory?.parts).toHaveLength(1);
    expect(manifest.idDirectory!.parts[0].file).toMatch(/^ids\/part-0000-[0-9a-f]{16}\.bin$/);
  });

  it('finds every article with one shard call, the same article as asking every shard', async () => {
    for (let i = 0; i < 300; i += 7) {
      const id = `bai-${i}`;
      const want = await everyShard(id);
      expect(want).not.toBeNull();
      calls.fill(0);
      const got = await svc.article(id);
      expect(got.article?.title).toBe(want!.title);
      expect(calls.reduce((a, b) => a + b, 0)).toBe(1);
      expect(calls[want!.shard]).toBe(1);
    }
    // The articles were spread over every shard.
    const shards = new Set(await Promise.all(Array.from({ length: 300 }, (_, i) => everyShard(`bai-${i}`).then((w) => w!.shard))));
    expect(shards.size).toBe(svc.shards.length);
  });

  it('answers null for an id no built article has, without asking any shard', async () => {
    calls.fill(0);
    expect((await svc.article('bai-300')).article).toBeNull();
    expect((await svc.article('')).article).toBeNull();
    expect(calls).toEqual(svc.shards.map(() => 0));
  });

  it('the related-articles source is found the same way', async () => {
    calls.fill(0);
    const source = await RelatedService.of(svc).source('bai-42');
    expect(source.indexed).toBe(true);
    expect(source.article?.id).toBe('bai-42');
    expect(calls.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('asks every shard, with the same answers, when a directory part is damaged', async () => {
    const part = manifest.idDirectory!.parts[0].file;
    const bytes = await readFile(path.join(dir, 'index', part));
    bytes[bytes.length - 1] ^= 0xff;
    await writeFile(path.join(dir, 'index', part), bytes);
    const damaged = await openIndex(path.join(dir, 'index'));
    expect((await damaged.article('bai-42')).article?.id).toBe('bai-42');
    expect((await damaged.article('bai-300')).article).toBeNull();
    expect(damaged.idDirectoryError).toMatch(/SHA-256|sha256|hash/i);
    expect(await damaged.shardsHolding('bai-42')).toEqual(svc.shards.map((_, i) => i));
  });
});

import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchRequest, SearchService } from '../src/engine/search-service.js';
import { buildIndex } from './build-index.js';
import { openIndex } from './open-index.js';

/**
 * An archive whose rarest syllables live in the lexicon's tail must answer exactly as the same
 * archive with every syllable in the lexicon: same hits, order, totals and interpretation; a rare
 * word's search asks only the shards holding it.
 */

const COMMON = ['hà nội', 'giá vàng', 'bóng đá', 'thời tiết', 'chứng khoán', 'giáo dục', 'y tế', 'giao thông', 'xây dựng', 'đảng ủy', 'thuế', 'du lịch'];
/** Rare accented words: each article gets one, so each is seen in one document. */
const RARE = ['ngoằn', 'nghoèo', 'khuỷu', 'quýnh', 'huơ', 'thuở', 'ngoẹo', 'khuếch', 'xoẳn', 'ngoắt'];

function corpus(): string {
  let x = 777;
  const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 4294967296);
  const pick = () => COMMON[Math.floor(rand() ** 1.4 * COMMON.length)];
  const lines: string[] = [];
  for (let i = 0; i < 300; i++) {
    const day = new Date(Date.UTC(2012, 0, 1) + Math.floor(rand() * 2000) * 86_400_000).toISOString().slice(0, 10);
    const name = `Zorbex${i}`; // a name seen once in the whole archive
    const rare = i < RARE.length ? ` ${RARE[i]}` : '';
    const title = `${pick()} ${pick()}${rare} ${i % 3 === 0 ? name : ''}`.trim();
    const body = `${Array.from({ length: 4 + Math.floor(rand() * 25) }, pick).join(', ')}. Ông ${name} nói${rare}.`;
    lines.push(JSON.stringify({ id: `a${i}`, title, body, date: day }));
  }
  return lines.join('\n') + '\n';
}

let dir = '';
let whole: SearchService;
let tailed: SearchService;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vn-tail-'));
  await writeFile(path.join(dir, 'corpus.jsonl'), corpus());
  await buildIndex({ input: path.join(dir, 'corpus.jsonl'), outDir: path.join(dir, 'whole'), shards: 6 });
  await buildIndex({ input: path.join(dir, 'corpus.jsonl'), outDir: path.join(dir, 'tailed'), shards: 6, minHotDf: 2, tailPartBytes: 2048 });
  whole = await openIndex(path.join(dir, 'whole', 'index'));
  tailed = await openIndex(path.join(dir, 'tailed', 'index'));
}, 60_000);
afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

const request = (q: string, over: Partial<SearchRequest> = {}): SearchRequest => ({ q, limit: 10, offset: 0, sort: 'relevance', facets: [], prefixLast: false, ...over });
const QUERIES = ['Zorbex3', 'zorbex12 hà nội', 'ngoan', 'ngoằn', 'nghoeo', 'khuyu', 'khuỷu giao thông', 'thuở', 'huo', 'hà nội', 'gia vang', 'bóng đá thời tiết', 'zorbex999', 'zorbex5 zorbex7', '"ông zorbex9"', 'quynh -thue'];

describe('lexicon tail', () => {
  it('moves the syllables seen once into parts listed in the manifest, out of the lexicon', async () => {
    const tail = tailed.manifest.lexiconTail!;
    expect(tail.minHotDf).toBe(2);
    expect(tail.parts.length).toBeGreaterThan(3);
    expect(tail.parts.map((p) => p.first)).toEqual([...tail.parts.map((p) => p.first)].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1)));
    expect(tail.parts.reduce((n, p) => n + p.syllables, 0)).toBeGreaterThanOrEqual(300);
    expect(whole.manifest.lexiconTail).toBeUndefined();
    expect(tailed.lexicon.df('zorbex3')).toBe(0); // not in the lexicon itself
    expect(whole.lexicon.df('zorbex3')).toBe(1);
    expect(tailed.manifest.lexicon.bytes).toBeLessThan(whole.manifest.lexicon.bytes);
    const files = await readdir(path.join(dir, 'tailed', 'index', 'lexicon-tail'));
    expect(files.length).toBe(tail.parts.length);
  });

  it('the lexicon view of a query knows its rare syllables as the whole lexicon does', async () => {
    const { lexicon } = await tailed.planWithTail('Zorbex3 ngoan khuỷu', false);
    for (const f of ['zorbex3', 'ngoan', 'khuyu']) {
      expect(lexicon.df(f), f).toBe(whole.lexicon.df(f));
      expect(lexicon.readings(f), f).toEqual(whole.lexicon.readings(f));
    }
    expect(lexicon.exactCount('khuỷu')).toBe(whole.lexicon.exactCount('khuỷu'));
    expect(lexicon.totalCount).toBe(whole.lexicon.totalCount);
    expect(tailed.lexicon.df('zorbex3')).toBe(0); // the view did not change the lexicon
  });

  it('answers every query as the whole lexicon does: hits, order, totals, interpretation', async () => {
    for (const q of QUERIES) {
      for (const over of [{}, { sort: 'date:desc' as const }, { trackTotalHits: 3 }]) {
        const [got, want] = [await tailed.search(request(q, over)), await whole.search(request(q, over))];
        const label = `${q} ${JSON.stringify(over)}`;
        expect(got.hits.map((h) => h.id), label).toEqual(want.hits.map((h) => h.id));
        expect(got.hits.map((h) => h.score), label).toEqual(want.hits.map((h) => h.score));
        expect(got.total, label).toBe(want.total);
        expect(got.totalRelation, label).toBe(want.totalRelation);
        expect(got.interpretedAs, label).toEqual(want.interpretedAs);
        expect(got.hits.map((h) => h.snippet), label).toEqual(want.hits.map((h) => h.snippet));
      }
    }
  });

  it('a rare word asks only the shard holding it', async () => {
    const r = await tailed.search(request('Zorbex42'));
    expect(r.hits.map((h) => h.id)).toEqual(['a42']);
    expect(r.routing.called).toBe(1);
    const none = await tailed.search(request('zorbex999'));
    expect(none.total).toBe(0);
    expect(none.routing.called).toBe(0);
  });

  it('a damaged tail part is refused, not served', async () => {
    const tail = tailed.manifest.lexiconTail!;
    const victim = tail.parts[1];
    await writeFile(path.join(dir, 'tailed', 'index', victim.file), new Uint8Array(victim.bytes));
    const fresh = await openIndex(path.join(dir, 'tailed', 'index'));
    await expect(fresh.search(request(victim.first))).rejects.toThrow(/corrupt|SHA-256/);
  });
});
